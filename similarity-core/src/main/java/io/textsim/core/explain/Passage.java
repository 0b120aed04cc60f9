package io.textsim.core.explain;

import java.util.Objects;

/**
 * A passage of an original text: the half-open range {@code [start, end)} of UTF-16 offsets into
 * the text as the user gave it, and the characters in that range.
 *
 * @param start first offset, inclusive
 * @param end last offset, exclusive
 * @param text the original characters of the range
 */
public record Passage(int start, int end, String text) {
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
