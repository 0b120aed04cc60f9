package io.textsim.core.shingle;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@link ShingleSort} against {@link Arrays#sort(long[])}. */
class ShingleSortTest {
  @ParameterizedTest
  @CsvSource({
    "0, 0", "0, 1", "0, 65535", "0, 65536", "0, 300001",
    "1, 200000", "2, 200000", "3, 200000", "4, 200000", "5, 131072"
  })
  void sortsAsArraysSortDoes(int shape, int n) {
    SplittableRandom r = new SplittableRandom(31L * shape + n);
    long[] a = new long[n];
    for (int i = 0; i < n; i++) {
      a[i] =
          switch (shape) {
            case 0 -> r.nextLong(); // shingle hashes: uniform
            case 1 -> r.nextInt(5000) - 2500; // one or two buckets around zero
            case 2 ->
                r.nextBoolean() ? Long.MIN_VALUE + r.nextInt(10) : Long.MAX_VALUE - r.nextInt(10);
            case 3 -> r.nextInt(4) == 0 ? 42 : r.nextLong(); // a quarter one value: many repeats
            case 4 -> (r.nextBoolean() ? 1L : -1L) << r.nextInt(64); // powers of two: skewed
            default -> n - i; // descending
          };
    }
    long[] expected = a.clone();
    Arrays.sort(expected);
    ShingleSort.sort(a);
    assertArrayEquals(expected, a);
  }
}
