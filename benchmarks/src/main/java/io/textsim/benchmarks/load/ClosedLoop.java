package io.textsim.benchmarks.load;

import io.grpc.StatusRuntimeException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * Closed-loop load: a fixed number of calls in flight, each started as soon as another ends, for an
 * unmeasured warm-up and then a measured window of fixed length. Every completed call's latency
 * goes into an HdrHistogram {@link Recorder} in microseconds (three significant digits, up to an
 * hour); the recorder is emptied when the warm-up ends and read when the window closes, so a {@link
 * Sample} holds exactly the calls that completed inside the window. Samples of several windows
 * merge, so that two paths can be measured in alternating windows.
 *
 * <p>Closed loop means the latencies are those of calls that were allowed to start: when the system
 * under test slows down, fewer calls are started (coordinated omission). That is what a throughput
 * comparison at fixed concurrency needs; it is not an open-loop latency test.
 */
final class ClosedLoop {
  /** The highest latency the histograms hold: one hour, in microseconds. */
  static final long MAX_MICROS = TimeUnit.HOURS.toMicros(1);

  /** How long a finished window waits for its calls in flight. */
  static final Duration DRAIN_TIMEOUT = Duration.ofSeconds(60);

  /** The pause before a failed asynchronous call is followed by the next. */
  static final Duration RETRY_PAUSE = Duration.ofMillis(1);

  /**
   * The name prefix of every thread that works for the gRPC client (its event loop, timers), so
   * that the client's CPU can be told from the server's; see {@link Machine.Snapshot}.
   */
  static final String CLIENT_THREADS = "load-client-";

  private final Recorder recorder = new Recorder(1, MAX_MICROS, 3);
  private final ConcurrentMap<String, LongAdder> errors = new ConcurrentHashMap<>();
  private final LongAdder mismatches = new LongAdder();
  private volatile boolean stopping;

  private ClosedLoop() {}

  /** A computation of one answer on the calling thread; returns whether it was the expected one. */
  @FunctionalInterface
  interface SyncCall {
    boolean call() throws Exception;
  }

  /** Starts one asynchronous call, which must end by calling {@code done} exactly once. */
  @FunctionalInterface
  interface AsyncCall {
    void start(Outcome done);
  }

  /** How an asynchronous call ends. */
  interface Outcome {
    /** The call succeeded; {@code matches} says whether its answer was the expected one. */
    void completed(boolean matches);

    /** The call failed; {@code kind} is a gRPC status code name or an exception class. */
    void failed(String kind);
  }

  /**
   * What one or more measured windows saw.
   *
   * @param micros latencies of the successful calls completed inside the windows, microseconds
   * @param seconds the windows' total length
   * @param usage the growth of the CPU counters over the windows
   * @param errors failed calls by kind, warm-ups included
   * @param mismatches successful calls with an unexpected answer, warm-ups included
   * @param loadAverages the one-minute load average at the end of each window
   */
  record Sample(
      Histogram micros,
      double seconds,
      Machine.Snapshot usage,
      Map<String, Long> errors,
      long mismatches,
      List<Double> loadAverages) {

    /** The samples added up: latencies, time, errors and mismatches. */
    static Sample merge(List<Sample> samples) {
      Histogram micros = new Histogram(1, MAX_MICROS, 3);
      double seconds = 0;
      Machine.Snapshot usage = Machine.Snapshot.zero();
      Map<String, Long> errors = new TreeMap<>();
      long mismatches = 0;
      List<Double> loads = new ArrayList<>();
      for (Sample s : samples) {
        micros.add(s.micros());
        seconds += s.seconds();
        usage = usage.plus(s.usage());
        s.errors().forEach((k, v) -> errors.merge(k, v, Long::sum));
        mismatches += s.mismatches();
        loads.addAll(s.loadAverages());
      }
      return new Sample(micros, seconds, usage, errors, mismatches, loads);
    }

    /** The result of the merged windows. */
    LoadResult result(String workload, LoadResult.Path path, int concurrency) {
      return LoadResult.of(
          workload,
          path,
          concurrency,
          micros,
          seconds,
          usage,
          errors,
          mismatches,
          loadAverages.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN));
    }
  }

  /**
   * Runs {@code call} on a fixed pool of {@code concurrency} threads, each calling it in a loop:
   * the library path.
   */
  static Sample threads(int concurrency, Duration warmup, Duration measure, SyncCall call)
      throws InterruptedException {
    ClosedLoop loop = new ClosedLoop();
    ExecutorService pool = Executors.newFixedThreadPool(concurrency, daemonThreads("library-"));
    try {
      for (int i = 0; i < concurrency; i++) {
        pool.execute(
            () -> {
              while (!loop.stopping) {
                long start = System.nanoTime();
                try {
                  loop.completed(start, call.call());
                } catch (Exception e) {
                  loop.failed(kind(e));
                }
              }
            });
      }
      Window window = loop.window(warmup, measure);
      pool.shutdown();
      if (!pool.awaitTermination(DRAIN_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
        loop.failed("NOT_FINISHED");
      }
      return loop.sample(window);
    } finally {
      pool.shutdownNow();
    }
  }

  /**
   * Keeps {@code concurrency} asynchronous calls in flight: the gRPC path. Each call, when it ends,
   * starts the next one on the thread that reported its end (the transport's, for gRPC with a
   * direct executor), so that a new call costs no thread hand-off: a driver thread woken for every
   * call would cost more CPU than the call's own client work on a two-core machine, and that CPU
   * would be taken from the server. A failed call's successor starts {@link #RETRY_PAUSE} later
   * from a timer thread, so that a failing server is not hammered and no stack grows.
   */
  static Sample async(int concurrency, Duration warmup, Duration measure, AsyncCall call)
      throws InterruptedException {
    ClosedLoop loop = new ClosedLoop();
    Semaphore ended = new Semaphore(0);
    ScheduledExecutorService retries =
        Executors.newSingleThreadScheduledExecutor(daemonThreads(CLIENT_THREADS + "retry-"));
    try {
      for (int i = 0; i < concurrency; i++) {
        loop.chain(call, ended, retries);
      }
      Window window = loop.window(warmup, measure);
      if (!ended.tryAcquire(concurrency, DRAIN_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
        loop.failed("NOT_FINISHED");
      }
      return loop.sample(window);
    } finally {
      loop.stopping = true;
      retries.shutdownNow();
    }
  }

  /**
   * Makes one call on this thread: for long calls such as clustering, measured one at a time. The
   * window is the call's latency.
   *
   * @param measured false for a warm-up call: its errors and mismatch count, its latency does not
   */
  static Sample once(boolean measured, SyncCall call) {
    ClosedLoop loop = new ClosedLoop();
    Histogram micros = new Histogram(1, MAX_MICROS, 3);
    Machine.Snapshot before = Machine.Snapshot.now();
    long start = System.nanoTime();
    double seconds = 0;
    Machine.Snapshot usage = Machine.Snapshot.zero();
    try {
      boolean matches = call.call();
      long elapsed = System.nanoTime() - start;
      if (!matches) {
        loop.mismatches.increment();
      }
      if (measured) {
        usage = Machine.Snapshot.now().since(before);
        micros.recordValue(Math.min(MAX_MICROS, elapsed / 1000));
        seconds = elapsed / 1e9;
      }
    } catch (Exception e) {
      loop.failed(kind(e));
    }
    return new Sample(
        micros,
        seconds,
        usage,
        loop.errorCounts(),
        loop.mismatches.sum(),
        measured ? List.of(Machine.loadAverage()) : List.of());
  }

  /** The name of a failure: the gRPC status code if it is one, else the exception class. */
  static String kind(Throwable t) {
    Throwable cause = t;
    while (cause.getCause() != null && !(cause instanceof StatusRuntimeException)) {
      cause = cause.getCause();
    }
    if (cause instanceof StatusRuntimeException s) {
      return s.getStatus().getCode().name();
    }
    return t.getClass().getSimpleName();
  }

  /**
   * Starts one call whose end starts the next, until the loop stops; then releases {@code ended}.
   */
  private void chain(AsyncCall call, Semaphore ended, ScheduledExecutorService retries) {
    long start = System.nanoTime();
    Outcome outcome =
        new Outcome() {
          private final AtomicInteger reported = new AtomicInteger();

          @Override
          public void completed(boolean matches) {
            if (reported.getAndIncrement() == 0) {
              ClosedLoop.this.completed(start, matches);
              next(false);
            }
          }

          @Override
          public void failed(String kind) {
            if (reported.getAndIncrement() == 0) {
              ClosedLoop.this.failed(kind);
              next(true);
            }
          }

          private void next(boolean afterFailure) {
            if (stopping) {
              ended.release();
            } else if (!afterFailure) {
              chain(call, ended, retries);
            } else {
              try {
                retries.schedule(
                    () -> chain(call, ended, retries), RETRY_PAUSE.toNanos(), TimeUnit.NANOSECONDS);
              } catch (RejectedExecutionException e) {
                ended.release(); // the loop is over
              }
            }
          }
        };
    try {
      call.start(outcome);
    } catch (RuntimeException e) {
      outcome.failed(kind(e));
    }
  }

  private void completed(long startNanos, boolean matches) {
    long micros = (System.nanoTime() - startNanos) / 1000;
    recorder.recordValue(Math.min(MAX_MICROS, micros));
    if (!matches) {
      mismatches.increment();
    }
  }

  private void failed(String kind) {
    errors.computeIfAbsent(kind, k -> new LongAdder()).increment();
  }

  private Map<String, Long> errorCounts() {
    Map<String, Long> out = new TreeMap<>();
    errors.forEach((k, v) -> out.put(k, v.sum()));
    return out;
  }

  /** Latencies of the calls completed inside the measured window, its length, CPU and load. */
  private record Window(
      Histogram micros, double seconds, Machine.Snapshot usage, double loadAverage) {}

  /** Lets the warm-up run, measures for {@code measure}, then tells the callers to stop. */
  private Window window(Duration warmup, Duration measure) throws InterruptedException {
    try {
      TimeUnit.NANOSECONDS.sleep(warmup.toNanos());
      recorder.getIntervalHistogram(); // drop the warm-up's latencies
      Machine.Snapshot before = Machine.Snapshot.now();
      long from = System.nanoTime();
      TimeUnit.NANOSECONDS.sleep(measure.toNanos());
      Histogram micros = recorder.getIntervalHistogram();
      long to = System.nanoTime();
      Machine.Snapshot usage = Machine.Snapshot.now().since(before);
      return new Window(micros, (to - from) / 1e9, usage, Machine.loadAverage());
    } finally {
      stopping = true;
    }
  }

  private Sample sample(Window window) {
    return new Sample(
        window.micros(),
        window.seconds(),
        window.usage(),
        errorCounts(),
        mismatches.sum(),
        List.of(window.loadAverage()));
  }

  private static ThreadFactory daemonThreads(String prefix) {
    AtomicInteger count = new AtomicInteger();
    return r -> {
      Thread t = new Thread(r, prefix + count.incrementAndGet());
      t.setDaemon(true);
      return t;
    };
  }
}
