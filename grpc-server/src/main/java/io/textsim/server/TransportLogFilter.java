package io.textsim.server;

import io.grpc.Status;
import java.util.logging.Filter;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * Keeps the transport's stack trace for an over-size request out of the server log.
 *
 * <p>For every request message over {@code --max-message-bytes}, grpc-netty logs a WARNING
 * "Exception processing message" with the whole Netty stack trace (some forty lines), although
 * nothing is wrong with the server: the client sent too much and was answered RESOURCE_EXHAUSTED.
 * The call log already has one line for that call naming the size and the limit ({@link CallLog}),
 * so the transport's record is dropped. Every other record of that logger (a decompression failure,
 * say) is kept.
 */
final class TransportLogFilter implements Filter {
  /** The logger of grpc-netty's server stream, as shaded into grpc-netty-shaded. */
  static final String LOGGER = "io.grpc.netty.shaded.io.grpc.netty.NettyServerStream";

  /**
   * Held for good: java.util.logging keeps loggers weakly, and a collected logger would come back
   * without its filter.
   */
  private static final Logger transport = Logger.getLogger(LOGGER);

  private final Filter next;

  private TransportLogFilter(Filter next) {
    this.next = next;
  }

  /** Installs the filter on the transport's logger, once, in front of any filter set there. */
  static synchronized void install() {
    Filter current = transport.getFilter();
    if (!(current instanceof TransportLogFilter)) {
      transport.setFilter(new TransportLogFilter(current));
    }
  }

  @Override
  public boolean isLoggable(LogRecord record) {
    if (isOverSizeMessage(record.getThrown())) {
      return false;
    }
    return next == null || next.isLoggable(record);
  }

  /** Whether {@code thrown} is the transport's refusal of a message over the size limit. */
  static boolean isOverSizeMessage(Throwable thrown) {
    if (thrown == null) {
      return false;
    }
    Status status = Status.fromThrowable(thrown);
    return status.getCode() == Status.Code.RESOURCE_EXHAUSTED
        && CallLog.messageSizes(status.getDescription()) != null;
  }
}
