package io.textsim.core.shingle;

import java.util.Objects;

/**
 * What a shingle is: {@code size} consecutive word tokens, or {@code size} consecutive code points
 * of the normalized text.
 *
 * @param kind words or characters
 * @param size the number of tokens or code points per shingle, 1 to {@value #MAX_SIZE}
 */
public record ShingleConfig(Kind kind, int size) {
  /** The largest shingle size accepted. */
  public static final int MAX_SIZE = 64;

  /**
   * The default: word 4-shingles. Four words are long enough that two unrelated articles share
   * almost none (function-word trigrams such as "one of the" are common), and short enough that a
   * changed word breaks only four shingles. See docs/QUALITY.md for the measurements.
   */
  public static final ShingleConfig DEFAULT = words(4);

  /** The unit a shingle is made of. */
  public enum Kind {
    /** Word tokens, as produced by {@link io.textsim.core.text.Tokenizer}. */
    WORDS,
    /** Unicode code points of the normalized text, spaces included. */
    CHARACTERS
  }

  /** Validates the kind and size. */
  public ShingleConfig {
    Objects.requireNonNull(kind, "kind");
    if (size < 1 || size > MAX_SIZE) {
      throw new IllegalArgumentException(
          "shingle size must be between 1 and " + MAX_SIZE + ", got " + size);
    }
  }

  /** Word shingles of {@code size} tokens. */
  public static ShingleConfig words(int size) {
    return new ShingleConfig(Kind.WORDS, size);
  }

  /** Character shingles of {@code size} code points. */
  public static ShingleConfig characters(int size) {
    return new ShingleConfig(Kind.CHARACTERS, size);
  }

  @Override
  public String toString() {
    return (kind == Kind.WORDS ? "ShingleConfig.words(" : "ShingleConfig.characters(") + size + ")";
  }
}
