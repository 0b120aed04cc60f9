package io.textsim.core.measure;

import io.textsim.core.Cancellation;
import io.textsim.core.TextProfile;
import io.textsim.core.edit.Levenshtein;
import java.util.HashMap;
import java.util.Map;

/** Edit distances between profiles, through the bit-parallel engine of {@code core.edit}. */
final class EditDistances {
  private EditDistances() {}

  /** Levenshtein distance between the code points of the two normalized texts. */
  static int codePointDistance(TextProfile a, TextProfile b, Cancellation cancellation) {
    return Levenshtein.distance(a.codePoints(), b.codePoints(), cancellation);
  }

  /** Levenshtein distance between the two word token sequences. */
  static int tokenDistance(TextProfile a, TextProfile b, Cancellation cancellation) {
    // Token hashes are 64-bit; the engine works on ints. Dense ids per pair are exact, where
    // truncating the hash to 32 bits could make two different words equal.
    Map<Long, Integer> ids = new HashMap<>();
    int[] x = denseIds(a, ids);
    int[] y = denseIds(b, ids);
    return Levenshtein.distance(x, y, cancellation);
  }

  private static int[] denseIds(TextProfile p, Map<Long, Integer> ids) {
    int[] out = new int[p.tokenCount()];
    for (int i = 0; i < out.length; i++) {
      out[i] = ids.computeIfAbsent(p.tokenHash(i), k -> ids.size());
    }
    return out;
  }
}
