package io.textsim.core.cluster;

/**
 * Receives progress reports from a long clustering, for example to draw a progress bar. Called from
 * worker threads; implementations must be thread-safe and quick.
 */
@FunctionalInterface
public interface ClusterProgress {
  /**
   * Reports that {@code done} of {@code total} units of {@code stage} are finished.
   *
   * @param stage "profiles", "signatures", "candidates", "verify" or "clusters"
   */
  void update(String stage, long done, long total);

  /** A listener that ignores every report. */
  static ClusterProgress none() {
    return (stage, done, total) -> {};
  }
}
