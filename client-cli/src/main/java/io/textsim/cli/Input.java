package io.textsim.cli;

import java.util.Objects;

/**
 * One text to compare, checked and decoded.
 *
 * @param id the name the user knows it by: the path as given, or the JSONL id
 * @param text the decoded text
 * @param source where it was published, for learning page furniture per source: a JSONL {@code
 *     source} field, else the host of its {@code url} field; for files, the directory they sit in
 *     when the input spans more than one directory; empty when not known
 */
record Input(String id, String text, String source) {
  Input {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(text, "text");
    Objects.requireNonNull(source, "source");
  }

  /** An input of no known source. */
  Input(String id, String text) {
    this(id, text, "");
  }

  /** This input with {@code source}. */
  Input withSource(String source) {
    return new Input(id, text, source);
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
