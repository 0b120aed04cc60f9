package io.textsim.server;

import io.grpc.Context;
import io.grpc.Contexts;
import io.grpc.Deadline;
import io.grpc.ForwardingServerCallListener.SimpleForwardingServerCallListener;
import io.grpc.Metadata;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Gives every call the server's own deadline when the client set none or a later one, so that no
 * single request (a quadratic measure on two long texts, say) holds a worker for hours. The core
 * sees the deadline through the call's context like a client's, stops its long loops, and the call
 * ends DEADLINE_EXCEEDED with a message that names the server's limit. Thread-safe.
 */
final class CallTimeLimit implements ServerInterceptor {
  /** Set in a call's context when its deadline is the server's limit, not the client's. */
  static final Context.Key<Duration> IMPOSED = Context.key("textsim-max-call-time");

  private final Duration limit;
  private final ScheduledExecutorService timer;

  /**
   * @param limit the longest a call may run, positive
   * @param timer runs the deadline's cancellation
   */
  CallTimeLimit(Duration limit, ScheduledExecutorService timer) {
    if (limit.isNegative() || limit.isZero()) {
      throw new IllegalArgumentException("limit must be positive, got " + limit);
    }
    this.limit = limit;
    this.timer = Objects.requireNonNull(timer, "timer");
  }

  @Override
  public <ReqT, RespT> ServerCall.Listener<ReqT> interceptCall(
      ServerCall<ReqT, RespT> call, Metadata headers, ServerCallHandler<ReqT, RespT> next) {
    Deadline serverDeadline = Deadline.after(limit.toNanos(), TimeUnit.NANOSECONDS);
    Deadline clientDeadline = Context.current().getDeadline();
    if (clientDeadline != null && clientDeadline.compareTo(serverDeadline) <= 0) {
      return next.startCall(call, headers);
    }
    Context.CancellableContext context =
        Context.current().withValue(IMPOSED, limit).withDeadline(serverDeadline, timer);
    ServerCall.Listener<ReqT> listener;
    try {
      listener = Contexts.interceptCall(context, call, headers, next);
    } catch (RuntimeException | Error e) {
      context.cancel(e);
      throw e;
    }
    // The context holds a timer task until it is cancelled: release it when the call ends.
    return new SimpleForwardingServerCallListener<>(listener) {
      @Override
      public void onComplete() {
        try {
          super.onComplete();
        } finally {
          context.cancel(null);
        }
      }

      @Override
      public void onCancel() {
        try {
          super.onCancel();
        } finally {
          context.cancel(null);
        }
      }
    };
  }
}
