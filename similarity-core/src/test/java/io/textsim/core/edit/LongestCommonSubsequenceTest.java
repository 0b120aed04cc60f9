package io.textsim.core.edit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.textsim.core.Cancellation;
import io.textsim.core.OperationCancelledException;
import io.textsim.core.edit.LevenshteinOracleTest.Alphabet;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Checks {@link LongestCommonSubsequence} against the textbook dynamic programme on seeded random
 * pairs of every alphabet: unrelated pairs, near-duplicates with spread or bunched edits, lengths
 * around block boundaries, and long pairs with thousands of distinct symbols (the position-list
 * masks).
 */
class LongestCommonSubsequenceTest {

  private static final long[] SEEDS = {1, 2, 3, 5, 8};

  /** Pairs per (alphabet, seed): 5 alphabets * 5 seeds * 1,500 = 37,500. */
  private static final int SHORT_PAIRS = 1_500;

  static Stream<Arguments> alphabetsAndSeeds() {
    return LevenshteinOracleTest.alphabetsAndSeeds(SEEDS);
  }

  @ParameterizedTest(name = "{0}, seed {1}")
  @MethodSource("alphabetsAndSeeds")
  void shortPairsMatchTheOracle(Alphabet alphabet, long seed) {
    IntStream.range(0, SHORT_PAIRS)
        .parallel()
        .forEach(
            pair -> {
              Random random = new Random(seed * 999_983L + alphabet.ordinal() * 104_729L + pair);
              int[] a = LevenshteinOracleTest.randomSequence(random, alphabet, length(random));
              int[] b =
                  switch (random.nextInt(3)) {
                    case 0 ->
                        LevenshteinOracleTest.randomSequence(random, alphabet, length(random));
                    case 1 ->
                        LevenshteinOracleTest.spreadEdits(
                            random, alphabet, a, random.nextInt(1 + a.length / 3 + 3));
                    default ->
                        LevenshteinOracleTest.bunchedEdits(
                            random, alphabet, a, 1 + random.nextInt(60));
                  };
              check(a, b, "pair " + pair);
            });
  }

  @ParameterizedTest(name = "{0}")
  @EnumSource(Alphabet.class)
  void longPairsMatchTheOracle(Alphabet alphabet) {
    IntStream.range(0, 4)
        .parallel()
        .forEach(
            pair -> {
              Random random = new Random(5_000L * alphabet.ordinal() + pair);
              int length = 3_000 + random.nextInt(3_000);
              int[] a = LevenshteinOracleTest.randomSequence(random, alphabet, length);
              int[] b =
                  switch (pair) {
                    case 0 -> LevenshteinOracleTest.randomSequence(random, alphabet, length / 2);
                    case 1 -> LevenshteinOracleTest.spreadEdits(random, alphabet, a, length / 10);
                    case 2 -> LevenshteinOracleTest.bunchedEdits(random, alphabet, a, length / 5);
                    default -> LevenshteinOracleTest.spreadEdits(random, alphabet, a, length);
                  };
              check(a, b, "pair " + pair + " of length " + length);
            });
  }

  @Test
  void knownValues() {
    assertEquals(0, LongestCommonSubsequence.length(new int[0], new int[0]));
    assertEquals(0, LongestCommonSubsequence.length(codePoints("abc"), new int[0]));
    assertEquals(3, LongestCommonSubsequence.length(codePoints("abc"), codePoints("abc")));
    // "abczq"
    assertEquals(
        5, LongestCommonSubsequence.length(codePoints("axbyczqrs"), codePoints("abcxyzqtv")));
    // A supplementary character is one element, not two.
    assertEquals(2, LongestCommonSubsequence.length(codePoints("a😀"), codePoints("😀a😀")));
    assertEquals(1.0, LongestCommonSubsequence.similarity(0, 0, 0));
    assertEquals(0.5, LongestCommonSubsequence.similarity(2, 2, 4));
  }

  @Test
  void impossibleArgumentsOfSimilarityAreRefusedByName() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class, () -> LongestCommonSubsequence.similarity(5, 4, 9));
    assertEquals("lcs must be between 0 and min(lengthA, lengthB) = 4, was 5", e.getMessage());
    assertThrows(
        IllegalArgumentException.class, () -> LongestCommonSubsequence.similarity(0, -1, 3));
    assertThrows(
        NullPointerException.class, () -> LongestCommonSubsequence.length(null, new int[0]));
  }

  @Test
  void aCancellationStopsALongComputation() {
    Random random = new Random(7);
    int[] a = LevenshteinOracleTest.randomSequence(random, Alphabet.LATIN, 200_000);
    int[] b = LevenshteinOracleTest.randomSequence(random, Alphabet.LATIN, 200_000);
    AtomicInteger polls = new AtomicInteger();
    Cancellation afterThreePolls = () -> polls.incrementAndGet() > 3;
    assertThrows(
        OperationCancelledException.class,
        () -> LongestCommonSubsequence.length(a, b, afterThreePolls));
    assertEquals(4, polls.get(), "stopped at the first poll after the cancellation fired");
  }

  private static void check(int[] a, int[] b, String what) {
    int expected = oracle(a, b);
    String context = what + ": |a| = " + a.length + ", |b| = " + b.length + ", lcs = " + expected;
    assertEquals(expected, LongestCommonSubsequence.length(a, b), context);
    assertEquals(expected, LongestCommonSubsequence.length(b, a), context + " (swapped)");
  }

  /** The textbook dynamic programme, two rows: L[i][j] over prefixes of a and b. */
  static int oracle(int[] a, int[] b) {
    int[] previous = new int[b.length + 1];
    int[] current = new int[b.length + 1];
    for (int i = 1; i <= a.length; i++) {
      for (int j = 1; j <= b.length; j++) {
        current[j] =
            a[i - 1] == b[j - 1] ? previous[j - 1] + 1 : Math.max(previous[j], current[j - 1]);
      }
      int[] swap = previous;
      previous = current;
      current = swap;
    }
    return previous[b.length];
  }

  /** Lengths 0..300, a quarter within 2 of a multiple of 64. */
  private static int length(Random random) {
    return switch (random.nextInt(4)) {
      case 0 -> Math.max(0, 64 * random.nextInt(5) + random.nextInt(5) - 2);
      case 1 -> random.nextInt(70);
      default -> random.nextInt(301);
    };
  }

  private static int[] codePoints(String s) {
    return s.codePoints().toArray();
  }
}
