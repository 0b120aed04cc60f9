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
