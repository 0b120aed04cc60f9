package io.textsim.server;

import io.grpc.StatusRuntimeException;
import java.time.Duration;
import java.util.Locale;

/**
 * The heap the calls in flight may hold between them, and what they hold now. A call reserves its
 * estimate ({@link MemoryCosts}) before its work starts and gives it back when the work ends; a
 * stream grows its reservation as its documents arrive. A reservation that does not fit now is
 * refused with RESOURCE_EXHAUSTED and retry info; one larger than the whole budget with
 * RESOURCE_EXHAUSTED naming the budget and how to raise it, and no retry info (retrying cannot
 * help). Thread-safe.
 */
final class MemoryBudget {
  /** The share of the heap ({@code -Xmx}) that is the budget unless --memory-budget says. */
  static final double DEFAULT_HEAP_SHARE = 0.6;

  /**
   * The delay a client refused for memory is told to wait: longer than for a full queue, because
   * the calls that hold memory (clusterings, long texts) run for seconds, not milliseconds.
   */
  static final Duration RETRY_DELAY = Duration.ofSeconds(1);

  private final long limit;
  private long reserved;
  private long refused;

  /** A budget of {@code limit} bytes. */
  MemoryBudget(long limit) {
    if (limit < 1) {
      throw new IllegalArgumentException("memory budget must be >= 1 byte, got " + limit);
    }
    this.limit = limit;
  }

  /** The default budget: {@link #DEFAULT_HEAP_SHARE} of the largest heap this JVM may use. */
  static long defaultLimit() {
    return (long) (Runtime.getRuntime().maxMemory() * DEFAULT_HEAP_SHARE);
  }

  /** The budget in bytes. */
  long limit() {
    return limit;
  }

  /** The bytes reserved now. */
  synchronized long reserved() {
    return reserved;
  }

  /** The number of reservations refused so far. */
  synchronized long refused() {
    return refused;
  }

  /**
   * Reserves {@code bytes} for {@code what} (e.g. "this Compare").
   *
   * @throws StatusRuntimeException RESOURCE_EXHAUSTED if it does not fit (see the class comment)
   */
  Reservation reserve(long bytes, String what) {
    Reservation r = new Reservation(what);
    r.growTo(bytes);
    return r;
  }

  private synchronized boolean tryTake(long bytes) {
    if (reserved + bytes > limit) {
      refused++;
      return false;
    }
    reserved += bytes;
    return true;
  }

  private synchronized void give(long bytes) {
    reserved -= bytes;
  }

  /** A size as people read it: 1.5 MiB, 307 MiB. */
  static String format(long bytes) {
    if (bytes < 1024) {
      return bytes + " bytes";
    }
    String[] units = {"KiB", "MiB", "GiB", "TiB"};
    double v = bytes;
    int u = -1;
    while (v >= 1024 && u < units.length - 1) {
      v /= 1024;
      u++;
    }
    return String.format(Locale.ROOT, v < 10 ? "%.1f %s" : "%.0f %s", v, units[u]);
  }

  /**
   * Memory held by one call; grows as a stream's documents arrive, and is given back once by {@link
   * #close}. Thread-safe.
   */
  final class Reservation implements AutoCloseable {
    private final String what;
    private long held;
    private boolean closed;

    private Reservation(String what) {
      this.what = what;
    }

    /** The bytes held. */
    synchronized long held() {
      return held;
    }

    /**
     * Holds {@code total} bytes in all (nothing changes if it holds as much already).
     *
     * @throws StatusRuntimeException RESOURCE_EXHAUSTED if the growth does not fit; what was held
     *     before stays held
     */
    synchronized void growTo(long total) {
      if (closed) {
        throw new IllegalStateException("reservation closed");
      }
      if (total <= held) {
        return;
      }
      if (total > limit) {
        synchronized (MemoryBudget.this) {
          refused++;
        }
        throw Errors.tooLarge(
            what
                + " needs about "
                + format(total)
                + " of working memory, more than the server's memory budget of "
                + format(limit)
                + " (--memory-budget, by default "
                + Math.round(DEFAULT_HEAP_SHARE * 100)
                + "% of the heap): send less text in one call, or start the server with a larger"
                + " heap (JAVA_OPTS=-Xmx...) or --memory-budget");
      }
      if (!tryTake(total - held)) {
        throw Errors.overloaded(
            "server busy: the calls in flight hold "
                + format(reserved())
                + " of the "
                + format(limit)
                + " memory budget, and "
                + what
                + " needs about "
                + format(total)
                + "; retry after "
                + RETRY_DELAY.toMillis()
                + " ms",
            RETRY_DELAY);
      }
      held = total;
    }

    /** Gives the memory back; later calls do nothing. */
    @Override
    public synchronized void close() {
      if (!closed) {
        closed = true;
        give(held);
        held = 0;
      }
    }
  }

  @Override
  public String toString() {
    return "MemoryBudget[limit=" + limit + "]";
  }
}
