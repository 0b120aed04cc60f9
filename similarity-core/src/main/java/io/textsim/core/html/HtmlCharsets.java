package io.textsim.core.html;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * Finds a page's character set and decodes its bytes, as a browser does for a page that comes
 * without an HTTP {@code Content-Type} header (WHATWG HTML, "determining the character encoding").
 */
final class HtmlCharsets {
  /**
   * How far declarations are looked for. Browsers look in the first 1,024 bytes only; scraped pages
   * often carry a long run of scripts and comments before the {@code meta} tag.
   */
  static final int PRESCAN_BYTES = 64 * 1024;

  static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

  /**
   * Labels that WHATWG's Encoding standard maps to another encoding than Java's charset of that
   * name: pages declared ISO-8859-1 or ASCII are read as windows-1252 by every browser, which is
   * where their typographic quotes (bytes 0x91 to 0x94) come from.
   */
  private static final Map<String, String> ALIASES = aliases();

  /** UTF-16 declared in a tag that was read as ASCII cannot be true: the page is UTF-8. */
  private static final Set<String> UTF_16_LABELS =
      Set.of(
          "utf-16",
          "utf-16be",
          "utf-16le",
          "unicode",
          "unicodefeff",
          "unicodefffe",
          "ucs-2",
          "csunicode",
          "iso-10646-ucs-2");

  private HtmlCharsets() {}

  private static Map<String, String> aliases() {
    Map<String, String> m = new java.util.HashMap<>();
    for (String label :
        new String[] {
          "ansi_x3.4-1968", "ascii", "cp1252", "cp819", "csisolatin1", "ibm819", "iso-8859-1",
          "iso-ir-100", "iso8859-1", "iso88591", "iso_8859-1", "iso_8859-1:1987", "l1", "latin1",
          "us-ascii", "windows-1252", "x-cp1252", "x-user-defined"
        }) {
      m.put(label, "windows-1252");
    }
    for (String label :
        new String[] {
          "cp1254", "csisolatin5", "iso-8859-9", "iso-ir-148", "iso8859-9", "iso88599",
          "iso_8859-9", "iso_8859-9:1989", "l5", "latin5", "windows-1254", "x-cp1254"
        }) {
      m.put(label, "windows-1254");
    }
    for (String label :
        new String[] {"dos-874", "iso-8859-11", "iso8859-11", "iso885911", "tis-620"}) {
      m.put(label, "x-windows-874");
    }
    for (String label :
        new String[] {
          "chinese",
          "csgb2312",
          "csiso58gb231280",
          "gb2312",
          "gb_2312",
          "gb_2312-80",
          "gbk",
          "iso-ir-58",
          "x-gbk"
        }) {
      m.put(label, "GBK");
    }
    return Map.copyOf(m);
  }

  /** The character set of {@code bytes}: byte order mark, else declaration, else UTF-8. */
  static HtmlCharset detect(byte[] bytes) {
    Charset bom = byteOrderMark(bytes);
    if (bom != null) {
      return new HtmlCharset(bom, CharsetSource.BYTE_ORDER_MARK);
    }
    Charset declared = declared(bytes);
    if (declared != null) {
      return new HtmlCharset(declared, CharsetSource.META);
    }
    return new HtmlCharset(StandardCharsets.UTF_8, CharsetSource.DEFAULT);
  }

  /** UTF-8, UTF-16BE or UTF-16LE by their byte order marks, else null. */
  static Charset byteOrderMark(byte[] b) {
    if (b.length >= 3 && (b[0] & 0xFF) == 0xEF && (b[1] & 0xFF) == 0xBB && (b[2] & 0xFF) == 0xBF) {
      return StandardCharsets.UTF_8;
    }
    if (b.length >= 2 && (b[0] & 0xFF) == 0xFE && (b[1] & 0xFF) == 0xFF) {
      return StandardCharsets.UTF_16BE;
    }
    if (b.length >= 2 && (b[0] & 0xFF) == 0xFF && (b[1] & 0xFF) == 0xFE) {
      return StandardCharsets.UTF_16LE;
    }
    return null;
  }

  /**
   * The first supported character set declared by a {@code meta} element in the first {@link
   * #PRESCAN_BYTES} bytes, else null. The bytes are read as ISO-8859-1, which keeps every byte and
   * so the ASCII markup of any ASCII-compatible page; parsing them (rather than matching a pattern)
   * skips declarations inside comments and scripts.
   */
  static Charset declared(byte[] bytes) {
    String head =
        new String(bytes, 0, Math.min(bytes.length, PRESCAN_BYTES), StandardCharsets.ISO_8859_1);
    Document doc = Jsoup.parse(head);
    for (Element meta : doc.getElementsByTag("meta")) {
      String label = null;
      if (meta.hasAttr("charset")) {
        label = meta.attr("charset");
      } else if (meta.attr("http-equiv").strip().equalsIgnoreCase("content-type")) {
        label = fromContentType(meta.attr("content"));
      }
      Charset cs = label == null ? null : forLabel(label);
      if (cs != null) {
        return cs;
      }
    }
    return null;
  }

  /**
   * The charset parameter of a {@code Content-Type} value such as {@code text/html;
   * charset="windows-1252"}, else null (WHATWG HTML, "extracting a character encoding from a meta
   * element").
   */
  static String fromContentType(String content) {
    String lower = content.toLowerCase(Locale.ROOT);
    int at = 0;
    while (true) {
      int found = lower.indexOf("charset", at);
      if (found < 0) {
        return null;
      }
      int i = skipSpace(content, found + "charset".length());
      if (i >= content.length() || content.charAt(i) != '=') {
        at = found + "charset".length();
        continue;
      }
      i = skipSpace(content, i + 1);
      if (i >= content.length()) {
        return null;
      }
      char c = content.charAt(i);
      if (c == '"' || c == '\'') {
        int close = content.indexOf(c, i + 1);
        return close < 0 ? null : content.substring(i + 1, close);
      }
      int end = i;
      while (end < content.length()
          && !isSpace(content.charAt(end))
          && content.charAt(end) != ';') {
        end++;
      }
      return content.substring(i, end);
    }
  }

  /** The character set of a label as browsers read it, else null if none is supported. */
  static Charset forLabel(String label) {
    String l = label.strip().toLowerCase(Locale.ROOT);
    if (l.isEmpty()) {
      return null;
    }
    if (UTF_16_LABELS.contains(l)) {
      return StandardCharsets.UTF_8;
    }
    String name = ALIASES.getOrDefault(l, l);
    try {
      return Charset.forName(name);
    } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
      return null;
    }
  }

  private static int skipSpace(String s, int i) {
    while (i < s.length() && isSpace(s.charAt(i))) {
      i++;
    }
    return i;
  }

  private static boolean isSpace(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\f' || c == '\r';
  }

  /** Decoded characters and the number of malformed byte sequences replaced by U+FFFD. */
  record Decoded(String text, int malformed) {}

  /**
   * Decodes {@code bytes} from {@code from} on, replacing each malformed or unmappable sequence by
   * one U+FFFD and counting them.
   */
  static Decoded decode(byte[] bytes, int from, Charset charset) {
    CharsetDecoder decoder =
        charset
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer in = ByteBuffer.wrap(bytes, from, bytes.length - from);
    CharBuffer out =
        CharBuffer.allocate((int) Math.min(Integer.MAX_VALUE - 16L, (bytes.length - from) + 16L));
    int malformed = 0;
    boolean flushing = false;
    while (true) {
      CoderResult r = flushing ? decoder.flush(out) : decoder.decode(in, out, true);
      if (r.isUnderflow()) {
        if (flushing) {
          break;
        }
        flushing = true;
      } else if (r.isOverflow()) {
        out = grow(out);
      } else {
        if (!out.hasRemaining()) {
          out = grow(out);
        }
        out.put('\uFFFD');
        in.position(in.position() + r.length());
        malformed++;
      }
    }
    out.flip();
    return new Decoded(out.toString(), malformed);
  }

  private static CharBuffer grow(CharBuffer out) {
    CharBuffer bigger = CharBuffer.allocate(Math.max(16, out.capacity() * 2));
    out.flip();
    bigger.put(out);
    return bigger;
  }

  /** The length of the byte order mark of {@code charset} if {@code bytes} start with one. */
  static int bomLength(HtmlCharset charset) {
    if (charset.source() != CharsetSource.BYTE_ORDER_MARK) {
      return 0;
    }
    return charset.charset().equals(StandardCharsets.UTF_8) ? 3 : 2;
  }
}
