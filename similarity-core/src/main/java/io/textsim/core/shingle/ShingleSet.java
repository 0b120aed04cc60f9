package io.textsim.core.shingle;

import java.util.Arrays;
import java.util.Objects;
import java.util.function.IntPredicate;
import java.util.function.LongPredicate;

/**
 * An immutable set of 64-bit shingle hashes, stored as a sorted array of distinct values.
 *
 * <p>Set operations are linear merges; {@link #contains(long)} is a binary search. Immutable and
 * thread-safe.
 */
public final class ShingleSet {
  private static final ShingleSet EMPTY = new ShingleSet(new long[0]);

  private final long[] hashes;

  private ShingleSet(long[] sortedDistinct) {
    this.hashes = sortedDistinct;
  }

  /** The empty set. */
  public static ShingleSet empty() {
    return EMPTY;
  }

  /** A set of the given hashes, in any order, duplicates allowed; the array is copied. */
  public static ShingleSet of(long... hashes) {
    Objects.requireNonNull(hashes, "hashes");
    return ofOwned(hashes.clone());
  }

  /** Takes ownership of {@code hashes}: sorts it in place and drops duplicates. */
  static ShingleSet ofOwned(long[] hashes) {
    if (hashes.length == 0) {
      return EMPTY;
    }
    Arrays.sort(hashes);
    int distinct = 1;
    for (int i = 1; i < hashes.length; i++) {
      if (hashes[i] != hashes[distinct - 1]) {
        hashes[distinct++] = hashes[i];
      }
    }
    return new ShingleSet(distinct == hashes.length ? hashes : Arrays.copyOf(hashes, distinct));
  }

  /** The number of distinct shingles. */
  public int size() {
    return hashes.length;
  }

  /** True if the set has no shingles. */
  public boolean isEmpty() {
    return hashes.length == 0;
  }

  /** The {@code i}-th smallest hash (signed order). */
  public long get(int i) {
    return hashes[i];
  }

  /** True if {@code hash} is in the set. */
  public boolean contains(long hash) {
    return indexOf(hash, 0) >= 0;
  }

  /**
   * The index of {@code hash} among this set's hashes at or after {@code from}, or {@code
   * -(insertion point) - 1} as {@link Arrays#binarySearch(long[], int, int, long)} gives it.
   *
   * <p>Shingle hashes are uniform over the 64-bit range, so the search interpolates: a few probes
   * instead of log n, each a cache miss in a set of millions (a collection's recurring shingles).
   * After 8 probes it falls back to bisection, so any set (hashes are public input) stays O(log n).
   *
   * @throws IndexOutOfBoundsException if {@code from} is not in [0, size]
   */
  public int indexOf(long hash, int from) {
    return search(hashes, from, hashes.length, hash);
  }

  /** Interpolation search in {@code a[from, to)}, sorted ascending and distinct. */
  static int search(long[] a, int from, int to, long key) {
    java.util.Objects.checkFromToIndex(from, to, a.length);
    int lo = from;
    int hi = to - 1;
    for (int probes = 0; lo <= hi && probes < 8; probes++) {
      long first = a[lo];
      long last = a[hi];
      if (key <= first) {
        return key == first ? lo : -(lo + 1);
      }
      if (key >= last) {
        return key == last ? hi : -(hi + 2);
      }
      // first < key < last, so the fraction is in (0, 1) and mid in [lo, hi].
      double fraction = ((double) key - (double) first) / ((double) last - (double) first);
      int mid = lo + (int) (fraction * (hi - lo));
      long value = a[mid];
      if (value < key) {
        lo = mid + 1;
      } else if (value > key) {
        hi = mid - 1;
      } else {
        return mid;
      }
    }
    return lo <= hi ? Arrays.binarySearch(a, lo, hi + 1, key) : -(lo + 1);
  }

  /** The hashes themselves, for readers in this package that never write them. */
  long[] array() {
    return hashes;
  }

  /** A copy of the hashes, sorted ascending. */
  public long[] toArray() {
    return hashes.clone();
  }

  /** |this ∩ other|, by a linear merge of the two sorted arrays. */
  public int intersectionSize(ShingleSet other) {
    Objects.requireNonNull(other, "other");
    long[] a = hashes;
    long[] b = other.hashes;
    int i = 0;
    int j = 0;
    int common = 0;
    while (i < a.length && j < b.length) {
      long x = a[i];
      long y = b[j];
      if (x < y) {
        i++;
      } else if (x > y) {
        j++;
      } else {
        common++;
        i++;
        j++;
      }
    }
    return common;
  }

  /**
   * The shingles of this set that are not in {@code removed}, by one linear merge; this set itself
   * when nothing is removed.
   */
  public ShingleSet without(ShingleSet removed) {
    Objects.requireNonNull(removed, "removed");
    long[] a = hashes;
    long[] b = removed.hashes;
    if (a.length == 0 || b.length == 0) {
      return this;
    }
    if (b.length / 16 > a.length) {
      // A document's few hundred shingles against a model of many thousands: looking each up is
      // O(n log m), where a merge would be O(m) for every document.
      return without((LongPredicate) x -> search(b, 0, b.length, x) >= 0);
    }
    long[] out = new long[a.length];
    int kept = 0;
    int j = 0;
    for (long x : a) {
      while (j < b.length && b[j] < x) {
        j++;
      }
      if (j == b.length || b[j] != x) {
        out[kept++] = x;
      }
    }
    if (kept == a.length) {
      return this;
    }
    return kept == 0 ? EMPTY : new ShingleSet(Arrays.copyOf(out, kept));
  }

  /**
   * This set without the shingles at the indices (in {@link #get} order) that {@code removed}
   * accepts; this set itself if it accepts none.
   */
  public ShingleSet withoutIndices(IntPredicate removed) {
    Objects.requireNonNull(removed, "removed");
    long[] out = null;
    int kept = 0;
    for (int i = 0; i < hashes.length; i++) {
      if (removed.test(i)) {
        if (out == null) {
          out = Arrays.copyOf(hashes, hashes.length);
          kept = i;
        }
      } else if (out != null) {
        out[kept++] = hashes[i];
      }
    }
    if (out == null) {
      return this;
    }
    return kept == 0 ? EMPTY : new ShingleSet(Arrays.copyOf(out, kept));
  }

  /** This set without the shingles {@code removed} accepts; this set itself if it accepts none. */
  public ShingleSet without(LongPredicate removed) {
    Objects.requireNonNull(removed, "removed");
    return withoutIndices(i -> removed.test(hashes[i]));
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ShingleSet s && Arrays.equals(hashes, s.hashes);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(hashes);
  }

  @Override
  public String toString() {
    return "ShingleSet[size=" + hashes.length + "]";
  }
}
