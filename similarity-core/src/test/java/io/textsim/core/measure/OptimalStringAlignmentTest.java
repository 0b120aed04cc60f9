package io.textsim.core.measure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.textsim.core.Cancellation;
import io.textsim.core.OperationCancelledException;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class OptimalStringAlignmentTest {

  @Test
  void knownValues() {
    assertEquals(0, distance("", ""));
    assertEquals(3, distance("abc", ""));
    assertEquals(1, distance("ca", "ac"), "one transposition");
    // OSA edits no substring twice, so "ca" -> "ac" -> "abc" is not allowed: 3, not 2.
    assertEquals(3, distance("ca", "abc"));
    assertEquals(3, distance("abcdef", "badcfe"), "three transpositions");
    assertEquals(1, distance("a\uD83D\uDE00", "\uD83D\uDE00a"), "code points, not UTF-16 units");
  }

  @Test
  void aCancellationStopsAQuadraticComputation() {
    Random random = new Random(11);
    int[] a = random.ints(100_000, 'a', 'z' + 1).toArray();
    int[] b = random.ints(100_000, 'a', 'z' + 1).toArray();
    AtomicInteger polls = new AtomicInteger();
    Cancellation afterThreePolls = () -> polls.incrementAndGet() > 3;
    assertThrows(
        OperationCancelledException.class,
        () -> OptimalStringAlignment.distance(a, b, afterThreePolls));
    assertEquals(4, polls.get(), "stopped at the first poll after the cancellation fired");
  }

  private static int distance(String a, String b) {
    return OptimalStringAlignment.distance(a.codePoints().toArray(), b.codePoints().toArray());
  }
}
