package io.textsim.core.shingle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.TreeSet;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@link ShingleLookup} against a linear scan of the sorted array. */
class ShingleLookupTest {
  /** The oracle: the index of {@code key} in {@code sorted} by walking it, or -1. */
  private static int scan(long[] sorted, long key) {
    for (int i = 0; i < sorted.length; i++) {
      if (sorted[i] == key) {
        return i;
      }
    }
    return -1;
  }

  private static long[] values(SplittableRandom r, int shape, int n) {
    long[] out = new long[n];
    for (int i = 0; i < n; i++) {
      out[i] =
          switch (shape) {
            case 0 -> r.nextLong(); // shingle hashes: uniform
            case 1 -> r.nextInt(1000) - 500; // one or two buckets around zero: bisected
            case 2 -> i % 2 == 0 ? Long.MIN_VALUE + i : Long.MAX_VALUE - i; // the two end buckets
            case 3 -> (r.nextBoolean() ? 1L : -1L) << r.nextInt(64); // powers of two: skewed
            default -> r.nextLong() >>> 40; // the top bits all zero: a crowd in one bucket
          };
    }
    return out;
  }

  @ParameterizedTest
  @ValueSource(ints = {0, 1, 2, 3, 4})
  void indexOfIsTheIndexInTheSortedSet(int shape) {
    SplittableRandom r = new SplittableRandom(1000 + shape);
    for (int round = 0; round < 200; round++) {
      int n = round < 4 ? round : r.nextInt(round % 10 == 0 ? 5000 : 300);
      ShingleSet set = ShingleSet.of(values(r, shape, n));
      long[] sorted = set.toArray();
      ShingleLookup lookup = ShingleLookup.of(set);
      assertSame(set, lookup.set());
      for (int q = 0; q < 300; q++) {
        long key =
            switch (q % 4) {
              case 0 -> sorted.length == 0 ? 0 : sorted[r.nextInt(sorted.length)];
              case 1 ->
                  sorted.length == 0 ? 1 : sorted[r.nextInt(sorted.length)] + r.nextInt(3) - 1;
              case 2 -> r.nextLong();
              default -> q % 8 == 3 ? Long.MIN_VALUE : Long.MAX_VALUE;
            };
        int expected = scan(sorted, key);
        assertEquals(expected, lookup.indexOf(key), "shape " + shape + " n " + n + " key " + key);
        assertEquals(expected >= 0, lookup.contains(key));
        if (expected >= 0) {
          assertEquals(expected, set.indexOf(key, 0));
        }
      }
    }
  }

  @ParameterizedTest
  @ValueSource(ints = {0, 1, 2, 3, 4})
  void removeFromIsTheSetDifference(int shape) {
    SplittableRandom r = new SplittableRandom(2000 + shape);
    for (int round = 0; round < 200; round++) {
      ShingleSet removed = ShingleSet.of(values(r, shape, r.nextInt(2000)));
      long[] mine = values(r, shape, r.nextInt(60));
      // Some shingles of the document are in the removed set, some are not.
      for (int i = 0; i < mine.length && removed.size() > 0; i += 2) {
        mine[i] = removed.get(r.nextInt(removed.size()));
      }
      ShingleSet document = ShingleSet.of(mine);
      TreeSet<Long> expected = new TreeSet<>();
      for (long x : mine) {
        expected.add(x);
      }
      for (long x : removed.toArray()) {
        expected.remove(x);
      }
      ShingleSet content = ShingleLookup.of(removed).removeFrom(document);
      assertEquals(
          expected.stream().mapToLong(Long::longValue).boxed().toList(),
          Arrays.stream(content.toArray()).boxed().toList(),
          "round " + round);
      assertEquals(document.without(removed), content);
    }
  }

  @ParameterizedTest
  @ValueSource(ints = {0, 1})
  void emptyAndNothingRemovedGiveTheSameSet(int size) {
    ShingleSet empty = ShingleSet.empty();
    ShingleSet one = ShingleSet.of(42);
    ShingleLookup lookup = ShingleLookup.of(size == 0 ? empty : one);
    assertFalse(lookup.contains(7));
    assertEquals(size == 0 ? -1 : 0, lookup.indexOf(42));
    ShingleSet document = ShingleSet.of(1, 2, 3);
    assertSame(document, lookup.removeFrom(document));
    assertSame(empty, lookup.removeFrom(empty));
    assertSame(empty, ShingleLookup.of(one).removeFrom(one));
  }
}
