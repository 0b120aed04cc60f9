package io.textsim.evaluation;

/** Quotes, dashes and the ellipsis, made typographic or straight. Stateless. */
final class Punctuation {
  private Punctuation() {}

  /**
   * Straight quotes made curly (opening after white space, an opening bracket or the start, closing
   * elsewhere), "--" made an em dash, a spaced hyphen an en dash, "..." an ellipsis.
   */
  static String typographic(String text) {
    String t = text.replace("...", "\u2026").replace("--", "\u2014").replace(" - ", " \u2013 ");
    StringBuilder sb = new StringBuilder(t.length());
    for (int i = 0; i < t.length(); i++) {
      char c = t.charAt(i);
      boolean opening = i == 0 || isOpeningContext(t.charAt(i - 1));
      if (c == '"') {
        sb.append(opening ? '\u201C' : '\u201D');
      } else if (c == '\'') {
        sb.append(opening ? '\u2018' : '\u2019');
      } else {
        sb.append(c);
      }
    }
    return sb.toString();
  }

  private static boolean isOpeningContext(char before) {
    return Character.isWhitespace(before)
        || before == '('
        || before == '['
        || before == '\u2014'
        || before == '\u2013';
  }

  /**
   * Typographic quotes, dashes and the ellipsis made ASCII: the reverse of {@link #typographic}.
   */
  static String straight(String text) {
    StringBuilder sb = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '\u201C', '\u201D', '\u201E', '\u2033' -> sb.append('"');
        case '\u2018', '\u2019', '\u201A', '\u2032' -> sb.append('\'');
        case '\u2014' -> sb.append("--");
        case '\u2013' -> sb.append('-');
        case '\u2026' -> sb.append("...");
        default -> sb.append(c);
      }
    }
    return sb.toString();
  }

  /** True if the text holds a character that {@link #straight} would change. */
  static boolean hasTypographic(String text) {
    return !straight(text).equals(text);
  }
}
