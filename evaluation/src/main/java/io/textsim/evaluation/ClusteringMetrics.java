package io.textsim.evaluation;

import io.textsim.core.cluster.Clustering;
import io.textsim.core.cluster.Document;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Agreement between a clustering and the true clusters, by pair counting.
 *
 * <p>Both clusterings are given as one label per document ({@code truth[i]} and {@code
 * predicted[i]} name the cluster of document {@code i}; the label values themselves mean nothing).
 * A pair of documents is a <em>true pair</em> if the truth puts it in one cluster, a <em>predicted
 * pair</em> if the clustering does.
 *
 * <ul>
 *   <li>pairwise precision = |true ∩ predicted pairs| / |predicted pairs| (1 if nothing is
 *       predicted: no false link was made);
 *   <li>pairwise recall = |true ∩ predicted pairs| / |true pairs| (1 if there are no true pairs);
 *   <li>F1 = their harmonic mean (0 if both are 0);
 *   <li>adjusted Rand index (Hubert and Arabie, "Comparing partitions", J. Classification 2, 1985):
 *       {@code (Σij C(nij,2) - E) / (½ (Σi C(ai,2) + Σj C(bj,2)) - E)} with {@code E = Σi C(ai,2)
 *       Σj C(bj,2) / C(n,2)}, over the contingency table {@code nij} with row sums {@code ai} (true
 *       clusters) and column sums {@code bj} (predicted clusters). 1 for identical partitions,
 *       about 0 for a random one, negative when worse than chance. When the denominator is 0 the
 *       two partitions are identical (both all singletons, or both one cluster) and the index is 1,
 *       as in scikit-learn.
 * </ul>
 *
 * <p>Cost: O(n) expected time and O(number of non-empty contingency cells) memory; pairs are never
 * enumerated. Stateless.
 */
public final class ClusteringMetrics {
  private ClusteringMetrics() {}

  /**
   * The pair counts and the scores derived from them.
   *
   * @param documents the number of documents
   * @param truePairs pairs in one true cluster
   * @param predictedPairs pairs in one predicted cluster
   * @param agreeingPairs pairs in one cluster in both
   * @param precision pairwise precision
   * @param recall pairwise recall
   * @param f1 pairwise F1
   * @param adjustedRand the adjusted Rand index
   */
  public record Scores(
      int documents,
      long truePairs,
      long predictedPairs,
      long agreeingPairs,
      double precision,
      double recall,
      double f1,
      double adjustedRand) {}

  /**
   * Compares {@code predicted} against {@code truth}.
   *
   * @throws NullPointerException if an argument is null
   * @throws IllegalArgumentException if the arrays differ in length
   */
  public static Scores compare(int[] truth, int[] predicted) {
    Objects.requireNonNull(truth, "truth");
    Objects.requireNonNull(predicted, "predicted");
    if (truth.length != predicted.length) {
      throw new IllegalArgumentException(
          "truth and predicted differ in length: " + truth.length + " vs " + predicted.length);
    }
    int n = truth.length;
    Map<Integer, Integer> rows = new HashMap<>();
    Map<Integer, Integer> columns = new HashMap<>();
    Map<Long, Integer> cells = new HashMap<>();
    for (int i = 0; i < n; i++) {
      rows.merge(truth[i], 1, Integer::sum);
      columns.merge(predicted[i], 1, Integer::sum);
      cells.merge(((long) truth[i] << 32) | (predicted[i] & 0xFFFF_FFFFL), 1, Integer::sum);
    }
    long truePairs = sumOfPairs(rows);
    long predictedPairs = sumOfPairs(columns);
    long agreeing = sumOfPairs(cells);
    double precision = predictedPairs == 0 ? 1.0 : (double) agreeing / predictedPairs;
    double recall = truePairs == 0 ? 1.0 : (double) agreeing / truePairs;
    double f1 = precision + recall == 0 ? 0.0 : 2 * precision * recall / (precision + recall);
    double allPairs = pairs(n);
    double ari;
    if (allPairs == 0) {
      ari = 1.0;
    } else {
      double expected = (double) truePairs * predictedPairs / allPairs;
      double max = 0.5 * ((double) truePairs + predictedPairs);
      ari = max == expected ? 1.0 : (agreeing - expected) / (max - expected);
    }
    return new Scores(n, truePairs, predictedPairs, agreeing, precision, recall, f1, ari);
  }

  /** A clustering as one label per document, in the order of {@code documents}. */
  static int[] labels(List<Document> documents, Clustering clustering) {
    Map<String, Integer> index = new HashMap<>();
    for (int i = 0; i < documents.size(); i++) {
      index.put(documents.get(i).id(), i);
    }
    int[] labels = new int[documents.size()];
    for (Clustering.Cluster c : clustering.clusters()) {
      for (Clustering.Member m : c.members()) {
        labels[index.get(m.id())] = c.id();
      }
    }
    return labels;
  }

  private static <K> long sumOfPairs(Map<K, Integer> counts) {
    long sum = 0;
    for (int c : counts.values()) {
      sum += pairs(c);
    }
    return sum;
  }

  /** C(c, 2). */
  static long pairs(long c) {
    return c * (c - 1) / 2;
  }
}
