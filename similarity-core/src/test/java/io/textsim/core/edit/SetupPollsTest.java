package io.textsim.core.edit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.textsim.core.Cancellation;
import io.textsim.core.OperationCancelledException;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The set-up phases of Levenshtein and LCS on inputs of a million elements poll their cancellation
 * at least once per {@link SetupPolls#ELEMENTS} elements, and stop at the first poll after it
 * fires. Measured in polls, not time: the inputs have disjoint alphabets, so that for Levenshtein
 * with a small cutoff the bag distance answers right after the set-up (no scan at all), and for LCS
 * every column of the scan is a symbol the pattern lacks: almost all the work is set-up.
 */
class SetupPollsTest {
  private static final int MILLION = 1_000_000;

  /** Counts its polls and fires from poll number {@code fireAt} on. */
  static final class CountingCancellation implements Cancellation {
    private final long fireAt;
    long polls;

    CountingCancellation(long fireAt) {
      this.fireAt = fireAt;
    }

    @Override
    public boolean isCancelled() {
      return ++polls >= fireAt;
    }
  }

  private static String text(char first, long seed) {
    Random random = new Random(seed);
    StringBuilder s = new StringBuilder(MILLION);
    for (int i = 0; i < MILLION; i++) {
      s.append((char) (first + random.nextInt(26)));
    }
    return s.toString();
  }

  private static int[] ints(int first, long seed) {
    return text((char) first, seed).chars().toArray();
  }

  @Test
  void levenshteinSetUpOfTwoMillionCodePointTextsIsPolledEvery64KElements() {
    String a = text('a', 1);
    String b = text('A', 2);
    CountingCancellation counting = new CountingCancellation(Long.MAX_VALUE);
    assertEquals(
        new BoundedDistance.MoreThan(10), Levenshtein.distance(a, b, 10, counting), "bag distance");
    // Two texts to code points, then pattern symbol ids, text symbol ids and pattern masks: five
    // passes of a million elements. Unpolled, this set-up kept a worker busy long after a deadline.
    long setUpElements = 5L * MILLION;
    assertTrue(
        counting.polls >= setUpElements / SetupPolls.ELEMENTS,
        counting.polls + " polls for " + setUpElements + " elements of set-up");
  }

  @Test
  void lcsSetUpOfTwoMillionElementInputsIsPolledEvery64KElements() {
    int[] a = ints('a', 3);
    int[] b = ints('A', 4);
    CountingCancellation counting = new CountingCancellation(Long.MAX_VALUE);
    assertEquals(0, LongestCommonSubsequence.length(a, b, counting));
    // Pattern symbol ids, match masks, and a scan of a million columns that match nothing.
    long elements = 3L * MILLION;
    assertTrue(
        counting.polls >= elements / SetupPolls.ELEMENTS,
        counting.polls + " polls for " + elements + " elements");
  }

  @Test
  void aCancellationThatFiresDuringSetUpStopsAtTheNextPoll() {
    String a = text('a', 5);
    String b = text('A', 6);
    int[] x = ints('a', 7);
    int[] y = ints('A', 8);
    for (long fireAt : new long[] {1, 2, 20, 40}) {
      CountingCancellation lev = new CountingCancellation(fireAt);
      assertThrows(OperationCancelledException.class, () -> Levenshtein.distance(a, b, 10, lev));
      assertEquals(fireAt, lev.polls, "Levenshtein went on polling after the cancellation fired");
      CountingCancellation lcs = new CountingCancellation(fireAt);
      assertThrows(
          OperationCancelledException.class, () -> LongestCommonSubsequence.length(x, y, lcs));
      assertEquals(fireAt, lcs.polls, "LCS went on polling after the cancellation fired");
    }
    // The thread's workspace is not left dirty by a call stopped half way.
    assertEquals(3, Levenshtein.distance("kitten", "sitting"));
    assertEquals(
        new BoundedDistance.MoreThan(10), Levenshtein.distance(a, b, 10, Cancellation.never()));
  }

  @Test
  void anAlreadyCancelledCallDoesNoSetUp() {
    CountingCancellation fired = new CountingCancellation(1);
    assertThrows(
        OperationCancelledException.class,
        () -> Levenshtein.distance(text('a', 9), text('b', 10), fired));
    assertEquals(1, fired.polls);
  }
}
