package io.textsim.core.measure;

import io.textsim.core.TextProfile;
import io.textsim.core.edit.Levenshtein;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalInt;
import java.util.Set;

/**
 * Compares two profiles on several measures at once.
 *
 * <pre>{@code
 * TextProfiler profiler = TextProfiler.defaults();
 * Comparison c = Similarity.compare(profiler.profile(a), profiler.profile(b));
 * double jaccard = c.score(Measure.JACCARD);
 * }</pre>
 *
 * <p>Each edit distance is computed once and reported both as a similarity and as the exact
 * distance. Stateless and thread-safe.
 */
public final class Similarity {
  private Similarity() {}

  /** Compares on the {@linkplain Measure#defaults() default measures}. */
  public static Comparison compare(TextProfile a, TextProfile b) {
    return compare(a, b, Measure.defaults(), CompareOptions.defaults());
  }

  /** Compares on the given measures. */
  public static Comparison compare(TextProfile a, TextProfile b, Set<Measure> measures) {
    return compare(a, b, measures, CompareOptions.defaults());
  }

  /**
   * Compares on the given measures with the given options.
   *
   * @throws NullPointerException if an argument is null
   * @throws IllegalArgumentException if the profiles were built with different settings or no
   *     measure is requested
   * @throws io.textsim.core.OperationCancelledException if the options' cancellation fires
   */
  public static Comparison compare(
      TextProfile a, TextProfile b, Set<Measure> measures, CompareOptions options) {
    Measures.check(a, b);
    Objects.requireNonNull(measures, "measures");
    Objects.requireNonNull(options, "options");
    if (measures.isEmpty()) {
      throw new IllegalArgumentException("measures must name at least one measure");
    }
    Map<Measure, Double> scores = new EnumMap<>(Measure.class);
    OptionalInt distance = OptionalInt.empty();
    OptionalInt tokenDistance = OptionalInt.empty();
    for (Measure m : measures) {
      switch (m) {
        case JACCARD -> scores.put(m, Measures.jaccard().similarity(a, b));
        case CONTAINMENT_A_IN_B -> scores.put(m, Measures.containment().similarity(a, b));
        case CONTAINMENT_B_IN_A -> scores.put(m, Measures.containment().similarity(b, a));
        case OVERLAP -> scores.put(m, Measures.overlap().similarity(a, b));
        case COSINE ->
            scores.put(
                m, options.idf().map(Measures::cosine).orElse(Measures.cosine()).similarity(a, b));
        case LEVENSHTEIN -> {
          int d = EditDistances.codePointDistance(a, b, options.cancellation());
          distance = OptionalInt.of(d);
          scores.put(m, Levenshtein.similarity(d, a.codePointCount(), b.codePointCount()));
        }
        case TOKEN_LEVENSHTEIN -> {
          int d = EditDistances.tokenDistance(a, b, options.cancellation());
          tokenDistance = OptionalInt.of(d);
          scores.put(m, Levenshtein.similarity(d, a.tokenCount(), b.tokenCount()));
        }
        case MINHASH -> scores.put(m, Measures.minHash().similarity(a, b));
        case SIMHASH -> scores.put(m, Measures.simHash().similarity(a, b));
        case JARO_WINKLER -> scores.put(m, Measures.jaroWinkler().similarity(a, b));
        case DAMERAU_OSA ->
            scores.put(m, Measures.damerauOsa(options.cancellation()).similarity(a, b));
        case DICE -> scores.put(m, Measures.dice().similarity(a, b));
        case LCS -> scores.put(m, Measures.lcs(options.cancellation()).similarity(a, b));
      }
    }
    return new Comparison(scores, distance, tokenDistance);
  }
}
