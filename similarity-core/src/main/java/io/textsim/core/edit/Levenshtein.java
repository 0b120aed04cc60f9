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

  /** Columns between two cancellation polls in the one-word case (a column is ~1 ns there). */
  private static final int SINGLE_WORD_POLL_MASK = 1023;

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
    return codePoints(s, out, Cancellation.never());
  }

  private static int codePoints(CharSequence s, int[] out, Cancellation cancellation) {
    int length = s.length();
    int count = 0;
    int i = 0;
    while (i < length) {
      SetupPolls.at(count, cancellation);
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
      int lengthA = codePoints(a, pointsA, cancellation);
      int lengthB = codePoints(b, pointsB, cancellation);
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
      SetupPolls.at(prefix, cancellation);
      prefix++;
    }
    int endA = lengthA;
    int endB = lengthB;
    while (endA > prefix && endB > prefix && a[endA - 1] == b[endB - 1]) {
      SetupPolls.at(endA, cancellation);
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
    SymbolIds symbols = new SymbolIds(pattern, offset, m, ids, ws.symbolTable(), cancellation);
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
}
