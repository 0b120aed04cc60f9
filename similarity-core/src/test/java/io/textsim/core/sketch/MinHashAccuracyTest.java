package io.textsim.core.sketch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.textsim.core.shingle.ShingleConfig;
import io.textsim.core.shingle.ShingleSet;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Statistical accuracy of the Jaccard estimate on seeded random set pairs of exactly known
 * similarity.
 *
 * <p>For each pair the estimate's z-score is {@code (estimate - J) / sqrt(J (1 - J) / k)}, the
 * binomial standard error of classic MinHash. With independent hash functions about 0.3% of
 * z-scores exceed 3 in absolute value; the test allows 2% and none beyond 5 (probability below
 * 10^-6 each), requires the mean z-score to be near 0 (no bias) and the mean squared z-score near 1
 * (the hash functions behave independently; correlated functions would inflate it). One-permutation
 * hashing samples bins without replacement, so its variance is lower (mean squared z-score below
 * 1). Seeds are fixed, so the test is deterministic; the bounds leave room for any reasonable seed.
 */
class MinHashAccuracyTest {
  private static final double[] JACCARDS = {0.05, 0.2, 0.5, 0.8, 0.95};
  private static final int PAIRS_PER_JACCARD = 60;
  private static final int UNION = 400;
  private static final int K = 128;

  @ParameterizedTest
  @EnumSource(MinHashFamily.class)
  void estimatesAreWithinBinomialError(MinHashFamily family) {
    int n = 0;
    int beyond3 = 0;
    double maxAbsZ = 0;
    double sumZ = 0;
    double sumZ2 = 0;
    for (double target : JACCARDS) {
      for (int p = 0; p < PAIRS_PER_JACCARD; p++) {
        long pairSeed = 1_000_003L * n + family.ordinal();
        SplittableRandom random = new SplittableRandom(pairSeed);
        long[] union = SketchTestData.randomDistinct(random, UNION);
        int common = (int) Math.round(target * UNION);
        double jaccard = (double) common / UNION;
        // The first `common` elements are shared; the rest alternate between A and B.
        long[] a = new long[common + (UNION - common + 1) / 2];
        long[] b = new long[common + (UNION - common) / 2];
        System.arraycopy(union, 0, a, 0, common);
        System.arraycopy(union, 0, b, 0, common);
        int ia = common;
        int ib = common;
        for (int i = common; i < UNION; i++) {
          if (((i - common) & 1) == 0) {
            a[ia++] = union[i];
          } else {
            b[ib++] = union[i];
          }
        }
        ShingleSet sa = ShingleSet.of(a);
        ShingleSet sb = ShingleSet.of(b);
        int inter = sa.intersectionSize(sb);
        assertEquals(jaccard, (double) inter / (sa.size() + sb.size() - inter));

        MinHasher hasher =
            MinHasher.of(
                new MinHashParameters(family, K, random.nextLong(), ShingleConfig.words(4)));
        double estimate = hasher.sign(sa).estimateJaccard(hasher.sign(sb));
        double z = (estimate - jaccard) / Math.sqrt(jaccard * (1 - jaccard) / K);
        n++;
        sumZ += z;
        sumZ2 += z * z;
        maxAbsZ = Math.max(maxAbsZ, Math.abs(z));
        if (Math.abs(z) > 3) {
          beyond3++;
        }
      }
    }
    double meanZ = sumZ / n;
    double meanZ2 = sumZ2 / n;
    String summary =
        family
            + ": n="
            + n
            + " beyond3="
            + beyond3
            + " max|z|="
            + maxAbsZ
            + " mean z="
            + meanZ
            + " mean z^2="
            + meanZ2;
    assertTrue(beyond3 <= n / 50, summary);
    assertTrue(maxAbsZ < 5, summary);
    assertTrue(Math.abs(meanZ) < 4 / Math.sqrt(n), summary);
    double lower = family == MinHashFamily.CLASSIC ? 0.7 : 0.4;
    assertTrue(meanZ2 > lower && meanZ2 < 1.35, summary);
  }

  /** Near-duplicates, the case the index exists for, are estimated tightly by both families. */
  @ParameterizedTest
  @EnumSource(MinHashFamily.class)
  void nearDuplicateDocumentsScoreHigh(MinHashFamily family) {
    SplittableRandom random = new SplittableRandom(77);
    double[] errors = new double[100];
    for (int t = 0; t < errors.length; t++) {
      long[] a = SketchTestData.randomDistinct(random, 500);
      long[] b = a.clone();
      // Replace 25 of 500 shingles: J = 475 / 525.
      long[] fresh = SketchTestData.randomDistinct(random, 25);
      System.arraycopy(fresh, 0, b, 0, 25);
      MinHasher hasher =
          MinHasher.of(new MinHashParameters(family, K, random.nextLong(), ShingleConfig.words(4)));
      errors[t] =
          hasher.sign(ShingleSet.of(a)).estimateJaccard(hasher.sign(ShingleSet.of(b)))
              - 475.0 / 525.0;
    }
    double sd = Math.sqrt((475.0 / 525.0) * (50.0 / 525.0) / K);
    assertTrue(Arrays.stream(errors).allMatch(e -> Math.abs(e) < 5 * sd), Arrays.toString(errors));
  }
}
