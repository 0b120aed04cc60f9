package io.textsim.evaluation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Typographic and straight punctuation, both ways. */
class PunctuationTest {
  @Test
  void punctuationBothWays() {
    String straight = "He said \"yes\" -- it's 'done'... Then (\"no\") - fine.";
    String curly = Punctuation.typographic(straight);
    assertEquals(
        "He said \u201Cyes\u201D \u2014 it\u2019s \u2018done\u2019\u2026 Then (\u201Cno\u201D)"
            + " \u2013 fine.",
        curly);
    assertTrue(Punctuation.hasTypographic(curly));
    assertFalse(Punctuation.hasTypographic(straight));
    assertEquals(straight, Punctuation.straight(curly));
  }
}
