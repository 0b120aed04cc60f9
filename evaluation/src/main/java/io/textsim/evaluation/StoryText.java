package io.textsim.evaluation;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** How the simulator reads a story: paragraphs, sentences and words. Stateless. */
final class StoryText {
  private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+");
  private static final Pattern PARAGRAPH_BREAK =
      Pattern.compile("\\r?\\n(?:[ \\t]*\\r?\\n)+[ \\t]*|\\r?\\n[ \\t]+");
  private static final Pattern WHITE_SPACE = Pattern.compile("\\s+");
  private static final Pattern SENTENCE_END = Pattern.compile("[.!?][\"')\\]]*\\s+");
  private static final Set<String> ABBREVIATIONS =
      Set.of(
          "inc", "co", "corp", "ltd", "mr", "mrs", "ms", "dr", "st", "jan", "feb", "mar", "apr",
          "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "no", "vs", "gov", "sen", "rep",
          "gen", "bros", "jr", "u.s", "u.k", "plc", "cos", "dept");

  private StoryText() {}

  /**
   * The paragraphs of a text: split at blank lines and at line breaks followed by indentation (as
   * in Reuters wire copy), each unwrapped onto one line; empty paragraphs dropped.
   */
  static List<String> paragraphs(String text) {
    List<String> out = new ArrayList<>();
    for (String p : PARAGRAPH_BREAK.split(text.strip(), -1)) {
      String unwrapped = WHITE_SPACE.matcher(p).replaceAll(" ").strip();
      if (!unwrapped.isEmpty()) {
        out.add(unwrapped);
      }
    }
    return out;
  }

  /** The number of words (maximal runs of letters and digits). */
  static int wordCount(String text) {
    Matcher m = WORD.matcher(text);
    int n = 0;
    while (m.find()) {
      n++;
    }
    return n;
  }

  static int wordCount(List<String> paragraphs) {
    int n = 0;
    for (String p : paragraphs) {
      n += wordCount(p);
    }
    return n;
  }

  /** Every run of white space, line breaks included, made one space; trimmed. */
  static String flatten(String text) {
    return WHITE_SPACE.matcher(text).replaceAll(" ").strip();
  }

  /**
   * The sentences of a paragraph: split after '.', '!' or '?' (and any closing quotes or brackets)
   * followed by white space and then an upper-case letter, a digit or a quote, except after common
   * abbreviations ("Inc.", "U.S.", "Mr.") and initials ("E.F."). Concatenating the sentences with
   * single spaces gives back the paragraph.
   */
  static List<String> sentences(String paragraph) {
    List<String> out = new ArrayList<>();
    Matcher m = SENTENCE_END.matcher(paragraph);
    int start = 0;
    while (m.find()) {
      int next = m.end();
      if (next >= paragraph.length()) {
        break;
      }
      char c = paragraph.charAt(next);
      if (!(Character.isUpperCase(c) || Character.isDigit(c) || c == '"' || c == '\u201C')) {
        continue;
      }
      if (isAbbreviation(paragraph, start, m.start())) {
        continue;
      }
      out.add(paragraph.substring(start, m.end()).strip());
      start = next;
    }
    String last = paragraph.substring(start).strip();
    if (!last.isEmpty()) {
      out.add(last);
    }
    return out;
  }

  /** True if the word ending at {@code dot} (exclusive) is an abbreviation or an initial. */
  private static boolean isAbbreviation(String text, int from, int dot) {
    if (text.charAt(dot) != '.') {
      return false;
    }
    int b = dot;
    while (b > from && !Character.isWhitespace(text.charAt(b - 1))) {
      b--;
    }
    String word = text.substring(b, dot).replaceAll("^[\"'(\\[]+", "");
    if (word.length() == 1 && Character.isUpperCase(word.charAt(0))) {
      return true; // an initial
    }
    if (word.matches("(?:[A-Za-z]\\.)+[A-Za-z]")) {
      return true; // "U.S", "E.F"
    }
    return ABBREVIATIONS.contains(word.toLowerCase(Locale.ROOT));
  }
}
