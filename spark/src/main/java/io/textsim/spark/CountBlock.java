package io.textsim.spark;

import java.io.Serializable;
import java.util.Arrays;
import java.util.List;

/**
 * Counted shingles of sources in primitive arrays: group {@code g} is shingle {@code shingles[g]}
 * of the source whose 64-bit hash is {@code sources[g]}, held by {@code counts[g]} documents, the
 * smallest of whose order numbers {@code (rank, tie)} are {@code ranks[k], ties[k]} for {@code k}
 * in {@code [ends[g - 1], ends[g])} ({@code ends[-1] = 0}), ascending. A block travels as one
 * shuffle record, so a shuffle of millions of counted shingles costs its bytes, not millions of
 * records (see {@link FurnitureStage}).
 *
 * <p>Blocks made by {@link #combine} list their groups by (source, shingle) ascending, each
 * (source, shingle) once.
 */
record CountBlock(
    long[] sources, long[] shingles, int[] counts, int[] ends, long[] ranks, long[] ties)
    implements Serializable {
  private static final long serialVersionUID = 1L;

  static final CountBlock EMPTY = new Builder().build();

  int groups() {
    return sources.length;
  }

  int firstsFrom(int g) {
    return g == 0 ? 0 : ends[g - 1];
  }

  /**
   * The groups of {@code blocks} with equal (source, shingle) merged into one: their counts added,
   * the smallest {@code keep} of their order numbers kept; then only the groups whose count is at
   * least {@code minCount}, ordered by (source, shingle).
   */
  static CountBlock combine(List<CountBlock> blocks, int keep, int minCount) {
    int n = 0;
    int firsts = 0;
    for (CountBlock b : blocks) {
      n += b.groups();
      firsts += b.ranks().length;
    }
    // All groups side by side, then their order.
    long[] sources = new long[n];
    long[] shingles = new long[n];
    int[] counts = new int[n];
    int[] from = new int[n];
    int[] to = new int[n];
    long[] ranks = new long[firsts];
    long[] ties = new long[firsts];
    int g = 0;
    int f = 0;
    for (CountBlock b : blocks) {
      int m = b.groups();
      System.arraycopy(b.sources(), 0, sources, g, m);
      System.arraycopy(b.shingles(), 0, shingles, g, m);
      System.arraycopy(b.counts(), 0, counts, g, m);
      for (int i = 0; i < m; i++) {
        from[g + i] = f + b.firstsFrom(i);
        to[g + i] = f + b.ends()[i];
      }
      System.arraycopy(b.ranks(), 0, ranks, f, b.ranks().length);
      System.arraycopy(b.ties(), 0, ties, f, b.ties().length);
      g += m;
      f += b.ranks().length;
    }
    int[] order = RadixOrder.order(sources, shingles, n);
    Builder out = new Builder();
    long[] topRanks = new long[keep];
    long[] topTies = new long[keep];
    for (int i = 0; i < n; ) {
      int first = order[i];
      long source = sources[first];
      long shingle = shingles[first];
      long count = 0;
      int filled = 0;
      int j = i;
      for (; j < n && sources[order[j]] == source && shingles[order[j]] == shingle; j++) {
        int e = order[j];
        count += counts[e];
        for (int k = from[e]; k < to[e]; k++) {
          filled = insert(topRanks, topTies, filled, keep, ranks[k], ties[k]);
        }
      }
      if (count >= minCount) {
        out.add(source, shingle, Math.toIntExact(count), topRanks, topTies, filled);
      }
      i = j;
    }
    return out.build();
  }

  /** Where a group goes: a partition in {@code [0, partitions)}. */
  @FunctionalInterface
  interface Destination {
    int of(long source, long shingle);
  }

  /**
   * Occurrences of one document each, gathered in arrays of a fixed size and combined at once into
   * one block per destination: what {@link #combine} and a split by destination give for blocks of
   * such occurrences, without their copies (a map-side chunk is millions of occurrences, and
   * growing, copying and re-reading them was much of the count). Not thread-safe.
   */
  static final class Occurrences {
    private final long[] sources;
    private final long[] shingles;
    private final long[] ranks;
    private final long[] ties;
    private int n;

    Occurrences(int capacity) {
      sources = new long[capacity];
      shingles = new long[capacity];
      ranks = new long[capacity];
      ties = new long[capacity];
    }

    int size() {
      return n;
    }

    boolean full() {
      return n == sources.length;
    }

    /**
     * Adds shingle {@code shingle} of source {@code source} in the document {@code (rank, tie)}.
     */
    void add(long source, long shingle, long rank, long tie) {
      sources[n] = source;
      shingles[n] = shingle;
      ranks[n] = rank;
      ties[n] = tie;
      n++;
    }

    /**
     * The occurrences combined (counts, the smallest {@code keep} order numbers, by (source,
     * shingle)), as one block per destination, at its index (null where none); then empties this.
     */
    CountBlock[] combine(int keep, Destination destination, int partitions) {
      int[] order = RadixOrder.order(sources, shingles, n);
      Builder[] parts = new Builder[partitions];
      long[] topRanks = new long[keep];
      long[] topTies = new long[keep];
      for (int i = 0; i < n; ) {
        int first = order[i];
        long source = sources[first];
        long shingle = shingles[first];
        int filled = 0;
        int j = i;
        for (; j < n && sources[order[j]] == source && shingles[order[j]] == shingle; j++) {
          int e = order[j];
          filled = insert(topRanks, topTies, filled, keep, ranks[e], ties[e]);
        }
        int p = destination.of(source, shingle);
        if (parts[p] == null) {
          parts[p] = new Builder();
        }
        parts[p].add(source, shingle, j - i, topRanks, topTies, filled);
        i = j;
      }
      n = 0;
      CountBlock[] out = new CountBlock[partitions];
      for (int p = 0; p < partitions; p++) {
        out[p] = parts[p] == null ? null : parts[p].build();
      }
      return out;
    }
  }

  /** Inserts {@code (rank, tie)} into the ascending {@code filled} smallest; the new fill. */
  private static int insert(long[] ranks, long[] ties, int filled, int keep, long rank, long tie) {
    if (filled == keep && compare(rank, tie, ranks[filled - 1], ties[filled - 1]) >= 0) {
      return filled;
    }
    int at = filled < keep ? filled++ : filled - 1;
    while (at > 0 && compare(ranks[at - 1], ties[at - 1], rank, tie) > 0) {
      ranks[at] = ranks[at - 1];
      ties[at] = ties[at - 1];
      at--;
    }
    ranks[at] = rank;
    ties[at] = tie;
    return filled;
  }

  static int compare(long rankA, long tieA, long rankB, long tieB) {
    int c = Long.compare(rankA, rankB);
    return c != 0 ? c : Long.compare(tieA, tieB);
  }

  /** Appends groups to growing arrays. Not thread-safe. */
  static final class Builder {
    private long[] sources = new long[16];
    private long[] shingles = new long[16];
    private int[] counts = new int[16];
    private int[] ends = new int[16];
    private long[] ranks = new long[16];
    private long[] ties = new long[16];
    private int groups;
    private int firsts;

    int groups() {
      return groups;
    }

    /** Appends a group whose order numbers are {@code ranks[0, n), ties[0, n)}. */
    Builder add(long source, long shingle, int count, long[] ranks, long[] ties, int n) {
      return add(source, shingle, count, ranks, ties, 0, n);
    }

    /** Appends a group whose order numbers are {@code ranks[off, off + n), ties[off, off + n)}. */
    Builder add(long source, long shingle, int count, long[] ranks, long[] ties, int off, int n) {
      if (groups == sources.length) {
        int size = groups * 2;
        sources = Arrays.copyOf(sources, size);
        shingles = Arrays.copyOf(shingles, size);
        counts = Arrays.copyOf(counts, size);
        ends = Arrays.copyOf(ends, size);
      }
      if (firsts + n > this.ranks.length) {
        int size = Math.max(firsts + n, this.ranks.length * 2);
        this.ranks = Arrays.copyOf(this.ranks, size);
        this.ties = Arrays.copyOf(this.ties, size);
      }
      System.arraycopy(ranks, off, this.ranks, firsts, n);
      System.arraycopy(ties, off, this.ties, firsts, n);
      firsts += n;
      sources[groups] = source;
      shingles[groups] = shingle;
      counts[groups] = count;
      ends[groups] = firsts;
      groups++;
      return this;
    }

    /** Appends group {@code g} of {@code block}. */
    Builder add(CountBlock block, int g) {
      int from = block.firstsFrom(g);
      return add(
          block.sources()[g],
          block.shingles()[g],
          block.counts()[g],
          block.ranks(),
          block.ties(),
          from,
          block.ends()[g] - from);
    }

    CountBlock build() {
      return new CountBlock(
          Arrays.copyOf(sources, groups),
          Arrays.copyOf(shingles, groups),
          Arrays.copyOf(counts, groups),
          Arrays.copyOf(ends, groups),
          Arrays.copyOf(ranks, firsts),
          Arrays.copyOf(ties, firsts));
    }
  }
}
