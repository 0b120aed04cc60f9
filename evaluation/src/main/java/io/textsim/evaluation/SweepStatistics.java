package io.textsim.evaluation;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The sweeps of all seeds combined: mean scores per configuration and threshold, and the choices
 * made from them. Stateless.
 */
final class SweepStatistics {
  private SweepStatistics() {}

  /** The mean scores over {@code sweeps} of every configuration at every threshold. */
  static Map<Config, List<Mean>> means(List<Sweep> sweeps) {
    Map<Config, List<Mean>> out = new LinkedHashMap<>();
    Sweep first = sweeps.get(0);
    for (Config c : first.rows.keySet()) {
      List<Mean> means = new ArrayList<>();
      for (int t = 0; t < first.thresholds.size(); t++) {
        double p = 0;
        double r = 0;
        double f = 0;
        double a = 0;
        double minF = 1;
        double minA = 1;
        boolean computed = true;
        for (Sweep s : sweeps) {
          Optional<ThresholdSweep.Row> row = s.rows.get(c).get(t);
          if (row.isEmpty()) {
            computed = false;
            break;
          }
          ClusteringMetrics.Scores x = row.get().scores();
          p += x.precision();
          r += x.recall();
          f += x.f1();
          a += x.adjustedRand();
          minF = Math.min(minF, x.f1());
          minA = Math.min(minA, x.adjustedRand());
        }
        int k = sweeps.size();
        double threshold = first.thresholds.get(t);
        means.add(
            computed
                ? new Mean(threshold, p / k, r / k, f / k, a / k, minF, minA, true)
                : new Mean(threshold, 0, 0, 0, 0, 0, 0, false));
      }
      out.put(c, List.copyOf(means));
    }
    return out;
  }

  /** The best threshold of a configuration: highest mean F1, ties to the higher mean ARI. */
  static Mean best(List<Mean> rows) {
    Mean best = rows.get(0);
    for (Mean r : rows) {
      if (!r.computed()) {
        continue;
      }
      if (!best.computed() || r.f1() > best.f1() || (r.f1() == best.f1() && r.ari() > best.ari())) {
        best = r;
      }
    }
    return best;
  }

  /** The configuration and threshold with the best mean F1 (ties to the higher mean ARI). */
  static Choice bestOverall(Map<Config, List<Mean>> means) {
    Choice best = null;
    Mean bestMean = null;
    for (Map.Entry<Config, List<Mean>> e : means.entrySet()) {
      Mean b = best(e.getValue());
      if (bestMean == null
          || b.f1() > bestMean.f1()
          || (b.f1() == bestMean.f1() && b.ari() > bestMean.ari())) {
        best = new Choice(e.getKey(), b.threshold());
        bestMean = b;
      }
    }
    if (best == null) {
      throw new IllegalArgumentException("no configuration was swept");
    }
    return best;
  }

  /** The best configuration whose measure differs from {@code choice}'s, if any. */
  static Optional<Choice> runnerUp(Map<Config, List<Mean>> means, Choice choice) {
    Optional<Choice> best = Optional.empty();
    Mean bestMean = null;
    for (Map.Entry<Config, List<Mean>> e : means.entrySet()) {
      if (e.getKey().measure() == choice.config().measure()) {
        continue;
      }
      Mean b = best(e.getValue());
      if (b.computed()
          && (bestMean == null
              || b.f1() > bestMean.f1()
              || (b.f1() == bestMean.f1() && b.ari() > bestMean.ari()))) {
        best = Optional.of(new Choice(e.getKey(), b.threshold()));
        bestMean = b;
      }
    }
    return best;
  }
}
