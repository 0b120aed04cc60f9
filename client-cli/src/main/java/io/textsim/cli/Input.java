package io.textsim.cli;

import java.util.Objects;

/**
 * One text to compare, checked and decoded.
 *
 * @param id the name the user knows it by: the path as given, or the JSONL id
 * @param text the decoded text
 */
record Input(String id, String text) {
  Input {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(text, "text");
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
