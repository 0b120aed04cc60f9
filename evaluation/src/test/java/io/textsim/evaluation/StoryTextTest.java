package io.textsim.evaluation;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Paragraphs, sentences and words as the simulator reads them. */
class StoryTextTest {
  @Test
  void paragraphsSplitAtIndentsAndBlankLinesAndUnwrap() {
    assertEquals(
        List.of("One two three.", "Four five.", "Six."),
        StoryText.paragraphs("One two\nthree.\n    Four\nfive.\n\nSix.\n"));
    assertEquals(List.of(), StoryText.paragraphs(" \n \n"));
  }

  @Test
  void flattenPutsEverythingOnOneLine() {
    assertEquals("a b c d", StoryText.flatten(" a\n\n b \t c\r\nd "));
  }

  @Test
  void sentencesRespectAbbreviationsAndInitials() {
    assertEquals(
        List.of(
            "Acme Inc. said sales rose.",
            "U.S. officials agreed on Monday.",
            "Mr. J. Smith left for the U.K. office.",
            "\"Fine,\" he said."),
        StoryText.sentences(
            "Acme Inc. said sales rose. U.S. officials agreed on Monday. Mr. J. Smith left for"
                + " the U.K. office. \"Fine,\" he said."));
    assertEquals(List.of("no end"), StoryText.sentences("no end"));
  }
}
