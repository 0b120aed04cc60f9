package io.textsim.core.sketch;

/**
 * How a {@link MinHasher} turns a shingle set into signature slots. The exact functions are defined
 * in {@link MinHasher}; they are frozen for {@linkplain MinHashSignature#FORMAT_VERSION format
 * version} 1.
 *
 * <p>Signatures of different families estimate the same Jaccard similarity but are never comparable
 * with each other.
 */
public enum MinHashFamily {
  /**
   * Classic MinHash: {@code k} independent hash functions, slot {@code i} is the minimum of hash
   * function {@code i} over the set. Cost O(k n) for {@code n} shingles. Reference: Broder, "On the
   * resemblance and containment of documents" (1997).
   */
  CLASSIC(1),
  /**
   * One-permutation hashing: one hash per shingle splits the set into {@code k} bins, slot {@code
   * i} is the minimum of bin {@code i}, empty bins are filled by optimal densification. Cost O(n +
   * k). References: Li, Owen, Zhang, "One Permutation Hashing" (NIPS 2012); Shrivastava, "Optimal
   * Densification for Fast and Accurate Minwise Hashing" (ICML 2017).
   */
  ONE_PERMUTATION(2);

  private final int code;

  MinHashFamily(int code) {
    this.code = code;
  }

  /** The code of this family in the binary signature format. */
  public int code() {
    return code;
  }

  /**
   * The family with the given binary format code.
   *
   * @throws IllegalArgumentException if no family has that code
   */
  public static MinHashFamily fromCode(int code) {
    for (MinHashFamily f : values()) {
      if (f.code == code) {
        return f;
      }
    }
    throw new IllegalArgumentException(
        "unknown MinHash family code " + code + " (known: 1 = CLASSIC, 2 = ONE_PERMUTATION)");
  }
}
