package io.textsim.core.measure;

import io.textsim.core.Cancellation;
import java.util.Objects;

/**
 * Optimal string alignment distance (restricted Damerau-Levenshtein): insertions, deletions,
 * substitutions and transpositions of two adjacent symbols each cost 1, and no substring is edited
 * more than once.
 *
 * <p>Written here rather than taken from Commons Text: its {@code DamerauLevenshteinDistance}
 * allocates an (n + 1) x (m + 1) table, 40 MB for two 3,000-character texts, where this keeps three
 * rows; it also works on code points where Commons Text works on UTF-16 units. Cost: O(n m) time,
 * O(min(n, m)) memory. Polls its {@link Cancellation} about every 64K cells, so a deadline stops a
 * quadratic computation on long texts within microseconds.
 */
final class OptimalStringAlignment {
  private OptimalStringAlignment() {}

  /** Cells computed between two cancellation polls. */
  private static final int POLL_CELLS = 1 << 16;

  static int distance(int[] a, int[] b) {
    return distance(a, b, Cancellation.never());
  }

  /**
   * @throws io.textsim.core.OperationCancelledException if {@code cancellation} fires
   */
  static int distance(int[] a, int[] b, Cancellation cancellation) {
    Objects.requireNonNull(a, "a");
    Objects.requireNonNull(b, "b");
    Objects.requireNonNull(cancellation, "cancellation");
    if (a.length < b.length) {
      int[] t = a;
      a = b;
      b = t;
    }
    int m = b.length;
    if (m == 0) {
      return a.length;
    }
    int[] before = new int[m + 1]; // row i - 2
    int[] previous = new int[m + 1]; // row i - 1
    int[] current = new int[m + 1];
    for (int j = 0; j <= m; j++) {
      previous[j] = j;
    }
    boolean poll = cancellation != Cancellation.never();
    long cellsSincePoll = 0;
    for (int i = 1; i <= a.length; i++) {
      if (poll && (cellsSincePoll += m) >= POLL_CELLS) {
        cellsSincePoll = 0;
        cancellation.throwIfCancelled();
      }
      current[0] = i;
      int ai = a[i - 1];
      for (int j = 1; j <= m; j++) {
        int cost = ai == b[j - 1] ? 0 : 1;
        int v = Math.min(Math.min(previous[j] + 1, current[j - 1] + 1), previous[j - 1] + cost);
        if (i > 1 && j > 1 && ai == b[j - 2] && a[i - 2] == b[j - 1]) {
          v = Math.min(v, before[j - 2] + 1);
        }
        current[j] = v;
      }
      int[] t = before;
      before = previous;
      previous = current;
      current = t;
    }
    return previous[m];
  }
}
