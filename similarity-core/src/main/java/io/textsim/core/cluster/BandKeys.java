package io.textsim.core.cluster;

import io.textsim.core.shingle.ShingleConfig;
import io.textsim.core.shingle.ShingleSet;
import java.util.Objects;

/**
 * The LSH band keys that {@link Clusterer} puts documents in buckets by, for engines that form the
 * buckets elsewhere (a distributed job): two documents of a collection of {@code documents} are a
 * candidate pair exactly when they share a key in some band.
 *
 * <p>The keys are the core's own: the same frozen MinHash family and seed, and the same low bits
 * cleared (the batch clustering packs the document's index there, and the cleared bits can only add
 * candidates, which verification removes). So a key made on one machine equals one made on another,
 * and the buckets are the ones {@link Clusterer} forms for the same collection.
 *
 * <p>Immutable and thread-safe; {@link #keys} costs one MinHash signature.
 */
public final class BandKeys {
  private final LshBanding banding;
  private final long mask;

  private BandKeys(LshBanding banding, long mask) {
    this.banding = banding;
    this.mask = mask;
  }

  /**
   * The band keys of a clustering of {@code documents} documents with {@code options}, whose
   * shingle sets are made with {@code shingles}.
   *
   * @throws IllegalArgumentException if {@code documents} is negative
   */
  public static BandKeys forClustering(
      long documents, ShingleConfig shingles, ClusterOptions options) {
    Objects.requireNonNull(shingles, "shingles");
    Objects.requireNonNull(options, "options");
    if (documents < 0) {
      throw new IllegalArgumentException("documents must be >= 0, got " + documents);
    }
    return new BandKeys(
        LshBanding.forClustering(options.threshold(), options.measure(), shingles),
        ~indexMask(documents));
  }

  /** The low bits that hold a document's index in a collection of {@code n}: all ones. */
  static long indexMask(long n) {
    int indexBits = 64 - Long.numberOfLeadingZeros(Math.max(1, n - 1));
    return indexBits == 64 ? -1L : (1L << indexBits) - 1;
  }

  /** The number of bands: the length of {@link #keys}. */
  public int bands() {
    return banding.bands();
  }

  /** The key of each band of {@code content} (the shingles left once furniture is taken out). */
  public long[] keys(ShingleSet content) {
    long[] keys = banding.bandKeys(Objects.requireNonNull(content, "content"));
    for (int b = 0; b < keys.length; b++) {
      keys[b] &= mask;
    }
    return keys;
  }

  @Override
  public String toString() {
    return "BandKeys[bands=" + banding.bands() + ", rows=" + banding.rows() + "]";
  }
}
