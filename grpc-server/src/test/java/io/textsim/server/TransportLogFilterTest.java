package io.textsim.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.grpc.Status;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;

/**
 * Which transport records the filter drops (only the refusal of an over-size request) and the sizes
 * the call log reads from it.
 */
class TransportLogFilterTest {
  private static LogRecord record(Throwable thrown) {
    LogRecord r = new LogRecord(Level.WARNING, "Exception processing message");
    r.setLoggerName(TransportLogFilter.LOGGER);
    r.setThrown(thrown);
    return r;
  }

  private static final String OVER_SIZE = "gRPC message exceeds maximum size 65536: 400070";

  @Test
  void dropsTheOverSizeRefusalAndKeepsEverythingElse() {
    TransportLogFilter.install();
    TransportLogFilter.install(); // once is enough; twice changes nothing
    Logger transport = Logger.getLogger(TransportLogFilter.LOGGER);
    assertTrue(transport.getFilter() instanceof TransportLogFilter);

    assertFalse(
        transport
            .getFilter()
            .isLoggable(
                record(Status.RESOURCE_EXHAUSTED.withDescription(OVER_SIZE).asException())));
    assertTrue(
        transport
            .getFilter()
            .isLoggable(record(Status.INTERNAL.withDescription(OVER_SIZE).asRuntimeException())));
    assertTrue(
        transport
            .getFilter()
            .isLoggable(
                record(Status.RESOURCE_EXHAUSTED.withDescription("queue full").asException())));
    assertTrue(transport.getFilter().isLoggable(record(new IllegalStateException(OVER_SIZE))));
    assertTrue(transport.getFilter().isLoggable(record(null)));
  }

  @Test
  void readsTheSizeAndTheLimit() {
    assertEquals(new CallLog.MessageSizes(400070, 65536), CallLog.messageSizes(OVER_SIZE));
    assertNull(CallLog.messageSizes("gRPC message exceeds maximum size"));
    assertNull(CallLog.messageSizes(null));
    assertNull(CallLog.messageSizes("gRPC message exceeds maximum size 1: 99999999999999999999"));
  }
}
