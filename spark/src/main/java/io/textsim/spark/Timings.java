package io.textsim.spark;

import java.util.Locale;

/**
 * Stage times on standard error when the system property {@code textsim.spark.timings} is true: for
 * measuring the job (docs/BENCHMARKS.md), silent otherwise.
 */
final class Timings {
  private final boolean on = Boolean.getBoolean("textsim.spark.timings");
  private long last = System.nanoTime();

  /** Reports the time since the last lap as {@code stage}'s. */
  void lap(String stage) {
    long now = System.nanoTime();
    if (on) {
      System.err.println(
          String.format(Locale.ROOT, "textsim-spark: %-10s %6.1f s", stage, (now - last) / 1e9));
    }
    last = now;
  }
}
