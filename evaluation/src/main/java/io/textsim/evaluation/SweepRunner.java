package io.textsim.evaluation;

import io.textsim.core.TextProfile;
import io.textsim.core.TextProfiler;
import io.textsim.core.cluster.ClusterMeasure;
import io.textsim.core.cluster.Document;
import io.textsim.core.cluster.Linkage;
import io.textsim.core.shingle.ShingleConfig;
import io.textsim.core.shingle.ShingleSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Sweeps every configuration over one simulated corpus: Jaccard and overlap over word 3-, 4- and
 * 5-shingles (and character k-grams if asked), each with single and average linkage, and TF-IDF
 * cosine with single linkage, at every threshold. Each measure's pairs come from one {@link
 * ExactJoin} at the lowest threshold, which {@link ThresholdSweep} then clusters at all of them.
 */
final class SweepRunner {
  /**
   * The most cross-pair scores one average-linkage clustering of the sweep may take; beyond it
   * (very low thresholds, where clusters grow large) the cell is skipped and shown as "-".
   */
  static final long AVERAGE_BUDGET = 10_000_000L;

  private final double[] thresholds;
  private final int charShingles;
  private final Consumer<String> progress;

  /**
   * @param thresholds the thresholds, ascending
   * @param charShingles the size of the character k-grams also swept, 0 for none
   * @param progress where progress messages go
   */
  SweepRunner(double[] thresholds, int charShingles, Consumer<String> progress) {
    this.thresholds = thresholds.clone();
    this.charShingles = charShingles;
    this.progress = Objects.requireNonNull(progress, "progress");
  }

  /** Sweeps {@code corpus}; with {@code keepPairs}, the sweep keeps the pairs for later checks. */
  Sweep sweep(SimulatedCorpus corpus, boolean keepPairs) {
    double min = thresholds[0];
    int[] truth = corpus.truth();
    List<String> texts = new ArrayList<>();
    for (Document d : corpus.documents()) {
      texts.add(d.text());
    }
    List<ShingleConfig> shingleConfigs = new ArrayList<>();
    shingleConfigs.add(ShingleConfig.words(3));
    shingleConfigs.add(ShingleConfig.words(4));
    shingleConfigs.add(ShingleConfig.words(5));
    if (charShingles > 0) {
      shingleConfigs.add(ShingleConfig.characters(charShingles));
    }
    Sweep sweep = new Sweep(thresholds);
    for (ShingleConfig sc : shingleConfigs) {
      long t0 = System.nanoTime();
      progress.accept("profiling and exact join, " + sc);
      TextProfile[] profiles =
          ExactScoring.profile(texts, TextProfiler.defaults().withShingles(sc));
      ShingleSet[] sets = ExactScoring.shingles(profiles);
      ExactJoin.Overlaps o = ExactJoin.overlaps(sets, min);
      double joinSeconds = (System.nanoTime() - t0) / 1e9;
      for (ClusterMeasure m : List.of(ClusterMeasure.JACCARD, ClusterMeasure.OVERLAP)) {
        Config single = new Config(m, sc, Linkage.SINGLE);
        ExactJoin.Scored scored = ExactScoring.score(o, sets, m, min);
        ThresholdSweep.PairScore scorer = ExactScoring.scorer(m, sets);
        sweep.rows.put(single, computed(ThresholdSweep.sweep(truth, scored, thresholds)));
        sweep.seconds.put(single, joinSeconds);
        long a0 = System.nanoTime();
        progress.accept("average linkage, " + single.shortLabel());
        sweep.rows.put(
            single.withLinkage(Linkage.AVERAGE),
            ThresholdSweep.sweepAverage(truth, scored, thresholds, scorer, AVERAGE_BUDGET));
        sweep.seconds.put(
            single.withLinkage(Linkage.AVERAGE), joinSeconds + (System.nanoTime() - a0) / 1e9);
        if (keepPairs) {
          sweep.pairs.put(single, scored);
          sweep.scorers.put(single, scorer);
        }
      }
      if (sc.equals(ShingleConfig.words(4))) {
        long c0 = System.nanoTime();
        progress.accept("exact join, cosine");
        Config single = new Config(ClusterMeasure.COSINE, sc, Linkage.SINGLE);
        ExactJoin.Scored scored = ExactJoin.cosine(profiles, min);
        sweep.rows.put(single, computed(ThresholdSweep.sweep(truth, scored, thresholds)));
        sweep.seconds.put(single, (System.nanoTime() - c0) / 1e9);
        if (keepPairs) {
          sweep.pairs.put(single, scored);
        }
      }
    }
    return sweep;
  }

  private static List<Optional<ThresholdSweep.Row>> computed(List<ThresholdSweep.Row> rows) {
    List<Optional<ThresholdSweep.Row>> out = new ArrayList<>(rows.size());
    for (ThresholdSweep.Row r : rows) {
      out.add(Optional.of(r));
    }
    return out;
  }
}
