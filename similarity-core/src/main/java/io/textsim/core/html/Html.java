package io.textsim.core.html;

import java.util.Objects;
import org.jsoup.nodes.Document;
import org.jsoup.parser.Parser;

/**
 * The text of a web page as a reader sees it, for comparing pages like plain texts.
 *
 * <p><b>Character set</b> (for a page given as bytes, {@link #visibleText(byte[])}): a byte order
 * mark first (UTF-8, UTF-16BE, UTF-16LE); else the first {@code <meta charset="...">} or {@code
 * <meta http-equiv="Content-Type" content="...; charset=...">} in the first 64 KiB whose label
 * names a supported character set, labels read as browsers read them (WHATWG Encoding: {@code
 * iso-8859-1}, {@code latin1} and {@code us-ascii} are windows-1252, a declared UTF-16 is UTF-8);
 * else UTF-8. Bytes not valid in that character set become U+FFFD, counted in {@link
 * HtmlText#malformed()}; nothing is refused.
 *
 * <p><b>Text</b>: the page is parsed by jsoup's HTML5 parser, so entities are decoded and broken
 * markup is repaired as a browser repairs it. Blocks end lines (paragraphs, headings, lists, tables
 * and sections leave an empty line), {@code br} breaks a line, table cells are apart by a space,
 * runs of ASCII white space collapse to one space except in {@code pre} and {@code textarea} (where
 * line breaks are LF: CR LF and CR become LF, as in a browser). The noncharacter U+FFFF becomes
 * U+FFFD. Never read as text, with everything inside them: {@code script}, {@code style}, {@code
 * noscript}, {@code template}, the {@code head} (and so the title), embedded content ({@code
 * iframe}, {@code object}, {@code embed}, {@code canvas}, {@code svg}), {@code select} and {@code
 * datalist}, and hidden elements: the {@code hidden} attribute, {@code aria-hidden="true"}, or an
 * inline style of {@code display: none} or {@code visibility: hidden} (a style sheet's rules are
 * not applied). Image alternative texts and attribute values are not text.
 *
 * <p>Cost: linear in the page. Stateless and thread-safe.
 */
public final class Html {
  private Html() {}

  /**
   * The visible text of a page given as bytes, decoded as described above.
   *
   * @throws NullPointerException if {@code page} is null
   */
  public static HtmlText visibleText(byte[] page) {
    Objects.requireNonNull(page, "page");
    HtmlCharset charset = HtmlCharsets.detect(page);
    HtmlCharsets.Decoded decoded =
        HtmlCharsets.decode(page, HtmlCharsets.bomLength(charset), charset.charset());
    return new HtmlText(text(decoded.text()), charset, decoded.malformed());
  }

  /**
   * The visible text of a page given as characters (a JSON or protobuf string): no character set
   * applies, declarations are ignored, a leading U+FEFF is dropped.
   *
   * @throws NullPointerException if {@code page} is null
   */
  public static HtmlText visibleText(String page) {
    Objects.requireNonNull(page, "page");
    String markup = page.startsWith("\uFEFF") ? page.substring(1) : page;
    return new HtmlText(
        text(markup),
        new HtmlCharset(java.nio.charset.StandardCharsets.UTF_8, CharsetSource.DECODED),
        0);
  }

  /**
   * The character set {@link #visibleText(byte[])} decodes {@code page} with.
   *
   * @throws NullPointerException if {@code page} is null
   */
  public static HtmlCharset charset(byte[] page) {
    Objects.requireNonNull(page, "page");
    return HtmlCharsets.detect(page);
  }

  private static String text(String markup) {
    Document doc = Parser.htmlParser().parseInput(preprocess(markup), "");
    return VisibleText.of(doc);
  }

  /**
   * HTML's preprocessing of the input stream: CR LF and lone CR become LF. U+FFFF also becomes
   * U+FFFD: jsoup reads that noncharacter as the end of its input and would drop the text after it.
   */
  static String preprocess(String markup) {
    if (markup.indexOf('\r') < 0 && markup.indexOf('\uFFFF') < 0) {
      return markup;
    }
    StringBuilder b = new StringBuilder(markup.length());
    for (int i = 0; i < markup.length(); i++) {
      char c = markup.charAt(i);
      if (c == '\r') {
        b.append('\n');
        if (i + 1 < markup.length() && markup.charAt(i + 1) == '\n') {
          i++;
        }
      } else {
        b.append(c == '\uFFFF' ? '\uFFFD' : c);
      }
    }
    return b.toString();
  }
}
