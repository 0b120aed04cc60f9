package io.textsim.core.html;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;

/**
 * Fuzzes the extractor with arbitrary bytes: every page gives a text, never an exception, with no
 * white space at its ends; a page of plain characters (no markup, no entity) gives its own words.
 * In a plain {@code mvn test} this runs the saved inputs under {@code HtmlFuzzTestInputs/}; with
 * {@code JAZZER_FUZZ=1} it fuzzes.
 */
class HtmlFuzzTest {

  @FuzzTest(maxDuration = "60s")
  void everyPageGivesATextAndNeverAnException(byte[] page) {
    HtmlText t = Html.visibleText(page);
    assertNotNull(t.text());
    assertTrue(t.malformed() >= 0);
    assertEquals(Html.charset(page), t.charset(), "charset detection is deterministic");
    assertNoSpaceAtEnds(t.text());

    String chars = new String(page, StandardCharsets.UTF_8);
    HtmlText fromChars = Html.visibleText(chars);
    assertNoSpaceAtEnds(fromChars.text());
    if (t.charset().source() == CharsetSource.DEFAULT && t.malformed() == 0 && isPlain(chars)) {
      // No markup: the text is the words of the page, ASCII white space collapsed (HTML keeps
      // other white space, such as U+2000, as text).
      String words =
          chars.replace('\uFFFF', '\uFFFD').replaceAll("[ \t\n\f\r]+", " ").replaceAll("^ | $", "");
      assertEquals(words, t.text());
      assertEquals(words, fromChars.text());
    }
  }

  private static void assertNoSpaceAtEnds(String text) {
    if (!text.isEmpty()) {
      assertFalse(isSpace(text.charAt(0)), "leading white space");
      assertFalse(isSpace(text.charAt(text.length() - 1)), "trailing white space");
    }
  }

  /** Printable characters and ASCII white space only, no {@code <} or {@code &}. */
  private static boolean isPlain(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      boolean ok =
          isSpace(c)
              || (c >= 0x20 && c != 0x7F && !(c >= 0x80 && c < 0xA0) && c != '<' && c != '&');
      if (!ok || c == '\uFEFF') {
        return false;
      }
    }
    return true;
  }

  private static boolean isSpace(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\f' || c == '\r';
  }
}
