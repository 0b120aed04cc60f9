package io.textsim.cli;

import io.textsim.core.cluster.CandidateStrategy;
import io.textsim.core.cluster.ClusterMeasure;
import io.textsim.core.cluster.Clustering;
import io.textsim.core.cluster.Linkage;
import io.textsim.core.explain.Passage;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalInt;

/**
 * The output model: what a command prints, built either by the core ({@link LocalBackend}) or from
 * a server's response ({@link RemoteBackend}), so that both modes print the same bytes.
 */
final class Reports {
  private Reports() {}

  /**
   * One compared text.
   *
   * @param id the path as given
   * @param chars its length in UTF-16 code units (the unit of passage offsets)
   * @param tokens its number of word tokens
   */
  record Doc(String id, int chars, int tokens) {
    Doc {
      Objects.requireNonNull(id, "id");
    }
  }

  /**
   * The result of {@code compare}.
   *
   * @param scores each computed measure's score by wire name, in {@link
   *     io.textsim.core.measure.Measure} order
   * @param levenshteinDistance the exact code point edit distance, if computed
   * @param tokenLevenshteinDistance the exact word edit distance, if computed
   * @param verdict near-duplicate, related or different
   * @param sharedInA passages of a that b shares
   * @param sharedInB passages of b that a shares
   * @param onlyA passages only a has
   * @param onlyB passages only b has
   */
  record Compare(
      Doc a,
      Doc b,
      Map<String, Double> scores,
      OptionalInt levenshteinDistance,
      OptionalInt tokenLevenshteinDistance,
      String verdict,
      double threshold,
      List<Passage> sharedInA,
      List<Passage> sharedInB,
      List<Passage> onlyA,
      List<Passage> onlyB) {
    Compare {
      scores = Collections.unmodifiableMap(new LinkedHashMap<>(scores));
      sharedInA = List.copyOf(sharedInA);
      sharedInB = List.copyOf(sharedInB);
      onlyA = List.copyOf(onlyA);
      onlyB = List.copyOf(onlyB);
    }
  }

  /** What the cluster command prints: every document in exactly one cluster. */
  record Cluster(
      int documents,
      double threshold,
      ClusterMeasure measure,
      Linkage linkage,
      CandidateStrategy strategy,
      List<Clustering.Cluster> clusters) {
    Cluster {
      clusters = List.copyOf(clusters);
    }
  }

  /** One match of {@code search}. */
  record Match(String id, double score) {}

  /**
   * The result of {@code search}.
   *
   * @param query the query's id
   * @param documents the number of documents searched
   * @param measure the measure's wire name
   * @param matches the best matches, best first, at most top, none below the minimum score
   */
  record Search(
      String query, int documents, String measure, int top, double minScore, List<Match> matches) {
    Search {
      matches = List.copyOf(matches);
    }
  }
}
