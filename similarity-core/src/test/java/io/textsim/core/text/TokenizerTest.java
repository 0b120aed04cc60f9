package io.textsim.core.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TokenizerTest {
  private static List<String> tokens(String s) {
    Tokens t = Tokenizer.words().tokenize(s);
    List<String> out = new ArrayList<>();
    for (int i = 0; i < t.size(); i++) {
      out.add(t.get(i));
    }
    return out;
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "the quick, brown fox!|[the, quick, brown, fox]",
        "don't stop|[don't, stop]",
        "iran-azerbaijan ties|[iran-azerbaijan, ties]",
        "'quoted' -dash- a--b|[quoted, dash, a, b]",
        "21:32 on 2022|[21, 32, on, 2022]",
        "''|[]",
        "'  ...  '|[]",
        "x|[x]",
      })
  void splitsWords(String text, String expected) {
    assertEquals(expected, tokens(text).toString());
  }

  @Test
  void cjkAndThaiCharactersAreTokensOfTheirOwn() {
    assertEquals(List.of("東", "京", "都", "tokyo"), tokens("東京都tokyo"));
    assertEquals(List.of("こ", "ん", "に", "ち", "は"), tokens("こんにちは"));
    assertEquals(List.of("한", "국", "어"), tokens("한국어"));
    assertEquals(List.of("ส", "วั", "ส", "ดี"), tokens("สวัสดี"));
  }

  @Test
  void rtlWordsAndCombiningMarksStayWhole() {
    assertEquals(List.of("مرحبا", "بالعالم"), tokens("مرحبا بالعالم"));
    assertEquals(List.of("שָׁלוֹם"), tokens("שָׁלוֹם"));
    assertEquals(List.of("cafe\u0301", "noir"), tokens("cafe\u0301 noir"));
    assertEquals(List.of("हिन्दी"), tokens("हिन्दी"));
  }

  @Test
  void neverSplitsASurrogatePair() {
    String s = "\uD835\uDCB3\uD835\uDCB4 \uD83D\uDE00 a";
    Tokens t = Tokenizer.words().tokenize(s);
    assertEquals(List.of("\uD835\uDCB3\uD835\uDCB4", "a"), tokens(s)); // the emoji is no letter
    assertEquals(0, t.start(0));
    assertEquals(4, t.end(0));
  }

  @Test
  void offsetsAreIntoTheText() {
    Tokens t = Tokenizer.words().tokenize("  ab, cd");
    assertEquals(2, t.start(0));
    assertEquals(4, t.end(0));
    assertEquals(6, t.start(1));
    assertEquals(8, t.end(1));
    assertThrows(IndexOutOfBoundsException.class, () -> t.start(2));
  }

  @Test
  void rejectsNull() {
    NullPointerException e =
        assertThrows(NullPointerException.class, () -> Tokenizer.words().tokenize(null));
    assertEquals("text", e.getMessage());
  }
}
