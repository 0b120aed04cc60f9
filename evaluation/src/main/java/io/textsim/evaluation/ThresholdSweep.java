package io.textsim.evaluation;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Clusterings of one set of scored pairs at many thresholds, each compared with the truth.
 *
 * <p>Given every pair scoring at or above the lowest threshold (from an {@link ExactJoin}), these
 * compute what {@link io.textsim.core.cluster.Clusterer} with {@link
 * io.textsim.core.cluster.CandidateStrategy#ALL_PAIRS} computes, without its quadratic candidate
 * list:
 *
 * <ul>
 *   <li>{@link io.textsim.core.cluster.Linkage#SINGLE}: the connected components of the pairs
 *       scoring at least t. The sweep runs from the highest threshold down, adding each pair to one
 *       union-find once: one pass over the pairs plus O(n) per threshold.
 *   <li>{@link io.textsim.core.cluster.Linkage#AVERAGE}: the library's greedy average linkage, step
 *       for step: the pairs at or above t, best first (ties by pair), each merging its two clusters
 *       if the mean score over all their cross pairs reaches t, cross pairs scored by the exact
 *       measure. Same input order, same tie-breaking, so the same clusters.
 * </ul>
 */
final class ThresholdSweep {
  private ThresholdSweep() {}

  /** The exact score of a pair {@code i < j}, for cross pairs that the join did not list. */
  @FunctionalInterface
  interface PairScore {
    double score(int i, int j);
  }

  /**
   * The result at one threshold.
   *
   * @param threshold the threshold
   * @param scores agreement with the truth
   * @param linkedPairs pairs scoring at least the threshold
   * @param clusters the number of clusters, singletons included
   */
  record Row(double threshold, ClusteringMetrics.Scores scores, long linkedPairs, int clusters) {}

  /**
   * The thresholds from {@code from} to {@code to} inclusive in steps of {@code step}, each the
   * double nearest to a whole number of hundredths (so 0.15 is the literal 0.15).
   */
  static double[] thresholds(double from, double to, double step) {
    int a = (int) Math.round(from * 100);
    int b = (int) Math.round(to * 100);
    int s = (int) Math.round(step * 100);
    if (s <= 0 || a < 0 || b > 100 || a > b) {
      throw new IllegalArgumentException(
          "bad threshold range: from " + from + " to " + to + " step " + step);
    }
    List<Double> out = new ArrayList<>();
    for (int t = a; t <= b; t += s) {
      out.add(t / 100.0);
    }
    double[] ts = new double[out.size()];
    for (int i = 0; i < ts.length; i++) {
      ts[i] = out.get(i);
    }
    return ts;
  }

  /**
   * Sweeps {@code thresholds} (ascending) over {@code pairs}; rows in ascending threshold order.
   */
  static List<Row> sweep(int[] truth, ExactJoin.Scored pairs, double[] thresholds) {
    Objects.requireNonNull(truth, "truth");
    int n = truth.length;
    int k = thresholds.length;
    for (int i = 1; i < k; i++) {
      if (!(thresholds[i] > thresholds[i - 1])) {
        throw new IllegalArgumentException("thresholds must ascend");
      }
    }
    // bucket[p]: the highest threshold index the pair reaches, -1 for none.
    int[] bucketSize = new int[k];
    int[] bucket = new int[pairs.size()];
    for (int p = 0; p < pairs.size(); p++) {
      double s = pairs.scores()[p];
      int b = -1;
      while (b + 1 < k && s >= thresholds[b + 1]) {
        b++;
      }
      bucket[p] = b;
      if (b >= 0) {
        bucketSize[b]++;
      }
    }
    int[][] byBucket = new int[k][];
    for (int b = 0; b < k; b++) {
      byBucket[b] = new int[bucketSize[b]];
    }
    int[] fill = new int[k];
    for (int p = 0; p < pairs.size(); p++) {
      if (bucket[p] >= 0) {
        byBucket[bucket[p]][fill[bucket[p]]++] = p;
      }
    }
    UnionFind uf = new UnionFind(n);
    int clusters = n;
    long linked = 0;
    List<Row> rows = new ArrayList<>(k);
    for (int b = k - 1; b >= 0; b--) {
      for (int p : byBucket[b]) {
        long pair = pairs.pairs()[p];
        if (uf.union(ExactJoin.first(pair), ExactJoin.second(pair))) {
          clusters--;
        }
      }
      linked += byBucket[b].length;
      rows.add(
          new Row(thresholds[b], ClusteringMetrics.compare(truth, uf.labels()), linked, clusters));
    }
    Collections.reverse(rows);
    return rows;
  }

  /** The single-linkage labels of {@code pairs} at {@code threshold}. */
  static int[] labels(int n, ExactJoin.Scored pairs, double threshold) {
    UnionFind uf = new UnionFind(n);
    for (int p = 0; p < pairs.size(); p++) {
      if (pairs.scores()[p] >= threshold) {
        uf.union(ExactJoin.first(pairs.pairs()[p]), ExactJoin.second(pairs.pairs()[p]));
      }
    }
    return uf.labels();
  }

  /**
   * Average-linkage clusterings at each of {@code thresholds} (ascending); rows in ascending
   * threshold order, empty where the clustering would have taken more than {@code budget}
   * cross-pair scores (low thresholds, where clusters grow large and nothing is of use).
   */
  static List<Optional<Row>> sweepAverage(
      int[] truth, ExactJoin.Scored pairs, double[] thresholds, PairScore scorer, long budget) {
    Integer[] order = bestFirst(pairs);
    List<Optional<Row>> rows = new ArrayList<>(thresholds.length);
    for (double t : thresholds) {
      Optional<int[]> labels = averageLabels(truth.length, pairs, order, t, scorer, budget);
      if (labels.isEmpty()) {
        rows.add(Optional.empty());
        continue;
      }
      long linked = 0;
      for (double s : pairs.scores()) {
        if (s >= t) {
          linked++;
        }
      }
      int[] l = labels.get();
      rows.add(Optional.of(new Row(t, ClusteringMetrics.compare(truth, l), linked, distinct(l))));
    }
    return rows;
  }

  /** The average-linkage labels of {@code pairs} at {@code threshold}. */
  static int[] averageLabels(int n, ExactJoin.Scored pairs, double threshold, PairScore scorer) {
    return averageLabels(n, pairs, bestFirst(pairs), threshold, scorer, Long.MAX_VALUE)
        .orElseThrow();
  }

  /** Pair indices by descending score, ties by ascending pair, as the library orders its edges. */
  private static Integer[] bestFirst(ExactJoin.Scored pairs) {
    Integer[] order = new Integer[pairs.size()];
    for (int i = 0; i < order.length; i++) {
      order[i] = i;
    }
    double[] scores = pairs.scores();
    long[] keys = pairs.pairs();
    Arrays.sort(
        order,
        Comparator.comparingDouble((Integer p) -> -scores[p]).thenComparingLong(p -> keys[p]));
    return order;
  }

  private record Attempt(int rootA, int sizeA, int rootB, int sizeB) {}

  private static Optional<int[]> averageLabels(
      int n, ExactJoin.Scored pairs, Integer[] bestFirst, double t, PairScore scorer, long budget) {
    UnionFind sets = new UnionFind(n);
    Map<Integer, List<Integer>> members = new HashMap<>();
    // A failed merge of two clusters fails again until one of them grows; clusters only grow,
    // so (root, size) of both names the attempt.
    Set<Attempt> failed = new HashSet<>();
    long work = 0;
    for (int p : bestFirst) {
      if (pairs.scores()[p] < t) {
        break;
      }
      int ri = sets.find(ExactJoin.first(pairs.pairs()[p]));
      int rj = sets.find(ExactJoin.second(pairs.pairs()[p]));
      if (ri == rj) {
        continue;
      }
      List<Integer> x = members.getOrDefault(ri, List.of(ri));
      List<Integer> y = members.getOrDefault(rj, List.of(rj));
      Attempt attempt = new Attempt(ri, x.size(), rj, y.size());
      if (failed.contains(attempt)) {
        continue;
      }
      work += (long) x.size() * y.size();
      if (work > budget) {
        return Optional.empty();
      }
      double sum = 0;
      for (int a : x) {
        for (int b : y) {
          sum += scorer.score(Math.min(a, b), Math.max(a, b));
        }
      }
      if (sum / ((double) x.size() * y.size()) >= t) {
        sets.union(ri, rj);
        List<Integer> merged = new ArrayList<>(x.size() + y.size());
        merged.addAll(x);
        merged.addAll(y);
        members.remove(ri);
        members.remove(rj);
        members.put(sets.find(ri), merged);
      } else {
        failed.add(attempt);
      }
    }
    return Optional.of(sets.labels());
  }

  private static int distinct(int[] labels) {
    Set<Integer> s = new HashSet<>();
    for (int l : labels) {
      s.add(l);
    }
    return s.size();
  }
}
