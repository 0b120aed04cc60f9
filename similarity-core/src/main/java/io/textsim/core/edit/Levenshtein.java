package io.textsim.core.edit;

import io.textsim.core.Cancellation;
import java.util.Arrays;
import java.util.Objects;

/**
 * Levenshtein (unit-cost edit) distance between sequences of {@code int}s (Unicode code points or
 * token ids), computed with bit-parallel dynamic programming.
 *
 * <h2>Definition</h2>
 *
 * The distance {@code d(a, b)} is the least number of single-element insertions, deletions and
 * substitutions that turn {@code a} into {@code b}. It is a metric: {@code d(a, b) = 0} exactly
 * when {@code a} equals {@code b}, it is symmetric, and it obeys the triangle inequality. Always
 * {@code |len(a) - len(b)| <= d(a, b) <= max(len(a), len(b))}.
 *
 * <table class="striped">
 *   <caption>Empty inputs</caption>
 *   <thead><tr><th>a</th><th>b</th><th>distance</th><th>{@link #similarity similarity}</th></tr>
 *   </thead>
 *   <tbody>
 *   <tr><td>empty</td><td>empty</td><td>0</td><td>1.0</td></tr>
 *   <tr><td>empty</td><td>n elements</td><td>n</td><td>0.0</td></tr>
 *   </tbody>
 * </table>
 *
 * <p>Text overloads compare Unicode code points, never UTF-16 units: a supplementary character such
 * as U+1D4B3 counts as one element, and a combining mark counts as an element of its own. No
 * normalization is applied; normalize first if {@code "é"} and {@code "e\u0301"} should be equal.
 *
 * <h2>Algorithm and complexity</h2>
 *
 * The common prefix and suffix are removed first. The shorter remaining sequence (length {@code m})
 * becomes the pattern, packed 64 elements to a machine word; the longer one (length {@code n}) is
 * scanned once per attempt, advancing a column of the dynamic-programming matrix per element with
 * Myers' bit-vector recurrence in Hyyrö's formulation for the global distance.
 *
 * <ul>
 *   <li>{@code m <= 64}: one word per column, {@code O(n)} time.
 *   <li>With a cutoff {@code k}: only the words that can hold a cell on a path of cost at most
 *       {@code k} are computed (Ukkonen's band, narrowed further by the scores as the scan goes),
 *       and the scan stops as soon as no such cell is left. {@code O(n * k / 64)} time. If {@code
 *       |n - m| > k} the answer is known without any scan.
 *   <li>Without a cutoff: the banded scan is repeated with a growing {@code k} (starting from a
 *       lower bound on the distance and at least doubling) until the result fits in the band;
 *       {@code O(n * d / 64)} time overall, where {@code d} is the distance, and never worse than
 *       about twice the full {@code O(n * m / 64)} matrix.
 * </ul>
 *
 * Memory is {@code O(n + m)} words for ordinary alphabets; alphabets too large for a dense
 * symbol-by-word match table keep their rare symbols in sparse position lists, so memory stays
 * linear.
 *
 * <h2>References</h2>
 *
 * <ul>
 *   <li>G. Myers, "A fast bit-vector algorithm for approximate string matching based on dynamic
 *       programming", Journal of the ACM 46(3), 395-415, 1999.
 *   <li>H. Hyyrö, "A bit-vector algorithm for computing Levenshtein and Damerau edit distances",
 *       Nordic Journal of Computing 10(1), 29-39, 2003.
 *   <li>E. Ukkonen, "Algorithms for approximate string matching", Information and Control 64,
 *       100-118, 1985.
 * </ul>
 *
 * <p>All methods are static and safe to call from any number of threads. Each thread keeps its
 * working tables between calls, so repeated calls allocate almost nothing; no table over 256K
 * elements is kept, which bounds what a thread holds to a few megabytes. Arguments are never
 * modified.
 */
public final class Levenshtein {

  /** Smallest band tried when no cutoff is given. */
  private static final int INITIAL_BAND = 32;

  /** Width of the fixed band that bounds the distance of dissimilar sequences from above. */
  private static final int UPPER_BOUND_BAND = 64;

  /** Columns between two cancellation polls in the one-word case (a column is ~1 ns there). */
  private static final int SINGLE_WORD_POLL_MASK = 1023;

  /** Columns between two attempts to narrow the band: {@code (j & SHRINK_MASK) == 0}. */
  private static final int SHRINK_MASK = 7;

  /** Block steps (about 1 ns each) between two cancellation polls in the multi-word case. */
  private static final int BLOCK_POLL_WORK = 1 << 16;

  private Levenshtein() {}

  /**
   * Returns the Levenshtein distance between two sequences of ints.
   *
   * <p>{@code O(n * d / 64)} time for lengths {@code m <= n} and distance {@code d}; {@code O(n)}
   * if the shorter input, without its common prefix and suffix, has at most 64 elements.
   *
   * @param a the first sequence; any int values (code points, token ids, negative numbers)
   * @param b the second sequence
   * @return the distance, between {@code |a.length - b.length|} and {@code max(a.length, b.length)}
   * @throws NullPointerException if an argument is null
   */
  public static int distance(int[] a, int[] b) {
    return distance(a, b, Cancellation.never());
  }

  /**
   * Returns the Levenshtein distance between two sequences of ints, stopping early if {@code
   * cancellation} fires. See {@link #distance(int[], int[])}.
   *
   * @param cancellation polled every few microseconds of work
   * @throws NullPointerException if an argument is null
   * @throws io.textsim.core.OperationCancelledException if {@code cancellation} fired
   */
  public static int distance(int[] a, int[] b, Cancellation cancellation) {
    Objects.requireNonNull(a, "a");
    Objects.requireNonNull(b, "b");
    Objects.requireNonNull(cancellation, "cancellation");
    return compute(a, a.length, b, b.length, Integer.MAX_VALUE, cancellation);
  }

  /**
   * Returns the Levenshtein distance between two sequences of ints if it is at most {@code
   * maxDistance}, otherwise {@link BoundedDistance.MoreThan MoreThan(maxDistance)}.
   *
   * <p>Only the diagonal band of the matrix that can hold a path of cost {@code <= maxDistance} is
   * computed: {@code O(n * maxDistance / 64)} time, and no scan at all when the lengths differ by
   * more than {@code maxDistance}.
   *
   * @param maxDistance the cutoff {@code k >= 0}
   * @throws NullPointerException if an argument is null
   * @throws IllegalArgumentException if {@code maxDistance < 0}
   */
  public static BoundedDistance distance(int[] a, int[] b, int maxDistance) {
    return distance(a, b, maxDistance, Cancellation.never());
  }

  /**
   * Returns the Levenshtein distance if it is at most {@code maxDistance}, stopping early if {@code
   * cancellation} fires. See {@link #distance(int[], int[], int)}.
   *
   * @throws NullPointerException if an argument is null
   * @throws IllegalArgumentException if {@code maxDistance < 0}
   * @throws io.textsim.core.OperationCancelledException if {@code cancellation} fired
   */
  public static BoundedDistance distance(
      int[] a, int[] b, int maxDistance, Cancellation cancellation) {
    Objects.requireNonNull(a, "a");
    Objects.requireNonNull(b, "b");
    Objects.requireNonNull(cancellation, "cancellation");
    checkMaxDistance(maxDistance);
    return bounded(compute(a, a.length, b, b.length, maxDistance, cancellation), maxDistance);
  }

  /**
   * Returns the Levenshtein distance between two texts, counted in Unicode code points. An unpaired
   * surrogate counts as one element, as in {@link CharSequence#codePoints()}.
   *
   * @throws NullPointerException if an argument is null
   * @see #distance(int[], int[])
   */
  public static int distance(CharSequence a, CharSequence b) {
    return distance(a, b, Cancellation.never());
  }

  /**
   * Returns the Levenshtein distance between two texts in code points, stopping early if {@code
   * cancellation} fires.
   *
   * @throws NullPointerException if an argument is null
   * @throws io.textsim.core.OperationCancelledException if {@code cancellation} fired
   * @see #distance(int[], int[], Cancellation)
   */
  public static int distance(CharSequence a, CharSequence b, Cancellation cancellation) {
    Objects.requireNonNull(a, "a");
    Objects.requireNonNull(b, "b");
    Objects.requireNonNull(cancellation, "cancellation");
    return computeText(a, b, Integer.MAX_VALUE, cancellation);
  }

  /**
   * Returns the Levenshtein distance between two texts in code points if it is at most {@code
   * maxDistance}, otherwise {@link BoundedDistance.MoreThan MoreThan(maxDistance)}.
   *
   * @throws NullPointerException if an argument is null
   * @throws IllegalArgumentException if {@code maxDistance < 0}
   * @see #distance(int[], int[], int)
   */
  public static BoundedDistance distance(CharSequence a, CharSequence b, int maxDistance) {
    return distance(a, b, maxDistance, Cancellation.never());
  }

  /**
   * Returns the Levenshtein distance between two texts in code points if it is at most {@code
   * maxDistance}, stopping early if {@code cancellation} fires.
   *
   * @throws NullPointerException if an argument is null
   * @throws IllegalArgumentException if {@code maxDistance < 0}
   * @throws io.textsim.core.OperationCancelledException if {@code cancellation} fired
   * @see #distance(int[], int[], int, Cancellation)
   */
  public static BoundedDistance distance(
      CharSequence a, CharSequence b, int maxDistance, Cancellation cancellation) {
    Objects.requireNonNull(a, "a");
    Objects.requireNonNull(b, "b");
    Objects.requireNonNull(cancellation, "cancellation");
    checkMaxDistance(maxDistance);
    return bounded(computeText(a, b, maxDistance, cancellation), maxDistance);
  }

  /**
   * Returns the normalized Levenshtein similarity {@code 1 - distance / max(lengthA, lengthB)}, in
   * [0, 1]; 1.0 when both sequences are empty. This is the one place in the library where a
   * Levenshtein similarity is derived from a distance.
   *
   * @param distance the Levenshtein distance of two sequences
   * @param lengthA the length of the first sequence, in the same units as the distance (code points
   *     for text)
   * @param lengthB the length of the second sequence
   * @throws IllegalArgumentException if a length is negative or the distance is not between {@code
   *     |lengthA - lengthB|} and {@code max(lengthA, lengthB)}, which no pair of sequences of those
   *     lengths can have (for example when lengths in UTF-16 units are mixed with a distance in
   *     code points)
   */
  public static double similarity(int distance, int lengthA, int lengthB) {
    if (lengthA < 0) {
      throw new IllegalArgumentException("lengthA must be >= 0, was " + lengthA);
    }
    if (lengthB < 0) {
      throw new IllegalArgumentException("lengthB must be >= 0, was " + lengthB);
    }
    int longer = Math.max(lengthA, lengthB);
    int lengthDifference = longer - Math.min(lengthA, lengthB);
    if (distance < lengthDifference || distance > longer) {
      throw new IllegalArgumentException(
          "distance must be between |lengthA - lengthB| = "
              + lengthDifference
              + " and max(lengthA, lengthB) = "
              + longer
              + ", was "
              + distance);
    }
    return longer == 0 ? 1.0 : 1.0 - (double) distance / longer;
  }

  /** {@code d} as the answer to a query with cutoff {@code maxDistance}. */
  private static BoundedDistance bounded(int d, int maxDistance) {
    return d <= maxDistance
        ? new BoundedDistance.Exact(d)
        : new BoundedDistance.MoreThan(maxDistance);
  }

  private static void checkMaxDistance(int maxDistance) {
    if (maxDistance < 0) {
      throw new IllegalArgumentException("maxDistance must be >= 0, was " + maxDistance);
    }
  }

  /**
   * The code points of {@code s}, as {@code s.codePoints().toArray()} but without the stream
   * machinery, which costs as much as a near-duplicate comparison itself.
   */
  static int[] codePoints(CharSequence s) {
    int[] out = new int[s.length()];
    int count = codePoints(s, out);
    return count == out.length ? out : Arrays.copyOf(out, count);
  }

  /** Writes the code points of {@code s} to {@code out} (at least {@code s.length()} long). */
  private static int codePoints(CharSequence s, int[] out) {
    int length = s.length();
    int count = 0;
    int i = 0;
    while (i < length) {
      char c = s.charAt(i++);
      if (Character.isHighSurrogate(c) && i < length) {
        char low = s.charAt(i);
        if (Character.isLowSurrogate(low)) {
          out[count++] = Character.toCodePoint(c, low);
          i++;
          continue;
        }
      }
      out[count++] = c;
    }
    return count;
  }

  /** {@link #compute} on the code points of two texts, held in the thread's workspace. */
  private static int computeText(CharSequence a, CharSequence b, int k, Cancellation cancellation) {
    Workspace ws = Workspace.acquire();
    try {
      int[] pointsA = ws.codePointsA = Workspace.ints(ws.codePointsA, a.length());
      int[] pointsB = ws.codePointsB = Workspace.ints(ws.codePointsB, b.length());
      int lengthA = codePoints(a, pointsA);
      int lengthB = codePoints(b, pointsB);
      return compute(pointsA, lengthA, pointsB, lengthB, k, cancellation, ws);
    } finally {
      ws.release();
    }
  }

  /**
   * Returns the distance if it is at most {@code k}, otherwise some value greater than {@code k}.
   * With {@code k >= max(a.length, b.length)} the result is always exact.
   */
  private static int compute(
      int[] a, int lengthA, int[] b, int lengthB, int k, Cancellation cancellation) {
    Workspace ws = Workspace.acquire();
    try {
      return compute(a, lengthA, b, lengthB, k, cancellation, ws);
    } finally {
      ws.release();
    }
  }

  private static int compute(
      int[] a, int lengthA, int[] b, int lengthB, int k, Cancellation cancellation, Workspace ws) {
    int shorter = Math.min(lengthA, lengthB);
    int prefix = 0;
    while (prefix < shorter && a[prefix] == b[prefix]) {
      prefix++;
    }
    int endA = lengthA;
    int endB = lengthB;
    while (endA > prefix && endB > prefix && a[endA - 1] == b[endB - 1]) {
      endA--;
      endB--;
    }
    int[] pattern;
    int[] text;
    int m;
    int n;
    if (endA <= endB) {
      pattern = a;
      m = endA - prefix;
      text = b;
      n = endB - prefix;
    } else {
      pattern = b;
      m = endB - prefix;
      text = a;
      n = endA - prefix;
    }
    if (n - m > k) {
      return n - m; // no scan needed; n - m is a lower bound above the cutoff
    }
    if (m == 0) {
      return n;
    }
    if (m <= Long.SIZE) {
      return singleWord(pattern, text, prefix, m, n, cancellation, ws);
    }
    return new BlockMatcher(pattern, text, prefix, m, n, cancellation, ws)
        .distanceAtMost(Math.min(k, n));
  }

  /**
   * Myers' recurrence with the whole pattern ({@code m <= 64}) in one word. Bit {@code i} of {@code
   * pv}/{@code mv} says that the vertical difference {@code D[i+1][j] - D[i][j]} of the current
   * column is +1/-1 (neither: 0); {@code score} follows the last row, {@code D[m][j]}.
   */
  private static int singleWord(
      int[] pattern,
      int[] text,
      int offset,
      int m,
      int n,
      Cancellation cancellation,
      Workspace ws) {
    boolean poll = cancellation != Cancellation.never();
    int[] ids = ws.patternIds = Workspace.ints(ws.patternIds, m);
    SymbolIds symbols = new SymbolIds(pattern, offset, m, ids, ws.symbolTable());
    long[] peq = ws.peq = Workspace.longs(ws.peq, symbols.size() + 1);
    Arrays.fill(peq, 0, symbols.size() + 1, 0L);
    for (int i = 0; i < m; i++) {
      peq[ids[i]] |= 1L << i;
    }
    int last = m - 1;
    long pv = -1L; // column 0 is D[i][0] = i: every vertical difference is +1
    long mv = 0L;
    int score = m;
    for (int j = 0; j < n; j++) {
      if (poll && (j & SINGLE_WORD_POLL_MASK) == 0) {
        cancellation.throwIfCancelled();
      }
      long eq = peq[symbols.idOf(text[offset + j])];
      long xv = eq | mv;
      // The addition propagates a carry along each run of matches that starts at a +1 vertical
      // difference: that is how a diagonal match reaches down through the column in one step.
      long xh = (((eq & pv) + pv) ^ pv) | eq;
      long ph = mv | ~(xh | pv);
      long mh = pv & xh;
      score += (int) ((ph >>> last) & 1L) - (int) ((mh >>> last) & 1L);
      // Global distance: the first row is D[0][j] = j, so a +1 horizontal difference enters at
      // the top of every column (string search would shift in 0 here).
      ph = (ph << 1) | 1L;
      mh <<= 1;
      pv = mh | ~(xv | ph);
      mv = ph & xv;
    }
    return score;
  }

  /**
   * The multi-word computation: the pattern is split into blocks of 64 rows, and each column of the
   * matrix is advanced block by block, a horizontal difference carried from one block into the
   * next. Single-use; holds the per-call tables.
   */
  private static final class BlockMatcher {

    /**
     * Smallest budget, in longs, for the dense match table (512 KB); above it the budget is 4 longs
     * per pattern element, enough for every symbol of ordinary text.
     */
    private static final long DENSE_TABLE_LONGS = 1L << 16;

    private final int m;
    private final int n;
    private final int blocks;
    private final Cancellation cancellation;
    private final boolean poll;

    /** Text as symbol ids; ids below {@link #denseRows} have a row in {@link #peq}. */
    private final int[] textIds;

    /**
     * Match masks: {@code peq[id * blocks + b]} has bit {@code i} set when pattern element {@code
     * 64 * b + i} is symbol {@code id}. Row 0 (symbols absent from the pattern) is all zero.
     */
    private final long[] peq;

    private final int denseRows;

    /** Rare symbols ({@code id >= denseRows}): pattern positions, CSR by {@code id - denseRows}. */
    private final int[] rareStart;

    private final int[] rarePositions;

    /** Match masks of the current column when its symbol is rare. */
    private final long[] scratch;

    /**
     * Vertical differences of the current column, per block: +1 ({@code pv}) and -1 ({@code mv}).
     */
    private final long[] pv;

    private final long[] mv;

    /** Multiset ("bag") distance of pattern and text, a lower bound on the edit distance. */
    private final int lowerBound;

    /** The column at which the last failed {@link #bounded} call gave up. */
    private int failColumn;

    BlockMatcher(
        int[] pattern,
        int[] text,
        int offset,
        int m,
        int n,
        Cancellation cancellation,
        Workspace ws) {
      this.m = m;
      this.n = n;
      this.blocks = (m + Long.SIZE - 1) >>> 6;
      this.cancellation = cancellation;
      this.poll = cancellation != Cancellation.never();

      int[] patternIds = ws.patternIds = Workspace.ints(ws.patternIds, m);
      SymbolIds symbols = new SymbolIds(pattern, offset, m, patternIds, ws.symbolTable());
      int sigma = symbols.size();
      int[] textCount = ws.counts = Workspace.ints(ws.counts, sigma + 1);
      Arrays.fill(textCount, 0, sigma + 1, 0);
      textIds = ws.textIds = Workspace.ints(ws.textIds, n);
      for (int j = 0; j < n; j++) {
        int id = symbols.idOf(text[offset + j]);
        textIds[j] = id;
        textCount[id]++;
      }

      long denseBudget = Math.min(Math.max(DENSE_TABLE_LONGS, 4L * m), Integer.MAX_VALUE / 2);
      if ((long) (sigma + 1) * blocks <= denseBudget) {
        denseRows = sigma + 1;
        rareStart = new int[0];
        rarePositions = new int[0];
        scratch = new long[0];
      } else {
        // Too many distinct symbols (large token vocabularies, CJK) for sigma * blocks words: give
        // dense rows to the symbols that occur most often in the text, where a row saves the most,
        // and keep the others as sorted position lists expanded per column.
        denseRows = (int) Math.max(2, denseBudget / blocks);
        long[] order = new long[sigma];
        for (int id = 1; id <= sigma; id++) {
          order[id - 1] = ((long) textCount[id] << 32) | id;
        }
        Arrays.sort(order);
        int[] rank = new int[sigma + 1];
        int[] rankedCount = new int[sigma + 1];
        rankedCount[0] = textCount[0];
        for (int r = 0; r < sigma; r++) {
          int id = (int) order[sigma - 1 - r];
          rank[id] = r + 1;
          rankedCount[r + 1] = textCount[id];
        }
        textCount = rankedCount;
        for (int i = 0; i < m; i++) {
          patternIds[i] = rank[patternIds[i]];
        }
        for (int j = 0; j < n; j++) {
          textIds[j] = rank[textIds[j]];
        }
        int rare = sigma + 1 - denseRows;
        rareStart = new int[rare + 1];
        for (int i = 0; i < m; i++) {
          if (patternIds[i] >= denseRows) {
            rareStart[patternIds[i] - denseRows + 1]++;
          }
        }
        for (int r = 0; r < rare; r++) {
          rareStart[r + 1] += rareStart[r];
        }
        rarePositions = new int[rareStart[rare]];
        int[] fill = Arrays.copyOf(rareStart, rare);
        for (int i = 0; i < m; i++) {
          if (patternIds[i] >= denseRows) {
            rarePositions[fill[patternIds[i] - denseRows]++] = i;
          }
        }
        scratch = new long[blocks];
      }
      peq = ws.peq = Workspace.longs(ws.peq, denseRows * blocks);
      Arrays.fill(peq, 0, denseRows * blocks, 0L);
      // The match masks and, in the same pass, the pattern's count of each symbol: each edit
      // removes at most one element from either side of the multiset difference, so the larger
      // side of that difference (the bag distance) bounds the edit distance from below.
      int[] balance = textCount;
      for (int i = 0; i < m; i++) {
        int id = patternIds[i];
        balance[id]--;
        if (id < denseRows) {
          peq[id * blocks + (i >>> 6)] |= 1L << i;
        }
      }
      int textExcess = balance[0];
      int patternExcess = 0;
      for (int id = 1; id <= sigma; id++) {
        int surplus = balance[id];
        if (surplus > 0) {
          textExcess += surplus;
        } else {
          patternExcess -= surplus;
        }
      }
      lowerBound = Math.max(textExcess, patternExcess);
      pv = ws.pv = Workspace.longs(ws.pv, blocks);
      mv = ws.mv = Workspace.longs(ws.mv, blocks);
    }

    /**
     * Returns the distance if it is at most {@code limit}, otherwise a value greater than {@code
     * limit}; {@code limit = n} asks for the exact distance. Bands of growing width are tried, so
     * that the cost follows the distance rather than the limit.
     */
    int distanceAtMost(int limit) {
      if (lowerBound > limit) {
        return lowerBound;
      }
      int k = Math.max(INITIAL_BAND, Math.max(n - m, lowerBound));
      while (true) {
        if (k >= limit || bandCoversMostBlocks(k)) {
          return limit >= n ? dissimilar() : bounded(limit);
        }
        int d = bounded(k);
        if (d <= k) {
          return d;
        }
        // The failed band gave up at failColumn; if the distance kept growing at the same rate,
        // the whole text would need about k * n / failColumn. Aim a little above that, so that
        // evenly spread differences take one more attempt, but at least double (the band may have
        // failed by a hair) and at most grow fivefold: differences bunched at the start (a
        // headline, a dateline) make the rate overshoot, and an oversized band costs in proportion.
        // Dissimilar texts, whose bag distance is already a sizable fraction of their length,
        // reach the dissimilar() threshold within one jump.
        long estimate = (long) k * n / Math.max(1, failColumn);
        long next = Math.min(5L * k, Math.max(2L * k, estimate + estimate / 10));
        k = (int) Math.min(next, limit);
      }
    }

    private boolean bandCoversMostBlocks(int k) {
      // A band of k + 1 rows touches about (k + 1) / 64 + 1 blocks per column. Past about half of
      // the blocks, the distance is a large fraction of the length and growing the band further
      // costs more than dissimilar(), which never needs more than one pass over the matrix.
      return ((long) k + 1) / Long.SIZE + 1 >= blocks / 2;
    }

    /**
     * The exact distance of sequences whose distance is a large fraction of their length. The best
     * path inside a narrow fixed band around the main diagonal is rarely much worse than the
     * optimum for such pairs, and its cost {@code u} is an upper bound on the distance; the cutoff
     * band for {@code u} then prunes the corners of the matrix that cannot hold a path that cheap,
     * typically half of it. Falls back to the full matrix where the fixed band would be wide.
     */
    private int dissimilar() {
      int width = Math.max(UPPER_BOUND_BAND, n - m);
      if (((long) width + 1) / Long.SIZE + 1 >= blocks / 4) {
        return full();
      }
      int bound = fixedBand(width);
      int d = bounded(bound);
      // d > bound cannot happen, bound being the cost of an actual path; but should it, the full
      // matrix is the answer, not a wrong distance.
      return d <= bound ? d : full();
    }

    /**
     * Computes the matrix inside the fixed diagonal band of cutoff {@code k} (the cells with {@code
     * |j - i| + |(n - m) - (j - i)| <= k}, which contain both corners) and returns its value at
     * {@code (m, n)}: the cost of the cheapest path inside the band, an upper bound on the distance
     * that is exact if the distance is at most {@code k}. {@code O(n * k / 64)}, no early exit.
     */
    private int fixedBand(int k) {
      int diagonalLow = -((k - (n - m)) / 2); // j - i of the band's lower edge
      int diagonalHigh = (k + (n - m)) / 2; // j - i of its upper edge
      int first = 0;
      int last = 0;
      pv[0] = -1L;
      mv[0] = 0L;
      int lastScore = Long.SIZE;
      int work = 0;
      for (int j = 0; j <= n; j++) {
        int previousLastScore = lastScore;
        long[] eqs = peq;
        int base = 0;
        int id = 0;
        int hout = 0;
        if (j > 0) {
          if (poll) {
            work += last - first + 1;
            if (work >= BLOCK_POLL_WORK) {
              cancellation.throwIfCancelled();
              work = 0;
            }
          }
          id = textIds[j - 1];
          if (id < denseRows) {
            base = id * blocks;
          } else {
            expandRare(id, first, last);
            eqs = scratch;
          }
          hout = advance(eqs, base, first, last, 1);
          lastScore += hout;
        }
        // Add the blocks whose first row has entered the band, 64 * (last + 1) + 1 <= j - low,
        // their previous column assumed +1 per row as in bounded().
        while (last + 1 < blocks && Long.SIZE * (last + 1) + 1 <= j - diagonalLow) {
          last++;
          pv[last] = -1L;
          mv[last] = 0L;
          int assumed = previousLastScore + Long.SIZE;
          previousLastScore = assumed;
          if (j == 0) {
            lastScore = assumed;
            continue;
          }
          if (eqs == scratch) {
            expandRare(id, last, last);
          }
          hout = advance(eqs, base, last, last, hout);
          lastScore = assumed + hout;
        }
        // Drop the blocks whose last row has left the band, 64 * (first + 1) < j - high; the row
        // above the first block is then assumed to grow by +1 per column, an upper bound.
        while (first < last && Long.SIZE * (first + 1) < j - diagonalHigh) {
          first++;
        }
      }
      return lastScore - padding(pv[last], mv[last]);
    }

    /** Every block of every column, with no band: {@code O(n * m / 64)}, always exact. */
    private int full() {
      Arrays.fill(pv, 0, blocks, -1L);
      Arrays.fill(mv, 0, blocks, 0L);
      int last = blocks - 1;
      int score = blocks * Long.SIZE; // D[64 * blocks][0], the padded last row
      int pollColumns = Math.max(1, BLOCK_POLL_WORK / blocks);
      for (int j = 0; j < n; j++) {
        if (poll && j % pollColumns == 0) {
          cancellation.throwIfCancelled();
        }
        int id = textIds[j];
        if (id < denseRows) {
          score += advance(peq, id * blocks, 0, last, 1);
        } else {
          expandRare(id, 0, last);
          score += advance(scratch, 0, 0, last, 1);
        }
      }
      return score - padding(pv[last], mv[last]);
    }

    /**
     * Ukkonen's cutoff on blocks: returns the distance if it is at most {@code k}, otherwise a
     * value greater than {@code k} (and sets {@link #failColumn}). Requires {@code n - m <= k}.
     *
     * <p>Only the blocks {@code first..last} are advanced in a column. A cell {@code (i, j)} can
     * lie on a path of cost at most {@code k} only if {@code D[i][j] + |(n - j) - (m - i)| <= k}:
     * the rest of the path needs at least that many insertions or deletions to reach {@code (m,
     * n)}. Blocks are dropped at either end when none of their cells can meet this, and added below
     * when the last block's bottom cell still can. Cells outside {@code first..last} are taken to
     * be as large as their neighbours allow (+1 per row below the last block, +1 per column above
     * the first), never smaller than their true values; so every computed value is an upper bound,
     * and it is exact on any path of cost at most {@code k}, since such a path never leaves the
     * computed blocks.
     */
    int bounded(int k) {
      int first = 0;
      int last = 0;
      pv[0] = -1L;
      mv[0] = 0L;
      int lastScore = Long.SIZE; // D[r][j] at the last block's bottom row r = 64 * (last + 1)
      int topScore = 0; // D[64 * first][j], the row just above the first block
      while (last + 1 < blocks && lastScore + Math.abs(n - m + Long.SIZE * (last + 1)) <= k) {
        last++;
        pv[last] = -1L;
        mv[last] = 0L;
        lastScore += Long.SIZE;
      }
      int work = 0;
      for (int j = 1; j <= n; j++) {
        if (poll) {
          work += last - first + 1;
          if (work >= BLOCK_POLL_WORK) {
            cancellation.throwIfCancelled();
            work = 0;
          }
        }
        int id = textIds[j - 1];
        long[] eqs;
        int base;
        if (id < denseRows) {
          eqs = peq;
          base = id * blocks;
        } else {
          expandRare(id, first, last);
          eqs = scratch;
          base = 0;
        }
        int previousLastScore = lastScore;
        int hout = advance(eqs, base, first, last, 1);
        lastScore += hout;
        topScore++;
        int remaining = n - j;

        // Grow downwards while the bottom cell of the last block can still be on a path of cost
        // <= k: that path may continue into the next block. The new block's previous column is
        // assumed to be +1 per row below the old bottom cell, an upper bound.
        while (last + 1 < blocks
            && lastScore + Math.abs(remaining - m + Long.SIZE * (last + 1)) <= k) {
          last++;
          pv[last] = -1L;
          mv[last] = 0L;
          int assumed = previousLastScore + Long.SIZE;
          previousLastScore = assumed;
          if (eqs == scratch) {
            expandRare(id, last, last);
          }
          hout = advance(eqs, base, last, last, hout);
          lastScore = assumed + hout;
        }

        // Shrinking is optional (extra blocks cost time, never correctness), so it is only tried
        // every few columns, where it also detects that the band has emptied.
        if ((j & SHRINK_MASK) != 0) {
          continue;
        }
        // A block's cells are at least (bottom score - 63) at its top row, and the remaining
        // length difference only grows further down, so that bound plus the remaining difference
        // at the top row bounds every path through the block in this column. The block must stay,
        // though, while the bottom cell of the block above could be on such a path: the path may
        // step diagonally into this block in the next column. (Row 0 is real, D[0][j] = j, and the
        // only boundary row a path can run along.)
        while (last >= first
            && lastScore - (Long.SIZE - 1) + Math.abs(Long.SIZE * last + 1 - m + remaining) > k) {
          int aboveScore = lastScore - (Long.bitCount(pv[last]) - Long.bitCount(mv[last]));
          if ((last > first || first == 0)
              && aboveScore + Math.abs(remaining - m + Long.SIZE * last) <= k) {
            break;
          }
          lastScore = aboveScore;
          last--;
        }
        while (first <= last) {
          int firstScore = topScore + Long.bitCount(pv[first]) - Long.bitCount(mv[first]);
          if (firstScore - (Long.SIZE - 1) + Math.abs(Long.SIZE * first + 1 - m + remaining) <= k
              || (first == 0 && topScore + Math.abs(remaining - m) <= k)) {
            break;
          }
          // Paths only move down, so a block dropped from the top is never needed again.
          topScore = firstScore;
          first++;
        }
        if (first > last) {
          failColumn = j;
          return k + 1;
        }
      }
      if (last != blocks - 1) {
        failColumn = n;
        return k + 1;
      }
      return lastScore - padding(pv[last], mv[last]);
    }

    /**
     * Advances blocks {@code first..last} by one column (Myers 1999, block-based, with Hyyrö's
     * global-distance boundary) and returns the horizontal difference leaving the last block.
     *
     * @param eqs match masks of the column's symbol, block {@code b} at {@code base + b}
     * @param hin horizontal difference (-1, 0, +1) entering the first block from above
     */
    private int advance(long[] eqs, int base, int first, int last, int hin) {
      long[] pv = this.pv;
      long[] mv = this.mv;
      // The horizontal difference crosses block boundaries as two one-bit flags, ready to be
      // shifted into bit 0 of the next block's Ph/Mh.
      long hp = hin > 0 ? 1L : 0L;
      long hm = hin < 0 ? 1L : 0L;
      for (int b = first; b <= last; b++) {
        long p = pv[b];
        long mm = mv[b];
        long eq = eqs[base + b];
        long xv = eq | mm;
        // A -1 entering from above gives the block's first row a diagonal difference of 0, the
        // same effect a match has, so it is folded into Eq; but only for Xh: Xv is about the
        // vertical difference coming in from the previous column (Myers 1999, block version).
        eq |= hm;
        long xh = (((eq & p) + p) ^ p) | eq;
        long ph = mm | ~(xh | p);
        long mh = p & xh;
        long outP = ph >>> 63;
        long outM = mh >>> 63;
        ph = (ph << 1) | hp;
        mh = (mh << 1) | hm;
        pv[b] = mh | ~(xv | ph);
        mv[b] = ph & xv;
        hp = outP;
        hm = outM;
      }
      return (int) (hp - hm);
    }

    /** Fills {@code scratch[lo..hi]} with the match masks of rare symbol {@code id}. */
    private void expandRare(int id, int lo, int hi) {
      Arrays.fill(scratch, lo, hi + 1, 0L);
      int r = id - denseRows;
      for (int q = rareStart[r], end = rareStart[r + 1]; q < end; q++) {
        int position = rarePositions[q];
        int block = position >>> 6;
        if (block > hi) {
          break;
        }
        if (block >= lo) {
          scratch[block] |= 1L << position;
        }
      }
    }

    /**
     * The last block's rows beyond {@code m} are padding that matches nothing; scores there are
     * taken at row {@code 64 * blocks}. Returns the sum of the padding rows' vertical differences,
     * to subtract for {@code D[m][j]}.
     */
    private int padding(long lastPv, long lastMv) {
      int used = m & (Long.SIZE - 1);
      if (used == 0) {
        return 0;
      }
      long pad = -1L << used;
      return Long.bitCount(lastPv & pad) - Long.bitCount(lastMv & pad);
    }
  }

  /**
   * Arrays reused by the calls on one thread. Why: one distance of two 3,000-character texts needs
   * about 85 KB of tables, and allocating them per call costs more than the distance itself once
   * zeroing, garbage collection and, on machines that reclaim idle memory, page faults are paid
   * for. Arrays longer than {@link #MAX_KEPT} elements are used once and not kept, so a thread
   * never holds more than a few megabytes. Reentrant calls (a cancellation hook that itself
   * computes a distance) get a fresh workspace.
   */
  private static final class Workspace {
    /** The longest array a workspace keeps (elements). */
    private static final int MAX_KEPT = 1 << 18;

    private static final ThreadLocal<Workspace> OF_THREAD = ThreadLocal.withInitial(Workspace::new);

    private boolean inUse;
    private final int[] symbolTable = new int[SymbolIds.TABLE_SIZE];
    int[] codePointsA = new int[0];
    int[] codePointsB = new int[0];
    int[] patternIds = new int[0];
    int[] textIds = new int[0];
    int[] counts = new int[0];
    long[] peq = new long[0];
    long[] pv = new long[0];
    long[] mv = new long[0];

    static Workspace acquire() {
      Workspace ws = OF_THREAD.get();
      if (ws.inUse) {
        return new Workspace(); // reentrant call: leave the outer call's arrays alone
      }
      ws.inUse = true;
      return ws;
    }

    void release() {
      inUse = false;
      // Do not keep what one huge call needed.
      if (codePointsA.length > MAX_KEPT) {
        codePointsA = new int[0];
      }
      if (codePointsB.length > MAX_KEPT) {
        codePointsB = new int[0];
      }
      if (patternIds.length > MAX_KEPT) {
        patternIds = new int[0];
      }
      if (textIds.length > MAX_KEPT) {
        textIds = new int[0];
      }
      if (counts.length > MAX_KEPT) {
        counts = new int[0];
      }
      if (peq.length > MAX_KEPT) {
        peq = new long[0];
      }
    }

    /** The symbol table for a {@link SymbolIds}, all zero. */
    int[] symbolTable() {
      Arrays.fill(symbolTable, 0);
      return symbolTable;
    }

    /** {@code current} if it has at least {@code size} elements (contents undefined), else new. */
    static int[] ints(int[] current, int size) {
      return current.length >= size ? current : new int[Math.max(size, current.length * 3 / 2)];
    }

    /** {@code current} if it has at least {@code size} elements (contents undefined), else new. */
    static long[] longs(long[] current, int size) {
      return current.length >= size ? current : new long[Math.max(size, current.length * 3 / 2)];
    }
  }
}
