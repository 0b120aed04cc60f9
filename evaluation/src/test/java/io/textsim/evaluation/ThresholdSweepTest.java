package io.textsim.evaluation;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.textsim.core.TextProfile;
import io.textsim.core.TextProfiler;
import io.textsim.core.cluster.CandidateStrategy;
import io.textsim.core.cluster.ClusterMeasure;
import io.textsim.core.cluster.ClusterOptions;
import io.textsim.core.cluster.Clusterer;
import io.textsim.core.cluster.Clustering;
import io.textsim.core.cluster.Document;
import io.textsim.core.cluster.Linkage;
import io.textsim.core.furniture.Furniture;
import io.textsim.core.shingle.ShingleSet;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class ThresholdSweepTest {
  private static final double[] THRESHOLDS = ThresholdSweep.thresholds(0.1, 0.9, 0.1);

  @Test
  void thresholdsAreExactHundredths() {
    double[] t = ThresholdSweep.thresholds(0.10, 0.90, 0.05);
    assertEquals(17, t.length);
    assertEquals(0.15, t[1]);
    assertEquals(0.35, t[5]);
    assertEquals(0.9, t[16]);
    assertThrows(IllegalArgumentException.class, () -> ThresholdSweep.thresholds(0.5, 0.4, 0.1));
  }

  /**
   * Stories of random words, copies with a header, a footer and a few changed words, and a few
   * stories sharing one boilerplate paragraph, so that the thresholds cut through real structure.
   */
  static List<Document> corpus(long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    String[] vocabulary = new String[500];
    for (int i = 0; i < vocabulary.length; i++) {
      vocabulary[i] = "v" + Integer.toString(i, 36) + (char) ('a' + i % 26);
    }
    String boilerplate = "share this story on every network you like and leave a comment below";
    List<Document> docs = new ArrayList<>();
    for (int s = 0; s < 40; s++) {
      StringBuilder story = new StringBuilder();
      int words = 8 + r.nextInt(80);
      for (int k = 0; k < words; k++) {
        story.append(vocabulary[r.nextInt(vocabulary.length)]).append(' ');
      }
      docs.add(new Document("s" + s, story.toString()));
      int copies = r.nextInt(4);
      for (int c = 0; c < copies; c++) {
        String[] w = story.toString().strip().split(" ", -1);
        for (int e = 0; e < 2; e++) {
          w[r.nextInt(w.length)] = vocabulary[r.nextInt(vocabulary.length)];
        }
        String text = String.join(" ", w);
        if (r.nextBoolean()) {
          text = "headline " + vocabulary[r.nextInt(50)] + "\n\n" + text;
        }
        if (r.nextBoolean()) {
          text = text + "\n" + boilerplate;
        }
        docs.add(new Document("s" + s + "c" + c, text));
      }
    }
    return docs;
  }

  @ParameterizedTest
  @EnumSource(
      value = ClusterMeasure.class,
      names = {"JACCARD", "OVERLAP"})
  void matchesTheLibrarysAllPairsClustering(ClusterMeasure measure) {
    for (long seed = 1; seed <= 3; seed++) {
      List<Document> docs = corpus(seed);
      int n = docs.size();
      TextProfiler profiler = TextProfiler.defaults();
      ShingleSet[] sets = new ShingleSet[n];
      for (int i = 0; i < n; i++) {
        TextProfile p = profiler.profile(docs.get(i).text());
        sets[i] = p.shingles();
      }
      ExactJoin.Overlaps o = ExactJoin.overlaps(sets, THRESHOLDS[0]);
      long[] pairs = new long[o.pairs().length];
      double[] scores = new double[pairs.length];
      int k = 0;
      for (int p = 0; p < o.pairs().length; p++) {
        int a = sets[ExactJoin.first(o.pairs()[p])].size();
        int b = sets[ExactJoin.second(o.pairs()[p])].size();
        double s =
            measure == ClusterMeasure.JACCARD
                ? ExactJoin.jaccard(o.intersections()[p], a, b)
                : ExactJoin.overlap(o.intersections()[p], a, b);
        if (s >= THRESHOLDS[0]) {
          pairs[k] = o.pairs()[p];
          scores[k++] = s;
        }
      }
      ExactJoin.Scored scored =
          new ExactJoin.Scored(Arrays.copyOf(pairs, k), Arrays.copyOf(scores, k));
      ThresholdSweep.PairScore scorer =
          (i, j) -> {
            int c = sets[i].intersectionSize(sets[j]);
            return measure == ClusterMeasure.JACCARD
                ? ExactJoin.jaccard(c, sets[i].size(), sets[j].size())
                : ExactJoin.overlap(c, sets[i].size(), sets[j].size());
          };
      int[] truth = new int[n];
      for (int i = 0; i < n; i++) {
        String id = docs.get(i).id();
        int c = id.indexOf('c');
        truth[i] = Integer.parseInt(c < 0 ? id.substring(1) : id.substring(1, c));
      }
      List<ThresholdSweep.Row> single = ThresholdSweep.sweep(truth, scored, THRESHOLDS);
      List<Optional<ThresholdSweep.Row>> average =
          ThresholdSweep.sweepAverage(truth, scored, THRESHOLDS, scorer, Long.MAX_VALUE);
      for (int t = 0; t < THRESHOLDS.length; t++) {
        // The sweep reimplements the library on whole texts: furniture off, any shared shingle a
        // link, links by score alone, the two linkages it sweeps, and the oracle's shingles (word
        // 4-shingles).
        for (Linkage linkage : List.of(Linkage.SINGLE, Linkage.AVERAGE)) {
          ClusterOptions options =
              ClusterOptions.builder()
                  .measure(measure)
                  .threshold(THRESHOLDS[t])
                  .linkage(linkage)
                  .candidates(CandidateStrategy.ALL_PAIRS)
                  .furniture(Furniture.none())
                  .minSharedShingles(1)
                  .passageShingles(0)
                  .profiler(TextProfiler.defaults())
                  .build();
          Clustering library = Clusterer.cluster(docs, options);
          int[] expected = ClusteringMetrics.labels(docs, library);
          int[] actual =
              linkage == Linkage.SINGLE
                  ? ThresholdSweep.labels(n, scored, THRESHOLDS[t])
                  : ThresholdSweep.averageLabels(n, scored, THRESHOLDS[t], scorer);
          String where = measure + " " + linkage + " @ " + THRESHOLDS[t] + " seed " + seed;
          // The same partition: every pair together in one is together in the other.
          ClusteringMetrics.Scores same = ClusteringMetrics.compare(expected, actual);
          assertEquals(same.truePairs(), same.agreeingPairs(), where);
          assertEquals(same.predictedPairs(), same.agreeingPairs(), where);
          ClusteringMetrics.Scores swept =
              linkage == Linkage.SINGLE
                  ? single.get(t).scores()
                  : average.get(t).orElseThrow().scores();
          assertEquals(ClusteringMetrics.compare(truth, expected), swept, where);
          assertEquals(library.stats().linkedPairs(), single.get(t).linkedPairs(), where);
        }
      }
    }
  }

  @Test
  void averageSweepSkipsWhatIsOverBudget() {
    List<Document> docs = corpus(1);
    ShingleSet[] sets = new ShingleSet[docs.size()];
    for (int i = 0; i < sets.length; i++) {
      sets[i] = TextProfiler.defaults().profile(docs.get(i).text()).shingles();
    }
    ExactJoin.Overlaps o = ExactJoin.overlaps(sets, 0.1);
    double[] scores = new double[o.pairs().length];
    for (int p = 0; p < scores.length; p++) {
      scores[p] =
          ExactJoin.overlap(
              o.intersections()[p],
              sets[ExactJoin.first(o.pairs()[p])].size(),
              sets[ExactJoin.second(o.pairs()[p])].size());
    }
    ExactJoin.Scored scored = new ExactJoin.Scored(o.pairs(), scores);
    int[] truth = new int[docs.size()];
    List<Optional<ThresholdSweep.Row>> rows =
        ThresholdSweep.sweepAverage(truth, scored, THRESHOLDS, (i, j) -> 0.0, 0);
    // With no budget, only clusterings that never try a merge are computed.
    assertTrue(rows.stream().anyMatch(Optional::isEmpty));
    int[] none =
        ThresholdSweep.labels(docs.size(), new ExactJoin.Scored(new long[0], new double[0]), 0.5);
    int[] distinct = new int[docs.size()];
    for (int i = 0; i < distinct.length; i++) {
      distinct[i] = i;
    }
    assertArrayEquals(distinct, none);
  }
}
