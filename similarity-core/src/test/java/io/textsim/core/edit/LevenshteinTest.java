package io.textsim.core.edit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.textsim.core.Cancellation;
import io.textsim.core.OperationCancelledException;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Known answers, Unicode handling, argument validation and cancellation of {@link Levenshtein}. */
class LevenshteinTest {

  @ParameterizedTest(name = "d({0}, {1}) = {2}")
  @CsvSource({
    "kitten, sitting, 3",
    "sitting, kitten, 3",
    "'', '', 0",
    "'', abc, 3",
    "abc, '', 3",
    "abc, abc, 0",
    "flaw, lawn, 2",
    "intention, execution, 5",
    "saturday, sunday, 3",
    "a, b, 1",
    "ab, ba, 2",
    "abc, ca, 3",
    "book, back, 2",
    "levenshtein, frankenstein, 6",
  })
  void knownAnswers(String a, String b, int expected) {
    assertEquals(expected, Levenshtein.distance(a, b));
    assertEquals(new BoundedDistance.Exact(expected), Levenshtein.distance(a, b, expected));
    assertEquals(
        expected, Levenshtein.distance(a.codePoints().toArray(), b.codePoints().toArray()));
  }

  @ParameterizedTest(name = "d({0}, {1}) = {2}")
  @CsvSource({
    // A supplementary character is one code point (two UTF-16 units).
    "\uD835\uDCB3a, a, 1",
    "\uD835\uDCB3, '', 1",
    "\uD83D\uDE00, x, 1",
    "\uD83D\uDE00\uD83D\uDE01, \uD83D\uDE01\uD83D\uDE00, 2",
    // Pairs that share a high surrogate still differ by one code point, not one unit.
    "\uD835\uDCB3\uD835\uDCB4, \uD835\uDCB4, 1",
    // Combining marks are code points of their own; no normalization is applied.
    "e\u0301, \u00E9, 2",
    "cafe\u0301, cafe, 1",
    "cafe\u0301, caf\u00E9, 2",
    "a\u0308\u0304, a, 2",
    // CJK: one code point per character.
    "東京都, 京都, 1",
    "北京大学, 北京大學, 1",
    "日本語のテキスト, 日本語テキスト, 1",
    // Right-to-left scripts are compared in logical order like any other.
    "سلام, سلم, 1",
    "مرحبا بالعالم, مرحبا بالعالم!, 1",
    "שלום, שלם, 1",
    "עברית, ערבית, 2",
    // Unpaired surrogates count as one element each, as in CharSequence.codePoints().
    "\uD800a, a, 1",
    "\uD800, \uDC00, 1",
    "\uD800\uDC00, \uD800, 1",
  })
  void codePointsNotUtf16Units(String a, String b, int expected) {
    assertEquals(expected, Levenshtein.distance(a, b));
    assertEquals(expected, Levenshtein.distance(b, a));
    assertEquals(new BoundedDistance.Exact(expected), Levenshtein.distance(a, b, expected));
    if (expected > 0) {
      assertEquals(
          new BoundedDistance.MoreThan(expected - 1), Levenshtein.distance(a, b, expected - 1));
    }
  }

  @Test
  void anyCharSequenceIsAccepted() {
    assertEquals(3, Levenshtein.distance(new StringBuilder("kitten"), "sitting"));
    assertEquals(1, Levenshtein.distance(new StringBuilder("\uD835\uDCB3a"), "a"));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "plain ascii",
        "\uD835\uDCB3\uD835\uDCB4 pairs",
        "lone \uD800 high",
        "lone \uDC00 low",
        "ends high \uD800",
        "\uDC00\uD800 reversed",
        "e\u0301 東京 سلام"
      })
  void codePointConversionMatchesTheJdk(String s) {
    assertArrayEquals(s.codePoints().toArray(), Levenshtein.codePoints(s));
  }

  @Test
  void anyIntValuesIncludingExtremes() {
    int[] a = {Integer.MIN_VALUE, -1, 0, 1, Integer.MAX_VALUE};
    int[] b = {Integer.MIN_VALUE, 0, -1, 1, Integer.MAX_VALUE, Integer.MIN_VALUE};
    assertEquals(3, Levenshtein.distance(a, b));
    // A pattern of values near MAX_VALUE and a text near MIN_VALUE: nothing may match by
    // overflow of symbol - min.
    int[] high = new int[100];
    int[] low = new int[100];
    for (int i = 0; i < 100; i++) {
      high[i] = Integer.MAX_VALUE - (i % 7);
      low[i] = Integer.MIN_VALUE + (i % 7);
    }
    assertEquals(100, Levenshtein.distance(high, low));
    assertEquals(100, Levenshtein.distance(low, high));
  }

  @Test
  void longInputsWithKnownAnswers() {
    assertEquals(1000, Levenshtein.distance("a".repeat(1000), "b".repeat(1000)));
    assertEquals(2, Levenshtein.distance("ab".repeat(500), "ba".repeat(500)));
    assertEquals(1000, Levenshtein.distance("x".repeat(1000), ""));
    assertEquals(500, Levenshtein.distance("ab".repeat(500), "a".repeat(500)));
    String base = "the quick brown fox jumps over the lazy dog ".repeat(200);
    assertEquals(0, Levenshtein.distance(base, new StringBuilder(base)));
    assertEquals(10, Levenshtein.distance("HEADLINE: " + base, base));
    assertEquals(9, Levenshtein.distance(base, base + " (c) 2022"));
    assertEquals(
        new BoundedDistance.MoreThan(9), Levenshtein.distance("HEADLINE: " + base, base, 9));
    // 64-element block boundaries, where the last block is full or holds one element.
    for (int length : new int[] {63, 64, 65, 127, 128, 129, 192, 193}) {
      String a = "a".repeat(length);
      assertEquals(1, Levenshtein.distance(a, a + "b"), "length " + length);
      assertEquals(1, Levenshtein.distance(a, "b" + a.substring(1)), "length " + length);
      assertEquals(1, Levenshtein.distance(a, a.substring(1) + "b"), "length " + length);
      assertEquals(length, Levenshtein.distance(a, "b".repeat(length)), "length " + length);
    }
  }

  @Test
  void largeAlphabetsUseLinearMemory() {
    // 30,000 distinct symbols in each sequence: a dense symbol-by-block table would need
    // 30,000 * 469 longs (110 MB); rare symbols must go to position lists instead.
    int n = 30_000;
    int[] a = new int[n];
    for (int i = 0; i < n; i++) {
      a[i] = i * 7919 - 1_000_000;
    }
    int[] b = a.clone();
    b[10] = 42;
    b[20_000] = 43;
    int[] c = new int[n - 1];
    System.arraycopy(a, 1, c, 0, n - 1);
    assertEquals(2, Levenshtein.distance(a, b));
    assertEquals(1, Levenshtein.distance(a, c));
    assertEquals(new BoundedDistance.Exact(2), Levenshtein.distance(a, b, 5));
    assertEquals(new BoundedDistance.MoreThan(1), Levenshtein.distance(a, b, 1));
  }

  @Test
  void cutoffs() {
    assertEquals(new BoundedDistance.MoreThan(2), Levenshtein.distance("kitten", "sitting", 2));
    assertEquals(new BoundedDistance.Exact(3), Levenshtein.distance("kitten", "sitting", 3));
    assertEquals(new BoundedDistance.Exact(3), Levenshtein.distance("kitten", "sitting", 100));
    assertEquals(
        new BoundedDistance.Exact(3), Levenshtein.distance("kitten", "sitting", Integer.MAX_VALUE));
    assertEquals(new BoundedDistance.Exact(0), Levenshtein.distance("", "", 0));
    assertEquals(new BoundedDistance.Exact(0), Levenshtein.distance("same", "same", 0));
    assertEquals(new BoundedDistance.MoreThan(0), Levenshtein.distance("a", "", 0));
    // The length difference alone exceeds the cutoff: answered without a scan.
    assertEquals(
        new BoundedDistance.MoreThan(5), Levenshtein.distance("x".repeat(100_000), "x", 5));
  }

  @Test
  void argumentsAreNotModified() {
    int[] a = {5, 4, 3, 2, 1, 0, 9, 9};
    int[] b = {5, 4, 1, 2, 3, 0, 9};
    int[] aCopy = a.clone();
    int[] bCopy = b.clone();
    Levenshtein.distance(a, b);
    Levenshtein.distance(a, b, 2);
    assertArrayEquals(aCopy, a);
    assertArrayEquals(bCopy, b);
  }

  @Test
  void nullArgumentsAreNamed() {
    int[] x = {1};
    Cancellation never = Cancellation.never();
    assertEquals(
        "a",
        assertThrows(NullPointerException.class, () -> Levenshtein.distance(null, x)).getMessage());
    assertEquals(
        "b",
        assertThrows(NullPointerException.class, () -> Levenshtein.distance(x, null)).getMessage());
    assertEquals(
        "a",
        assertThrows(NullPointerException.class, () -> Levenshtein.distance(null, x, 3))
            .getMessage());
    assertEquals(
        "b",
        assertThrows(NullPointerException.class, () -> Levenshtein.distance(x, null, 3))
            .getMessage());
    assertEquals(
        "cancellation",
        assertThrows(
                NullPointerException.class, () -> Levenshtein.distance(x, x, (Cancellation) null))
            .getMessage());
    assertEquals(
        "cancellation",
        assertThrows(NullPointerException.class, () -> Levenshtein.distance(x, x, 3, null))
            .getMessage());
    assertEquals(
        "a",
        assertThrows(
                NullPointerException.class, () -> Levenshtein.distance((CharSequence) null, "b"))
            .getMessage());
    assertEquals(
        "b",
        assertThrows(
                NullPointerException.class, () -> Levenshtein.distance("a", (CharSequence) null))
            .getMessage());
    assertEquals(
        "a",
        assertThrows(
                NullPointerException.class, () -> Levenshtein.distance((CharSequence) null, "b", 1))
            .getMessage());
    assertEquals(
        "b",
        assertThrows(NullPointerException.class, () -> Levenshtein.distance("a", null, 1, never))
            .getMessage());
    assertEquals(
        "cancellation",
        assertThrows(NullPointerException.class, () -> Levenshtein.distance("a", "b", 1, null))
            .getMessage());
  }

  @Test
  void negativeCutoffIsRejected() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class, () -> Levenshtein.distance(new int[0], new int[0], -1));
    assertTrue(e.getMessage().contains("maxDistance"), e.getMessage());
    assertTrue(e.getMessage().contains("-1"), e.getMessage());
    e =
        assertThrows(
            IllegalArgumentException.class,
            () -> Levenshtein.distance("a", "b", Integer.MIN_VALUE));
    assertTrue(e.getMessage().contains("maxDistance"), e.getMessage());
    assertTrue(e.getMessage().contains(String.valueOf(Integer.MIN_VALUE)), e.getMessage());
  }

  @ParameterizedTest(name = "similarity({0}, {1}, {2}) = {3}")
  @CsvSource({
    "0, 0, 0, 1.0",
    "0, 5, 5, 1.0",
    "3, 0, 3, 0.0",
    "3, 3, 0, 0.0",
    "3, 6, 7, 0.5714285714285714",
    "1, 4, 4, 0.75",
    "2147483647, 2147483647, 0, 0.0",
  })
  void similarity(int distance, int lengthA, int lengthB, double expected) {
    assertEquals(expected, Levenshtein.similarity(distance, lengthA, lengthB));
    assertEquals(expected, Levenshtein.similarity(distance, lengthB, lengthA));
  }

  @Test
  void similarityOfComputedDistances() {
    assertEquals(
        1.0 - 3.0 / 7.0, Levenshtein.similarity(Levenshtein.distance("kitten", "sitting"), 6, 7));
    assertEquals(1.0, Levenshtein.similarity(Levenshtein.distance("", ""), 0, 0));
    assertEquals(0.0, Levenshtein.similarity(Levenshtein.distance("", "abc"), 0, 3));
  }

  @ParameterizedTest(name = "similarity({0}, {1}, {2}) is rejected")
  @CsvSource({
    "-1, 0, 0, distance",
    "0, -1, 0, lengthA",
    "0, 0, -1, lengthB",
    "4, 3, 3, distance",
    "0, 2, 3, distance",
    // a distance in code points with lengths in UTF-16 units: "\uD835\uDCB3" vs ""
    "1, 2, 0, distance",
  })
  void similarityRejectsImpossibleArguments(int distance, int lengthA, int lengthB, String named) {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> Levenshtein.similarity(distance, lengthA, lengthB));
    assertTrue(e.getMessage().startsWith(named), e.getMessage());
  }

  @Test
  void boundedDistanceRecords() {
    BoundedDistance exact = new BoundedDistance.Exact(4);
    BoundedDistance moreThan = new BoundedDistance.MoreThan(3);
    assertTrue(exact.isExact());
    assertFalse(moreThan.isExact());
    assertEquals(4, exact.distanceOr(-7));
    assertEquals(-7, moreThan.distanceOr(-7));
    assertEquals(new BoundedDistance.Exact(0), new BoundedDistance.Exact(0));
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> new BoundedDistance.Exact(-1));
    assertTrue(e.getMessage().contains("distance") && e.getMessage().contains("-1"));
    e = assertThrows(IllegalArgumentException.class, () -> new BoundedDistance.MoreThan(-2));
    assertTrue(e.getMessage().contains("limit") && e.getMessage().contains("-2"));
  }

  @Test
  void cancellationIsPolledInEveryMode() {
    Random random = new Random(7);
    int[] longA = randomSequence(random, 200_000, 4);
    int[] longB = randomSequence(random, 200_000, 4);
    int[] shortPattern = randomSequence(random, 50, 4);
    int[] longText = randomSequence(random, 100_000, 4);
    int[] nearB = longA.clone();
    for (int i = 0; i < nearB.length; i += 997) {
      nearB[i] = 9;
    }
    assertCancelled(() -> Levenshtein.distance(longA, longB, countdown(3)));
    assertCancelled(() -> Levenshtein.distance(longA, nearB, countdown(3)));
    assertCancelled(() -> Levenshtein.distance(longA, longB, 50_000, countdown(3)));
    assertCancelled(() -> Levenshtein.distance(shortPattern, longText, countdown(3)));
    String textA = "ab".repeat(100_000);
    String textB = "ba".repeat(99_000) + "x".repeat(2_000);
    assertCancelled(() -> Levenshtein.distance(textA, textB, countdown(3)));
    assertCancelled(() -> Levenshtein.distance(textA, textB, 10_000, countdown(3)));
  }

  @Test
  void deadlineStopsAHugeComputationQuickly() {
    Random random = new Random(11);
    // About 200,000 * 3,125 block steps: seconds of work, unless the deadline stops it.
    int[] a = randomSequence(random, 200_000, 26);
    int[] b = randomSequence(random, 200_000, 26);
    long start = System.nanoTime();
    long deadline = start + 5_000_000L;
    Cancellation cancellation = Cancellation.of(() -> System.nanoTime() > deadline);
    assertThrows(OperationCancelledException.class, () -> Levenshtein.distance(a, b, cancellation));
    long elapsedMillis = (System.nanoTime() - start) / 1_000_000L;
    // Generous for a loaded machine; an unpolled computation takes seconds.
    assertTrue(elapsedMillis < 500, "stopped after " + elapsedMillis + " ms");
  }

  @Test
  void neverCancelledFinishes() {
    assertEquals(3, Levenshtein.distance("kitten", "sitting", Cancellation.never()));
    assertEquals(
        new BoundedDistance.Exact(3),
        Levenshtein.distance("kitten", "sitting", 3, Cancellation.of(() -> false)));
  }

  private static void assertCancelled(Runnable computation) {
    assertThrows(OperationCancelledException.class, computation::run);
  }

  /** A cancellation that fires on its {@code polls}-th poll. */
  private static Cancellation countdown(int polls) {
    AtomicInteger left = new AtomicInteger(polls);
    return Cancellation.of(() -> left.decrementAndGet() < 0);
  }

  private static int[] randomSequence(Random random, int length, int alphabet) {
    int[] s = new int[length];
    for (int i = 0; i < length; i++) {
      s[i] = 'a' + random.nextInt(alphabet);
    }
    return s;
  }
}
