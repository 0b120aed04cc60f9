package io.textsim.server;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The grpc-timeout header as the call log reads it. */
class CallLogTest {
  @ParameterizedTest
  @CsvSource({
    "200m, 200000000",
    "5S, 5000000000",
    "2M, 120000000000",
    "1H, 3600000000000",
    "750u, 750000",
    "99n, 99",
    "99999999m, 99999999000000"
  })
  void parsesEveryUnit(String header, long nanos) {
    assertEquals(nanos, CallLog.timeoutNanos(header));
  }

  @ParameterizedTest
  @CsvSource({"m", "12", "12x", "-5m", "abcm", "123456789m"})
  void rejectsMalformedHeaders(String header) {
    assertEquals(-1, CallLog.timeoutNanos(header));
  }

  @Test
  void noHeaderIsNoTimeout() {
    assertEquals(-1, CallLog.timeoutNanos(null));
    assertEquals(-1, CallLog.timeoutNanos(""));
  }
}
