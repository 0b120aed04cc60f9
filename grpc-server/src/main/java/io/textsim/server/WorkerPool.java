package io.textsim.server;

import io.grpc.Context;
import io.grpc.stub.StreamObserver;
import io.textsim.core.Cancellation;
import io.textsim.core.OperationCancelledException;
import java.time.Duration;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The bounded pool every answer is computed on: a fixed number of worker threads and a bounded
 * queue of calls waiting for one. When both are full, a call is answered at once with
 * RESOURCE_EXHAUSTED and a {@code google.rpc.RetryInfo} detail instead of waiting in an unbounded
 * queue.
 *
 * <p>Each computation gets a {@link Cancellation} built from its call's context, so a client's
 * deadline or cancel stops the core's long loops and frees the worker at once. A call whose
 * deadline passed while it waited in the queue is not started. Thread-safe.
 */
final class WorkerPool {
  /** The delay a rejected client is told to wait before retrying. */
  static final Duration RETRY_DELAY = Duration.ofMillis(200);

  private static final Logger logger = Logger.getLogger(WorkerPool.class.getName());

  private final ThreadPoolExecutor executor;
  private final int threads;
  private final int queueSize;
  private final AtomicLong rejected = new AtomicLong();
  private final AtomicLong stoppedEarly = new AtomicLong();

  /** A computation of one answer, given the call's cancellation hook. */
  @FunctionalInterface
  interface Work<T> {
    /** Computes the answer; throws to fail the call (see {@link Errors#toStatus}). */
    T compute(Cancellation cancellation);
  }

  WorkerPool(int threads, int queueSize) {
    this.threads = threads;
    this.queueSize = queueSize;
    BlockingQueue<Runnable> queue =
        queueSize == 0 ? new SynchronousQueue<>() : new ArrayBlockingQueue<>(queueSize);
    this.executor =
        new ThreadPoolExecutor(
            threads,
            threads,
            0,
            TimeUnit.MILLISECONDS,
            queue,
            daemonThreads("textsim-worker-"),
            new ThreadPoolExecutor.AbortPolicy());
  }

  /**
   * Computes {@code work} on a worker and answers {@code out} with its result or its failure. Call
   * from the gRPC handler, in the call's context.
   */
  <T> void answer(StreamObserver<T> out, Work<T> work) {
    answer(out, null, work);
  }

  /**
   * Computes {@code work} as {@link #answer(StreamObserver, Work)} does, and gives {@code memory}
   * (reserved for it beforehand; null for none) back once the work is over or refused.
   */
  <T> void answer(StreamObserver<T> out, MemoryBudget.Reservation memory, Work<T> work) {
    Context context = Context.current();
    Cancellation cancellation = ContextCancellation.of(context);
    try {
      executor.execute(
          context.wrap(
              () -> {
                try {
                  run(out, work, context, cancellation);
                } finally {
                  if (memory != null) {
                    memory.close();
                  }
                }
              }));
    } catch (RejectedExecutionException e) {
      if (memory != null) {
        memory.close();
      }
      rejected.incrementAndGet();
      fail(
          out,
          Errors.overloaded(
              executor.isShutdown()
                  ? "server shutting down; retry on another instance"
                  : "server overloaded: all "
                      + threads
                      + " workers busy and "
                      + queueSize
                      + " calls waiting; retry after "
                      + RETRY_DELAY.toMillis()
                      + " ms",
              RETRY_DELAY));
    }
  }

  private <T> void run(
      StreamObserver<T> out, Work<T> work, Context context, Cancellation cancellation) {
    T result;
    try {
      cancellation.throwIfCancelled(); // waited in the queue past its deadline: do not start
      result = work.compute(cancellation);
    } catch (RuntimeException | Error e) {
      if (e instanceof OperationCancelledException) {
        stoppedEarly.incrementAndGet();
      }
      fail(out, Errors.toStatus(e, context));
      return;
    }
    try {
      out.onNext(result);
      out.onCompleted();
    } catch (RuntimeException e) {
      // The call ended meanwhile (client cancel, shutdown): nobody is waiting for the answer.
      logger.log(Level.FINE, "answer dropped: call already closed", e);
    }
  }

  private static void fail(StreamObserver<?> out, Throwable status) {
    try {
      out.onError(status);
    } catch (RuntimeException e) {
      logger.log(Level.FINE, "error dropped: call already closed", e);
    }
  }

  /** The number of workers computing an answer now. */
  int active() {
    return executor.getActiveCount();
  }

  /** The number of calls waiting for a worker now. */
  int queued() {
    return executor.getQueue().size();
  }

  /** The number of worker threads. */
  int threads() {
    return threads;
  }

  /** The number of calls answered RESOURCE_EXHAUSTED because the pool was full. */
  long rejected() {
    return rejected.get();
  }

  /** The number of computations the core stopped early on a deadline or cancel. */
  long stoppedEarly() {
    return stoppedEarly.get();
  }

  /** Stops taking work; running computations go on. */
  void shutdown() {
    executor.shutdown();
  }

  /** Stops taking work and interrupts the workers. */
  void shutdownNow() {
    executor.shutdownNow();
  }

  /** Waits up to {@code timeout} for the workers to finish; true if they did. */
  boolean awaitTermination(Duration timeout) throws InterruptedException {
    return executor.awaitTermination(timeout.toNanos(), TimeUnit.NANOSECONDS);
  }

  static ThreadFactory daemonThreads(String prefix) {
    AtomicInteger count = new AtomicInteger();
    return r -> {
      Thread t = new Thread(r, prefix + count.incrementAndGet());
      t.setDaemon(true);
      return t;
    };
  }

  @Override
  public String toString() {
    return "WorkerPool[threads=" + threads + ", queueSize=" + queueSize + "]";
  }
}
