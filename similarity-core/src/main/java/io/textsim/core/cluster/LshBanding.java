package io.textsim.core.cluster;

import io.textsim.core.shingle.ShingleConfig;
import io.textsim.core.shingle.ShingleSet;
import io.textsim.core.sketch.MinHashParameters;
import io.textsim.core.sketch.MinHashSignature;
import io.textsim.core.sketch.MinHasher;

/**
 * The banding a clustering uses: one-permutation MinHash signatures of {@code bands * rows} slots,
 * cut into {@code bands} bands whose slots are hashed to one 64-bit key each.
 *
 * <p>Two documents of Jaccard similarity {@code s} share a band key with probability {@code 1 - (1
 * - s^rows)^bands}. Clustering verifies every candidate, so a false candidate costs one exact
 * comparison while a missed one loses a link: the banding favours recall. With 42 bands of 3 rows,
 * a pair at Jaccard 0.5 is a candidate with probability 0.996, at 0.4 with 0.93, and an unrelated
 * pair of news articles (Jaccard near 0.01) with probability 4e-5.
 */
record LshBanding(int bands, int rows, MinHasher hasher) {
  /**
   * Seed of the clustering's signatures; they never leave the process, but output must not vary.
   */
  private static final long SEED = 0x7465787473696DL;

  static LshBanding forClustering(
      double threshold, ClusterMeasure measure, ShingleConfig shingles) {
    // Overlap and cosine link pairs whose Jaccard can be lower than the threshold: band for a lower
    // Jaccard so that most of them still meet in a bucket.
    int rows = measure == ClusterMeasure.JACCARD && threshold >= 0.5 ? 3 : 2;
    int bands = rows == 3 ? 42 : 60;
    if (threshold < 0.3) {
      rows = 1;
      bands = 128;
    }
    MinHasher hasher = MinHasher.of(MinHashParameters.onePermutation(bands * rows, SEED, shingles));
    return new LshBanding(bands, rows, hasher);
  }

  /** The key of each band of {@code shingles}' signature. */
  long[] bandKeys(ShingleSet shingles) {
    MinHashSignature signature = hasher.sign(shingles);
    long[] keys = new long[bands];
    for (int b = 0; b < bands; b++) {
      keys[b] = signature.bandKey(b, rows);
    }
    return keys;
  }
}
