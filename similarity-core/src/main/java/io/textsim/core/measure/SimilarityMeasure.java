package io.textsim.core.measure;

import io.textsim.core.TextProfile;

/**
 * A similarity between two profiled texts: a {@code double} in [0, 1], never NaN, where 1 means
 * "the same" under this measure.
 *
 * <p>Every measure of this package also satisfies:
 *
 * <ul>
 *   <li>{@code similarity(a, a) == 1};
 *   <li>symmetry, {@code similarity(a, b) == similarity(b, a)}, unless its javadoc says otherwise
 *       (containment is directional by definition);
 *   <li>two blank texts (no word tokens) score 1; a blank and a non-blank text score 0, except
 *       where the javadoc states another value;
 *   <li>null arguments throw {@link NullPointerException}; profiles built with different settings
 *       throw {@link IllegalArgumentException}.
 * </ul>
 *
 * <p>Implementations are immutable and thread-safe.
 */
@FunctionalInterface
public interface SimilarityMeasure {
  /** The similarity of {@code a} and {@code b}, in [0, 1]. */
  double similarity(TextProfile a, TextProfile b);

  /** {@code 1 - similarity(a, b)}: the one place where distance is derived from similarity. */
  default double distance(TextProfile a, TextProfile b) {
    return 1.0 - similarity(a, b);
  }
}
