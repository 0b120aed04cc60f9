package io.textsim.core.sketch;

import io.textsim.core.shingle.ShingleHashing;
import io.textsim.core.shingle.ShingleSet;

/**
 * A slow, obviously-correct transcription of the definitions in {@link MinHasher}'s javadoc, one
 * hash function and one bin at a time, as the oracle for the fast implementation.
 */
final class ReferenceMinHash {
  private ReferenceMinHash() {}

  /** SplitMix64: {@code state += gamma; return mix(state)}. */
  private static final class SplitMix64 {
    private long state;

    SplitMix64(long seed) {
      state = seed;
    }

    long next() {
      state += 0x9E3779B97F4A7C15L;
      long z = state;
      z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
      z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
      return z ^ (z >>> 31);
    }
  }

  static long[] slots(MinHashParameters p, ShingleSet set) {
    return p.family() == MinHashFamily.CLASSIC ? classic(p, set) : onePermutation(p, set);
  }

  static long[] classic(MinHashParameters p, ShingleSet set) {
    int k = p.numHashes();
    long[] a = new long[k];
    long[] b = new long[k];
    SplitMix64 rng = new SplitMix64(p.seed());
    for (int i = 0; i < k; i++) {
      a[i] = rng.next() | 1L;
      b[i] = rng.next();
    }
    long[] slots = new long[k];
    for (int i = 0; i < k; i++) {
      if (set.isEmpty()) {
        slots[i] = -1;
        continue;
      }
      long min = Long.MAX_VALUE;
      for (int j = 0; j < set.size(); j++) {
        long h = (a[i] * ShingleHashing.fmix64(set.get(j)) + b[i]) >>> 1;
        min = Math.min(min, h);
      }
      slots[i] = min;
    }
    return slots;
  }

  static long[] onePermutation(MinHashParameters p, ShingleSet set) {
    int k = p.numHashes();
    SplitMix64 rng = new SplitMix64(p.seed());
    long e = rng.next();
    long probe = rng.next();
    long[] bins = new long[k];
    boolean[] filled = new boolean[k];
    for (int j = 0; j < set.size(); j++) {
      long h = ShingleHashing.fmix64(set.get(j) ^ e);
      int bin = (int) (((h >>> 32) * k) >>> 32);
      long v = h >>> 1;
      if (!filled[bin] || v < bins[bin]) {
        bins[bin] = v;
        filled[bin] = true;
      }
    }
    long[] slots = new long[k];
    for (int j = 0; j < k; j++) {
      if (set.isEmpty()) {
        slots[j] = -1;
      } else if (filled[j]) {
        slots[j] = bins[j];
      } else {
        int q = -1;
        boolean found = false;
        for (int t = 1; t <= 64 && !found; t++) {
          long g = ShingleHashing.fmix64(probe ^ (((long) j << 32) | t));
          q = (int) (((g >>> 32) * k) >>> 32);
          found = filled[q];
        }
        while (!found) {
          q = (q + 1) % k;
          found = filled[q];
        }
        slots[j] = bins[q];
      }
    }
    return slots;
  }
}
