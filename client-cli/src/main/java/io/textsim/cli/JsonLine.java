package io.textsim.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.Set;

/**
 * Reads one JSONL line as a JSON object and, for a line that is not one, says what is wrong in
 * words of its own: where (the column, counted in characters as an editor shows them) and what was
 * expected there, e.g. {@code expected ',' or '}' after the value of "id" at column 12, found 't'}.
 *
 * <p>Jackson reads the lines; its messages ({@code Unrecognized token 'x': was expecting (JSON
 * String, Number, Array, Object or token 'null', 'true' or 'false')}) are written for developers,
 * so a line Jackson refuses is looked at again by {@link #problem}, a small checker of the JSON
 * grammar (RFC 8259) as Jackson applies it here: no comments, no single quotes, no leading zeros,
 * no trailing commas, no control characters inside strings, no field twice in one object, nothing
 * after the value, at most {@value #MAX_DEPTH} levels of nesting and numbers of at most {@value
 * #MAX_NUMBER_CHARS} characters. A test holds the two to the same verdict on many mutated lines.
 */
final class JsonLine {
  /** The deepest nesting of objects and arrays read (as Jackson's default limit). */
  static final int MAX_DEPTH = 1000;

  /** The longest number read, in characters (as Jackson's default limit). */
  static final int MAX_NUMBER_CHARS = 1000;

  /** What a line must look like, for the messages. */
  private static final String SHAPE = "{\"id\": ..., \"text\": ...}";

  /** The reader of every line; package-private for the test that holds it and the checker alike. */
  static final ObjectMapper JSON =
      new ObjectMapper(
              JsonFactory.builder()
                  .streamReadConstraints(
                      StreamReadConstraints.builder()
                          // The line's length is limited by --max-bytes already.
                          .maxStringLength(Integer.MAX_VALUE)
                          .maxNameLength(Integer.MAX_VALUE)
                          .maxNestingDepth(MAX_DEPTH)
                          .maxNumberLength(MAX_NUMBER_CHARS)
                          .build())
                  .build())
          .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
          .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

  private JsonLine() {}

  /**
   * The JSON object on the line {@code text} (not blank).
   *
   * @throws CliException {@code "WHERE: PROBLEM"} if the line is not valid JSON or not an object
   */
  static JsonNode object(String where, String text) {
    JsonNode node;
    try {
      node = JSON.readTree(text);
    } catch (JsonProcessingException e) {
      String problem = problem(text);
      if (problem == null) {
        // The checker found nothing Jackson did: say where, without Jackson's words.
        problem =
            "not valid JSON"
                + (e.getLocation() == null || e.getLocation().getColumnNr() < 1
                    ? ""
                    : " at column " + e.getLocation().getColumnNr());
      }
      throw CliException.input(where, problem);
    }
    if (node == null || !node.isObject()) {
      throw CliException.input(
          where,
          "not a JSON object but "
              + (node == null ? "nothing" : kind(node))
              + "; expected one "
              + SHAPE
              + " a line");
    }
    return node;
  }

  private static String kind(JsonNode node) {
    if (node.isArray()) {
      return "an array";
    }
    if (node.isTextual()) {
      return "a string";
    }
    if (node.isNumber()) {
      return "a number";
    }
    if (node.isBoolean()) {
      return "a boolean";
    }
    return node.isNull()
        ? "null"
        : "a " + node.getNodeType().name().toLowerCase(java.util.Locale.ROOT);
  }

  /**
   * What is wrong with {@code text} as one JSON value, in plain words naming the column; null if it
   * is valid JSON (whether or not an object).
   */
  static String problem(String text) {
    return new Checker(text).check();
  }

  /** A recursive-descent pass over one line that stops at the first problem. */
  private static final class Checker {
    private final String s;
    private int i;

    Checker(String s) {
      this.s = s;
    }

    /** Thrown with the message at the first problem; no stack trace is needed. */
    private static final class Problem extends RuntimeException {
      private static final long serialVersionUID = 1L;

      Problem(String message) {
        super(message, null, false, false);
      }
    }

    String check() {
      try {
        whitespace();
        if (i < s.length() && (!startsValue(s.charAt(i)) || isProse())) {
          throw new Problem(
              "not a JSON object: the line starts with "
                  + excerpt(i)
                  + "; expected one "
                  + SHAPE
                  + " a line");
        }
        value(null);
        whitespace();
        if (i < s.length()) {
          throw new Problem(
              "more after the end of the value at column "
                  + column(i)
                  + " ("
                  + excerpt(i)
                  + "): one JSON object a line");
        }
        return null;
      } catch (Problem p) {
        return p.getMessage();
      }
    }

    /** Whether the line starts with a word that is not true, false or null: prose, not JSON. */
    private boolean isProse() {
      if (!isLetter(s.charAt(i))) {
        return false;
      }
      int end = i;
      while (end < s.length() && (isLetter(s.charAt(end)) || isDigit(s.charAt(end)))) {
        end++;
      }
      String word = s.substring(i, end);
      return !word.equals("true") && !word.equals("false") && !word.equals("null");
    }

    private static boolean startsValue(char c) {
      return c == '{' || c == '[' || c == '"' || c == '-' || (c >= '0' && c <= '9') || isLetter(c);
    }

    private static boolean isLetter(char c) {
      return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

    /** An object or array being read: where it opened and what has been read of it. */
    private static final class Open {
      final boolean object;
      final int at;

      /** For messages: the field this container (or, in an array, each element) is the value of. */
      final String field;

      final Set<String> names = new HashSet<>();
      boolean empty = true;

      /** An object: the field whose value was read last; null before the first. */
      String last;

      /** Whether the next thing is a member or element (after the opening or a comma). */
      boolean expectingItem = true;

      Open(boolean object, int at, String field) {
        this.object = object;
        this.at = at;
        this.field = field;
      }
    }

    /**
     * The containers open around {@code i}, innermost first. A stack rather than recursion: a line
     * nested a thousand deep must not overflow the thread's stack.
     */
    private final Deque<Open> open = new ArrayDeque<>();

    /** One value, the whole of it: everything opened inside it is closed again. */
    private void value(String field) {
      start(field);
      while (!open.isEmpty()) {
        Open o = open.peek();
        whitespace();
        if (o.object) {
          objectStep(o);
        } else {
          arrayStep(o);
        }
      }
    }

    /** Reads a scalar, or opens an object or array (read on by {@link #value}). */
    private void start(String field) {
      whitespace();
      if (i >= s.length()) {
        throw new Problem(
            "the line ends where a value was expected" + (field == null ? "" : " for " + field));
      }
      char c = s.charAt(i);
      switch (c) {
        case '{', '[' -> {
          if (open.size() >= MAX_DEPTH) {
            throw new Problem(
                "nested deeper than " + MAX_DEPTH + " objects and arrays at column " + column(i));
          }
          open.push(new Open(c == '{', i, field));
          i++;
        }
        case '"' -> string("string");
        default -> {
          if (c == '-' || (c >= '0' && c <= '9')) {
            number();
          } else if (isLetter(c)) {
            word();
          } else {
            throw new Problem(
                "expected a value"
                    + (field == null ? "" : " for " + field)
                    + " at column "
                    + column(i)
                    + ", found "
                    + excerpt(i));
          }
        }
      }
    }

    private void objectStep(Open o) {
      if (o.expectingItem) {
        if (o.empty && i < s.length() && s.charAt(i) == '}') {
          i++;
          open.pop();
          return;
        }
        if (i >= s.length()) {
          throw new Problem(
              "the line ends inside the object opened at column "
                  + column(o.at)
                  + "; expected a field name in double quotes");
        }
        if (s.charAt(i) != '"') {
          throw new Problem(
              "expected a field name in double quotes at column "
                  + column(i)
                  + ", found "
                  + excerpt(i));
        }
        int nameAt = i;
        String name = string("field name");
        String field = "\"" + shorten(name) + "\"";
        if (!o.names.add(name)) {
          throw new Problem(
              "field " + field + " given twice (again at column " + column(nameAt) + ")");
        }
        whitespace();
        if (i >= s.length() || s.charAt(i) != ':') {
          throw new Problem(
              "expected ':' after the field name "
                  + field
                  + " at column "
                  + column(i)
                  + ", found "
                  + excerpt(i));
        }
        i++;
        o.expectingItem = false;
        o.empty = false;
        o.last = field;
        start(field);
        return;
      }
      if (i < s.length() && s.charAt(i) == ',') {
        i++;
        o.expectingItem = true;
        return;
      }
      if (i < s.length() && s.charAt(i) == '}') {
        i++;
        open.pop();
        return;
      }
      throw new Problem(
          (i >= s.length()
                  ? "the line ends inside the object opened at column " + column(o.at) + "; "
                  : "")
              + "expected ',' or '}' after the value of "
              + o.last
              + (i >= s.length() ? "" : " at column " + column(i) + ", found " + excerpt(i)));
    }

    private void arrayStep(Open o) {
      if (o.expectingItem) {
        if (o.empty && i < s.length() && s.charAt(i) == ']') {
          i++;
          open.pop();
          return;
        }
        o.expectingItem = false;
        o.empty = false;
        start(o.field == null ? "an array element" : "an element of " + o.field);
        return;
      }
      if (i < s.length() && s.charAt(i) == ',') {
        i++;
        o.expectingItem = true;
        return;
      }
      if (i < s.length() && s.charAt(i) == ']') {
        i++;
        open.pop();
        return;
      }
      throw new Problem(
          i >= s.length()
              ? "the line ends inside the array opened at column "
                  + column(o.at)
                  + "; expected ',' or ']'"
              : "expected ',' or ']' in the array opened at column "
                  + column(o.at)
                  + " at column "
                  + column(i)
                  + ", found "
                  + excerpt(i));
    }

    /** A string starting at the quote at {@code i}; returns its value (escapes decoded). */
    private String string(String what) {
      int open = i;
      i++; // '"'
      StringBuilder value = new StringBuilder();
      while (i < s.length()) {
        char c = s.charAt(i);
        if (c == '"') {
          i++;
          return value.toString();
        }
        if (c < 0x20) {
          throw new Problem(
              "a control character ("
                  + codePoint(c)
                  + ") inside the "
                  + what
                  + " at column "
                  + column(i)
                  + "; write it as an escape ("
                  + (c == '\t' ? "\\t" : String.format(java.util.Locale.ROOT, "\\u%04x", (int) c))
                  + ")");
        }
        if (c == '\\') {
          escape(value, what);
          continue;
        }
        value.append(c);
        i++;
      }
      throw new Problem(
          "the " + what + " opened at column " + column(open) + " is not closed (no ending '\"')");
    }

    private void escape(StringBuilder value, String what) {
      int at = i;
      i++; // '\'
      if (i >= s.length()) {
        throw new Problem(
            "the " + what + " ends in a lone '\\' at column " + column(at) + " (write \\\\)");
      }
      char e = s.charAt(i);
      switch (e) {
        case '"', '\\', '/' -> value.append(e);
        case 'b' -> value.append('\b');
        case 'f' -> value.append('\f');
        case 'n' -> value.append('\n');
        case 'r' -> value.append('\r');
        case 't' -> value.append('\t');
        case 'u' -> {
          int end = i + 5;
          if (end > s.length() || !isHex(s.substring(i + 1, end))) {
            throw new Problem(
                "the escape at column "
                    + column(at)
                    + " in the "
                    + what
                    + " is not \\u and four hex digits");
          }
          value.append((char) Integer.parseInt(s.substring(i + 1, end), 16));
          i = end;
          return;
        }
        default ->
            throw new Problem(
                "unknown escape '\\"
                    + printable(s.codePointAt(i))
                    + "' at column "
                    + column(at)
                    + " in the "
                    + what
                    + " (a '\\' in a string is written \\\\)");
      }
      i++;
    }

    private static boolean isHex(String four) {
      for (int k = 0; k < four.length(); k++) {
        if (Character.digit(four.charAt(k), 16) < 0) {
          return false;
        }
      }
      return true;
    }

    /** A number as JSON writes it: {@code -?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?}. */
    private void number() {
      int start = i;
      if (s.charAt(i) == '-') {
        i++;
      }
      if (i < s.length() && s.charAt(i) == '0') {
        i++;
        if (i < s.length() && isDigit(s.charAt(i))) {
          throw badNumber(start, "a number does not start with 0 unless it is 0");
        }
      } else if (!digits()) {
        throw badNumber(start, "expected a digit after '-'");
      }
      if (i < s.length() && s.charAt(i) == '.') {
        i++;
        if (!digits()) {
          throw badNumber(start, "expected a digit after '.'");
        }
      }
      if (i < s.length() && (s.charAt(i) == 'e' || s.charAt(i) == 'E')) {
        i++;
        if (i < s.length() && (s.charAt(i) == '+' || s.charAt(i) == '-')) {
          i++;
        }
        if (!digits()) {
          throw badNumber(start, "expected a digit in the exponent");
        }
      }
      if (i - start > MAX_NUMBER_CHARS) {
        throw new Problem(
            "the number at column "
                + column(start)
                + " is over "
                + MAX_NUMBER_CHARS
                + " characters long");
      }
    }

    private Problem badNumber(int start, String why) {
      int end = i;
      while (end < s.length() && (isDigit(s.charAt(end)) || isLetter(s.charAt(end)))) {
        end++;
      }
      return new Problem(
          "not a number: "
              + quote(s.substring(start, Math.max(end, Math.min(i + 1, s.length()))))
              + " at column "
              + column(start)
              + " ("
              + why
              + ")");
    }

    private boolean digits() {
      int start = i;
      while (i < s.length() && isDigit(s.charAt(i))) {
        i++;
      }
      return i > start;
    }

    private static boolean isDigit(char c) {
      return c >= '0' && c <= '9';
    }

    /** {@code true}, {@code false} or {@code null}, and nothing else. */
    private void word() {
      int start = i;
      while (i < s.length() && (isLetter(s.charAt(i)) || isDigit(s.charAt(i)))) {
        i++;
      }
      String word = s.substring(start, i);
      if (!word.equals("true") && !word.equals("false") && !word.equals("null")) {
        throw new Problem(
            "unknown word "
                + quote(word)
                + " at column "
                + column(start)
                + ": a value is a string in double quotes, a number, an object, an array, true,"
                + " false or null");
      }
    }

    private void whitespace() {
      while (i < s.length()) {
        char c = s.charAt(i);
        if (c != ' ' && c != '\t' && c != '\n' && c != '\r') {
          return;
        }
        i++;
      }
    }

    /** The column of {@code index}, from 1, counting code points as an editor does. */
    private int column(int index) {
      return s.codePointCount(0, Math.min(index, s.length())) + 1;
    }

    /** What is at {@code index}, for "found ...": a quoted character, or "the end of the line". */
    private String excerpt(int index) {
      if (index >= s.length()) {
        return "the end of the line";
      }
      int cp = s.codePointAt(index);
      if (isLetter(s.charAt(index)) || isDigit(s.charAt(index))) {
        int end = index;
        while (end < s.length()
            && end - index < 20
            && (isLetter(s.charAt(end)) || isDigit(s.charAt(end)))) {
          end++;
        }
        return quote(s.substring(index, end));
      }
      return cp < 0x20 || Character.isWhitespace(cp) || Character.isSpaceChar(cp)
          ? codePoint(cp)
          : "'" + printable(cp) + "'";
    }

    private static String codePoint(int cp) {
      return String.format(java.util.Locale.ROOT, "U+%04X", cp);
    }

    private static String printable(int cp) {
      return Character.isISOControl(cp) ? codePoint(cp) : new String(Character.toChars(cp));
    }

    private static String quote(String word) {
      return "'" + visible(word) + "'";
    }

    private static String shorten(String name) {
      return visible(name.length() <= 40 ? name : name.substring(0, 40) + "...");
    }

    /** {@code text} with control characters as U+XXXX: a message stays on one line. */
    private static String visible(String text) {
      StringBuilder out = new StringBuilder(text.length());
      text.codePoints()
          .forEach(
              cp ->
                  out.append(Character.isISOControl(cp) ? codePoint(cp) : Character.toString(cp)));
      return out.toString();
    }
  }
}
