package io.textsim.evaluation;

import io.textsim.core.cluster.Linkage;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The sweep of one corpus ({@link SweepRunner}): rows per configuration, and (if kept) the scored
 * pairs and pair scorers of each measure and shingle configuration, keyed by its single-linkage
 * configuration.
 */
final class Sweep {
  final List<Double> thresholds;
  final Map<Config, List<Optional<ThresholdSweep.Row>>> rows = new LinkedHashMap<>();
  final Map<Config, ExactJoin.Scored> pairs = new LinkedHashMap<>();
  final Map<Config, ThresholdSweep.PairScore> scorers = new LinkedHashMap<>();
  final Map<Config, Double> seconds = new LinkedHashMap<>();

  Sweep(double[] thresholds) {
    List<Double> t = new ArrayList<>();
    for (double x : thresholds) {
      t.add(x);
    }
    this.thresholds = List.copyOf(t);
  }

  /** The exact clustering of {@code choice}; needs the pairs kept. */
  int[] labels(int n, Choice choice) {
    Config join = choice.config().withLinkage(Linkage.SINGLE);
    return choice.config().linkage() == Linkage.SINGLE
        ? ThresholdSweep.labels(n, pairs.get(join), choice.threshold())
        : ThresholdSweep.averageLabels(n, pairs.get(join), choice.threshold(), scorers.get(join));
  }

  ThresholdSweep.Row row(Choice choice) {
    return rows.get(choice.config()).get(index(choice.threshold())).orElseThrow();
  }

  /** True if {@code threshold} is one of the sweep's. */
  boolean has(double threshold) {
    for (double t : thresholds) {
      if (Math.abs(t - threshold) < 1e-9) {
        return true;
      }
    }
    return false;
  }

  /** True if the kept pairs include every pair at or above {@code threshold}. */
  boolean covers(double threshold) {
    return threshold >= thresholds.get(0) - 1e-9;
  }

  int index(double threshold) {
    for (int i = 0; i < thresholds.size(); i++) {
      if (Math.abs(thresholds.get(i) - threshold) < 1e-9) {
        return i;
      }
    }
    throw new IllegalArgumentException("threshold " + threshold + " not in the sweep");
  }
}
