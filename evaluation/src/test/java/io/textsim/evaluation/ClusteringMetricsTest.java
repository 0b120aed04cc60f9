package io.textsim.evaluation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ClusteringMetricsTest {
  private static final double EXACT = 1e-15;

  @Test
  void splitClusterIsFourSevenths() {
    // scikit-learn: adjusted_rand_score([0, 0, 1, 1], [0, 0, 1, 2]) == 0.5714285714285714.
    // Contingency: (0,0)=2, (1,1)=1, (1,2)=1. Index 1; true pairs 2, predicted 1, all 6;
    // expected 2 * 1 / 6 = 1/3; max 3/2; ARI = (1 - 1/3) / (3/2 - 1/3) = 4/7.
    ClusteringMetrics.Scores s =
        ClusteringMetrics.compare(new int[] {0, 0, 1, 1}, new int[] {0, 0, 1, 2});
    assertEquals(4.0 / 7, s.adjustedRand(), EXACT);
    assertEquals(2, s.truePairs());
    assertEquals(1, s.predictedPairs());
    assertEquals(1, s.agreeingPairs());
    assertEquals(1.0, s.precision(), EXACT);
    assertEquals(0.5, s.recall(), EXACT);
    assertEquals(2.0 / 3, s.f1(), EXACT);
  }

  @Test
  void crossedClustersAreWorseThanChance() {
    // scikit-learn: adjusted_rand_score([0, 0, 1, 1], [0, 1, 0, 1]) == -0.5.
    ClusteringMetrics.Scores s =
        ClusteringMetrics.compare(new int[] {0, 0, 1, 1}, new int[] {0, 1, 0, 1});
    assertEquals(-0.5, s.adjustedRand(), EXACT);
    assertEquals(0.0, s.precision(), EXACT);
    assertEquals(0.0, s.recall(), EXACT);
    assertEquals(0.0, s.f1(), EXACT);
  }

  @Test
  void handComputedTenDocuments() {
    // Truth A={0,1,2,3} B={4,5,6} C={7,8} D={9}; predicted X={0,1,2} Y={3,4,5,6} Z={7} W={8,9}.
    // Non-empty cells: AX=3, AY=1, BY=3, CZ=1, CW=1, DW=1, so index = C(3,2) + C(3,2) = 6.
    // True pairs 6 + 3 + 1 + 0 = 10; predicted pairs 3 + 6 + 0 + 1 = 10; all pairs 45.
    // Expected 10 * 10 / 45 = 20/9; max (10 + 10) / 2 = 10; ARI = (6 - 20/9) / (10 - 20/9) = 17/35.
    int[] truth = {0, 0, 0, 0, 1, 1, 1, 2, 2, 3};
    int[] predicted = {7, 7, 7, 8, 8, 8, 8, 9, 5, 5};
    ClusteringMetrics.Scores s = ClusteringMetrics.compare(truth, predicted);
    assertEquals(10, s.truePairs());
    assertEquals(10, s.predictedPairs());
    assertEquals(6, s.agreeingPairs());
    assertEquals(0.6, s.precision(), EXACT);
    assertEquals(0.6, s.recall(), EXACT);
    assertEquals(0.6, s.f1(), EXACT);
    assertEquals(17.0 / 35, s.adjustedRand(), 1e-15);
  }

  @Test
  void identicalPartitionsScoreOne() {
    int[] labels = {3, 3, 1, 2, 2, 2, 9};
    ClusteringMetrics.Scores s = ClusteringMetrics.compare(labels, labels.clone());
    assertEquals(1.0, s.adjustedRand(), EXACT);
    assertEquals(1.0, s.f1(), EXACT);
  }

  @Test
  void degeneratePartitionsFollowScikitLearn() {
    // All singletons on both sides, and one cluster on both sides: identical, ARI 1.
    assertEquals(
        1.0, ClusteringMetrics.compare(new int[] {0, 1, 2}, new int[] {5, 6, 7}).adjustedRand());
    assertEquals(
        1.0, ClusteringMetrics.compare(new int[] {4, 4, 4}, new int[] {1, 1, 1}).adjustedRand());
    // One cluster against all singletons: adjusted_rand_score([0,0,0,0], [0,1,2,3]) == 0.0.
    ClusteringMetrics.Scores s =
        ClusteringMetrics.compare(new int[] {0, 0, 0, 0}, new int[] {0, 1, 2, 3});
    assertEquals(0.0, s.adjustedRand(), EXACT);
    assertEquals(1.0, s.precision(), EXACT); // nothing predicted, nothing wrong
    assertEquals(0.0, s.recall(), EXACT);
    assertEquals(0.0, s.f1(), EXACT);
    // No documents, one document.
    assertEquals(1.0, ClusteringMetrics.compare(new int[0], new int[0]).adjustedRand());
    assertEquals(1.0, ClusteringMetrics.compare(new int[] {1}, new int[] {2}).f1());
  }

  @Test
  void labelValuesDoNotMatter() {
    int[] truth = {0, 0, 1, 1, 1, 2};
    int[] predicted = {0, 0, 0, 1, 1, 2};
    int[] renamed = {-7, -7, -7, Integer.MAX_VALUE, Integer.MAX_VALUE, Integer.MIN_VALUE};
    assertEquals(
        ClusteringMetrics.compare(truth, predicted), ClusteringMetrics.compare(truth, renamed));
  }

  @Test
  void rejectsBadArguments() {
    assertThrows(NullPointerException.class, () -> ClusteringMetrics.compare(null, new int[0]));
    assertThrows(NullPointerException.class, () -> ClusteringMetrics.compare(new int[0], null));
    assertThrows(
        IllegalArgumentException.class,
        () -> ClusteringMetrics.compare(new int[] {1}, new int[] {1, 2}));
  }

  /**
   * Against an obviously correct oracle: every pair enumerated, classified as together in both (a),
   * in the truth only (b), in the prediction only (c) or in neither (d), and the ARI in its
   * pair-counting form 2(ad - bc) / ((a + b)(b + d) + (a + c)(c + d)) (Steinley, Psychological
   * Methods 9, 2004; scikit-learn's pair_confusion_matrix).
   */
  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12})
  void matchesPairCountingOracle(long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    int n = 2 + r.nextInt(120);
    int[] truth = new int[n];
    int[] predicted = new int[n];
    int k1 = 1 + r.nextInt(n);
    int k2 = 1 + r.nextInt(n);
    for (int i = 0; i < n; i++) {
      truth[i] = r.nextInt(k1);
      // Predictions agree with the truth most of the time, so that the index is not near 0.
      predicted[i] = r.nextInt(4) == 0 ? r.nextInt(k2) : truth[i] * 31 + 5;
    }
    long a = 0;
    long b = 0;
    long c = 0;
    long d = 0;
    for (int i = 0; i < n; i++) {
      for (int j = i + 1; j < n; j++) {
        boolean t = truth[i] == truth[j];
        boolean p = predicted[i] == predicted[j];
        if (t && p) {
          a++;
        } else if (t) {
          b++;
        } else if (p) {
          c++;
        } else {
          d++;
        }
      }
    }
    ClusteringMetrics.Scores s = ClusteringMetrics.compare(truth, predicted);
    assertEquals(a, s.agreeingPairs());
    assertEquals(a + b, s.truePairs());
    assertEquals(a + c, s.predictedPairs());
    double denominator = (double) (a + b) * (b + d) + (double) (a + c) * (c + d);
    double oracle = denominator == 0 ? 1.0 : 2.0 * ((double) a * d - (double) b * c) / denominator;
    assertEquals(oracle, s.adjustedRand(), 1e-12);
    double precision = a + c == 0 ? 1.0 : (double) a / (a + c);
    double recall = a + b == 0 ? 1.0 : (double) a / (a + b);
    assertEquals(precision, s.precision(), EXACT);
    assertEquals(recall, s.recall(), EXACT);
  }
}
