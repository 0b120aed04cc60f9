package io.textsim.benchmarks.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.textsim.benchmarks.load.SoakVerdict.Sample;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SoakVerdictTest {
  private static final long MIB = 1024 * 1024;

  /**
   * Six samples: the first three at {@code early} MiB / threads, the last three at {@code late}.
   */
  private static List<Sample> samples(long early, int earlyThreads, long late, int lateThreads) {
    List<Sample> s = new ArrayList<>();
    for (int m = 1; m <= 3; m++) {
      s.add(new Sample(m, early * MIB, earlyThreads));
    }
    for (int m = 4; m <= 6; m++) {
      s.add(new Sample(m, late * MIB, lateThreads));
    }
    return s;
  }

  @ParameterizedTest
  @CsvSource({
    "100, 40, 100, 40, flat",
    "100, 40, 120, 40, flat", // exactly +20%
    "100, 40, 121, 40, grows",
    "100, 40, 80, 40, flat", // shrinking is flat
    "100, 40, 100, 50, flat", // exactly +10 threads
    "100, 40, 100, 51, grows",
    "100, 40, 130, 60, grows"
  })
  void appliesTheDocumentedRule(long early, int et, long late, int lt, String expected) {
    assertEquals(expected, SoakVerdict.judge(samples(early, et, late, lt)).word());
  }

  @org.junit.jupiter.api.Test
  void comparesMeansOfThreeSoOneHighSampleIsNotGrowth() {
    List<Sample> s = new ArrayList<>(samples(100, 40, 100, 40));
    s.set(5, new Sample(6, 150 * MIB, 40)); // mean of the last three: 116.7 MiB
    assertEquals("flat", SoakVerdict.judge(s).word());
    s.set(4, new Sample(5, 150 * MIB, 40)); // 133.3 MiB
    assertEquals("grows", SoakVerdict.judge(s).word());
  }

  @org.junit.jupiter.api.Test
  void refusesTooFewSamples() {
    List<Sample> five = samples(1, 1, 1, 1).subList(0, 5);
    assertThrows(IllegalArgumentException.class, () -> SoakVerdict.judge(five));
  }
}
