package io.textsim.core.measure;

import io.textsim.core.Cancellation;
import java.util.Objects;
import java.util.Optional;

/**
 * Options of {@link Similarity#compare}: an optional IDF model that turns cosine into TF-IDF
 * cosine, and a cancellation hook for the edit distances.
 *
 * @param idf the collection's IDF model, or empty for plain term-frequency cosine
 * @param cancellation polled by the long loops; {@link Cancellation#never()} by default
 */
public record CompareOptions(Optional<IdfModel> idf, Cancellation cancellation) {
  private static final CompareOptions DEFAULTS =
      new CompareOptions(Optional.empty(), Cancellation.never());

  /** Validates that neither component is null. */
  public CompareOptions {
    Objects.requireNonNull(idf, "idf");
    Objects.requireNonNull(cancellation, "cancellation");
  }

  /** No IDF model, never cancelled. */
  public static CompareOptions defaults() {
    return DEFAULTS;
  }

  /** A copy that weights cosine by {@code idf}. */
  public CompareOptions withIdf(IdfModel idf) {
    return new CompareOptions(Optional.of(Objects.requireNonNull(idf, "idf")), cancellation);
  }

  /** A copy that polls {@code cancellation}. */
  public CompareOptions withCancellation(Cancellation cancellation) {
    return new CompareOptions(idf, cancellation);
  }
}
