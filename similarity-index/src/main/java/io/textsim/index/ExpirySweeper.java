package io.textsim.index;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The background expiry of an index: one daemon thread that runs the index's expiry at a fixed
 * delay. A failed run is logged and the next one tries again; a run after the index closed does
 * nothing.
 */
final class ExpirySweeper implements AutoCloseable {
  private static final System.Logger LOG = System.getLogger(NearDuplicateIndex.class.getName());

  private final ScheduledExecutorService executor;
  private final Path directory;
  private final Runnable expire;

  /** Starts running {@code expire} every {@code interval}, the first time after one interval. */
  ExpirySweeper(Path directory, Duration interval, Runnable expire) {
    this.directory = directory;
    this.expire = expire;
    this.executor =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "textsim-index-sweeper");
              t.setDaemon(true);
              return t;
            });
    long every = interval.toMillis();
    Future<?> unused =
        executor.scheduleWithFixedDelay(this::sweepQuietly, every, every, TimeUnit.MILLISECONDS);
  }

  private void sweepQuietly() {
    try {
      expire.run();
    } catch (IllegalStateException e) {
      // Closed between the schedule and the run: nothing to sweep.
    } catch (RuntimeException e) {
      LOG.log(System.Logger.Level.WARNING, "expiry sweep of " + directory + " failed", e);
    }
  }

  /** Stops the thread, interrupting a run in progress. */
  @Override
  public void close() {
    executor.shutdownNow();
  }
}
