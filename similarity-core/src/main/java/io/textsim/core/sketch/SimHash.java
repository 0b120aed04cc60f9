package io.textsim.core.sketch;

import io.textsim.core.TermFrequencies;
import io.textsim.core.TextProfile;
import java.util.Objects;

/**
 * 64-bit SimHash of a text's word counts (Charikar, "Similarity estimation techniques from rounding
 * algorithms", STOC 2002).
 *
 * <h2>Definition (version {@value #VERSION}, frozen)</h2>
 *
 * <p>For each distinct word token {@code t} of the text, with hash {@code h_t} ({@link
 * io.textsim.core.shingle.ShingleHashing#token}) and count {@code c_t} ({@link
 * TextProfile#terms()}), the weight is {@code w_t = c_t}: a word that occurs three times pulls
 * three times as hard. For each bit position {@code i} in 0..63, {@code W_i = Σ_t (bit i of h_t ?
 * +w_t : -w_t)}; bit {@code i} of the SimHash is 1 if {@code W_i > 0} and 0 otherwise (ties give
 * 0). A blank text (no word tokens) has SimHash 0.
 *
 * <p>The fraction of equal bits of two SimHashes estimates {@code 1 - θ / π}, θ the angle between
 * the two count vectors, so SimHash approximates an angular cosine similarity at one 64-bit word
 * per document. It is coarse (each bit is one coin flip, so the standard error is about 0.06) but
 * cheap to store and compare, and near-duplicates are found by Hamming-distance search. Cost: O(64
 * d) for {@code d} distinct words.
 *
 * <p>Stateless and thread-safe.
 */
public final class SimHash {
  /** The version of the definition above. A different definition gets a new version. */
  public static final int VERSION = 1;

  private SimHash() {}

  /** The SimHash of a profile's word counts. */
  public static SimHashSignature of(TextProfile profile) {
    Objects.requireNonNull(profile, "profile");
    return of(profile.terms());
  }

  /** The SimHash of a bag of words, defined above. */
  public static SimHashSignature of(TermFrequencies terms) {
    Objects.requireNonNull(terms, "terms");
    // Position i's weight, the sum of +c over terms with bit i set and -c over the others, is
    // 2 * ones[i] - total. Summing the counts of the set bits only, found one at a time, is about
    // twice as fast as adding a signed count at all 64 positions of every term.
    long[] ones = new long[64];
    long total = 0;
    for (int t = 0; t < terms.size(); t++) {
      long c = terms.count(t);
      total += c;
      for (long h = terms.term(t); h != 0; h &= h - 1) {
        ones[Long.numberOfTrailingZeros(h)] += c;
      }
    }
    long bits = 0;
    for (int i = 0; i < 64; i++) {
      if (2 * ones[i] > total) {
        bits |= 1L << i;
      }
    }
    return new SimHashSignature(bits);
  }

  /**
   * The SimHash similarity of two profiles, {@code 1 - hamming / 64}, with the package-wide
   * convention for blank texts: both blank give 1, exactly one blank gives 0.
   *
   * @throws NullPointerException if an argument is null
   * @throws IllegalArgumentException if the profiles were built with different settings
   */
  public static double similarity(TextProfile a, TextProfile b) {
    Objects.requireNonNull(a, "a");
    Objects.requireNonNull(b, "b");
    a.requireComparable(b);
    if (a.isBlank() || b.isBlank()) {
      return a.isBlank() && b.isBlank() ? 1.0 : 0.0;
    }
    return of(a).similarity(of(b));
  }
}
