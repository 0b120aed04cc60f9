package io.textsim.server;

import io.grpc.ForwardingServerCallListener.SimpleForwardingServerCallListener;
import io.grpc.Metadata;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.grpc.StatusRuntimeException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Bounds the direct memory that requests being received hold: at most {@link #slots()} calls may be
 * receiving at once, each taking up to the largest message (--max-message-bytes) plus one flow
 * control window; the next is answered RESOURCE_EXHAUSTED with retry info before any of its message
 * is read.
 *
 * <p>Why this is needed: grpc-java's Netty transport keeps a request that is being received in the
 * pooled direct buffers it was read into, until the whole message is there and parsed; the flow
 * control window only limits the bytes not yet asked for. Fifty 10 MB messages at once thus held
 * 500 MB of direct memory, over a 256 MiB heap's default limit (direct memory defaults to the
 * heap's size), and Netty's allocation failure reset every connection. gRPC reads a call's message
 * only once the call asked for it, which happens when the call has started, after this gate.
 *
 * <p>A call holds its slot from its start until it half-closes (for a unary call: once its one
 * message is in), is cancelled or completes. Thread-safe.
 */
final class InboundGate implements ServerInterceptor {
  /** The share of the direct memory limit given to requests being received. */
  static final double DIRECT_SHARE = 0.5;

  /**
   * The per-stream HTTP/2 flow control window set on the server: grpc-java's default initial
   * window, fixed (its automatic tuning would let it grow to 8 MiB a connection).
   */
  static final int FLOW_CONTROL_WINDOW = 1024 * 1024;

  private final int slots;
  private final AtomicInteger used = new AtomicInteger();
  private final AtomicLong refused = new AtomicLong();

  /** A gate of {@code slots} calls receiving at once. */
  InboundGate(int slots) {
    if (slots < 1) {
      throw new IllegalArgumentException("slots must be >= 1, got " + slots);
    }
    this.slots = slots;
  }

  /**
   * The slots that {@code directLimit} bytes of direct memory serve with messages of up to {@code
   * maxMessageBytes}: {@link #DIRECT_SHARE} of it, a message and a window each; at least one.
   */
  static int slots(long directLimit, int maxMessageBytes) {
    long perSlot = (long) maxMessageBytes + FLOW_CONTROL_WINDOW;
    return (int)
        Math.max(1, Math.min(Integer.MAX_VALUE, (long) (directLimit * DIRECT_SHARE) / perSlot));
  }

  /** The direct memory limit of gRPC's Netty (by default the JVM's, by default the heap's size). */
  static long directMemoryLimit() {
    try {
      return io.grpc.netty.shaded.io.netty.util.internal.PlatformDependent.maxDirectMemory();
    } catch (LinkageError e) {
      return Runtime.getRuntime().maxMemory();
    }
  }

  int slots() {
    return slots;
  }

  /** The calls receiving now. */
  int receiving() {
    return used.get();
  }

  /** The calls refused so far. */
  long refused() {
    return refused.get();
  }

  @Override
  public <Q, R> ServerCall.Listener<Q> interceptCall(
      ServerCall<Q, R> call, Metadata headers, ServerCallHandler<Q, R> next) {
    if (used.incrementAndGet() > slots) {
      used.decrementAndGet();
      refused.incrementAndGet();
      StatusRuntimeException busy =
          Errors.overloaded(
              "server busy receiving "
                  + slots
                  + " requests at once (each may be up to --max-message-bytes); retry after "
                  + WorkerPool.RETRY_DELAY.toMillis()
                  + " ms",
              WorkerPool.RETRY_DELAY);
      call.close(busy.getStatus(), busy.getTrailers());
      return new ServerCall.Listener<>() {};
    }
    AtomicBoolean released = new AtomicBoolean();
    Runnable release =
        () -> {
          if (released.compareAndSet(false, true)) {
            used.decrementAndGet();
          }
        };
    ServerCall.Listener<Q> delegate;
    try {
      delegate = next.startCall(call, headers);
    } catch (RuntimeException | Error e) {
      release.run();
      throw e;
    }
    return new SimpleForwardingServerCallListener<>(delegate) {
      @Override
      public void onHalfClose() {
        try {
          super.onHalfClose();
        } finally {
          release.run();
        }
      }

      @Override
      public void onCancel() {
        release.run();
        super.onCancel();
      }

      @Override
      public void onComplete() {
        release.run();
        super.onComplete();
      }
    };
  }

  @Override
  public String toString() {
    return "InboundGate[slots=" + slots + "]";
  }
}
