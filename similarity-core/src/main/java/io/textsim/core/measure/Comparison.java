package io.textsim.core.measure;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalInt;

/**
 * The result of comparing two profiles: every requested score, and the exact edit distances when
 * the edit measures were requested.
 *
 * @param scores each requested measure's similarity in [0, 1]; unmodifiable, in {@link Measure}
 *     order
 * @param levenshteinDistance the code point edit distance, present iff {@link Measure#LEVENSHTEIN}
 *     was requested
 * @param tokenLevenshteinDistance the word edit distance, present iff {@link
 *     Measure#TOKEN_LEVENSHTEIN} was requested
 */
public record Comparison(
    Map<Measure, Double> scores,
    OptionalInt levenshteinDistance,
    OptionalInt tokenLevenshteinDistance) {

  /** Validates the scores and copies them into an unmodifiable map. */
  public Comparison {
    Objects.requireNonNull(scores, "scores");
    Objects.requireNonNull(levenshteinDistance, "levenshteinDistance");
    Objects.requireNonNull(tokenLevenshteinDistance, "tokenLevenshteinDistance");
    EnumMap<Measure, Double> copy = new EnumMap<>(Measure.class);
    for (Map.Entry<Measure, Double> e : scores.entrySet()) {
      double v = Objects.requireNonNull(e.getValue(), "score of " + e.getKey());
      if (!(v >= 0.0 && v <= 1.0)) {
        throw new IllegalArgumentException("score of " + e.getKey() + " not in [0, 1]: " + v);
      }
      copy.put(Objects.requireNonNull(e.getKey(), "measure"), v);
    }
    scores = Collections.unmodifiableMap(copy);
  }

  /**
   * The score of {@code measure}.
   *
   * @throws IllegalArgumentException if that measure was not requested
   */
  public double score(Measure measure) {
    Double v = scores.get(Objects.requireNonNull(measure, "measure"));
    if (v == null) {
      throw new IllegalArgumentException(
          "measure " + measure.wireName() + " was not requested; requested: " + scores.keySet());
    }
    return v;
  }

  /** True if {@code measure} was requested and so has a score. */
  public boolean has(Measure measure) {
    return scores.containsKey(measure);
  }
}
