package io.textsim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine.TypeConversionException;

/** Option values: sizes, durations, unit-interval numbers. */
class UnitsTest {
  @ParameterizedTest
  @CsvSource({
    "1, 1",
    "1048576, 1048576",
    "10MB, 10000000",
    "10mb, 10000000",
    "500k, 500000",
    "2MiB, 2097152",
    "1.5GB, 1500000000",
    "' 20 MB ', 20000000"
  })
  void bytes(String value, long expected) {
    assertEquals(expected, Units.parseBytes(value));
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "0", "-5", "ten", "5TB", "3GB", "1e6"})
  void badBytes(String value) {
    assertThrows(TypeConversionException.class, () -> Units.parseBytes(value));
  }

  @ParameterizedTest
  @CsvSource({"5s, 5000", "5, 5000", "250ms, 250", "2m, 120000", "1h, 3600000", "0.5s, 500"})
  void durations(String value, long millis) {
    assertEquals(Duration.ofMillis(millis), Units.parseDuration(value));
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "soon", "0s", "-1s", "25h", "5d"})
  void badDurations(String value) {
    assertThrows(TypeConversionException.class, () -> Units.parseDuration(value));
  }

  @ParameterizedTest
  @CsvSource({"1.5s, 1500", "PT30S, 30000", "PT1M30S, 90000", "24h, 86400000", "1d, 86400000"})
  void durationsInTheSharedGrammar(String value, long millis) {
    assertEquals(Duration.ofMillis(millis), Units.parseDuration(value));
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "soon|'soon' is not a duration; use e.g. 500ms, 1.5s, 10m, 2h, 7d or PT30S",
        "25h|'25h' is out of range; the duration must be between 1ms and 1d",
        "0|'0' is out of range; the duration must be between 1ms and 1d",
        "0.5ms|'0.5ms' is out of range; the duration must be between 1ms and 1d"
      })
  void badDurationsSayWhy(String value, String message) {
    TypeConversionException e =
        assertThrows(TypeConversionException.class, () -> Units.parseDuration(value));
    assertEquals(message, e.getMessage());
  }

  @ParameterizedTest
  @CsvSource({"5000, 5s", "120000, 2m", "3600000, 1h", "250, 250ms", "1500, 1500ms"})
  void formatDuration(long millis, String text) {
    assertEquals(text, Units.formatDuration(Duration.ofMillis(millis)));
  }

  @ParameterizedTest
  @ValueSource(strings = {"1.01", "-0", "NaN", "Infinity", "x"})
  void unitInterval(String value) {
    if (value.equals("-0")) {
      assertEquals(-0.0, Units.parseUnitInterval(value));
    } else {
      assertThrows(TypeConversionException.class, () -> Units.parseUnitInterval(value));
    }
  }
}
