package io.textsim.cli;

import io.textsim.core.explain.Explanation;
import io.textsim.core.explain.Passage;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Lines the passages of two texts up for showing them side by side: each shared passage of a is
 * paired with the shared passage of b that holds the same words, in text order, and the passages
 * between two pairs (what only one side has, and shared passages left unpaired, e.g. a paragraph
 * moved) share one row.
 *
 * <p>Pairs are chosen by a dynamic program over the shared passages of both sides that maximizes
 * the number of words the paired passages have in common, keeping both in text order (a weighted
 * longest common subsequence); O(n m) for n and m shared passages, so above {@link #MAX_CELLS} they
 * are paired in order instead.
 */
final class PassageRows {
  /** The largest dynamic program solved; a text has a few shared passages, rarely hundreds. */
  static final long MAX_CELLS = 1_000_000;

  /**
   * One row: passages of a on the left, of b on the right, in text order.
   *
   * @param aligned true if the row is one shared passage of a and the matching one of b
   */
  record Row(List<Passage> a, List<Passage> b, boolean aligned) {
    Row {
      a = List.copyOf(a);
      b = List.copyOf(b);
    }
  }

  private PassageRows() {}

  /** The rows of an explanation; every passage of either side is in exactly one row. */
  static List<Row> of(Explanation x) {
    List<Passage> allA = sorted(x.sharedInA(), x.onlyA());
    List<Passage> allB = sorted(x.sharedInB(), x.onlyB());
    List<Passage> sharedA = x.sharedInA();
    List<Passage> sharedB = x.sharedInB();
    List<int[]> pairs = pairs(sharedA, sharedB);
    List<Row> rows = new ArrayList<>();
    int nextA = 0;
    int nextB = 0;
    for (int[] p : pairs) {
      int ia = allA.indexOf(sharedA.get(p[0]));
      int ib = allB.indexOf(sharedB.get(p[1]));
      if (ia > nextA || ib > nextB) {
        rows.add(new Row(allA.subList(nextA, ia), allB.subList(nextB, ib), false));
      }
      rows.add(new Row(List.of(allA.get(ia)), List.of(allB.get(ib)), true));
      nextA = ia + 1;
      nextB = ib + 1;
    }
    if (nextA < allA.size() || nextB < allB.size()) {
      rows.add(new Row(allA.subList(nextA, allA.size()), allB.subList(nextB, allB.size()), false));
    }
    return rows;
  }

  private static List<Passage> sorted(List<Passage> shared, List<Passage> own) {
    List<Passage> all = new ArrayList<>(shared);
    all.addAll(own);
    all.sort(Comparator.comparingInt(Passage::start));
    return all;
  }

  /** Index pairs (into {@code a} and {@code b}), increasing in both. */
  static List<int[]> pairs(List<Passage> a, List<Passage> b) {
    int n = a.size();
    int m = b.size();
    List<int[]> out = new ArrayList<>();
    if ((long) n * m > MAX_CELLS) {
      for (int i = 0; i < Math.min(n, m); i++) {
        out.add(new int[] {i, i});
      }
      return out;
    }
    List<Set<String>> wa = new ArrayList<>(n);
    for (Passage p : a) {
      wa.add(words(p.text()));
    }
    List<Set<String>> wb = new ArrayList<>(m);
    for (Passage p : b) {
      wb.add(words(p.text()));
    }
    long[][] best = new long[n + 1][m + 1];
    int[][] common = new int[n][m];
    for (int i = n - 1; i >= 0; i--) {
      for (int j = m - 1; j >= 0; j--) {
        common[i][j] = intersection(wa.get(i), wb.get(j));
        long take = common[i][j] > 0 ? common[i][j] + best[i + 1][j + 1] : 0;
        best[i][j] = Math.max(take, Math.max(best[i + 1][j], best[i][j + 1]));
      }
    }
    int i = 0;
    int j = 0;
    while (i < n && j < m) {
      if (common[i][j] > 0 && best[i][j] == common[i][j] + best[i + 1][j + 1]) {
        out.add(new int[] {i, j});
        i++;
        j++;
      } else if (best[i + 1][j] >= best[i][j + 1]) {
        i++;
      } else {
        j++;
      }
    }
    return out;
  }

  private static Set<String> words(String text) {
    Set<String> out = new HashSet<>();
    for (String w : text.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+", -1)) {
      if (!w.isEmpty()) {
        out.add(w);
      }
    }
    return out;
  }

  private static int intersection(Set<String> x, Set<String> y) {
    Set<String> small = x.size() <= y.size() ? x : y;
    Set<String> large = small == x ? y : x;
    int n = 0;
    for (String w : small) {
      if (large.contains(w)) {
        n++;
      }
    }
    return n;
  }
}
