package io.textsim.core.html;

import java.util.Locale;
import java.util.Set;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeFilter;
import org.jsoup.select.NodeTraversor;

/**
 * Lays out the text of a parsed page as a reader sees it, without a style sheet: what the default
 * style sheet of HTML shows as blocks ends a line (paragraph-like blocks leave an empty line),
 * {@code br} breaks a line, table cells are apart by a space, white space collapses outside
 * preformatted elements, and elements a reader never sees are skipped with everything inside them.
 * One pass over the tree (jsoup's traversal is iterative, so nesting depth costs no stack).
 */
final class VisibleText implements NodeFilter {
  /** Never text: scripts, styles, templates, fallback content, embedded documents, the head. */
  private static final Set<String> SKIPPED =
      Set.of(
          "script",
          "style",
          "noscript",
          "template",
          "head",
          "title",
          "iframe",
          "object",
          "embed",
          "canvas",
          "svg",
          "select",
          "datalist");

  /** Blocks that end a line. */
  private static final Set<String> BLOCKS =
      Set.of(
          "body",
          "div",
          "li",
          "dt",
          "dd",
          "tr",
          "caption",
          "figcaption",
          "option",
          "optgroup",
          "summary",
          "legend",
          "center",
          "dir",
          "menu",
          "dialog",
          "hgroup",
          "search",
          "frameset");

  /** Blocks that leave an empty line around them, as paragraph margins do. */
  private static final Set<String> PARAGRAPHS =
      Set.of(
          "p",
          "h1",
          "h2",
          "h3",
          "h4",
          "h5",
          "h6",
          "blockquote",
          "pre",
          "listing",
          "xmp",
          "plaintext",
          "hr",
          "ul",
          "ol",
          "dl",
          "table",
          "figure",
          "address",
          "fieldset",
          "details",
          "article",
          "section",
          "aside",
          "header",
          "footer",
          "nav",
          "main",
          "form");

  /** Elements whose white space is kept as written. */
  private static final Set<String> PREFORMATTED =
      Set.of("pre", "listing", "xmp", "plaintext", "textarea");

  private final StringBuilder out = new StringBuilder();
  private int pendingBreaks;
  private boolean pendingSpace;
  private int preformatted;

  private VisibleText() {}

  /** The visible text of {@code root} and everything below it. */
  static String of(Node root) {
    VisibleText v = new VisibleText();
    NodeTraversor.filter(v, root);
    StringBuilder out = v.out;
    int start = 0;
    int end = out.length();
    while (start < end && isSpace(out.charAt(start))) {
      start++;
    }
    while (end > start && isSpace(out.charAt(end - 1))) {
      end--;
    }
    return out.substring(start, end);
  }

  @Override
  public FilterResult head(Node node, int depth) {
    if (node instanceof TextNode t) {
      text(t.getWholeText());
    } else if (node instanceof Element e) {
      if (isHidden(e)) {
        return FilterResult.SKIP_ENTIRELY;
      }
      String name = e.normalName();
      if (name.equals("br")) {
        pendingBreaks = Math.min(2, pendingBreaks + 1);
      } else if (name.equals("td") || name.equals("th")) {
        pendingSpace = true;
      }
      breakFor(name);
      if (PREFORMATTED.contains(name)) {
        preformatted++;
      }
    }
    return FilterResult.CONTINUE;
  }

  @Override
  public FilterResult tail(Node node, int depth) {
    if (node instanceof Element e) {
      String name = e.normalName();
      breakFor(name);
      if (PREFORMATTED.contains(name)) {
        preformatted--;
      }
    }
    return FilterResult.CONTINUE;
  }

  private void breakFor(String name) {
    if (PARAGRAPHS.contains(name)) {
      pendingBreaks = 2;
    } else if (BLOCKS.contains(name)) {
      pendingBreaks = Math.max(pendingBreaks, 1);
    }
  }

  /** True for elements a reader never sees: see {@link Html}. */
  static boolean isHidden(Element e) {
    if (SKIPPED.contains(e.normalName())) {
      return true;
    }
    if (e.hasAttr("hidden")) {
      return true;
    }
    if (e.attr("aria-hidden").strip().equalsIgnoreCase("true")) {
      return true;
    }
    return e.hasAttr("style") && hiddenByStyle(e.attr("style"));
  }

  /** True if an inline style sets {@code display: none} or {@code visibility: hidden|collapse}. */
  static boolean hiddenByStyle(String style) {
    boolean hidden = false;
    // Later declarations win, as in CSS; comments are dropped first.
    for (String declaration : withoutComments(style).split(";", -1)) {
      int colon = declaration.indexOf(':');
      if (colon < 0) {
        continue;
      }
      String property = declaration.substring(0, colon).strip().toLowerCase(Locale.ROOT);
      String value = declaration.substring(colon + 1).strip().toLowerCase(Locale.ROOT);
      if (value.endsWith("!important")) {
        value = value.substring(0, value.length() - "!important".length()).strip();
      }
      if (property.equals("display")) {
        hidden = value.equals("none");
      } else if (property.equals("visibility")) {
        hidden = value.equals("hidden") || value.equals("collapse");
      }
    }
    return hidden;
  }

  private static String withoutComments(String css) {
    StringBuilder b = new StringBuilder(css.length());
    int i = 0;
    while (i < css.length()) {
      int open = css.indexOf("/*", i);
      if (open < 0) {
        b.append(css, i, css.length());
        break;
      }
      b.append(css, i, open);
      int close = css.indexOf("*/", open + 2);
      i = close < 0 ? css.length() : close + 2;
    }
    return b.toString();
  }

  private void text(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (preformatted > 0) {
        if (c == '\n') {
          flush();
          out.append('\n');
        } else {
          emit(c);
        }
      } else if (isSpace(c)) {
        pendingSpace = true;
      } else {
        emit(c);
      }
    }
  }

  private void emit(char c) {
    flush();
    out.append(c);
  }

  /** Writes the pending line breaks or space, never at the start and never twice. */
  private void flush() {
    if (out.length() > 0) {
      if (pendingBreaks > 0) {
        trimTrailingSpaces();
        for (int have = trailingNewlines(); have < pendingBreaks; have++) {
          out.append('\n');
        }
      } else if (pendingSpace && !isSpace(out.charAt(out.length() - 1))) {
        out.append(' ');
      }
    }
    pendingBreaks = 0;
    pendingSpace = false;
  }

  private void trimTrailingSpaces() {
    int n = out.length();
    while (n > 0 && (out.charAt(n - 1) == ' ' || out.charAt(n - 1) == '\t')) {
      n--;
    }
    out.setLength(n);
  }

  private int trailingNewlines() {
    int n = 0;
    for (int i = out.length() - 1; i >= 0 && out.charAt(i) == '\n'; i--) {
      n++;
    }
    return n;
  }

  /** ASCII white space, the white space HTML collapses (a no-break space is kept). */
  private static boolean isSpace(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\f' || c == '\r';
  }
}
