package io.textsim.server;

import io.grpc.Context;
import io.grpc.Deadline;
import io.textsim.core.Cancellation;
import java.util.Objects;

/**
 * Adapts a gRPC call's {@link Context} to the core's {@link Cancellation} hook: the core's long
 * loops (edit distance, clustering) stop once the client cancels, the deadline passes or the server
 * shuts down now.
 *
 * <p>The context is captured when the call arrives, so the hook works from any thread, including
 * the fork-join workers the core's clustering runs on. The deadline is checked directly as well, so
 * a computation stops at its deadline even before gRPC's timer has cancelled the context.
 * Thread-safe.
 */
final class ContextCancellation implements Cancellation {
  private final Context context;
  private final Deadline deadline;

  private ContextCancellation(Context context) {
    this.context = Objects.requireNonNull(context, "context");
    this.deadline = context.getDeadline();
  }

  /** The cancellation of the call whose context is {@code context}. */
  static ContextCancellation of(Context context) {
    return new ContextCancellation(context);
  }

  @Override
  public boolean isCancelled() {
    return (deadline != null && deadline.isExpired()) || context.isCancelled();
  }

  @Override
  public String toString() {
    return "ContextCancellation[deadline=" + deadline + "]";
  }
}
