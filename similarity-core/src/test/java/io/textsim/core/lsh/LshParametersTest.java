package io.textsim.core.lsh;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LshParametersTest {

  /**
   * The bandings datasketch's {@code _optimal_param} picks: these were computed with its algorithm
   * (the same loops, S-curve areas integrated by {@code scipy.integrate.quad}).
   */
  @ParameterizedTest(name = "t={0} n={1} fp={2} fn={3} -> ({4}, {5})")
  @CsvSource({
    "0.5, 128, 0.5, 0.5, 25, 5",
    "0.8, 128, 0.5, 0.5, 9, 13",
    "0.9, 128, 0.5, 0.5, 5, 25",
    "0.3, 128, 0.5, 0.5, 37, 3",
    "0.1, 128, 0.5, 0.5, 64, 2",
    "0.5, 256, 0.5, 0.5, 42, 6",
    "0.7, 64, 0.5, 0.5, 8, 8",
    "0.5, 16, 0.5, 0.5, 5, 3",
    "0.99, 128, 0.5, 0.5, 1, 128",
    "0.01, 128, 0.5, 0.5, 128, 1",
    "0.5, 128, 0.1, 0.9, 32, 4",
    "0.5, 128, 0.9, 0.1, 16, 8",
  })
  void matchesDatasketch(double t, int n, double fp, double fn, int bands, int rows) {
    assertEquals(new LshParameters(bands, rows), LshParameters.forThreshold(t, n, fp, fn));
  }

  @Test
  void defaultWeightsAreEqual() {
    assertEquals(new LshParameters(25, 5), LshParameters.forThreshold(0.5, 128));
    // Only the ratio of the weights matters.
    assertEquals(
        LshParameters.forThreshold(0.6, 128, 0.2, 0.8),
        LshParameters.forThreshold(0.6, 128, 1.0, 4.0));
  }

  @Test
  void chosenBandingIsTheMinimumOverAllBandings() {
    double t = 0.65;
    int n = 100;
    LshParameters best = LshParameters.forThreshold(t, n, 0.3, 0.7);
    double bestError = error(t, best.bands(), best.rows(), 0.3, 0.7);
    for (int b = 1; b <= n; b++) {
      for (int r = 1; b * r <= n; r++) {
        assertTrue(error(t, b, r, 0.3, 0.7) >= bestError, b + "x" + r);
      }
    }
  }

  private static double error(double t, int b, int r, double fpw, double fnw) {
    return fpw * LshParameters.falsePositiveArea(t, b, r)
        + fnw * LshParameters.falseNegativeArea(t, b, r);
  }

  @Test
  void areasAreAccurate() {
    // b = 1, r = 1: P(s) = s, so FP = t^2 / 2 and FN = ∫_t^1 (1 - s) ds = (1 - t)^2 / 2.
    assertEquals(0.125, LshParameters.falsePositiveArea(0.5, 1, 1), 1e-12);
    assertEquals(0.045, LshParameters.falseNegativeArea(0.7, 1, 1), 1e-12);
    // b = 2, r = 3: P(s) = 2 s^3 - s^6, ∫_0^t = t^4 / 2 - t^7 / 7.
    double t = 0.6;
    assertEquals(
        Math.pow(t, 4) / 2 - Math.pow(t, 7) / 7, LshParameters.falsePositiveArea(t, 2, 3), 1e-10);
  }

  /** A higher threshold never asks for fewer rows, and the S-curve's midpoint moves up with it. */
  @ParameterizedTest
  @CsvSource({"16", "64", "128", "256"})
  void monotonicInThreshold(int n) {
    LshParameters previous = null;
    for (int i = 1; i < 20; i++) {
      double t = i / 20.0;
      LshParameters p = LshParameters.forThreshold(t, n);
      assertTrue(p.slotsUsed() <= n);
      if (previous != null) {
        assertTrue(p.rows() >= previous.rows(), t + ": " + previous + " -> " + p);
        assertTrue(midpoint(p) >= midpoint(previous), t + ": " + previous + " -> " + p);
      }
      previous = p;
    }
  }

  private static double midpoint(LshParameters p) {
    return Math.pow(1.0 / p.bands(), 1.0 / p.rows());
  }

  /** Weighting false positives more never makes a pair at the threshold more likely a candidate. */
  @Test
  void monotonicInWeights() {
    double previous = 1.0;
    for (int i = 1; i < 10; i++) {
      double w = i / 10.0;
      double p = LshParameters.forThreshold(0.5, 128, w, 1 - w).candidateProbability(0.5);
      assertTrue(p <= previous, w + ": " + p + " > " + previous);
      previous = p;
    }
  }

  @Test
  void edgeCases() {
    assertEquals(new LshParameters(1, 1), LshParameters.forThreshold(0.5, 1));
    assertEquals(new LshParameters(128, 1), LshParameters.forThreshold(0.0, 128));
    assertEquals(new LshParameters(1, 128), LshParameters.forThreshold(1.0, 128));
    // Only false negatives count: as many bands of one row as possible.
    assertEquals(new LshParameters(128, 1), LshParameters.forThreshold(0.5, 128, 0.0, 1.0));
  }

  @Test
  void candidateProbability() {
    LshParameters p = new LshParameters(25, 5);
    assertEquals(0.0, p.candidateProbability(0.0));
    assertEquals(1.0, p.candidateProbability(1.0));
    assertEquals(1 - Math.pow(1 - Math.pow(0.8, 5), 25), p.candidateProbability(0.8), 1e-15);
    assertTrue(p.candidateProbability(0.8) > 0.9999);
    assertThrows(IllegalArgumentException.class, () -> p.candidateProbability(1.5));
    assertThrows(IllegalArgumentException.class, () -> p.candidateProbability(Double.NaN));
    assertEquals(125, p.slotsUsed());
  }

  @ParameterizedTest
  @CsvSource({
    "-0.1, 128, 0.5, 0.5, 'threshold must be in [0, 1], got -0.1'",
    "1.1, 128, 0.5, 0.5, 'threshold must be in [0, 1], got 1.1'",
    "NaN, 128, 0.5, 0.5, 'threshold must be in [0, 1], got NaN'",
    "0.5, 0, 0.5, 0.5, 'numHashes must be between 1 and 65536, got 0'",
    "0.5, 65537, 0.5, 0.5, 'numHashes must be between 1 and 65536, got 65537'",
    "0.5, 128, -1, 0.5, 'falsePositiveWeight must be finite and >= 0, got -1.0'",
    "0.5, 128, NaN, 0.5, 'falsePositiveWeight must be finite and >= 0, got NaN'",
    "0.5, 128, 0.5, Infinity, 'falseNegativeWeight must be finite and >= 0, got Infinity'",
    "0.5, 128, 0, 0, 'falsePositiveWeight and falseNegativeWeight must not both be 0'",
  })
  void badOptionsAreNamed(double t, int n, double fp, double fn, String message) {
    assertEquals(
        message,
        assertThrows(IllegalArgumentException.class, () -> LshParameters.forThreshold(t, n, fp, fn))
            .getMessage());
  }

  @Test
  void recordValidation() {
    assertEquals(
        "bands must be >= 1, got 0",
        assertThrows(IllegalArgumentException.class, () -> new LshParameters(0, 1)).getMessage());
    assertEquals(
        "rows must be >= 1, got -2",
        assertThrows(IllegalArgumentException.class, () -> new LshParameters(1, -2)).getMessage());
    assertThrows(IllegalArgumentException.class, () -> new LshParameters(65536, 65536));
    assertEquals(65536, new LshParameters(256, 256).slotsUsed());
  }
}
