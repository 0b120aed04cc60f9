package io.textsim.core.sketch;

import io.textsim.core.shingle.ShingleConfig;
import java.util.Objects;

/**
 * Everything that determines a MinHash signature besides the input: the hash family, the number of
 * slots {@code k}, the 64-bit seed from which every hash function is derived, and the shingle
 * configuration of the sets being signed. Two signatures can be compared only if their parameters
 * are equal (and their {@linkplain MinHashSignature#formatVersion() format versions} too).
 *
 * <p>Defaults ({@link #defaults()}): {@linkplain MinHashFamily#CLASSIC classic} MinHash, {@value
 * #DEFAULT_NUM_HASHES} hashes, seed {@value #DEFAULT_SEED}, {@linkplain ShingleConfig#DEFAULT word
 * 4-shingles}. With 128 slots the standard error of a Jaccard estimate is at most {@code sqrt(0.25
 * / 128) ≈ 0.044}.
 *
 * @param family how slots are computed
 * @param numHashes the number of slots {@code k}, 1 to {@value #MAX_NUM_HASHES}
 * @param seed the seed every hash function is derived from; signatures that leave the process must
 *     record it (the binary format does)
 * @param shingles the shingle configuration of the signed sets
 */
public record MinHashParameters(
    MinHashFamily family, int numHashes, long seed, ShingleConfig shingles) {
  /** The default number of slots. */
  public static final int DEFAULT_NUM_HASHES = 128;

  /** The largest number of slots accepted. */
  public static final int MAX_NUM_HASHES = 1 << 16;

  /** The default seed. */
  public static final long DEFAULT_SEED = 42L;

  private static final MinHashParameters DEFAULTS =
      new MinHashParameters(
          MinHashFamily.CLASSIC, DEFAULT_NUM_HASHES, DEFAULT_SEED, ShingleConfig.DEFAULT);

  /** Validates the parameters. */
  public MinHashParameters {
    Objects.requireNonNull(family, "family");
    Objects.requireNonNull(shingles, "shingles");
    if (numHashes < 1 || numHashes > MAX_NUM_HASHES) {
      throw new IllegalArgumentException(
          "numHashes must be between 1 and " + MAX_NUM_HASHES + ", got " + numHashes);
    }
  }

  /** The defaults described above. */
  public static MinHashParameters defaults() {
    return DEFAULTS;
  }

  /** Classic MinHash with {@code numHashes} hash functions derived from {@code seed}. */
  public static MinHashParameters classic(int numHashes, long seed, ShingleConfig shingles) {
    return new MinHashParameters(MinHashFamily.CLASSIC, numHashes, seed, shingles);
  }

  /** One-permutation hashing with {@code numHashes} bins, hashes derived from {@code seed}. */
  public static MinHashParameters onePermutation(int numHashes, long seed, ShingleConfig shingles) {
    return new MinHashParameters(MinHashFamily.ONE_PERMUTATION, numHashes, seed, shingles);
  }

  /** A copy with another family. */
  public MinHashParameters withFamily(MinHashFamily family) {
    return new MinHashParameters(family, numHashes, seed, shingles);
  }

  /** A copy with another number of slots. */
  public MinHashParameters withNumHashes(int numHashes) {
    return new MinHashParameters(family, numHashes, seed, shingles);
  }

  /** A copy with another seed. */
  public MinHashParameters withSeed(long seed) {
    return new MinHashParameters(family, numHashes, seed, shingles);
  }

  /** A copy with another shingle configuration. */
  public MinHashParameters withShingles(ShingleConfig shingles) {
    return new MinHashParameters(family, numHashes, seed, shingles);
  }
}
