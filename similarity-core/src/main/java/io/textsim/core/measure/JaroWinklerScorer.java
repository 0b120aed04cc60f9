package io.textsim.core.measure;

import java.util.Arrays;
import java.util.Objects;

/**
 * Jaro-Winkler similarity of two sequences of {@code int}s (code points), defined as Apache Commons
 * Text's {@code JaroWinklerSimilarity} defines it on {@code char}s:
 *
 * <ul>
 *   <li>the window is {@code max(|longer| / 2 - 1, 0)} positions either side (the longer sequence
 *       is {@code b} when the lengths are equal);
 *   <li>the shorter sequence's elements are matched in order, each to the first equal element of
 *       the longer one within the window that is not matched yet;
 *   <li>half transpositions are the positions at which the matched elements, read in each
 *       sequence's order, differ; Jaro is {@code (m/|a| + m/|b| + (m - h/2)/m) / 3};
 *   <li>Winkler's boost, {@code 0.1 * prefix * (1 - jaro)} for up to 4 common leading elements, is
 *       added when Jaro is at least 0.7.
 * </ul>
 *
 * <p>Written here rather than called in Commons Text, which scans the whole window for every
 * element: O(n m) for texts, hours for two texts at the server's size limit, with no way to stop it
 * at a deadline. The greedy rule only ever takes, for a symbol, the first of its positions that is
 * neither matched yet nor behind the window, whose start only moves forward; so one pointer per
 * symbol into its sorted positions finds every match. Cost: O(n log n) (one sort), O(n) memory.
 * Tests check equality with Commons Text on random and adversarial inputs.
 */
final class JaroWinklerScorer {
  private static final double BOOST_THRESHOLD = 0.7;
  private static final double SCALING_FACTOR = 0.1;
  private static final int MAX_PREFIX = 4;

  private JaroWinklerScorer() {}

  static double similarity(int[] a, int[] b) {
    Objects.requireNonNull(a, "a");
    Objects.requireNonNull(b, "b");
    if (Arrays.equals(a, b)) {
      return 1.0;
    }
    int[] longer = a.length > b.length ? a : b;
    int[] shorter = a.length > b.length ? b : a;
    int window = Math.max(longer.length / 2 - 1, 0);

    // The longer sequence's positions grouped by symbol, each group in increasing position.
    long[] bySymbol = new long[longer.length];
    for (int i = 0; i < longer.length; i++) {
      bySymbol[i] = ((long) longer[i] << 32) | i;
    }
    Arrays.sort(bySymbol);
    int[] symbols = new int[longer.length];
    int[] groupStart = new int[longer.length + 1];
    int[] positions = new int[longer.length];
    int groups = 0;
    for (int k = 0; k < bySymbol.length; k++) {
      int symbol = (int) (bySymbol[k] >> 32);
      if (groups == 0 || symbols[groups - 1] != symbol) {
        symbols[groups] = symbol;
        groupStart[groups++] = k;
      }
      positions[k] = (int) bySymbol[k];
    }
    groupStart[groups] = longer.length;
    int[] next = Arrays.copyOf(groupStart, groups); // each group's first position not yet taken

    boolean[] matchedInLonger = new boolean[longer.length];
    int[] matchedShorter = new int[shorter.length];
    int matches = 0;
    for (int i = 0; i < shorter.length; i++) {
      int g = Arrays.binarySearch(symbols, 0, groups, shorter[i]);
      if (g < 0) {
        continue;
      }
      int p = next[g];
      int end = groupStart[g + 1];
      while (p < end && positions[p] < i - window) {
        p++; // behind the window now, and so for every later element
      }
      if (p < end && positions[p] <= i + window) {
        matchedInLonger[positions[p]] = true;
        matchedShorter[matches++] = shorter[i];
        p++;
      }
      next[g] = p;
    }
    if (matches == 0) {
      return 0.0;
    }
    int halfTranspositions = 0;
    for (int j = 0, k = 0; j < longer.length; j++) {
      if (matchedInLonger[j] && longer[j] != matchedShorter[k++]) {
        halfTranspositions++;
      }
    }
    int prefix = 0;
    while (prefix < Math.min(MAX_PREFIX, shorter.length) && a[prefix] == b[prefix]) {
      prefix++;
    }
    double m = matches;
    double jaro = (m / a.length + m / b.length + (m - halfTranspositions / 2.0) / m) / 3;
    return jaro < BOOST_THRESHOLD ? jaro : jaro + SCALING_FACTOR * prefix * (1 - jaro);
  }
}
