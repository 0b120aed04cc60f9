package io.textsim.core.shingle;

import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;
import java.util.stream.Collectors;

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
    CHARACTERS;

    /** The lower-case name used in JSON and on the wire: "words", "characters". */
    public String wireName() {
      return name().toLowerCase(Locale.ROOT);
    }

    /**
     * The kind called {@code name} (its {@link #wireName()}, any case, surrounding white space
     * ignored).
     *
     * @throws NullPointerException if {@code name} is null
     * @throws IllegalArgumentException naming the option and listing the valid names if there is
     *     none by that name
     */
    public static Kind fromName(String name) {
      Objects.requireNonNull(name, "name");
      for (Kind k : values()) {
        if (k.wireName().equalsIgnoreCase(name.strip())) {
          return k;
        }
      }
      throw new IllegalArgumentException(
          "shingle kind '"
              + name
              + "' is not one of "
              + Arrays.stream(values()).map(Kind::wireName).collect(Collectors.joining(", ")));
    }
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
