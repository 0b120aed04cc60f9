package io.textsim.core.sketch;

import java.io.Serializable;
import java.util.Locale;
import java.util.Objects;

/**
 * A 64-bit SimHash ({@link SimHash}). Similar texts have SimHashes that differ in few bits.
 *
 * <p>Immutable and thread-safe.
 *
 * @param bits the 64 bits of the hash
 */
public record SimHashSignature(long bits) implements Serializable {
  private static final long serialVersionUID = 1L;

  /** The number of bits that differ from {@code other}'s, 0 to 64. Cost: one popcount. */
  public int hammingDistance(SimHashSignature other) {
    Objects.requireNonNull(other, "other");
    return Long.bitCount(bits ^ other.bits);
  }

  /**
   * {@code 1 - hammingDistance / 64}, in [0, 1]: the fraction of equal bits, which estimates {@code
   * 1 - θ / π} for the angle θ between the two weighted term vectors (Charikar 2002). Equal hashes,
   * and so two blank texts (both 0), score 1. A blank text's hash (0) is compared with a non-blank
   * one like any other value; use {@link SimHash#similarity} to get the package-wide value 0 for
   * one blank text.
   */
  public double similarity(SimHashSignature other) {
    return 1.0 - hammingDistance(other) / 64.0;
  }

  @Override
  public String toString() {
    return String.format(Locale.ROOT, "SimHashSignature[0x%016X]", bits);
  }
}
