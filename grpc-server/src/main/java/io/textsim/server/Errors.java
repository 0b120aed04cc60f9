package io.textsim.server;

import com.google.protobuf.Any;
import com.google.rpc.BadRequest;
import com.google.rpc.Code;
import com.google.rpc.RetryInfo;
import io.grpc.Context;
import io.grpc.Deadline;
import io.grpc.Status;
import io.grpc.StatusException;
import io.grpc.StatusRuntimeException;
import io.grpc.protobuf.StatusProto;
import io.textsim.core.Durations;
import io.textsim.core.OperationCancelledException;
import io.textsim.wire.BadFieldException;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Turns what went wrong into the status a client sees, per the design's error table:
 *
 * <ul>
 *   <li>{@link BadFieldException}: INVALID_ARGUMENT with a {@code google.rpc.BadRequest} field
 *       violation;
 *   <li>{@link IllegalArgumentException} from the core: INVALID_ARGUMENT with its message;
 *   <li>{@link TooLargeException}: RESOURCE_EXHAUSTED;
 *   <li>{@link OperationCancelledException}: DEADLINE_EXCEEDED or CANCELLED, whichever stopped the
 *       call;
 *   <li>a status the code already chose: unchanged;
 *   <li>anything else: INTERNAL with a fixed message; the stack trace goes to the server log only.
 * </ul>
 */
final class Errors {
  private static final Logger logger = Logger.getLogger(Errors.class.getName());

  private Errors() {}

  /** The status for {@code failure}, a failure of the call whose context is {@code context}. */
  static StatusRuntimeException toStatus(Throwable failure, Context context) {
    if (failure instanceof BadFieldException e) {
      return invalidField(e.field(), e.getMessage());
    }
    if (failure instanceof TooLargeException e) {
      return Status.RESOURCE_EXHAUSTED.withDescription(e.getMessage()).asRuntimeException();
    }
    if (failure instanceof OperationCancelledException) {
      return stopped(context);
    }
    if (failure instanceof IllegalArgumentException e) {
      return Status.INVALID_ARGUMENT.withDescription(e.getMessage()).asRuntimeException();
    }
    if (failure instanceof StatusRuntimeException e) {
      return e;
    }
    if (failure instanceof StatusException e) {
      return e.getStatus().asRuntimeException(e.getTrailers());
    }
    logger.log(Level.WARNING, "internal error answering a call", failure);
    return Status.INTERNAL
        .withDescription("internal error; the server log has the details")
        .asRuntimeException();
  }

  /** INVALID_ARGUMENT naming {@code field} in a BadRequest detail. */
  static StatusRuntimeException invalidField(String field, String description) {
    BadRequest detail =
        BadRequest.newBuilder()
            .addFieldViolations(
                BadRequest.FieldViolation.newBuilder()
                    .setField(field)
                    .setDescription(description)
                    .build())
            .build();
    return StatusProto.toStatusRuntimeException(
        com.google.rpc.Status.newBuilder()
            .setCode(Code.INVALID_ARGUMENT_VALUE)
            .setMessage(field + ": " + description)
            .addDetails(Any.pack(detail))
            .build());
  }

  /** RESOURCE_EXHAUSTED without retry info: the request can never be served as it is. */
  static StatusRuntimeException tooLarge(String message) {
    return Status.RESOURCE_EXHAUSTED.withDescription(message).asRuntimeException();
  }

  /** RESOURCE_EXHAUSTED telling the client to retry after {@code retryDelay}. */
  static StatusRuntimeException overloaded(String message, Duration retryDelay) {
    RetryInfo retry =
        RetryInfo.newBuilder()
            .setRetryDelay(
                com.google.protobuf.Duration.newBuilder()
                    .setSeconds(retryDelay.getSeconds())
                    .setNanos(retryDelay.getNano())
                    .build())
            .build();
    return StatusProto.toStatusRuntimeException(
        com.google.rpc.Status.newBuilder()
            .setCode(Code.RESOURCE_EXHAUSTED_VALUE)
            .setMessage(message)
            .addDetails(Any.pack(retry))
            .build());
  }

  /** DEADLINE_EXCEEDED if the call's deadline passed, CANCELLED otherwise. */
  static StatusRuntimeException stopped(Context context) {
    Duration limit = CallTimeLimit.IMPOSED.get(context);
    return (deadlineExceeded(context)
            ? Status.DEADLINE_EXCEEDED.withDescription(
                limit == null
                    ? "deadline exceeded: the computation was stopped"
                    : "deadline exceeded: the call ran longer than the server allows ("
                        + Durations.format(limit)
                        + ", --max-call-time); the computation was stopped")
            : Status.CANCELLED.withDescription("call cancelled: the computation was stopped"))
        .asRuntimeException();
  }

  /**
   * A cancel that arrives this close to the call's deadline is taken for the deadline: a client
   * cancels its call when its own timer fires, and that cancel can reach the server a little before
   * the server's copy of the deadline (computed when the headers arrived) has passed.
   */
  static final long DEADLINE_SLACK_MILLIS = 100;

  /** True if the call of {@code context} ended because its deadline passed. */
  static boolean deadlineExceeded(Context context) {
    Deadline deadline = context.getDeadline();
    return (deadline != null
            && deadline.timeRemaining(TimeUnit.MILLISECONDS) <= DEADLINE_SLACK_MILLIS)
        || context.cancellationCause() instanceof TimeoutException;
  }
}
