package io.textsim.cli;

import java.math.BigDecimal;
import java.util.Locale;

/**
 * Text shown to a person: passages on one line (line breaks as ⏎, long ones elided in the middle
 * with a count of what was left out), control characters made visible, numbers formatted the same
 * in every locale.
 */
final class Display {
  /** Passages longer than this many code points are elided in the middle. */
  static final int PASSAGE_WIDTH = 160;

  private static final int HEAD = 64;
  private static final int TAIL = 56;
  private static final int WORD_SLACK = 16;
  private static final String BLOCKS = " ▏▎▍▌▋▊▉█";

  private Display() {}

  /** A score with four decimals: {@code 0.9139}. */
  static String score(double v) {
    return String.format(Locale.ROOT, "%.4f", v);
  }

  /** A count with thousands separators: {@code 3,162}. */
  static String count(long n) {
    return String.format(Locale.ROOT, "%,d", n);
  }

  /** {@code s} with spaces before it to {@code width} characters, as right-aligned columns are. */
  static String padLeft(String s, int width) {
    return " ".repeat(Math.max(0, width - s.length())) + s;
  }

  /** {@code "1 passage"}, {@code "2 passages"}. */
  static String plural(long n, String noun) {
    return count(n) + " " + noun + (n == 1 ? "" : "s");
  }

  /** The shortest decimal form of a number given on the command line: {@code 0.5}, {@code 1}. */
  static String number(double v) {
    return BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
  }

  /** A bar of {@code width} cells for a score in [0, 1], in eighths of a cell. */
  static String bar(double v, int width) {
    int eighths = (int) Math.round(Math.max(0, Math.min(1, v)) * width * 8);
    StringBuilder b = new StringBuilder(width);
    b.append("█".repeat(eighths / 8));
    if (eighths % 8 != 0) {
      b.append(BLOCKS.charAt(eighths % 8));
    }
    return b.toString();
  }

  /**
   * A passage on one line: line breaks as ⏎, other white space runs as one space, control
   * characters visible; if longer than {@link #PASSAGE_WIDTH} code points, the middle is replaced
   * by {@code " … (N chars) … "}, cutting at spaces where one is near.
   */
  static String oneLine(String text) {
    int n = text.codePointCount(0, text.length());
    if (n <= PASSAGE_WIDTH) {
      return visible(text, true);
    }
    int headEnd = text.offsetByCodePoints(0, HEAD);
    int space = lastSpace(text, text.offsetByCodePoints(0, HEAD - WORD_SLACK), headEnd);
    if (space > 0) {
      headEnd = space;
    }
    int tailStart = text.offsetByCodePoints(text.length(), -TAIL);
    int next = firstSpace(text, tailStart, text.offsetByCodePoints(tailStart, WORD_SLACK));
    if (next > 0) {
      tailStart = next + 1;
    }
    String head = text.substring(0, headEnd).stripTrailing();
    String tail = text.substring(tailStart).stripLeading();
    int elided = text.length() - head.length() - tail.length();
    return visible(head, true) + " … (" + plural(elided, "char") + ") … " + visible(tail, true);
  }

  /** The text with line breaks kept (as {@code \n}) and control characters made visible. */
  static String lines(String text) {
    return visible(text, false);
  }

  private static int lastSpace(String s, int from, int to) {
    for (int i = to - 1; i >= from; i--) {
      if (Character.isWhitespace(s.charAt(i))) {
        return i;
      }
    }
    return -1;
  }

  private static int firstSpace(String s, int from, int to) {
    for (int i = from; i < to; i++) {
      if (Character.isWhitespace(s.charAt(i))) {
        return i;
      }
    }
    return -1;
  }

  private static String visible(String text, boolean oneLine) {
    StringBuilder b = new StringBuilder(text.length());
    boolean spaced = false;
    for (int i = 0; i < text.length(); ) {
      int c = text.codePointAt(i);
      i += Character.charCount(c);
      if (c == '\r' && i < text.length() && text.charAt(i) == '\n') {
        continue; // CRLF is one line break
      }
      if (c == '\n' || c == '\r' || c == 0x2028 || c == 0x2029 || c == 0x85) {
        b.append(oneLine ? "⏎" : "\n");
        spaced = false;
      } else if (Character.isWhitespace(c) || Character.isSpaceChar(c)) {
        if (!oneLine || !spaced) {
          b.append(oneLine || c != '\t' ? ' ' : '\t');
        }
        spaced = true;
      } else if (c < 0x20) {
        b.appendCodePoint(0x2400 + c); // control pictures: ␀ ␁ … ␛ …
        spaced = false;
      } else if (c == 0x7F) {
        b.append('␡');
        spaced = false;
      } else if (Character.getType(c) == Character.CONTROL || isBidiControl(c)) {
        b.append(String.format(Locale.ROOT, "\\u%04X", c));
        spaced = false;
      } else {
        b.appendCodePoint(c);
        spaced = false;
      }
    }
    return b.toString();
  }

  private static boolean isBidiControl(int c) {
    return (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069);
  }
}
