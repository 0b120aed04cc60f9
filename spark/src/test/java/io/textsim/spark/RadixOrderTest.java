package io.textsim.spark;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.util.Arrays;
import java.util.Comparator;
import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@link RadixOrder} against a stable comparator sort of boxed indices. */
class RadixOrderTest {
  private static int[] oracle(long[] primary, long[] secondary, int n) {
    Integer[] order = IntStream.range(0, n).boxed().toArray(Integer[]::new);
    Arrays.sort( // stable: equal keys stay in index order
        order,
        Comparator.<Integer>comparingLong(i -> primary[i]).thenComparingLong(i -> secondary[i]));
    return Arrays.stream(order).mapToInt(Integer::intValue).toArray();
  }

  @ParameterizedTest
  @ValueSource(ints = {0, 1, 2, 63, 64, 65, 1000, 50_000})
  void ordersLikeAComparatorSort(int n) {
    Random random = new Random(n);
    for (int shape = 0; shape < 5; shape++) {
      long[] primary = new long[n];
      long[] secondary = new long[n];
      for (int i = 0; i < n; i++) {
        switch (shape) {
          case 0 -> { // any 64-bit values, negative ones included
            primary[i] = random.nextLong();
            secondary[i] = random.nextLong();
          }
          case 1 -> { // one primary key (one source), many ties in the secondary
            primary[i] = -7;
            secondary[i] = random.nextInt(50) - 25;
          }
          case 2 -> { // few of each: equal pairs, whose index order must be kept
            primary[i] = random.nextInt(3) - 1;
            secondary[i] = random.nextInt(3) - 1;
          }
          case 3 -> { // extremes
            primary[i] = random.nextBoolean() ? Long.MIN_VALUE : Long.MAX_VALUE;
            secondary[i] = random.nextBoolean() ? Long.MIN_VALUE : -1;
          }
          default -> { // small positions (a tie) under a hash (a rank)
            primary[i] = random.nextLong() >> 60;
            secondary[i] = random.nextInt(1 << 17);
          }
        }
      }
      assertArrayEquals(
          oracle(primary, secondary, n), RadixOrder.order(primary, secondary, n), "shape " + shape);
    }
  }
}
