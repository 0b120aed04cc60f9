package io.textsim.cli;

import io.textsim.core.TextProfiler;
import io.textsim.core.cluster.CandidateStrategy;
import io.textsim.core.cluster.ClusterMeasure;
import io.textsim.core.cluster.ClusterOptions;
import io.textsim.core.cluster.ClusterProgress;
import io.textsim.core.cluster.Linkage;
import io.textsim.core.measure.Measure;
import io.textsim.core.measure.VerdictRule;
import io.textsim.core.shingle.ShingleConfig;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Where the work happens: in this process through the core ({@link LocalBackend}) or on a server
 * ({@link RemoteBackend}). Both return the same {@link Reports}.
 */
interface Backend extends AutoCloseable {
  /**
   * Settings of a comparison.
   *
   * @param measures the measures asked for; the verdict's (jaccard and containment both ways) are
   *     always added, see {@link #reported()}
   * @param furnitureExamples other pages of the same outlets to learn page furniture from; none: no
   *     furniture
   */
  record CompareSettings(
      Set<Measure> measures, int shingleSize, double threshold, List<Input> furnitureExamples) {
    public CompareSettings {
      furnitureExamples = List.copyOf(furnitureExamples);
    }

    /** The verdict rule: jaccard at the threshold. */
    VerdictRule verdict() {
      return new VerdictRule(Measure.JACCARD, threshold);
    }

    /**
     * The measures shown: those asked for and those the verdict reads, so that the reason printed
     * with the verdict is backed by the scores beside it.
     */
    Set<Measure> reported() {
      Set<Measure> out = EnumSet.noneOf(Measure.class);
      out.addAll(measures);
      out.addAll(verdict().measures());
      return out;
    }
  }

  /** Settings of a clustering. */
  record ClusterSettings(
      ClusterMeasure measure,
      Linkage linkage,
      CandidateStrategy candidates,
      double threshold,
      int shingleSize) {
    /** The core options of these settings, profiling with {@code profiler}. */
    ClusterOptions.Builder options(TextProfiler profiler) {
      return ClusterOptions.builder()
          .threshold(threshold)
          .measure(measure)
          .linkage(linkage)
          .candidates(candidates)
          .profiler(profiler.withShingles(ShingleConfig.words(shingleSize)));
    }
  }

  /**
   * Settings of a search.
   *
   * @param furniture where page furniture is learned, to be taken out before scoring; none: the
   *     texts are scored as given
   */
  record SearchSettings(
      Measure measure,
      int top,
      double minScore,
      int shingleSize,
      Optional<SearchFurniture> furniture) {
    public SearchSettings {
      Objects.requireNonNull(furniture, "furniture");
    }
  }

  Reports.Compare compare(Input a, Input b, CompareSettings settings);

  Reports.Cluster cluster(
      List<Input> documents, ClusterSettings settings, ClusterProgress progress);

  Reports.Search search(Input query, List<Input> documents, SearchSettings settings);

  @Override
  void close();
}
