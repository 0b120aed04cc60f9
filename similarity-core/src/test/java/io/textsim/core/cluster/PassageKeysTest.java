package io.textsim.core.cluster;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.textsim.core.shingle.ShingleHashing;
import io.textsim.core.shingle.ShingleSet;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class PassageKeysTest {
  private static final BigInteger TWO_TO_64 = BigInteger.ONE.shiftLeft(64);

  private static ClusterOptions passage(int shingles) {
    return ClusterOptions.builder().passageShingles(shingles).build();
  }

  /** The rate by its definition: the largest power of two whose miss chance is at most 1%. */
  private static int oracleRate(int passage) {
    if (passage == 0) {
      return 0;
    }
    int best = 1;
    for (int r = 1; r <= 1 << 20; r *= 2) {
      if (Math.pow(1.0 - 1.0 / r, passage) <= PassageKeys.MAX_MISS) {
        best = r;
      }
    }
    return best;
  }

  /**
   * The keys by the class comment, with the unsigned arithmetic done in BigInteger: a shingle is
   * sampled when its mixed hash, as an unsigned number, is in the lowest rate-th of the range.
   */
  private static long[] oracleKeys(ShingleSet content, int rate, long documents) {
    TreeSet<Long> keys = new TreeSet<>();
    BigInteger limit = TWO_TO_64.subtract(BigInteger.ONE).divide(BigInteger.valueOf(rate));
    long mask = ~BandKeys.indexMask(documents);
    for (long h : content.toArray()) {
      long mixed = ShingleHashing.fmix64(h ^ 0x70617373616765L);
      BigInteger unsigned = new BigInteger(Long.toUnsignedString(mixed));
      if (unsigned.compareTo(limit) <= 0) {
        keys.add(mixed & mask);
      }
    }
    return keys.stream().mapToLong(Long::longValue).toArray();
  }

  @Test
  void theRateIsTheLargestWhoseMissChanceIsAtMostOnePercent() {
    assertEquals(8, PassageKeys.rate(40));
    for (int p = 0; p <= 400; p++) {
      assertEquals(oracleRate(p), PassageKeys.rate(p), "passage " + p);
    }
    assertFalse(PassageKeys.forClustering(10, passage(0)).enabled());
    assertEquals(0, PassageKeys.forClustering(10, passage(0)).keys(ShingleSet.of(1, 2, 3)).length);
  }

  @Test
  void keysAgreeWithTheOracleOnRandomSets() {
    SplittableRandom r = new SplittableRandom(11);
    for (int k = 0; k < 2_000; k++) {
      int passage = r.nextInt(1, 120);
      long documents = r.nextInt(3) == 0 ? 1L << r.nextInt(0, 40) : r.nextLong(0, 1_000_000);
      PassageKeys keys = PassageKeys.forClustering(documents, passage(passage));
      long[] hashes = new long[r.nextInt(0, 400)];
      for (int i = 0; i < hashes.length; i++) {
        hashes[i] = r.nextInt(4) == 0 ? r.nextInt(-50, 50) : r.nextLong();
      }
      ShingleSet set = ShingleSet.of(hashes);
      assertArrayEquals(
          oracleKeys(set, keys.rate(), documents),
          keys.keys(set),
          () -> keys + " for " + documents + " documents, " + set.size() + " shingles");
    }
  }

  @Test
  void aboutOneShingleInRateIsSampled() {
    PassageKeys keys = PassageKeys.forClustering(1000, passage(40));
    SplittableRandom r = new SplittableRandom(3);
    int sampled = 0;
    int total = 400_000;
    for (int i = 0; i < total; i++) {
      if (keys.sampled(r.nextLong())) {
        sampled++;
      }
    }
    // 1 in 8: 50,000 expected, standard deviation 209.
    assertTrue(Math.abs(sampled - total / 8) < 2_000, sampled + " of " + total);
  }

  @Test
  void copiesShareTheKeysOfTheShinglesTheyShare() {
    SplittableRandom r = new SplittableRandom(5);
    PassageKeys keys = PassageKeys.forClustering(100_000, passage(40));
    int found = 0;
    int trials = 2_000;
    for (int t = 0; t < trials; t++) {
      // Two documents sharing exactly 40 shingles, each with 300 of its own.
      long[] a = new long[340];
      long[] b = new long[340];
      for (int i = 0; i < 340; i++) {
        a[i] = r.nextLong();
        b[i] = i < 40 ? a[i] : r.nextLong();
      }
      TreeSet<Long> ka = new TreeSet<>();
      for (long k : keys.keys(ShingleSet.of(a))) {
        ka.add(k);
      }
      boolean shared = false;
      for (long k : keys.keys(ShingleSet.of(b))) {
        shared |= ka.contains(k);
      }
      if (shared) {
        found++;
      }
    }
    // (7/8)^40 = 0.0048 missed: about 10 of 2,000.
    assertTrue(found >= trials - 40, found + " of " + trials);
  }

  @Test
  void passagePairsAreThePairsSharingAKeyOfAtMostMaxDocuments() {
    SplittableRandom r = new SplittableRandom(17);
    for (int round = 0; round < 30; round++) {
      int n = r.nextInt(2, 400);
      // A small pool of shingles, some drawn by many documents, so keys are shared by few and by
      // more than MAX_DOCUMENTS.
      long[] pool = new long[r.nextInt(50, 3000)];
      for (int i = 0; i < pool.length; i++) {
        pool[i] = r.nextLong();
      }
      ShingleSet[] sets = new ShingleSet[n];
      for (int i = 0; i < n; i++) {
        long[] h = new long[r.nextInt(0, 120)];
        for (int j = 0; j < h.length; j++) {
          h[j] =
              r.nextInt(5) == 0
                  ? pool[r.nextInt(0, Math.min(20, pool.length))]
                  : pool[r.nextInt(pool.length)];
        }
        sets[i] = ShingleSet.of(h);
      }
      ClusterOptions options = passage(r.nextInt(1, 80));
      PassageKeys keys = PassageKeys.forClustering(n, options);
      Map<Long, List<Integer>> holders = new HashMap<>();
      for (int i = 0; i < n; i++) {
        for (long k : oracleKeys(sets[i], keys.rate(), n)) {
          holders.computeIfAbsent(k, x -> new ArrayList<>()).add(i);
        }
      }
      TreeSet<Long> expected = new TreeSet<>();
      for (List<Integer> docs : holders.values()) {
        if (docs.size() <= PassageKeys.MAX_DOCUMENTS) {
          for (int x = 0; x < docs.size(); x++) {
            for (int y = x + 1; y < docs.size(); y++) {
              expected.add(Clusterer.pair(docs.get(x), docs.get(y)));
            }
          }
        }
      }
      TreeSet<Long> actual = new TreeSet<>();
      for (long p : LshCandidates.passagePairs(sets, keys, options)) {
        assertTrue(Clusterer.first(p) < Clusterer.second(p));
        actual.add(p);
      }
      assertEquals(expected, actual, "round " + round + ", " + n + " documents");
    }
  }

  @Test
  void refusesANegativeCollection() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> PassageKeys.forClustering(-1, ClusterOptions.defaults()));
    assertTrue(e.getMessage().contains("-1"), e.getMessage());
  }
}
