package io.textsim.evaluation;

import io.textsim.core.TextProfile;
import io.textsim.core.TextProfiler;
import io.textsim.core.cluster.CandidateStrategy;
import io.textsim.core.cluster.ClusterMeasure;
import io.textsim.core.cluster.ClusterOptions;
import io.textsim.core.cluster.Clusterer;
import io.textsim.core.cluster.Clustering;
import io.textsim.core.cluster.Linkage;
import io.textsim.core.shingle.ShingleConfig;
import io.textsim.core.shingle.ShingleSet;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Which fraction of the pairs that exact clustering links the library's LSH clustering links too,
 * at the same threshold, on a simulated corpus of a given size: for the chosen configuration at its
 * threshold and at others (the banding depends on the threshold), and for the current default.
 */
final class LshRecall {
  private LshRecall() {}

  /**
   * One configuration checked.
   *
   * @param choice the configuration and threshold
   * @param documents the documents clustered
   * @param exactPairs the pairs exact clustering links
   * @param lshPairs the pairs LSH clustering links (a subset of the exact ones)
   * @param recall {@code lshPairs / exactPairs}
   * @param together the share of the exact pairs that LSH puts in one cluster
   * @param ari the adjusted Rand index of the LSH clustering against the exact one
   * @param exactSeconds the time of the exact join
   * @param lshSeconds the time of the LSH clustering
   */
  record Row(
      Choice choice,
      int documents,
      int exactPairs,
      long lshPairs,
      double recall,
      double together,
      double ari,
      double exactSeconds,
      double lshSeconds) {}

  /**
   * Checks {@code choice} and the current default on {@code documents} documents simulated from
   * {@code pool} with {@code settings}.
   */
  static List<Row> run(
      StoryPool pool,
      SimulatedCorpus.Settings settings,
      int documents,
      Choice choice,
      Consumer<String> progress) {
    // The evaluation's first corpus, cut to size; if it is too small, one with more bases and all
    // of the pool as background.
    SimulatedCorpus full = SimulatedCorpus.build(pool, settings);
    if (full.size() < documents) {
      int bases = Math.min((int) Math.ceil(documents / 3.0), full.eligibleBases());
      full =
          SimulatedCorpus.build(
              pool, settings.withBases(bases).withBackground(SimulatedCorpus.Settings.ALL));
    }
    SimulatedCorpus corpus = full.firstDocuments(documents);
    List<Choice> choices = new ArrayList<>();
    if (choice.config().measure() != ClusterMeasure.COSINE) {
      choices.add(choice);
      for (double other : ThresholdSweep.thresholds(0.3, 0.9, 0.1)) {
        if (Math.abs(other - choice.threshold()) > 1e-9) {
          choices.add(new Choice(choice.config(), other));
        }
      }
    }
    if (!choices.contains(Choice.currentDefault())) {
      choices.add(Choice.currentDefault());
    }
    Map<ShingleConfig, TextProfile[]> profiled = new HashMap<>();
    List<String> texts = new ArrayList<>();
    String[] ids = new String[corpus.size()];
    for (int i = 0; i < corpus.size(); i++) {
      texts.add(corpus.documents().get(i).text());
      ids[i] = corpus.documents().get(i).id();
    }
    List<Row> rows = new ArrayList<>();
    for (Choice choiceK : choices) {
      Config c = choiceK.config();
      double threshold = choiceK.threshold();
      TextProfile[] profiles =
          profiled.computeIfAbsent(
              c.shingles(),
              sc -> ExactScoring.profile(texts, TextProfiler.defaults().withShingles(sc)));
      ShingleSet[] sets = ExactScoring.shingles(profiles);
      progress.accept("LSH recall: exact join " + c.label() + " @ " + threshold);
      long t0 = System.nanoTime();
      ExactJoin.Scored exact =
          ExactScoring.score(ExactJoin.overlaps(sets, threshold), sets, c.measure(), threshold);
      double exactSeconds = (System.nanoTime() - t0) / 1e9;
      progress.accept("LSH recall: clustering");
      ClusterOptions options = choiceK.options().candidates(CandidateStrategy.LSH).build();
      long t1 = System.nanoTime();
      Clustering clustering = Clusterer.cluster(ids, profiles, options);
      double lshSeconds = (System.nanoTime() - t1) / 1e9;
      int[] labels = ClusteringMetrics.labels(corpus.documents(), clustering);
      long together = 0;
      for (long p : exact.pairs()) {
        if (labels[ExactJoin.first(p)] == labels[ExactJoin.second(p)]) {
          together++;
        }
      }
      int[] exactLabels =
          c.linkage() == Linkage.SINGLE
              ? ThresholdSweep.labels(corpus.size(), exact, threshold)
              : ThresholdSweep.averageLabels(
                  corpus.size(), exact, threshold, ExactScoring.scorer(c.measure(), sets));
      long linked = clustering.stats().linkedPairs();
      rows.add(
          new Row(
              choiceK,
              corpus.size(),
              exact.size(),
              linked,
              exact.size() == 0 ? 1.0 : (double) linked / exact.size(),
              exact.size() == 0 ? 1.0 : (double) together / exact.size(),
              ClusteringMetrics.compare(exactLabels, labels).adjustedRand(),
              exactSeconds,
              lshSeconds));
    }
    return List.copyOf(rows);
  }
}
