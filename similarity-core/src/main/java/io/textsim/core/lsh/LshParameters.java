package io.textsim.core.lsh;

import io.textsim.core.sketch.MinHashParameters;

/**
 * The banding of MinHash signatures in an {@link LshIndex}: the first {@code bands * rows} slots
 * are cut into {@code bands} bands of {@code rows} consecutive slots, and two signatures are
 * candidates if they agree on every slot of at least one band.
 *
 * <p>Two sets of Jaccard similarity {@code s} become candidates with probability {@code P(s) = 1 -
 * (1 - s^rows)^bands}, an S-shaped curve rising steeply near {@code (1 / bands)^(1 / rows)}
 * (Leskovec, Rajaraman, Ullman, <i>Mining of Massive Datasets</i>, section 3.4).
 *
 * @param bands the number of bands {@code b}, at least 1
 * @param rows the number of slots per band {@code r}, at least 1; {@code b * r} is at most {@link
 *     MinHashParameters#MAX_NUM_HASHES}
 */
public record LshParameters(int bands, int rows) {
  /** Simpson intervals on each side of the threshold when integrating the S-curve. */
  private static final int INTERVALS = 128;

  /** Validates the banding. */
  public LshParameters {
    if (bands < 1) {
      throw new IllegalArgumentException("bands must be >= 1, got " + bands);
    }
    if (rows < 1) {
      throw new IllegalArgumentException("rows must be >= 1, got " + rows);
    }
    if ((long) bands * rows > MinHashParameters.MAX_NUM_HASHES) {
      throw new IllegalArgumentException(
          "bands * rows must be at most "
              + MinHashParameters.MAX_NUM_HASHES
              + ", got "
              + bands
              + " * "
              + rows);
    }
  }

  /** The number of signature slots the bands use, {@code bands * rows}. */
  public int slotsUsed() {
    return bands * rows;
  }

  /**
   * {@code P(s) = 1 - (1 - s^rows)^bands}: the probability that two sets of Jaccard similarity
   * {@code s} share at least one band.
   *
   * @throws IllegalArgumentException if {@code similarity} is not in [0, 1]
   */
  public double candidateProbability(double similarity) {
    if (!(similarity >= 0.0 && similarity <= 1.0)) {
      throw new IllegalArgumentException("similarity must be in [0, 1], got " + similarity);
    }
    return 1.0 - Math.pow(1.0 - Math.pow(similarity, rows), bands);
  }

  /**
   * {@link #forThreshold(double, int, double, double)} with equal weights for false positives and
   * false negatives.
   */
  public static LshParameters forThreshold(double threshold, int numHashes) {
    return forThreshold(threshold, numHashes, 0.5, 0.5);
  }

  /**
   * The banding with {@code bands * rows <= numHashes} that minimizes {@code falsePositiveWeight *
   * FP + falseNegativeWeight * FN}, where {@code FP = ∫_0^t P(s) ds} is the area under the S-curve
   * below the threshold (pairs below it that become candidates) and {@code FN = ∫_t^1 (1 - P(s))
   * ds} the area above the curve beyond it (pairs above it that are missed). This is the criterion
   * of datasketch's {@code MinHashLSH}; only the ratio of the two weights matters. Ties go to fewer
   * bands, then fewer rows.
   *
   * <p>The integrals are computed by composite Simpson's rule with {@value #INTERVALS} intervals on
   * each side. Cost: O(n log n) candidate bandings for {@code n = numHashes}, each integrated at
   * 258 points: a few milliseconds for 128 hashes, a quarter of a second for 4096, seconds for the
   * maximum. Cache the result rather than calling this per query.
   *
   * @param threshold the Jaccard similarity at which pairs should become candidates, in [0, 1]
   * @param numHashes the number of signature slots available, 1 to {@link
   *     MinHashParameters#MAX_NUM_HASHES}
   * @param falsePositiveWeight the cost of a false positive area unit, finite and {@code >= 0}
   * @param falseNegativeWeight the cost of a false negative area unit, finite and {@code >= 0}; the
   *     weights must not both be 0
   * @throws IllegalArgumentException naming the option that is out of range
   */
  public static LshParameters forThreshold(
      double threshold, int numHashes, double falsePositiveWeight, double falseNegativeWeight) {
    if (!(threshold >= 0.0 && threshold <= 1.0)) {
      throw new IllegalArgumentException("threshold must be in [0, 1], got " + threshold);
    }
    if (numHashes < 1 || numHashes > MinHashParameters.MAX_NUM_HASHES) {
      throw new IllegalArgumentException(
          "numHashes must be between 1 and "
              + MinHashParameters.MAX_NUM_HASHES
              + ", got "
              + numHashes);
    }
    checkWeight("falsePositiveWeight", falsePositiveWeight);
    checkWeight("falseNegativeWeight", falseNegativeWeight);
    if (falsePositiveWeight == 0.0 && falseNegativeWeight == 0.0) {
      throw new IllegalArgumentException(
          "falsePositiveWeight and falseNegativeWeight must not both be 0");
    }
    // Grid points and Simpson weights on [0, t] (below) and [t, 1] (above).
    double[] below = grid(0.0, threshold);
    double[] above = grid(threshold, 1.0);
    double[] weights = simpsonWeights();
    double hBelow = threshold / INTERVALS / 3.0;
    double hAbove = (1.0 - threshold) / INTERVALS / 3.0;
    double[] logBelow = new double[below.length];
    double[] logAbove = new double[above.length];
    double bestError = Double.POSITIVE_INFINITY;
    int bestBands = 0;
    int bestRows = 0;
    for (int r = 1; r <= numHashes; r++) {
      // ln(1 - s^r) at every grid point, so that (1 - s^r)^b = exp(b ln(1 - s^r)).
      for (int i = 0; i < below.length; i++) {
        logBelow[i] = Math.log1p(-Math.pow(below[i], r));
        logAbove[i] = Math.log1p(-Math.pow(above[i], r));
      }
      for (int b = 1; b <= numHashes / r; b++) {
        double fp = 0.0;
        double fn = 0.0;
        for (int i = 0; i < weights.length; i++) {
          fp += weights[i] * (1.0 - Math.exp(b * logBelow[i]));
          fn += weights[i] * Math.exp(b * logAbove[i]);
        }
        double error = falsePositiveWeight * fp * hBelow + falseNegativeWeight * fn * hAbove;
        if (error < bestError
            || (error == bestError && (b < bestBands || (b == bestBands && r < bestRows)))) {
          bestError = error;
          bestBands = b;
          bestRows = r;
        }
      }
    }
    return new LshParameters(bestBands, bestRows);
  }

  private static void checkWeight(String name, double weight) {
    if (!(weight >= 0.0 && weight < Double.POSITIVE_INFINITY)) {
      throw new IllegalArgumentException(name + " must be finite and >= 0, got " + weight);
    }
  }

  private static double[] grid(double from, double to) {
    double[] x = new double[INTERVALS + 1];
    for (int i = 0; i <= INTERVALS; i++) {
      x[i] = from + (to - from) * i / INTERVALS;
    }
    x[INTERVALS] = to;
    return x;
  }

  /** Composite Simpson weights 1, 4, 2, 4, ..., 2, 4, 1 (to be scaled by h / 3). */
  private static double[] simpsonWeights() {
    double[] w = new double[INTERVALS + 1];
    for (int i = 0; i <= INTERVALS; i++) {
      w[i] = i == 0 || i == INTERVALS ? 1.0 : (i % 2 == 1 ? 4.0 : 2.0);
    }
    return w;
  }

  /** {@code ∫_0^t P(s) ds} for a banding, by the same rule as {@link #forThreshold}; for tests. */
  static double falsePositiveArea(double threshold, int bands, int rows) {
    double[] x = grid(0.0, threshold);
    double[] w = simpsonWeights();
    double sum = 0.0;
    for (int i = 0; i < x.length; i++) {
      sum += w[i] * (1.0 - Math.pow(1.0 - Math.pow(x[i], rows), bands));
    }
    return sum * threshold / INTERVALS / 3.0;
  }

  /** {@code ∫_t^1 (1 - P(s)) ds} for a banding; for tests. */
  static double falseNegativeArea(double threshold, int bands, int rows) {
    double[] x = grid(threshold, 1.0);
    double[] w = simpsonWeights();
    double sum = 0.0;
    for (int i = 0; i < x.length; i++) {
      sum += w[i] * Math.pow(1.0 - Math.pow(x[i], rows), bands);
    }
    return sum * (1.0 - threshold) / INTERVALS / 3.0;
  }
}
