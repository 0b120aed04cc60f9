package io.textsim.core.edit;

import io.textsim.core.Cancellation;
import java.util.Arrays;
import java.util.Objects;

/**
 * Length of the longest common subsequence (LCS) of two sequences of {@code int}s: code points for
 * text, token ids for words. {@code |a| + |b| - 2 * lcs} is the insert-and-delete (indel) distance.
 *
 * <p>Bit-parallel, 64 cells of a matrix column per machine word (Allison and Dix 1986; Hyyrö 2004):
 * after the common prefix and suffix are stripped (each shared element is in some longest common
 * subsequence), the shorter rest is the pattern, and each element of the longer one updates the
 * column vector {@code V} by {@code U = V & match; V = (V + U) | (V & ~U)}; the zero bits of {@code
 * V} count the LCS. Cost: O(n m / 64) time. Written here because Commons Text's {@code
 * LongestCommonSubsequence} computes the dynamic programme one cell at a time (O(n m), 64 times the
 * work), on UTF-16 units rather than code points, and cannot be stopped at a deadline. Memory is
 * O(m / 64) words per distinct pattern symbol, capped (beyond the cap, symbols keep position lists
 * instead). Polls its {@link Cancellation} about every 64K words of work, and every 64K elements of
 * its set-up (prefix, suffix, symbol ids, match masks). Checked against the textbook dynamic
 * programme on random and adversarial inputs.
 */
public final class LongestCommonSubsequence {

  /** Smallest budget, in longs, for the dense match table; above it 4 longs per pattern element. */
  private static final long DENSE_TABLE_LONGS = 1L << 16;

  /** Word steps between two cancellation polls. */
  private static final long POLL_WORDS = 1L << 16;

  private LongestCommonSubsequence() {}

  /** The length of a longest common subsequence of {@code a} and {@code b}. */
  public static int length(int[] a, int[] b) {
    return length(a, b, Cancellation.never());
  }

  /**
   * {@link #length(int[], int[])} that stops when {@code cancellation} fires.
   *
   * @throws io.textsim.core.OperationCancelledException if {@code cancellation} fires
   */
  public static int length(int[] a, int[] b, Cancellation cancellation) {
    Objects.requireNonNull(a, "a");
    Objects.requireNonNull(b, "b");
    Objects.requireNonNull(cancellation, "cancellation");
    int shorter = Math.min(a.length, b.length);
    int prefix = 0;
    while (prefix < shorter && a[prefix] == b[prefix]) {
      SetupPolls.at(prefix, cancellation);
      prefix++;
    }
    int suffix = 0;
    while (suffix < shorter - prefix && a[a.length - 1 - suffix] == b[b.length - 1 - suffix]) {
      SetupPolls.at(suffix, cancellation);
      suffix++;
    }
    int restA = a.length - prefix - suffix;
    int restB = b.length - prefix - suffix;
    if (restA == 0 || restB == 0) {
      return prefix + suffix;
    }
    return prefix
        + suffix
        + (restA <= restB
            ? columns(a, b, prefix, restA, restB, cancellation)
            : columns(b, a, prefix, restB, restA, cancellation));
  }

  /**
   * Returns the LCS similarity {@code lcs / max(lengthA, lengthB)}, in [0, 1]; 1.0 when both
   * sequences are empty (RapidFuzz's normalized {@code LCSseq} similarity).
   *
   * @throws IllegalArgumentException if a length is negative or {@code lcs} is negative or more
   *     than the shorter length
   */
  public static double similarity(int lcs, int lengthA, int lengthB) {
    if (lengthA < 0) {
      throw new IllegalArgumentException("lengthA must be >= 0, was " + lengthA);
    }
    if (lengthB < 0) {
      throw new IllegalArgumentException("lengthB must be >= 0, was " + lengthB);
    }
    int shorter = Math.min(lengthA, lengthB);
    if (lcs < 0 || lcs > shorter) {
      throw new IllegalArgumentException(
          "lcs must be between 0 and min(lengthA, lengthB) = " + shorter + ", was " + lcs);
    }
    int longer = Math.max(lengthA, lengthB);
    return longer == 0 ? 1.0 : (double) lcs / longer;
  }

  /**
   * The LCS of {@code pattern[offset, offset + m)} and {@code text[offset, offset + n)}, {@code 1
   * <= m <= n}.
   */
  private static int columns(
      int[] pattern, int[] text, int offset, int m, int n, Cancellation cancellation) {
    int blocks = (m + Long.SIZE - 1) >>> 6;
    int[] patternIds = new int[m];
    SymbolIds symbols =
        new SymbolIds(pattern, offset, m, patternIds, new int[SymbolIds.TABLE_SIZE], cancellation);
    int sigma = symbols.size();
    MatchMasks masks = MatchMasks.of(patternIds, sigma, blocks, cancellation);

    // Bit i of V is 1 while row i has not yet added to the LCS; the rows past m (padding) never
    // match, so U is 0 there and they stay 1.
    long[] v = new long[blocks];
    Arrays.fill(v, -1L);
    boolean poll = cancellation != Cancellation.never();
    long wordsSincePoll = 0;
    for (int j = 0; j < n; j++) {
      int id = symbols.idOf(text[offset + j]);
      if (id == 0) {
        // A symbol the pattern lacks matches nothing: V is unchanged. Still a unit of work, so
        // that a long run of such symbols cannot pass unpolled.
        if (poll && ++wordsSincePoll >= POLL_WORDS) {
          wordsSincePoll = 0;
          cancellation.throwIfCancelled();
        }
        continue;
      }
      long[] eq = masks.of(id);
      int base = masks.base(id);
      long carry = 0;
      for (int b = 0; b < blocks; b++) {
        long x = v[b];
        long u = x & eq[base + b];
        long sum = x + u + carry;
        // The carry out of bit 63 of x + u + carry (full-adder rule on the top bits).
        carry = ((x & u) | ((x | u) & ~sum)) >>> 63;
        v[b] = sum | (x & ~u);
      }
      if (poll && (wordsSincePoll += blocks) >= POLL_WORDS) {
        wordsSincePoll = 0;
        cancellation.throwIfCancelled();
      }
    }
    int ones = 0;
    for (long x : v) {
      ones += Long.bitCount(x);
    }
    return blocks * Long.SIZE - ones;
  }

  /**
   * The pattern's match masks: for symbol id {@code s}, words {@code of(s)[base(s) + b]} have bit
   * {@code i} set when pattern element {@code 64 * b + i} is {@code s}. Dense rows for every symbol
   * when they fit the budget; otherwise (huge vocabularies, CJK) sorted position lists, expanded
   * into one scratch row per use.
   */
  private static final class MatchMasks {
    private final int blocks;
    private final long[] dense; // null when the lists are used

    private final int[] listStart;
    private final int[] listPositions;
    private final long[] scratch;

    private MatchMasks(int blocks, long[] dense, int[] listStart, int[] listPositions) {
      this.blocks = blocks;
      this.dense = dense;
      this.listStart = listStart;
      this.listPositions = listPositions;
      this.scratch = dense == null ? new long[blocks] : null;
    }

    static MatchMasks of(int[] patternIds, int sigma, int blocks, Cancellation cancellation) {
      int m = patternIds.length;
      long budget = Math.min(Math.max(DENSE_TABLE_LONGS, 4L * m), Integer.MAX_VALUE / 2);
      if ((long) (sigma + 1) * blocks <= budget) {
        long[] dense = new long[(sigma + 1) * blocks];
        for (int i = 0; i < m; i++) {
          SetupPolls.at(i, cancellation);
          dense[patternIds[i] * blocks + (i >>> 6)] |= 1L << i;
        }
        return new MatchMasks(blocks, dense, null, null);
      }
      int[] start = new int[sigma + 2];
      for (int i = 0; i < m; i++) {
        SetupPolls.at(i, cancellation);
        start[patternIds[i] + 1]++;
      }
      for (int s = 0; s <= sigma; s++) {
        start[s + 1] += start[s];
      }
      int[] positions = new int[m];
      int[] fill = Arrays.copyOf(start, sigma + 1);
      for (int i = 0; i < m; i++) {
        SetupPolls.at(i, cancellation);
        positions[fill[patternIds[i]]++] = i; // increasing within each symbol
      }
      return new MatchMasks(blocks, null, start, positions);
    }

    long[] of(int id) {
      if (dense != null) {
        return dense;
      }
      Arrays.fill(scratch, 0L);
      for (int q = listStart[id], end = listStart[id + 1]; q < end; q++) {
        int position = listPositions[q];
        scratch[position >>> 6] |= 1L << position;
      }
      return scratch;
    }

    int base(int id) {
      return dense != null ? id * blocks : 0;
    }
  }
}
