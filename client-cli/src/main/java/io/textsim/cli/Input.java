package io.textsim.cli;

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
 * @param time when it was published: a JSONL {@code time} field, read for the index only
 */
record Input(String id, String text, String source, Optional<Instant> time) {
  Input {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(text, "text");
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(time, "time");
  }

  /** An input of no known time. */
  Input(String id, String text, String source) {
    this(id, text, source, Optional.empty());
  }

  /** An input of no known source or time. */
  Input(String id, String text) {
    this(id, text, "");
  }

  /** This input with {@code source}. */
  Input withSource(String source) {
    return new Input(id, text, source, time);
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
