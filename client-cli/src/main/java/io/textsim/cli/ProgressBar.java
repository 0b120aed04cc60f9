package io.textsim.cli;

import io.textsim.core.cluster.ClusterProgress;
import java.io.PrintWriter;
import java.util.Locale;

/**
 * A one-line progress bar on stderr, redrawn in place with a carriage return, for {@link
 * io.textsim.core.cluster.Clusterer}. It appears only after {@code delayMillis}, so short work
 * prints nothing, and is erased by {@link #finish()}. Thread-safe: the clusterer reports from
 * worker threads.
 */
final class ProgressBar implements ClusterProgress {
  /** With {@code --progress auto}, the bar appears once the work has taken this long. */
  static final long AUTO_DELAY_MILLIS = 1_000;

  private static final int WIDTH = 30;
  private static final long REDRAW_NANOS = 100_000_000L;

  private final PrintWriter err;
  private final long startNanos = System.nanoTime();
  private final long delayNanos;
  private long lastDraw;
  private int drawnLength;
  private boolean finished;

  ProgressBar(PrintWriter err, long delayMillis) {
    this.err = err;
    this.delayNanos = delayMillis * 1_000_000L;
  }

  /**
   * The bar a {@code --progress} option asks for: always, never (null), or, for auto, when stderr
   * is a terminal and after {@link #AUTO_DELAY_MILLIS}.
   */
  static ProgressBar when(Choices.Progress progress, PrintWriter err) {
    return switch (progress) {
      case ALWAYS -> new ProgressBar(err, 0);
      case NEVER -> null;
      case AUTO -> Terminal.stderrIsTerminal() ? new ProgressBar(err, AUTO_DELAY_MILLIS) : null;
    };
  }

  @Override
  public synchronized void update(String stage, long done, long total) {
    long now = System.nanoTime();
    if (finished || now - startNanos < delayNanos) {
      return;
    }
    if (drawnLength > 0 && now - lastDraw < REDRAW_NANOS && done < total) {
      return;
    }
    lastDraw = now;
    double f = total <= 0 ? 1.0 : Math.min(1.0, (double) done / total);
    String bar = Display.bar(f, WIDTH);
    String line =
        String.format(
            Locale.ROOT,
            "%-10s │%-" + WIDTH + "s│ %3d%%  %s/%s  %s",
            stage,
            bar,
            (int) Math.floor(f * 100),
            Display.count(done),
            Display.count(total),
            elapsed(now));
    int pad = Math.max(0, drawnLength - line.length());
    err.print("\r" + line + " ".repeat(pad));
    err.flush();
    drawnLength = line.length();
  }

  private String elapsed(long now) {
    long s = (now - startNanos) / 1_000_000_000L;
    return String.format(Locale.ROOT, "%d:%02d", s / 60, s % 60);
  }

  /** Erases the bar; returns true if it had been drawn. Later updates are ignored. */
  synchronized boolean finish() {
    boolean drawn = drawnLength > 0;
    if (drawn) {
      err.print("\r" + " ".repeat(drawnLength) + "\r");
      err.flush();
    }
    drawnLength = 0;
    finished = true;
    return drawn;
  }
}
