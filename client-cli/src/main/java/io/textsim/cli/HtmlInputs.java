package io.textsim.cli;

import io.textsim.core.html.Html;
import io.textsim.core.html.HtmlText;
import java.util.Locale;

/**
 * Pages read as HTML: files named {@code *.html} or {@code *.htm}, and JSONL lines with an {@code
 * html} field. Their text is the visible text {@link Html} extracts; a page is never refused for
 * its markup or its bytes (bytes not valid in its character set become U+FFFD, with a note).
 */
final class HtmlInputs {
  private HtmlInputs() {}

  /** True for a file name that ends in {@code .html} or {@code .htm}, in any case. */
  static boolean isHtmlFile(String name) {
    String n = name.toLowerCase(Locale.ROOT);
    return n.endsWith(".html") || n.endsWith(".htm");
  }

  /** A page read from a file's bytes. */
  static Input file(String id, byte[] bytes) {
    return Input.html(id, Html.visibleText(bytes), "");
  }

  /** A page given as a JSON string. */
  static Input json(String id, String page, String source) {
    return Input.html(id, Html.visibleText(page), source);
  }

  /** Why the page was decoded with its character set, in words. */
  static String charsetReason(HtmlText page) {
    return switch (page.charset().source()) {
      case BYTE_ORDER_MARK -> "its byte order mark";
      case META -> "declared by its meta tag";
      case DEFAULT -> "the default, no declaration found";
      case DECODED -> "given as characters";
    };
  }
}
