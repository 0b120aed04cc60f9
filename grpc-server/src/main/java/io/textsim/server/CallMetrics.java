package io.textsim.server;

import io.grpc.ForwardingServerCall.SimpleForwardingServerCall;
import io.grpc.ForwardingServerCallListener.SimpleForwardingServerCallListener;
import io.grpc.Metadata;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.grpc.Status;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Records every call the server answers in a Micrometer registry, under the names of gRPC's
 * OpenTelemetry metrics (gRFC A66) where one exists:
 *
 * <ul>
 *   <li>{@code grpc.server.call.started} (counter; label {@code grpc.method}): calls begun;
 *   <li>{@code grpc.server.call.duration} (histogram in seconds; labels {@code grpc.method} and
 *       {@code grpc.status}): from the call reaching the service to its status being sent, so its
 *       {@code _count} is the number of calls ended by method and status code;
 *   <li>{@code textsim.server.calls.in.flight} (gauge): calls begun and not yet ended.
 * </ul>
 *
 * <p>A call the client cancels before the server answers ends with status {@code CANCELLED}.
 * Thread-safe; installed as a server-wide interceptor, it sees the health and reflection services
 * too.
 */
final class CallMetrics implements ServerInterceptor {
  /** Calls begun, by method. */
  static final String STARTED = "grpc.server.call.started";

  /** Call latency by method and status. */
  static final String DURATION = "grpc.server.call.duration";

  /** Calls begun and not yet ended. */
  static final String IN_FLIGHT = "textsim.server.calls.in.flight";

  /**
   * The histogram's bucket bounds, in seconds: the boundaries gRPC's OpenTelemetry module uses for
   * {@code grpc.server.call.duration}, from 10 µs to 100 s.
   */
  static final double[] BUCKETS = {
    0.00001, 0.00005, 0.0001, 0.0003, 0.0006, 0.0008, 0.001, 0.002, 0.003, 0.004, 0.005, 0.006,
    0.008, 0.01, 0.013, 0.016, 0.02, 0.025, 0.03, 0.04, 0.05, 0.065, 0.08, 0.1, 0.13, 0.16, 0.2,
    0.25, 0.3, 0.4, 0.5, 0.65, 0.8, 1, 2, 5, 10, 20, 50, 100
  };

  private static final Duration[] BUCKET_DURATIONS = durations(BUCKETS);

  private final MeterRegistry registry;
  private final AtomicInteger inFlight = new AtomicInteger();

  CallMetrics(MeterRegistry registry) {
    this.registry = Objects.requireNonNull(registry, "registry");
    Gauge.builder(IN_FLIGHT, inFlight, AtomicInteger::get)
        .description("Calls begun and not yet ended")
        .strongReference(true)
        .register(registry);
  }

  private static Duration[] durations(double[] seconds) {
    Duration[] out = new Duration[seconds.length];
    for (int i = 0; i < seconds.length; i++) {
      out[i] = Duration.ofNanos(Math.round(seconds[i] * 1e9));
    }
    return out;
  }

  @Override
  public <Q, R> ServerCall.Listener<Q> interceptCall(
      ServerCall<Q, R> call, Metadata headers, ServerCallHandler<Q, R> next) {
    String method = call.getMethodDescriptor().getFullMethodName();
    Counter.builder(STARTED)
        .description("Calls begun, by method")
        .tag("grpc.method", method)
        .register(registry)
        .increment();
    Recorder recorder = new Recorder(method);
    ServerCall<Q, R> recorded =
        new SimpleForwardingServerCall<>(call) {
          @Override
          public void close(Status status, Metadata trailers) {
            recorder.end(status.getCode());
            super.close(status, trailers);
          }
        };
    ServerCall.Listener<Q> listener;
    try {
      listener = next.startCall(recorded, headers);
    } catch (RuntimeException | Error e) {
      recorder.end(Status.Code.UNKNOWN); // gRPC answers a throwing handler with UNKNOWN
      throw e;
    }
    return new SimpleForwardingServerCallListener<>(listener) {
      @Override
      public void onCancel() {
        recorder.end(Status.Code.CANCELLED);
        super.onCancel();
      }
    };
  }

  /** One call's clock; ends once, by its status or by the client's cancel, whichever is first. */
  private final class Recorder {
    private final String method;
    private final long startNanos = System.nanoTime();
    private final AtomicBoolean ended = new AtomicBoolean();

    Recorder(String method) {
      this.method = method;
      inFlight.incrementAndGet();
    }

    void end(Status.Code code) {
      if (!ended.compareAndSet(false, true)) {
        return;
      }
      inFlight.decrementAndGet();
      Timer.builder(DURATION)
          .description("Time from a call reaching the service to its status being sent")
          .tag("grpc.method", method)
          .tag("grpc.status", code.name())
          .serviceLevelObjectives(BUCKET_DURATIONS)
          .register(registry)
          .record(System.nanoTime() - startNanos, TimeUnit.NANOSECONDS);
    }
  }
}
