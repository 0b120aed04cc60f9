package io.textsim.benchmarks.load;

import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * The soak's verdict on the server's samples: "flat" or "grows".
 *
 * <p>Rule: with at least six samples taken under load, the mean heap after a full GC of the last
 * three is at most {@value #HEAP_GROWTH_PERCENT}% above the mean of the first three, and the most
 * threads among the last three is at most {@value #THREAD_SLACK} above the most among the first
 * three. Means of three, not single samples, because one sample can catch a burst of calls in
 * flight; a fixed thread slack because pools start threads lazily.
 */
public final class SoakVerdict {
  /** How far the late heap may sit above the early heap, in percent. */
  public static final int HEAP_GROWTH_PERCENT = 20;

  /** How many more threads the late samples may have. */
  public static final int THREAD_SLACK = 10;

  /** The samples compared at each end. */
  static final int WINDOW = 3;

  private SoakVerdict() {}

  /** One minute's sample of the server process. */
  public record Sample(int minute, long heapAfterGcBytes, int threads) {
    /** Validates the sample. */
    public Sample {
      if (heapAfterGcBytes < 0 || threads < 0) {
        throw new IllegalArgumentException(
            "heap and threads must be >= 0, got " + heapAfterGcBytes + ", " + threads);
      }
    }
  }

  /** The verdict and why. */
  public record Result(boolean flat, String reason) {
    /** "flat" or "grows". */
    public String word() {
      return flat ? "flat" : "grows";
    }
  }

  /**
   * Applies the rule.
   *
   * @throws IllegalArgumentException if there are fewer than six samples
   */
  public static Result judge(List<Sample> samples) {
    Objects.requireNonNull(samples, "samples");
    if (samples.size() < 2 * WINDOW) {
      throw new IllegalArgumentException(
          "the verdict needs at least " + 2 * WINDOW + " samples, got " + samples.size());
    }
    List<Sample> first = samples.subList(0, WINDOW);
    List<Sample> last = samples.subList(samples.size() - WINDOW, samples.size());
    double heapFirst = first.stream().mapToLong(Sample::heapAfterGcBytes).average().orElseThrow();
    double heapLast = last.stream().mapToLong(Sample::heapAfterGcBytes).average().orElseThrow();
    int threadsFirst = first.stream().mapToInt(Sample::threads).max().orElseThrow();
    int threadsLast = last.stream().mapToInt(Sample::threads).max().orElseThrow();
    boolean heapFlat = heapLast <= heapFirst * (100 + HEAP_GROWTH_PERCENT) / 100.0;
    boolean threadsFlat = threadsLast <= threadsFirst + THREAD_SLACK;
    String reason =
        String.format(
            Locale.ROOT,
            "heap after GC, mean of the last %d samples %.1f MiB vs the first %d %.1f MiB (%+.1f%%,"
                + " limit +%d%%): %s; threads, most of the last %d %d vs the first %d %d (limit"
                + " +%d): %s",
            WINDOW,
            heapLast / (1024 * 1024),
            WINDOW,
            heapFirst / (1024 * 1024),
            heapFirst == 0 ? 0.0 : 100.0 * (heapLast - heapFirst) / heapFirst,
            HEAP_GROWTH_PERCENT,
            heapFlat ? "ok" : "grows",
            WINDOW,
            threadsLast,
            WINDOW,
            threadsFirst,
            THREAD_SLACK,
            threadsFlat ? "ok" : "grows");
    return new Result(heapFlat && threadsFlat, reason);
  }
}
