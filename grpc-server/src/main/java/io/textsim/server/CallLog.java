package io.textsim.server;

import io.grpc.Grpc;
import io.grpc.Metadata;
import io.grpc.ServerStreamTracer;
import io.grpc.Status;
import java.net.SocketAddress;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Writes one structured line per call to the {@value #LOGGER} logger (java.util.logging) when the
 * call's stream closes:
 *
 * <pre>
 * call method=textsim.v1.SimilarityService/Compare status=OK latency_ms=1.84 peer=/127.0.0.1:51234
 * </pre>
 *
 * <p>A call that ends in an error adds {@code message="..."} (the status description, quoted). A
 * request over the message size limit, refused by the transport, also gets {@code message_bytes=N
 * max_message_bytes=M}: this line is then the only one for it ({@link TransportLogFilter} drops the
 * transport's stack trace). The latency runs from the request headers to the end of the stream, so
 * it includes parsing and the wait for a worker.
 *
 * <p>It is a stream tracer rather than an interceptor because a tracer sees every way a call ends,
 * including those no interceptor hears of: a request over the message size limit
 * (RESOURCE_EXHAUSTED, raised by the transport before any handler runs) and unknown methods
 * (UNIMPLEMENTED). A call ended by its deadline is logged as DEADLINE_EXCEEDED even when the
 * client's cancel arrived first. Server errors (INTERNAL, UNKNOWN, DATA_LOSS) are logged at
 * WARNING, everything else at INFO. Thread-safe.
 */
final class CallLog extends ServerStreamTracer.Factory {
  /** The name of the logger the call lines go to. */
  static final String LOGGER = "io.textsim.server.calls";

  private static final Logger logger = Logger.getLogger(LOGGER);

  /** How the transport describes a request over the size limit: the limit, then the size. */
  private static final Pattern OVER_SIZE =
      Pattern.compile("gRPC message exceeds maximum size (\\d+): (\\d+)");

  /** A request message's size and the limit it went over, in bytes. */
  record MessageSizes(long size, long limit) {}

  /**
   * The sizes in the transport's description of a request over {@code --max-message-bytes}; null if
   * {@code description} is not one.
   */
  static MessageSizes messageSizes(String description) {
    if (description == null) {
      return null;
    }
    Matcher m = OVER_SIZE.matcher(description);
    if (!m.find()) {
      return null;
    }
    try {
      return new MessageSizes(Long.parseLong(m.group(2)), Long.parseLong(m.group(1)));
    } catch (NumberFormatException e) {
      return null; // digits beyond a long: not the transport's text
    }
  }

  /** The gRPC wire protocol's timeout header: digits and a unit, e.g. {@code 200m}. */
  private static final Metadata.Key<String> TIMEOUT =
      Metadata.Key.of("grpc-timeout", Metadata.ASCII_STRING_MARSHALLER);

  @Override
  public ServerStreamTracer newServerStreamTracer(String fullMethodName, Metadata headers) {
    return new Call(fullMethodName, System.nanoTime(), timeoutNanos(headers.get(TIMEOUT)));
  }

  /** The timeout a {@code grpc-timeout} header gives, in nanoseconds; -1 if none or malformed. */
  static long timeoutNanos(String header) {
    if (header == null || header.length() < 2 || header.length() > 9) {
      return -1;
    }
    long value;
    try {
      value = Long.parseLong(header.substring(0, header.length() - 1));
    } catch (NumberFormatException e) {
      return -1;
    }
    TimeUnit unit =
        switch (header.charAt(header.length() - 1)) {
          case 'n' -> TimeUnit.NANOSECONDS;
          case 'u' -> TimeUnit.MICROSECONDS;
          case 'm' -> TimeUnit.MILLISECONDS;
          case 'S' -> TimeUnit.SECONDS;
          case 'M' -> TimeUnit.MINUTES;
          case 'H' -> TimeUnit.HOURS;
          default -> null;
        };
    return unit == null || value < 0 ? -1 : unit.toNanos(value);
  }

  /** One call: its line is written once, when the stream closes. */
  private static final class Call extends ServerStreamTracer {
    private final String method;
    private final long startNanos;
    private final long timeoutNanos;
    private final AtomicBoolean written = new AtomicBoolean();
    private volatile SocketAddress peer;

    Call(String method, long startNanos, long timeoutNanos) {
      this.method = method;
      this.startNanos = startNanos;
      this.timeoutNanos = timeoutNanos;
    }

    @Override
    public void serverCallStarted(ServerCallInfo<?, ?> callInfo) {
      peer = callInfo.getAttributes().get(Grpc.TRANSPORT_ATTR_REMOTE_ADDR);
    }

    @Override
    public void streamClosed(Status status) {
      if (!written.compareAndSet(false, true)) {
        return;
      }
      long elapsed = System.nanoTime() - startNanos;
      if (status.getCode() == Status.Code.CANCELLED
          && timeoutNanos >= 0
          && elapsed
              >= timeoutNanos - TimeUnit.MILLISECONDS.toNanos(Errors.DEADLINE_SLACK_MILLIS)) {
        status = Status.DEADLINE_EXCEEDED.withDescription("deadline passed");
      }
      Status.Code code = status.getCode();
      Level level =
          code == Status.Code.INTERNAL
                  || code == Status.Code.UNKNOWN
                  || code == Status.Code.DATA_LOSS
              ? Level.WARNING
              : Level.INFO;
      if (logger.isLoggable(level)) {
        logger.log(level, line(status, elapsed));
      }
    }

    private String line(Status status, long elapsedNanos) {
      double millis = elapsedNanos / 1e6;
      StringBuilder line =
          new StringBuilder("call method=")
              .append(method)
              .append(" status=")
              .append(status.getCode())
              .append(" latency_ms=")
              .append(String.format(Locale.ROOT, "%.2f", millis))
              .append(" peer=")
              .append(peer == null ? "-" : peer.toString());
      if (!status.isOk() && status.getDescription() != null) {
        line.append(" message=\"")
            .append(
                status
                    .getDescription()
                    .replace("\\", "\\\\")
                    .replace("\"", "\\\"")
                    .replace("\n", "\\n"))
            .append('"');
        MessageSizes sizes =
            status.getCode() == Status.Code.RESOURCE_EXHAUSTED
                ? messageSizes(status.getDescription())
                : null;
        if (sizes != null) {
          line.append(" message_bytes=")
              .append(sizes.size())
              .append(" max_message_bytes=")
              .append(sizes.limit())
              .append(" (--max-message-bytes)");
        }
      }
      return line.toString();
    }
  }
}
