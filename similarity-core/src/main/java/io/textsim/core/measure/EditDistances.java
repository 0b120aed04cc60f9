package io.textsim.core.measure;

import io.textsim.core.Cancellation;
import io.textsim.core.TextProfile;
import io.textsim.core.edit.Levenshtein;

/** Edit distances between profiles, through the bit-parallel engine of {@code core.edit}. */
final class EditDistances {
  private EditDistances() {}

  /** Levenshtein distance between the code points of the two normalized texts. */
  static int codePointDistance(TextProfile a, TextProfile b, Cancellation cancellation) {
    // The CharSequence form decodes the code points into the engine's per-thread buffers: no
    // arrays allocated per call.
    return Levenshtein.distance(a.normalized().text(), b.normalized().text(), cancellation);
  }

  /** Levenshtein distance between the two word token sequences. */
  static int tokenDistance(TextProfile a, TextProfile b, Cancellation cancellation) {
    // Token hashes are 64-bit; the engine works on ints. Dense ids per pair are exact, where
    // truncating the hash to 32 bits could make two different words equal.
    int n = a.tokenCount();
    int m = b.tokenCount();
    TokenIds ids = new TokenIds(n + m);
    int[] x = new int[n];
    for (int i = 0; i < n; i++) {
      x[i] = ids.idOf(a.tokenHash(i));
    }
    int[] y = new int[m];
    for (int j = 0; j < m; j++) {
      y[j] = ids.idOf(b.tokenHash(j));
    }
    return Levenshtein.distance(x, y, cancellation);
  }

  /**
   * Dense ids for 64-bit token hashes, in order of first sight: open addressing over primitive
   * arrays. Why not a {@code HashMap<Long, Integer>}: boxing every token cost as much as the token
   * distance itself on news articles.
   */
  private static final class TokenIds {
    private final long[] keys;
    private final int[] ids; // 0: empty slot; otherwise id + 1
    private final int mask;
    private final int shift;
    private int size;

    /** A table for up to {@code maxTokens} distinct tokens, at most half full. */
    TokenIds(int maxTokens) {
      int capacity = Integer.highestOneBit(Math.max(4, maxTokens) * 2 - 1) << 1;
      keys = new long[capacity];
      ids = new int[capacity];
      mask = capacity - 1;
      shift = Long.SIZE - Integer.numberOfTrailingZeros(capacity);
    }

    int idOf(long hash) {
      // Fibonacci hashing: the top bits of the product.
      int slot = (int) ((hash * 0x9E3779B97F4A7C15L) >>> shift);
      while (true) {
        int id = ids[slot];
        if (id == 0) {
          keys[slot] = hash;
          ids[slot] = ++size;
          return size - 1;
        }
        if (keys[slot] == hash) {
          return id - 1;
        }
        slot = (slot + 1) & mask;
      }
    }
  }
}
