package io.textsim.core.html;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** {@link Html}: the character set rules, the layout of blocks, and what is never read. */
class HtmlTest {
  private static final Charset CP1252 = Charset.forName("windows-1252");

  /** "It’s “quoted”" in windows-1252: 0x92 is ’, 0x93 and 0x94 are “ and ”. */
  private static final byte[] QUOTED_1252 = {
    'I', 't', (byte) 0x92, 's', ' ', (byte) 0x93, 'q', 'u', 'o', 't', 'e', 'd', (byte) 0x94
  };

  private static final String QUOTED = "It\u2019s \u201Cquoted\u201D";

  private static byte[] bytes(Object... parts) {
    ByteArrayOutputStream b = new ByteArrayOutputStream();
    for (Object p : parts) {
      byte[] x = p instanceof byte[] raw ? raw : ((String) p).getBytes(StandardCharsets.UTF_8);
      b.write(x, 0, x.length);
    }
    return b.toByteArray();
  }

  private static String text(String html) {
    return Html.visibleText(html).text();
  }

  // ---- character set ----

  @Test
  void metaCharsetWindows1252KeepsTheTypographicQuotes() {
    HtmlText t =
        Html.visibleText(bytes("<html><head><meta charset=windows-1252></head><p>", QUOTED_1252));
    assertEquals(QUOTED, t.text());
    assertEquals(CP1252, t.charset().charset());
    assertEquals(CharsetSource.META, t.charset().source());
    assertEquals(0, t.malformed());
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "<meta http-equiv=\"Content-Type\" content=\"text/html; charset=windows-1252\">",
        "<meta http-equiv=content-type content='text/html;charset=\"windows-1252\"'>",
        "<META HTTP-EQUIV=\"CONTENT-TYPE\" CONTENT=\"text/html; CHARSET = cp1252\">",
        "<meta charset=\" Windows-1252 \">",
        // Browsers read ISO-8859-1 and ASCII pages as windows-1252 (WHATWG Encoding).
        "<meta charset=iso-8859-1>",
        "<meta charset=latin1>",
        "<meta http-equiv=\"Content-Type\" content=\"text/html; charset=us-ascii\">",
      })
  void everyFormOfTheDeclarationIsRead(String meta) {
    HtmlText t = Html.visibleText(bytes("<head>", meta, "</head><body>", QUOTED_1252));
    assertEquals(QUOTED, t.text(), meta);
    assertEquals(new HtmlCharset(CP1252, CharsetSource.META), t.charset(), meta);
  }

  @Test
  void aByteOrderMarkWinsOverTheDeclaration() {
    byte[] page =
        bytes(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, "<meta charset=windows-1252>é");
    HtmlText t = Html.visibleText(page);
    assertEquals("é", t.text());
    assertEquals(
        new HtmlCharset(StandardCharsets.UTF_8, CharsetSource.BYTE_ORDER_MARK), t.charset());
  }

  @ParameterizedTest
  @CsvSource({"UTF-16LE, FF, FE", "UTF-16BE, FE, FF"})
  void utf16ByItsByteOrderMark(String charset, String b0, String b1) {
    byte[] body = "<p>Ünïcödé\u2019s</p>".getBytes(Charset.forName(charset));
    byte[] page =
        bytes(new byte[] {(byte) Integer.parseInt(b0, 16), (byte) Integer.parseInt(b1, 16)}, body);
    HtmlText t = Html.visibleText(page);
    assertEquals("Ünïcödé\u2019s", t.text());
    assertEquals(Charset.forName(charset), t.charset().charset());
    assertEquals(CharsetSource.BYTE_ORDER_MARK, t.charset().source());
  }

  @Test
  void withoutMarkOrDeclarationThePageIsUtf8() {
    HtmlText t = Html.visibleText(bytes("<p>caf\u00e9 \u2019</p>"));
    assertEquals("caf\u00e9 \u2019", t.text());
    assertEquals(new HtmlCharset(StandardCharsets.UTF_8, CharsetSource.DEFAULT), t.charset());
    assertEquals(0, t.malformed());
  }

  @Test
  void invalidBytesBecomeReplacementCharactersAndAreCounted() {
    HtmlText t = Html.visibleText(bytes("<p>", QUOTED_1252, "</p>"));
    assertEquals("It\uFFFDs \uFFFDquoted\uFFFD", t.text());
    assertEquals(3, t.malformed());
    assertEquals(CharsetSource.DEFAULT, t.charset().source());
  }

  @Test
  void aDeclaredUtf16IsUtf8SinceTheTagWasReadAsAscii() {
    HtmlText t = Html.visibleText(bytes("<meta charset=utf-16><p>\u2019"));
    assertEquals("\u2019", t.text());
    assertEquals(StandardCharsets.UTF_8, t.charset().charset());
  }

  @Test
  void anUnknownLabelIsPassedOverForTheNextDeclaration() {
    assertEquals(
        new HtmlCharset(CP1252, CharsetSource.META),
        Html.charset(bytes("<meta charset=no-such-charset><meta charset=windows-1252>")));
    assertEquals(
        new HtmlCharset(StandardCharsets.UTF_8, CharsetSource.DEFAULT),
        Html.charset(bytes("<meta charset=no-such-charset><meta charset=\"\">")));
  }

  @Test
  void theFirstDeclarationWins() {
    assertEquals(
        Charset.forName("windows-1254"),
        Html.charset(bytes("<meta charset=iso-8859-9><meta charset=windows-1252>")).charset());
  }

  @Test
  void declarationsInCommentsScriptsAndTextAreNotDeclarations() {
    for (String page :
        new String[] {
          "<!-- <meta charset=windows-1252> --><p>x",
          "<script>document.write('<meta charset=windows-1252>')</script>",
          "<p>Write &lt;meta charset=windows-1252&gt; in the head.</p>",
          "<meta name=description content=\"text/html; charset=windows-1252\">",
        }) {
      assertEquals(CharsetSource.DEFAULT, Html.charset(bytes(page)).source(), page);
    }
  }

  @Test
  void aDeclarationPastThePrescanIsNotRead() {
    String padding = "<!--" + "x".repeat(HtmlCharsets.PRESCAN_BYTES) + "-->";
    assertEquals(
        CharsetSource.DEFAULT,
        Html.charset(bytes(padding, "<meta charset=windows-1252>")).source());
    String shortPadding = "<!--" + "x".repeat(HtmlCharsets.PRESCAN_BYTES - 100) + "-->";
    assertEquals(
        CharsetSource.META,
        Html.charset(bytes(shortPadding, "<meta charset=windows-1252>")).source());
  }

  @Test
  void aPageGivenAsCharactersIgnoresItsDeclaration() {
    HtmlText t = Html.visibleText("\uFEFF<meta charset=windows-1252><p>It\u2019s");
    assertEquals("It\u2019s", t.text());
    assertEquals(CharsetSource.DECODED, t.charset().source());
  }

  @Test
  void nullIsRefused() {
    assertThrows(NullPointerException.class, () -> Html.visibleText((byte[]) null));
    assertThrows(NullPointerException.class, () -> Html.visibleText((String) null));
    assertThrows(NullPointerException.class, () -> Html.charset(null));
  }

  // ---- text ----

  @Test
  void blocksEndLinesAndParagraphsLeaveAnEmptyLine() {
    String html =
        "<h1>Title</h1><p>First   paragraph\n spans\tlines.</p><p>Second<br>line two</p>"
            + "<div>a div</div><div>another</div><ul><li>one</li><li>two</li></ul>"
            + "<table><tr><td>c1</td><td>c2</td></tr><tr><th>c3</th><td>c4</td></tr></table>"
            + "<span>in</span><b>line</b> end";
    assertEquals(
        "Title\n\nFirst paragraph spans lines.\n\nSecond\nline two\n\na div\nanother\n\n"
            + "one\ntwo\n\nc1 c2\nc3 c4\n\ninline end",
        text(html));
  }

  @Test
  void entitiesAreDecoded() {
    assertEquals(
        "It\u2019s \u201Cfine\u201D & <safe> \u00a0\u00e9 \u20ac",
        text("<p>It&rsquo;s &ldquo;fine&rdquo; &amp; &lt;safe&gt; &nbsp;&eacute; &#x20AC;"));
  }

  @Test
  void preformattedTextKeepsItsWhiteSpace() {
    assertEquals(
        "before\n\nline 1\n  line 2\n\nafter", text("before<pre>line 1\n  line 2</pre>after"));
  }

  @Test
  void scriptsStylesNoscriptAndTemplatesAreNeverRead() {
    String html =
        "<html><head><title>Site title</title><style>p { color: red }</style>"
            + "<script>var headScript = 1;</script></head><body>"
            + "<script>document.write('bodyScript')</script><p>Story</p>"
            + "<noscript>Enable JavaScript</noscript><template><p>Template text</p></template>"
            + "<style>.inline { }</style><script type=\"application/ld+json\">{\"a\":1}</script>"
            + "<svg><title>icon</title><text>svg text</text></svg><iframe>frame</iframe>"
            + "<select><option>Option</option></select><p>More";
    assertEquals("Story\n\nMore", text(html));
  }

  @Test
  void hiddenElementsAreNeverRead() {
    String html =
        "<p>Shown</p><p hidden>Hidden attribute</p><div hidden=until-found>Until found</div>"
            + "<p aria-hidden=\"true\">Aria hidden</p><p aria-hidden=\" TRUE \">Aria upper</p>"
            + "<p style=\"display:none\">Display none</p>"
            + "<p style=\"color: red; DISPLAY : NONE !important\">Display important</p>"
            + "<p style=\"visibility: hidden\">Visibility hidden</p>"
            + "<p style=\"visibility:collapse\">Collapsed</p>"
            + "<div style=\"display:none\"><p>Nested <b>deep</b> inside</p></div>"
            + "<p aria-hidden=\"false\">Aria false</p>"
            + "<p style=\"display:none; display:block\">Shown again</p>"
            + "<p style=\"/* display:none */ color:blue\">Comment only</p>"
            + "<p style=\"display: inline-none\">Odd value</p>"
            + "<p>Inline <span hidden>secret</span>visible</p>";
    assertEquals(
        "Shown\n\nAria false\n\nShown again\n\nComment only\n\nOdd value\n\nInline visible",
        text(html));
  }

  @Test
  void brokenMarkupIsRepairedNotRefused() {
    assertEquals("unclosed bold\n\nnext", text("<p>unclosed <b>bold<p>next</i></div>"));
    assertEquals("", text(""));
    assertEquals("", text("<html><head></head><body></body></html>"));
    assertEquals("just text", text("just text"));
    assertEquals("a < b", text("a < b"));
  }

  @Test
  void lineBreaksAreLineFeedsAndNoCharacterEndsThePage() {
    assertEquals("a\nb\nc\n\nd", text("<pre>a\r\nb\rc</pre>d"));
    assertEquals("\uFFFDafter", text("<p>\uFFFFafter"));
  }

  @Test
  void deepNestingIsFine() {
    String html = "<div>".repeat(100_000) + "deep" + "</div>".repeat(100_000);
    assertTrue(text(html).contains("deep"));
  }

  @Test
  void theTextHasNoWhiteSpaceAtItsEnds() {
    String t = text("\n\n  <p>  x  </p>  <br><br>  ");
    assertEquals("x", t);
    assertFalse(t.isEmpty());
  }
}
