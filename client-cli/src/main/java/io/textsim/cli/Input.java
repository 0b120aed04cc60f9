package io.textsim.cli;

import io.textsim.core.html.HtmlText;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One text to compare, checked and decoded.
 *
 * @param id the name the user knows it by: the path as given, or the JSONL id
 * @param text the decoded text
 * @param source where it was published, for learning page furniture per source: a JSONL {@code
 *     source} field, else the host of its {@code url} field; for files, the directory they sit in
 *     when the input spans more than one directory; empty when not known
 * @param html for a page read as HTML ({@code .html} and {@code .htm} files, the JSONL {@code html}
 *     field): how it was decoded; {@code text} is then the page's visible text, and passage offsets
 *     refer to it
 * @param time when it was published: a JSONL {@code time} field, read for the index only
 */
record Input(
    String id, String text, String source, Optional<HtmlText> html, Optional<Instant> time) {
  Input {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(text, "text");
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(html, "html");
    Objects.requireNonNull(time, "time");
  }

  /** A plain text input of no known time. */
  Input(String id, String text, String source) {
    this(id, text, source, Optional.empty(), Optional.empty());
  }

  /** A plain text input of no known source. */
  Input(String id, String text) {
    this(id, text, "");
  }

  /** The visible text of a page. */
  static Input html(String id, HtmlText page, String source) {
    return new Input(id, page.text(), source, Optional.of(page), Optional.empty());
  }

  /** A plain text input published at {@code time}, if known. */
  static Input timed(String id, String text, String source, Optional<Instant> time) {
    return new Input(id, text, source, Optional.empty(), time);
  }

  /** This input with {@code source}. */
  Input withSource(String source) {
    return new Input(id, text, source, html, time);
  }

  /**
   * The note printed on stderr for a page with bytes that are not valid in its character set, if it
   * has any.
   */
  Optional<String> malformedNote() {
    return html.filter(h -> h.malformed() > 0)
        .map(
            h ->
                "note: "
                    + id
                    + ": "
                    + Display.plural(h.malformed(), "byte sequence")
                    + " not valid in "
                    + h.charset().charset().name()
                    + " ("
                    + HtmlInputs.charsetReason(h)
                    + ") became U+FFFD; if the page is in another character set, declare it with"
                    + " <meta charset=\"...\">");
  }

  /** True if the text is empty or white space only (Unicode white space included). */
  boolean isBlank() {
    return text.codePoints().allMatch(c -> Character.isWhitespace(c) || Character.isSpaceChar(c));
  }

  /** The note printed on stderr for a blank text: scores are still defined. */
  String blankNote() {
    return "note: "
        + id
        + (text.isEmpty() ? " is empty" : " holds only white space")
        + "; it has no words, so it matches only other empty texts (scores are still defined)";
  }
}
