package io.textsim.cli;

import com.google.protobuf.Any;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.rpc.BadRequest;
import com.google.rpc.RetryInfo;
import io.grpc.Deadline;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.protobuf.StatusProto;
import io.grpc.stub.AbstractStub;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * How the client makes its calls: every stub under the one --deadline, an overloaded server
 * (RESOURCE_EXHAUSTED with a {@code RetryInfo}) retried with backoff, and every other failure one
 * line naming the server and the status.
 */
final class RemoteCalls {
  /** Overload retries before giving up. */
  static final int MAX_RETRIES = 4;

  private final ServerOptions.Target target;
  private final Optional<Duration> timeout;
  private final Optional<Deadline> deadline;

  /**
   * @param timeout the --deadline, counted from now
   */
  RemoteCalls(ServerOptions.Target target, Optional<Duration> timeout) {
    this.target = target;
    this.timeout = timeout;
    this.deadline = timeout.map(d -> Deadline.after(d.toMillis(), TimeUnit.MILLISECONDS));
  }

  /** {@code stub} under the deadline, if there is one. */
  <S extends AbstractStub<S>> S withDeadline(S stub) {
    return deadline.isPresent() ? stub.withDeadline(deadline.get()) : stub;
  }

  /** Runs one call, retrying an overloaded server with backoff; failures become one line. */
  <T> T call(Supplier<T> rpc) {
    for (int attempt = 0; ; attempt++) {
      try {
        return rpc.get();
      } catch (StatusRuntimeException e) {
        Optional<Duration> wait = retryDelay(e, attempt);
        if (wait.isEmpty()) {
          throw failure(e);
        }
        if (attempt >= MAX_RETRIES) {
          throw new CliException(
              "server "
                  + target
                  + " is overloaded (RESOURCE_EXHAUSTED); gave up after "
                  + (attempt + 1)
                  + " attempts: "
                  + e.getStatus().getDescription());
        }
        if (deadline.isPresent()
            && deadline.get().timeRemaining(TimeUnit.MILLISECONDS) < wait.get().toMillis()) {
          throw failure(e);
        }
        try {
          Thread.sleep(wait.get().toMillis());
        } catch (InterruptedException ie) {
          Thread.currentThread().interrupt();
          throw new CliException("interrupted");
        }
      }
    }
  }

  /**
   * Waits for the answer of a streaming call.
   *
   * @throws StatusRuntimeException if the call failed, as the blocking stubs throw it (so that
   *     {@link #call} handles both alike)
   */
  static <T> T await(CompletableFuture<T> answer) {
    try {
      return answer.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new CliException("interrupted");
    } catch (ExecutionException e) {
      if (e.getCause() instanceof StatusRuntimeException s) {
        throw s;
      }
      throw Status.fromThrowable(e.getCause()).asRuntimeException();
    }
  }

  /**
   * How long to wait before retrying, if at all: only an overloaded server, which says so with a
   * RetryInfo detail (a request over the message limit is also RESOURCE_EXHAUSTED, and retrying it
   * is pointless). The server's delay, or 100 ms doubling, capped at 5 s.
   */
  private static Optional<Duration> retryDelay(StatusRuntimeException e, int attempt) {
    if (e.getStatus().getCode() != Status.Code.RESOURCE_EXHAUSTED) {
      return Optional.empty();
    }
    RetryInfo info = detail(e, RetryInfo.class);
    if (info == null) {
      return Optional.empty();
    }
    long backoff = 100L << Math.min(attempt, 6);
    long asked =
        info.hasRetryDelay()
            ? info.getRetryDelay().getSeconds() * 1000 + info.getRetryDelay().getNanos() / 1_000_000
            : 0;
    return Optional.of(Duration.ofMillis(Math.min(5_000, Math.max(backoff, asked))));
  }

  private static <M extends com.google.protobuf.Message> M detail(
      StatusRuntimeException e, Class<M> type) {
    com.google.rpc.Status status = StatusProto.fromThrowable(e);
    if (status == null) {
      return null;
    }
    for (Any any : status.getDetailsList()) {
      if (any.is(type)) {
        try {
          return any.unpack(type);
        } catch (InvalidProtocolBufferException ex) {
          return null;
        }
      }
    }
    return null;
  }

  /** One line about a failed call, naming the server and the status. */
  private CliException failure(StatusRuntimeException e) {
    Status s = e.getStatus();
    String description = s.getDescription() == null ? "" : s.getDescription();
    return switch (s.getCode()) {
      case UNAVAILABLE ->
          new CliException(
              "cannot reach the server at "
                  + target
                  + ": "
                  + rootCause(e)
                  + " (is it running? bin/textsim-server starts one)");
      case DEADLINE_EXCEEDED ->
          new CliException(
              "deadline exceeded: no answer from "
                  + target
                  + " within --deadline "
                  + timeout.map(Units::formatDuration).orElse("(none)"));
      case INVALID_ARGUMENT -> {
        BadRequest bad = detail(e, BadRequest.class);
        StringBuilder fields = new StringBuilder();
        if (bad != null && !description.contains(fieldList(bad))) {
          fields.append(" (").append(fieldList(bad)).append(')');
        }
        yield new CliException(
            "server " + target + " rejected the request: " + description + fields);
      }
      case UNIMPLEMENTED ->
          new CliException(
              "server "
                  + target
                  + " does not offer this call ("
                  + description
                  + "); is it a textsim server of the same version?");
      case RESOURCE_EXHAUSTED ->
          new CliException(
              "server "
                  + target
                  + " refused the request as too large ("
                  + description
                  + "); send fewer or shorter texts, or start the server with a larger"
                  + " --max-message-bytes");
      case NOT_FOUND -> new CliException("server " + target + ": not found: " + description);
      case CANCELLED -> new CliException("cancelled: " + description);
      default ->
          new CliException(
              "server "
                  + target
                  + " answered "
                  + s.getCode()
                  + (description.isEmpty() ? "" : ": " + description));
    };
  }

  private static String fieldList(BadRequest bad) {
    List<String> out = new ArrayList<>();
    for (BadRequest.FieldViolation v : bad.getFieldViolationsList()) {
      out.add(v.getField() + ": " + v.getDescription());
    }
    return String.join("; ", out);
  }

  private static String rootCause(StatusRuntimeException e) {
    Throwable t = e;
    while (t.getCause() != null) {
      t = t.getCause();
    }
    String m = t == e ? e.getStatus().getDescription() : t.getMessage();
    if (m == null || m.isBlank()) {
      m = e.getStatus().getDescription();
    }
    return m == null ? "unavailable" : m.lines().findFirst().orElse("unavailable");
  }
}
