package io.textsim.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class DurationsTest {

  @ParameterizedTest(name = "{0} = {1} s + {2} ns")
  @CsvSource({
    // number and unit
    "500ms, 0, 500000000",
    "1.5s, 1, 500000000",
    "10m, 600, 0",
    "2h, 7200, 0",
    "7d, 604800, 0",
    "0.25ms, 0, 250000",
    "0.000001ms, 0, 1",
    "1.000000001s, 1, 1",
    "1.5d, 129600, 0",
    "90s, 90, 0",
    "007s, 7, 0",
    "1.50s, 1, 500000000",
    // any case, spaces between number and unit, surrounding white space
    "5S, 5, 0",
    "250MS, 0, 250000000",
    "2H, 7200, 0",
    "'5 s', 5, 0",
    "'  30s  ', 30, 0",
    "'\t1m\n', 60, 0",
    // a bare number is seconds, as the server and the CLI have always read it
    "45, 45, 0",
    "0.5, 0, 500000000",
    "86400, 86400, 0",
    // zero is a duration; whether it is allowed is the setting's business
    "0, 0, 0",
    "0s, 0, 0",
    "0ms, 0, 0",
    "PT0S, 0, 0",
    // ISO-8601, as users of the server already pass it
    "PT30S, 30, 0",
    "pt30s, 30, 0",
    "PT1M30S, 90, 0",
    "PT0.5S, 0, 500000000",
    "P1D, 86400, 0",
    "P1DT1H, 90000, 0",
    "+PT5S, 5, 0",
    // the largest duration there is
    "9223372036854775807s, 9223372036854775807, 0",
    "9223372036854775807.999999999s, 9223372036854775807, 999999999"
  })
  void parsesTheGrammar(String text, long seconds, long nanos) {
    assertEquals(Duration.ofSeconds(seconds, nanos), Durations.parse(text));
  }

  @ParameterizedTest(name = "''{0}'': {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        // empty and blank
        "''|empty",
        "'   '|empty",
        // negative, in either grammar
        "-1s|negative",
        "-0|negative",
        "PT-5S|negative",
        "-PT5S|negative",
        "P-1D|negative",
        // overflow
        "9223372036854775808s|too large",
        "106751991167301d|too large",
        "99999999999999999999999999999999999999999999999999999999999999999|longer than 64",
        "PT9223372036854775808S|too large",
        "P9999999999999999D|too large",
        // finer than a nanosecond
        "0.0000000001s|finer than a nanosecond",
        "0.0000001ms|finer than a nanosecond",
        // unknown units
        "5w|unknown unit 'w'",
        "5sec|unknown unit 'sec'",
        "5min|unknown unit 'min'",
        "1e|unknown unit 'e'"
      })
  void refusesWithTheReason(String text, String reason) {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> Durations.parse(text));
    assertTrue(e.getMessage().startsWith("'" + text + "' is not a duration"), e.getMessage());
    assertTrue(e.getMessage().contains(reason), e.getMessage());
    assertTrue(e.getMessage().endsWith("use e.g. 500ms, 1.5s, 10m, 2h, 7d or PT30S"));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        // NaN-like and other number syntaxes
        "NaN",
        "nan s",
        "Infinity",
        "infs",
        "1e3",
        "1e3s",
        "0x10s",
        ".5s",
        "5.s",
        "1,5s",
        "1_000ms",
        "+5s",
        "++5s",
        // not a number at all
        "soon",
        "s",
        "ms5",
        "5s5",
        "1h30m",
        "5 s s",
        // unicode digits, letters and spaces
        "\u0663s", // ARABIC-INDIC DIGIT THREE
        "\uFF15s", // FULLWIDTH DIGIT FIVE
        "\u0968\u0966ms", // DEVANAGARI 20
        "5\u00B5s", // micro sign
        "5\u00A0s", // no-break space between number and unit
        "5\uFF53", // FULLWIDTH s
        // ISO-8601 that is not
        "P",
        "PT",
        "PT5",
        "PT0.0000000001S",
        "P1W"
      })
  void refusesWhatIsNotADuration(String text) {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> Durations.parse(text));
    assertTrue(e.getMessage().startsWith("'" + text + "' is not a duration"), e.getMessage());
  }

  @Test
  void nullIsRefused() {
    assertThrows(NullPointerException.class, () -> Durations.parse(null));
    assertThrows(NullPointerException.class, () -> Durations.format(null));
  }

  @ParameterizedTest
  @CsvSource({"1ms", "24h", "1.5s", "PT1H", "86400"})
  void rangeIsInclusive(String text) {
    assertEquals(
        Durations.parse(text), Durations.parse(text, Duration.ofMillis(1), Duration.ofHours(24)));
  }

  @ParameterizedTest
  @CsvSource({"0s", "0.5ms", "25h", "2d", "PT24H0.001S"})
  void outOfRangeNamesTheValueAndTheRange(String text) {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> Durations.parse(text, Duration.ofMillis(1), Duration.ofHours(24)));
    assertEquals(
        "'" + text + "' is out of range; the duration must be between 1ms and 1d", e.getMessage());
  }

  @Test
  void aRangeMustNotBeEmpty() {
    assertThrows(
        IllegalArgumentException.class,
        () -> Durations.parse("1s", Duration.ofSeconds(2), Duration.ofSeconds(1)));
  }

  @ParameterizedTest(name = "{0} s + {1} ns = {2}")
  @CsvSource({
    "0, 0, 0s",
    "0, 1000000, 1ms",
    "0, 250000000, 250ms",
    "1, 500000000, 1500ms",
    "5, 0, 5s",
    "90, 0, 90s",
    "120, 0, 2m",
    "600, 0, 10m",
    "3600, 0, 1h",
    "7200, 0, 2h",
    "86400, 0, 1d",
    "604800, 0, 7d",
    "90000, 0, 25h",
    "0, 250000, 0.25ms",
    "0, 1, 0.000001ms",
    "1, 1, 1000.000001ms",
    "9223372036854775807, 0, 9223372036854775807s",
    "9223372036854775807, 999999999, 9223372036854775807999.999999ms"
  })
  void formatsInTheLargestExactUnit(long seconds, long nanos, String text) {
    assertEquals(text, Durations.format(Duration.ofSeconds(seconds, nanos)));
  }

  @Test
  void formatRefusesNegativeDurations() {
    assertThrows(IllegalArgumentException.class, () -> Durations.format(Duration.ofMillis(-1)));
  }

  @Test
  void parseReadsWhatFormatWrites() {
    SplittableRandom random = new SplittableRandom(2026);
    for (int i = 0; i < 10_000; i++) {
      Duration d =
          switch (i % 4) {
            case 0 -> Duration.ofMillis(random.nextLong(0, 100_000_000L));
            case 1 -> Duration.ofSeconds(random.nextLong(0, 10_000_000L) * 60);
            case 2 -> Duration.ofNanos(random.nextLong(0, Long.MAX_VALUE));
            default -> Duration.ofSeconds(random.nextLong(0, Long.MAX_VALUE), random.nextInt(0, 2));
          };
      String text = Durations.format(d);
      assertEquals(d, Durations.parse(text), text);
    }
  }
}
