package io.textsim.core.explain;

import java.util.Objects;

/**
 * A passage of an original text: the half-open range {@code [start, end)} of UTF-16 offsets into
 * the text as the user gave it, and the characters in that range.
 *
 * @param start first offset, inclusive
 * @param end last offset, exclusive
 * @param text the original characters of the range
 * @param furniture true if the passage is page furniture of its text's source (learned, see {@link
 *     io.textsim.core.furniture.FurnitureModel}); always false for shared passages and when no
 *     furniture was given
 */
public record Passage(int start, int end, String text, boolean furniture) {
  /** A passage that is not furniture. */
  public Passage(int start, int end, String text) {
    this(start, end, text, false);
  }

  /** Validates the range against the text. */
  public Passage {
    Objects.requireNonNull(text, "text");
    if (start < 0 || end < start || text.length() != end - start) {
      throw new IllegalArgumentException(
          "passage ["
              + start
              + ", "
              + end
              + ") does not match its text of length "
              + text.length());
    }
  }
}
