package io.textsim.core.html;

import java.util.Objects;

/**
 * The text a reader sees on a page, and how the page was decoded.
 *
 * @param text the visible text: one line per block, paragraphs apart by an empty line, runs of
 *     white space collapsed to one space outside {@code pre}, no white space at either end
 * @param charset the character set the page was decoded with, and where it came from
 * @param malformed how many byte sequences were not valid in that character set; each became one
 *     U+FFFD, as in a browser (0 for a page given as characters)
 */
public record HtmlText(String text, HtmlCharset charset, int malformed) {
  /** Checks the components. */
  public HtmlText {
    Objects.requireNonNull(text, "text");
    Objects.requireNonNull(charset, "charset");
    if (malformed < 0) {
      throw new IllegalArgumentException("malformed must not be negative, got " + malformed);
    }
  }
}
