package io.textsim.cli;

import io.textsim.core.cluster.CandidateStrategy;
import io.textsim.core.cluster.ClusterMeasure;
import io.textsim.core.cluster.ClusterProgress;
import io.textsim.core.cluster.Linkage;
import io.textsim.core.measure.Measure;
import java.util.List;
import java.util.Set;

/**
 * Where the work happens: in this process through the core ({@link LocalBackend}) or on a server
 * ({@link RemoteBackend}). Both return the same {@link Reports}.
 */
interface Backend extends AutoCloseable {
  /**
   * Settings of a comparison.
   *
   * @param measures the measures asked for; jaccard and containment both ways are always added, the
   *     verdict needs them
   */
  record CompareSettings(Set<Measure> measures, int shingleSize, double threshold) {}

  /** Settings of a clustering. */
  record ClusterSettings(
      ClusterMeasure measure,
      Linkage linkage,
      CandidateStrategy candidates,
      double threshold,
      int shingleSize) {}

  /** Settings of a search. */
  record SearchSettings(Measure measure, int top, double minScore, int shingleSize) {}

  Reports.Compare compare(Input a, Input b, CompareSettings settings);

  Reports.Cluster cluster(
      List<Input> documents, ClusterSettings settings, ClusterProgress progress);

  Reports.Search search(Input query, List<Input> documents, SearchSettings settings);

  @Override
  void close();
}
