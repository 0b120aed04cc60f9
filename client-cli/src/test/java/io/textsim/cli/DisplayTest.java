package io.textsim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** How passages and numbers are shown to people. */
class DisplayTest {
  @Test
  void lineBreaksBecomeReturnSymbols() {
    assertEquals("Leave a Comment⏎⏎5 + 10 =", Display.oneLine("Leave a Comment\n\n5 + 10 ="));
    assertEquals("a⏎b⏎c", Display.oneLine("a\r\nb\rc"));
    assertEquals("a b", Display.oneLine("a \t\u00a0 b"));
  }

  @Test
  void controlCharactersAreMadeVisible() {
    assertEquals("a␛[31mb␀c␡", Display.oneLine("a\u001b[31mb\u0000c\u007f"));
    assertEquals("x\\u202Ey", Display.oneLine("x\u202ey"));
    assertEquals("a\n␛b", Display.lines("a\n\u001bb"));
  }

  @Test
  void longPassagesAreElidedAtSpacesWithACount() {
    StringBuilder text = new StringBuilder();
    for (int i = 0; text.length() < 1000; i++) {
      text.append("word").append(i).append(' ');
    }
    String s = text.toString().strip();
    String shown = Display.oneLine(s);
    assertTrue(shown.length() < Display.PASSAGE_WIDTH, shown);
    assertTrue(shown.startsWith("word0 word1 "), shown);
    int open = shown.indexOf(" … (");
    int close = shown.indexOf(" chars) … ");
    assertTrue(open > 0 && close > open, shown);
    String head = shown.substring(0, open);
    String tail = shown.substring(close + " chars) … ".length());
    int elided = Integer.parseInt(shown.substring(open + 4, close).replace(",", ""));
    // Cut at word boundaries, and the count is what is left out between them.
    assertTrue(s.startsWith(head + " "), head);
    assertTrue(s.endsWith(" " + tail), tail);
    assertEquals(s.length() - head.length() - tail.length(), elided);
  }

  @Test
  void shortPassagesAreShownWhole() {
    String s = "x".repeat(Display.PASSAGE_WIDTH);
    assertEquals(s, Display.oneLine(s));
  }

  @Test
  void surrogatePairsAreNeverSplit() {
    String s = "😀".repeat(400);
    String shown = Display.oneLine(s);
    for (int i = 0; i < shown.length(); i++) {
      char c = shown.charAt(i);
      if (Character.isHighSurrogate(c)) {
        assertTrue(Character.isLowSurrogate(shown.charAt(i + 1)), "split at " + i);
        i++;
      } else {
        assertTrue(!Character.isLowSurrogate(c), "lone low surrogate at " + i);
      }
    }
  }

  @ParameterizedTest
  @CsvSource({"0, ''", "1, ████████████████████", "0.5, ██████████", "0.0625, █▎", "0.03, ▋"})
  void bars(double v, String bar) {
    assertEquals(bar, Display.bar(v, 20));
  }

  @Test
  void numbersIgnoreTheDefaultLocale() {
    assertEquals("0.9262", Display.score(0.92616));
    assertEquals("3,153", Display.count(3153));
    assertEquals("0.5", Display.number(0.5));
    assertEquals("1", Display.number(1.0));
  }
}
