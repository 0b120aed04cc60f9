package io.textsim.core.lsh;

import java.util.Objects;

/**
 * One result of {@link LshIndex#query}: an indexed key and its verified score.
 *
 * @param key the indexed key
 * @param score the score the caller's verifier gave it, never NaN
 * @param <K> the key type
 */
public record Match<K>(K key, double score) {
  /** Validates the match. */
  public Match {
    Objects.requireNonNull(key, "key");
    if (Double.isNaN(score)) {
      throw new IllegalArgumentException("score must not be NaN (key " + key + ")");
    }
  }
}
