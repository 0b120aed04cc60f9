package io.textsim.core.shingle;

import java.util.Objects;

/**
 * Builds the shingle set of a text from its unit hashes (token hashes for word shingles, code point
 * hashes for character shingles).
 *
 * <p>With {@code k} = {@link ShingleConfig#size()}: a sequence of {@code n >= k} units has the
 * shingles {@code units[i, i + k)} for {@code i = 0 .. n - k}; a sequence of {@code 0 < n < k}
 * units has one shingle of all its units (so a short text is not empty); an empty sequence has no
 * shingles. Cost: O(n k) hashing plus an O(n log n) sort.
 */
public final class Shingler {
  private Shingler() {}

  /** The shingle set of {@code units} under {@code config}. */
  public static ShingleSet shingle(long[] units, ShingleConfig config) {
    Objects.requireNonNull(units, "units");
    Objects.requireNonNull(config, "config");
    int n = units.length;
    int k = config.size();
    if (n == 0) {
      return ShingleSet.empty();
    }
    if (n < k) {
      return ShingleSet.ofOwned(new long[] {ShingleHashing.combine(units, 0, n)});
    }
    long[] out = new long[n - k + 1];
    for (int i = 0; i < out.length; i++) {
      out[i] = ShingleHashing.combine(units, i, k);
    }
    return ShingleSet.ofOwned(out);
  }

  /** The code point hashes of {@code text}, the units of character shingles. */
  public static long[] codePointUnits(CharSequence text) {
    Objects.requireNonNull(text, "text");
    return text.codePoints().mapToLong(ShingleHashing::codePoint).toArray();
  }
}
