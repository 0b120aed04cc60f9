package io.textsim.evaluation;

import io.textsim.core.TextProfiler;
import io.textsim.core.cluster.ClusterOptions;
import io.textsim.core.cluster.Linkage;
import io.textsim.core.furniture.Furniture;

/** A configuration of the sweep at a threshold. */
record Choice(Config config, double threshold) {
  String label() {
    return config.label() + " @ " + Markdown.fixed(threshold, 2);
  }

  /**
   * The library's default measure, shingles and threshold. This sweep models single and average
   * linkage on whole texts only; the representative split and furniture learning are evaluated by
   * {@link ShapesEvaluation}, so the default's linkage is read here as single.
   */
  static Choice currentDefault() {
    ClusterOptions d = ClusterOptions.defaults();
    Linkage linkage = d.linkage() == Linkage.AVERAGE ? Linkage.AVERAGE : Linkage.SINGLE;
    return new Choice(new Config(d.measure(), d.profiler().shingles(), linkage), d.threshold());
  }

  boolean isCurrentDefault() {
    return equals(currentDefault());
  }

  /**
   * The library's options for this choice, on whole texts: this evaluation sweeps the measures as
   * they were before page furniture was learned (its fast sweep reimplements exactly that), so
   * furniture is off, any shared shingle may carry a link, and links rest on the score alone (no
   * shared-passage links).
   */
  ClusterOptions.Builder options() {
    return ClusterOptions.builder()
        .measure(config.measure())
        .threshold(threshold)
        .linkage(config.linkage())
        .furniture(Furniture.none())
        .minSharedShingles(1)
        .passageShingles(0)
        .profiler(TextProfiler.defaults().withShingles(config.shingles()));
  }
}
