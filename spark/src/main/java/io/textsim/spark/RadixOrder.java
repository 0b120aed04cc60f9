package io.textsim.spark;

import java.util.Arrays;

/**
 * The order of entries keyed by two {@code long}s, as a permutation: a stable least-significant-
 * digit radix sort, 8 bits a pass, over the secondary key and then the primary key, both in signed
 * order. The job sorts millions of (source, shingle) entries per task; a comparator sort over boxed
 * entries (Spark's map-side combine) spent most of the furniture stage on hashing and object
 * headers, where this costs a few passes over primitive arrays.
 *
 * <p>Passes whose byte is the same for every entry are skipped (one source: its eight passes), so
 * the cost is at most 16 passes of {@code n}, usually 8 to 10. Stateless.
 */
final class RadixOrder {
  /** Below this, an insertion sort is cheaper than the histograms. */
  private static final int SMALL = 64;

  private RadixOrder() {}

  /**
   * The indices {@code 0..n-1} ordered by {@code (primary[i], secondary[i])} ascending, equal keys
   * in index order.
   */
  static int[] order(long[] primary, long[] secondary, int n) {
    int[] perm = new int[n];
    for (int i = 0; i < n; i++) {
      perm[i] = i;
    }
    if (n < SMALL) {
      for (int i = 1; i < n; i++) {
        int x = perm[i];
        int j = i - 1;
        while (j >= 0 && compare(primary, secondary, perm[j], x) > 0) {
          perm[j + 1] = perm[j];
          j--;
        }
        perm[j + 1] = x;
      }
      return perm;
    }
    // The histograms of all 16 digits in one read; digit d < 8 is byte d of the secondary key,
    // d >= 8 byte d - 8 of the primary, the top byte of each with its sign bit flipped (signed
    // order).
    int[][] counts = new int[16][256];
    for (int i = 0; i < n; i++) {
      long s = secondary[i];
      long p = primary[i];
      for (int d = 0; d < 8; d++) {
        counts[d][digit(s, d)]++;
        counts[d + 8][digit(p, d)]++;
      }
    }
    // The keys move with the permutation, so that every pass reads its entries in order and
    // writes them to 256 runs; a pass that gathered key[perm[i]] instead took a cache miss per
    // entry and was most of the sort. The primary keys move only if a primary pass will run, the
    // secondary ones only during the secondary passes.
    boolean primaryPasses = false;
    for (int d = 8; d < 16; d++) {
      primaryPasses |= counts[d][digit(primary[0], d & 7)] != n;
    }
    long[] s = Arrays.copyOf(secondary, n);
    long[] sSpare = new long[n];
    long[] p = primaryPasses ? Arrays.copyOf(primary, n) : null;
    long[] pSpare = primaryPasses ? new long[n] : null;
    int[] spare = new int[n];
    for (int d = 0; d < 16; d++) {
      int[] count = counts[d];
      if (count[digit(d < 8 ? secondary[0] : primary[0], d & 7)] == n) {
        continue; // every entry has the same byte here: the pass would change nothing
      }
      int[] start = new int[256];
      for (int b = 1; b < 256; b++) {
        start[b] = start[b - 1] + count[b - 1];
      }
      int shift = d & 7;
      if (d < 8) {
        if (p != null) {
          for (int i = 0; i < n; i++) {
            int at = start[digit(s[i], shift)]++;
            spare[at] = perm[i];
            sSpare[at] = s[i];
            pSpare[at] = p[i];
          }
          long[] t = p;
          p = pSpare;
          pSpare = t;
        } else {
          for (int i = 0; i < n; i++) {
            int at = start[digit(s[i], shift)]++;
            spare[at] = perm[i];
            sSpare[at] = s[i];
          }
        }
        long[] t = s;
        s = sSpare;
        sSpare = t;
      } else {
        for (int i = 0; i < n; i++) {
          int at = start[digit(p[i], shift)]++;
          spare[at] = perm[i];
          pSpare[at] = p[i];
        }
        long[] t = p;
        p = pSpare;
        pSpare = t;
      }
      int[] t = perm;
      perm = spare;
      spare = t;
    }
    return perm;
  }

  private static int digit(long key, int byteIndex) {
    int b = (int) (key >>> (8 * byteIndex)) & 0xFF;
    return byteIndex == 7 ? b ^ 0x80 : b;
  }

  private static int compare(long[] primary, long[] secondary, int a, int b) {
    int c = Long.compare(primary[a], primary[b]);
    return c != 0 ? c : Long.compare(secondary[a], secondary[b]);
  }
}
