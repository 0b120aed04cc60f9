package io.textsim.evaluation;

import io.textsim.core.cluster.CandidateStrategy;
import io.textsim.core.cluster.ClusterMeasure;
import io.textsim.core.cluster.Clusterer;
import io.textsim.core.cluster.Clustering;
import io.textsim.core.cluster.Linkage;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;
import java.util.function.Consumer;

/**
 * The library's own {@link Clusterer}, end to end with {@link CandidateStrategy#AUTO}, on the
 * corpus the sweep clustered exactly: the best choice, the same with the other linkage, and the
 * current default.
 */
final class LibraryCheck {
  private LibraryCheck() {}

  /**
   * One run of the clusterer.
   *
   * @param choice the configuration and threshold
   * @param strategy the candidate strategy that AUTO picked
   * @param scores agreement with the truth
   * @param vsExact the adjusted Rand index against the sweep's exact clustering, if it has one
   * @param seconds the wall time of the clustering
   */
  record Run(
      Choice choice,
      CandidateStrategy strategy,
      ClusteringMetrics.Scores scores,
      OptionalDouble vsExact,
      double seconds) {}

  static List<Run> run(
      SimulatedCorpus corpus, Sweep sweep, Choice choice, Consumer<String> progress) {
    List<Choice> runs = new ArrayList<>();
    runs.add(choice);
    if (choice.config().measure() != ClusterMeasure.COSINE) {
      Linkage other =
          choice.config().linkage() == Linkage.SINGLE ? Linkage.AVERAGE : Linkage.SINGLE;
      runs.add(new Choice(choice.config().withLinkage(other), choice.threshold()));
    }
    if (!runs.contains(Choice.currentDefault())) {
      runs.add(Choice.currentDefault());
    }
    int[] truth = corpus.truth();
    List<Run> out = new ArrayList<>();
    for (Choice run : runs) {
      progress.accept("Clusterer: " + run.label());
      long t0 = System.nanoTime();
      Clustering clustering = Clusterer.cluster(corpus.documents(), run.options().build());
      double seconds = (System.nanoTime() - t0) / 1e9;
      int[] labels = ClusteringMetrics.labels(corpus.documents(), clustering);
      OptionalDouble vsExact =
          sweep.covers(run.threshold())
              ? OptionalDouble.of(
                  ClusteringMetrics.compare(sweep.labels(corpus.size(), run), labels)
                      .adjustedRand())
              : OptionalDouble.empty();
      out.add(
          new Run(
              run,
              clustering.stats().strategy(),
              ClusteringMetrics.compare(truth, labels),
              vsExact,
              seconds));
    }
    return List.copyOf(out);
  }
}
