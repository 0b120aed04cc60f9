package io.textsim.evaluation;

import io.textsim.core.TextProfile;
import io.textsim.core.TextProfiler;
import io.textsim.core.cluster.ClusterMeasure;
import io.textsim.core.shingle.ShingleSet;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;

/**
 * Profiles and exact pair scores for the quality evaluation's reference clusterings: the sweep, the
 * Reuters run and the LSH check all score the pairs of an {@link ExactJoin} the same way.
 * Stateless.
 */
final class ExactScoring {
  private ExactScoring() {}

  /** The profiles of {@code texts}, built in parallel, in input order. */
  static TextProfile[] profile(List<String> texts, TextProfiler profiler) {
    TextProfile[] out = new TextProfile[texts.size()];
    IntStream.range(0, out.length).parallel().forEach(i -> out[i] = profiler.profile(texts.get(i)));
    return out;
  }

  static ShingleSet[] shingles(TextProfile[] profiles) {
    ShingleSet[] sets = new ShingleSet[profiles.length];
    for (int i = 0; i < sets.length; i++) {
      sets[i] = profiles[i].shingles();
    }
    return sets;
  }

  /** The pairs of {@code o} whose Jaccard or overlap score is at least {@code min}, scored. */
  static ExactJoin.Scored score(
      ExactJoin.Overlaps o, ShingleSet[] sets, ClusterMeasure m, double min) {
    long[] ps = new long[o.pairs().length];
    double[] ss = new double[o.pairs().length];
    int k = 0;
    for (int p = 0; p < o.pairs().length; p++) {
      int a = sets[ExactJoin.first(o.pairs()[p])].size();
      int b = sets[ExactJoin.second(o.pairs()[p])].size();
      int c = o.intersections()[p];
      double s =
          m == ClusterMeasure.JACCARD ? ExactJoin.jaccard(c, a, b) : ExactJoin.overlap(c, a, b);
      if (s >= min) {
        ps[k] = o.pairs()[p];
        ss[k] = s;
        k++;
      }
    }
    return new ExactJoin.Scored(Arrays.copyOf(ps, k), Arrays.copyOf(ss, k));
  }

  /** The exact Jaccard or overlap score of two of {@code sets}. */
  static ThresholdSweep.PairScore scorer(ClusterMeasure m, ShingleSet[] sets) {
    if (m == ClusterMeasure.JACCARD) {
      return (i, j) ->
          ExactJoin.jaccard(sets[i].intersectionSize(sets[j]), sets[i].size(), sets[j].size());
    }
    if (m == ClusterMeasure.OVERLAP) {
      return (i, j) ->
          ExactJoin.overlap(sets[i].intersectionSize(sets[j]), sets[i].size(), sets[j].size());
    }
    throw new IllegalArgumentException("not a shingle measure: " + m);
  }
}
