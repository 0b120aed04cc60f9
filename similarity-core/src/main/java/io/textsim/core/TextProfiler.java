package io.textsim.core;

import io.textsim.core.shingle.ShingleConfig;
import io.textsim.core.text.TextNormalizer;
import java.util.Objects;

/**
 * Builds {@link TextProfile}s: normalizes, tokenizes and shingles a text once, so that any number
 * of comparisons reuse the result.
 *
 * <p>Defaults ({@link #defaults()}): the {@linkplain TextNormalizer#news() news normalizer},
 * {@linkplain ShingleConfig#DEFAULT word 4-shingles}, texts up to {@value #DEFAULT_MAX_LENGTH}
 * UTF-16 units. Two profiles are comparable only if they were built with equal settings.
 *
 * <p>Immutable and thread-safe; one instance can profile texts from many threads.
 *
 * @param normalizer how text is normalized before tokenizing
 * @param shingles what a shingle is
 * @param maxLength the longest text accepted, in UTF-16 units
 */
public record TextProfiler(TextNormalizer normalizer, ShingleConfig shingles, int maxLength) {
  /** The default text length limit: 10 million UTF-16 units (about 10 MB of English text). */
  public static final int DEFAULT_MAX_LENGTH = 10_000_000;

  private static final TextProfiler DEFAULTS =
      new TextProfiler(TextNormalizer.news(), ShingleConfig.DEFAULT, DEFAULT_MAX_LENGTH);

  /** Validates the settings. */
  public TextProfiler {
    Objects.requireNonNull(normalizer, "normalizer");
    Objects.requireNonNull(shingles, "shingles");
    if (maxLength < 0) {
      throw new IllegalArgumentException("maxLength must be >= 0, got " + maxLength);
    }
  }

  /** The default profiler described above. */
  public static TextProfiler defaults() {
    return DEFAULTS;
  }

  /** A copy with another shingle configuration. */
  public TextProfiler withShingles(ShingleConfig shingles) {
    return new TextProfiler(normalizer, shingles, maxLength);
  }

  /** A copy with another normalizer. */
  public TextProfiler withNormalizer(TextNormalizer normalizer) {
    return new TextProfiler(normalizer, shingles, maxLength);
  }

  /** A copy with another text length limit. */
  public TextProfiler withMaxLength(int maxLength) {
    return new TextProfiler(normalizer, shingles, maxLength);
  }

  /**
   * Profiles {@code text}. Cost: linear in the text length plus sorting its shingles.
   *
   * @throws NullPointerException if {@code text} is null
   * @throws IllegalArgumentException if {@code text} is longer than {@link #maxLength()}
   */
  public TextProfile profile(String text) {
    Objects.requireNonNull(text, "text");
    if (text.length() > maxLength) {
      throw new IllegalArgumentException(
          "text is "
              + text.length()
              + " UTF-16 units long, over the limit of "
              + maxLength
              + " (raise maxLength to accept it)");
    }
    return TextProfile.build(text, this);
  }
}
