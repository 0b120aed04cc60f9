package io.textsim.core.shingle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** {@link ShingleSet#without}, both ways of removing, against a sorted-set oracle. */
class ShingleSetTest {
  @Test
  void withoutMatchesTheSetDifferenceOnRandomSets() {
    SplittableRandom r = new SplittableRandom(20261203);
    for (int round = 0; round < 500; round++) {
      // Sizes from empty to a removed set 16 and more times larger (the lookup path).
      long[] a = random(r, r.nextInt(40), 60);
      long[] b = random(r, r.nextInt(round % 2 == 0 ? 40 : 2000), round % 3 == 0 ? 60 : 5000);
      ShingleSet sa = ShingleSet.of(a);
      ShingleSet sb = ShingleSet.of(b);
      Set<Long> expected = new TreeSet<>();
      for (long x : a) {
        expected.add(x);
      }
      for (long x : b) {
        expected.remove(x);
      }
      assertEquals(expected, asSet(sa.without(sb)), "round " + round);
      assertEquals(expected, asSet(sa.without(sb::contains)), "round " + round);
      assertEquals(
          expected, asSet(sa.withoutIndices(i -> sb.contains(sa.get(i)))), "round " + round);
    }
  }

  /** Interpolation search against Arrays.binarySearch, on uniform, skewed and extreme values. */
  @Test
  void indexOfMatchesBinarySearch() {
    SplittableRandom r = new SplittableRandom(7);
    for (int round = 0; round < 300; round++) {
      int n = r.nextInt(300);
      long[] values = new long[n];
      for (int i = 0; i < n; i++) {
        values[i] =
            switch (round % 4) {
              case 0 -> r.nextLong(); // shingle hashes
              case 1 -> r.nextInt(1000); // clustered near zero
              case 2 -> i % 2 == 0 ? Long.MIN_VALUE + i : Long.MAX_VALUE - i; // two far clumps
              default -> (long) Math.pow(2, r.nextInt(63)) * (r.nextBoolean() ? 1 : -1); // skewed
            };
      }
      ShingleSet set = ShingleSet.of(values);
      long[] sorted = set.toArray();
      for (int q = 0; q < 200; q++) {
        long key =
            q % 3 == 0 && sorted.length > 0
                ? sorted[r.nextInt(sorted.length)] + r.nextInt(3) - 1
                : q % 3 == 1 ? r.nextLong() : (q % 2 == 0 ? Long.MIN_VALUE : Long.MAX_VALUE);
        int from = sorted.length == 0 ? 0 : r.nextInt(sorted.length + 1);
        int expected = java.util.Arrays.binarySearch(sorted, from, sorted.length, key);
        assertEquals(expected, set.indexOf(key, from), "round " + round + " key " + key);
        assertEquals(
            expected >= 0 || from > 0 && set.contains(key),
            set.contains(key) && (expected >= 0 || from > 0));
      }
    }
  }

  @Test
  void withoutNothingIsTheSameSet() {
    ShingleSet s = ShingleSet.of(3, 1, 2);
    assertSame(s, s.without(ShingleSet.empty()));
    assertSame(s, s.without(x -> false));
    assertSame(s, s.without(ShingleSet.of(Long.MIN_VALUE, Long.MAX_VALUE)));
    assertEquals(0, s.without(x -> true).size());
  }

  private static long[] random(SplittableRandom r, int n, int range) {
    long[] out = new long[n];
    for (int i = 0; i < n; i++) {
      out[i] = r.nextInt(range) - range / 2L + (r.nextInt(8) == 0 ? Long.MIN_VALUE / 2 : 0);
    }
    return out;
  }

  private static Set<Long> asSet(ShingleSet s) {
    Set<Long> out = new TreeSet<>();
    for (int i = 0; i < s.size(); i++) {
      out.add(s.get(i));
    }
    assertEquals(s.size(), out.size());
    return out;
  }
}
