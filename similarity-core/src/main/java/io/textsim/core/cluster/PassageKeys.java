package io.textsim.core.cluster;

import io.textsim.core.shingle.ShingleHashing;
import io.textsim.core.shingle.ShingleSet;
import java.util.Arrays;
import java.util.Objects;

/**
 * The second way {@link Clusterer} finds candidate pairs on a large input: a fixed sample of each
 * document's content shingles, so that pairs that may link by a shared passage ({@link LinkRule})
 * are verified even when their Jaccard similarity is too low for the LSH bands.
 *
 * <p>Why: a copy whose page adds a long text of its own (a comment thread) shares its story with
 * the other copies but has Jaccard similarity 0.1 to 0.2 with them. The bands are made for the
 * threshold (0.3): at Jaccard 0.1 they find such a pair about half the time, so on a large input
 * the clustering missed links that the same clustering made on a small input, where every pair is
 * verified. Counting shared shingles is what the passage rule asks, so the sample asks the same:
 * two documents are a candidate pair when they share a sampled shingle.
 *
 * <p>The sample: a shingle is kept when a salted mix of its hash falls in one {@code 1/rate} of the
 * hash range, the same choice in every document and on every machine, so copies keep the same
 * shingles. {@code rate} is the largest power of two at which a pair sharing {@code
 * passageShingles} shingles shares none of the sample with probability at most 1% ({@code (1 -
 * 1/rate)^passageShingles <= 0.01}): 8 for the default 40. A key that more than {@link
 * #MAX_DOCUMENTS} documents hold is a common phrase, not a passage, and makes no pairs; that bounds
 * the pairs to {@code keys * (MAX_DOCUMENTS - 1) / 2}, where keys is about a {@code rate}-th of the
 * content shingles. A story with more copies than that is found by its bands, which copies of one
 * story share.
 *
 * <p>The keys are masked like {@link BandKeys}' (the batch clustering packs the document's index in
 * the low bits), so an engine that forms the buckets elsewhere gets exactly the core's buckets.
 * Immutable and thread-safe.
 */
public final class PassageKeys {
  /** A key held by more documents than this makes no candidate pairs. */
  public static final int MAX_DOCUMENTS = 64;

  /** The most a pair sharing {@code passageShingles} shingles may be missed by the sample. */
  static final double MAX_MISS = 0.01;

  /** Frozen: changing it changes which shingles are sampled, so which pairs are candidates. */
  private static final long SALT = 0x70617373616765L; // "passage"

  private final int rate;
  private final long mask;
  // The sampled mixed hashes are the low end of the range, at most this (unsigned).
  private final long sampleLimit;

  private PassageKeys(int rate, long mask) {
    this.rate = rate;
    this.mask = mask;
    this.sampleLimit = rate <= 1 ? -1L : Long.divideUnsigned(-1L, rate);
  }

  /**
   * The passage keys of a clustering of {@code documents} documents with {@code options}, or none
   * ({@link #enabled()} false) when its passage rule is off.
   *
   * @throws IllegalArgumentException if {@code documents} is negative
   */
  public static PassageKeys forClustering(long documents, ClusterOptions options) {
    Objects.requireNonNull(options, "options");
    if (documents < 0) {
      throw new IllegalArgumentException("documents must be >= 0, got " + documents);
    }
    return new PassageKeys(rate(options.passageShingles()), ~BandKeys.indexMask(documents));
  }

  /**
   * The sampling rate for a passage rule of {@code passageShingles} shingles (0 when it is off):
   * the largest power of two {@code r} with {@code (1 - 1/r)^passageShingles <= MAX_MISS}, at least
   * 1.
   */
  static int rate(int passageShingles) {
    if (passageShingles <= 0) {
      return 0;
    }
    int r = 1;
    while (r < (1 << 30) && Math.pow(1.0 - 1.0 / (2 * r), passageShingles) <= MAX_MISS) {
      r *= 2;
    }
    return r;
  }

  /** False when the passage rule is off: {@link #keys} is then always empty. */
  public boolean enabled() {
    return rate > 0;
  }

  /** One in how many shingles is sampled; 0 when off. */
  public int rate() {
    return rate;
  }

  /** True if the shingle whose hash is {@code hash} is in the sample. */
  boolean sampled(long hash) {
    return rate > 0 && Long.compareUnsigned(mixed(hash), sampleLimit) <= 0;
  }

  private static long mixed(long hash) {
    return ShingleHashing.fmix64(hash ^ SALT);
  }

  /**
   * The distinct passage keys of a document, in ascending order: of {@code content}, its shingle
   * set with the furniture taken out.
   */
  public long[] keys(ShingleSet content) {
    Objects.requireNonNull(content, "content");
    if (rate == 0) {
      return new long[0];
    }
    long[] out = new long[Math.max(4, content.size() / rate * 2)];
    int count = 0;
    for (int i = 0; i < content.size(); i++) {
      long h = content.get(i);
      if (sampled(h)) {
        if (count == out.length) {
          out = Arrays.copyOf(out, count * 2);
        }
        // The mixed hash, not the shingle's own: its low bits, which the mask clears, are as good
        // as any others, so masking merges no more keys than chance.
        out[count++] = mixed(h) & mask;
      }
    }
    Arrays.sort(out, 0, count);
    int distinct = 0;
    for (int i = 0; i < count; i++) {
      if (distinct == 0 || out[i] != out[distinct - 1]) {
        out[distinct++] = out[i];
      }
    }
    return Arrays.copyOf(out, distinct);
  }

  @Override
  public String toString() {
    return "PassageKeys[rate=" + rate + ", maxDocuments=" + MAX_DOCUMENTS + "]";
  }
}
