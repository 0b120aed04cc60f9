package io.textsim.cli;

import java.io.PrintWriter;

/**
 * What both HTML reports share: escaping and the frame of a self-contained page (UTF-8, inline
 * style sheet, no script, nothing fetched).
 */
final class HtmlMarkup {
  private HtmlMarkup() {}

  /**
   * {@code s} escaped for HTML text and for quoted attribute values: {@code & < > " '} become
   * character references, and code points that may not appear in an HTML page (controls other than
   * tab, line feed and carriage return, noncharacters U+FFFE and U+FFFF, unpaired surrogates)
   * become U+FFFD, so that no input can end an element, an attribute or the page early.
   */
  static String escape(String s) {
    StringBuilder b = new StringBuilder(s.length() + 16);
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '&' -> b.append("&amp;");
        case '<' -> b.append("&lt;");
        case '>' -> b.append("&gt;");
        case '"' -> b.append("&quot;");
        case '\'' -> b.append("&#39;");
        default -> {
          if (Character.isHighSurrogate(c)
              && i + 1 < s.length()
              && Character.isLowSurrogate(s.charAt(i + 1))) {
            b.append(c).append(s.charAt(++i));
          } else if (Character.isSurrogate(c) || isForbidden(c)) {
            b.append('\uFFFD');
          } else {
            b.append(c);
          }
        }
      }
    }
    return b.toString();
  }

  private static boolean isForbidden(char c) {
    return (c < 0x20 && c != '\t' && c != '\n' && c != '\r')
        || (c >= 0x7F && c <= 0x9F)
        || c == '\uFFFE'
        || c == '\uFFFF';
  }

  /** The page up to and including {@code <body>}. */
  static void open(PrintWriter out, String title) {
    out.print("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n");
    out.print("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
    out.print("<meta name=\"generator\" content=\"textsim client-cli\">\n");
    out.print("<title>" + escape(title) + "</title>\n");
    out.print("<style>\n" + ReportStyle.css() + "\n</style>\n</head>\n<body>\n");
  }

  /** The end of the page. */
  static void close(PrintWriter out) {
    out.print("</body>\n</html>\n");
    out.flush();
  }

  /** A score bar: a track and a fill as wide as the score; hidden from screen readers. */
  static String bar(double score) {
    double pct = Math.max(0, Math.min(1, score)) * 100;
    return "<div class=\"bar\" aria-hidden=\"true\"><span style=\"width:"
        + String.format(java.util.Locale.ROOT, "%.2f", pct)
        + "%\"></span></div>";
  }
}
