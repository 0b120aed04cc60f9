package io.textsim.evaluation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The edits of a copy: truncation, a dropped sentence, changed words. */
class StoryEditsTest {
  private static final Pattern NON_WORD = Pattern.compile("[^\\p{L}\\p{N}]+");

  @Test
  void truncationKeepsAtLeastSixtyPercentAndNeverAll() {
    List<String> paragraphs = StoryText.paragraphs(SyndicationSimulatorTest.STORY.text());
    int total = StoryText.wordCount(paragraphs);
    for (long seed = 0; seed < 50; seed++) {
      List<String> t =
          StoryEdits.truncate(paragraphs, 0.6, new SplittableRandom(seed)).orElseThrow();
      int kept = StoryText.wordCount(t);
      assertTrue(kept >= 0.6 * total && kept < total, kept + " of " + total);
      assertEquals(paragraphs.subList(0, t.size()), t); // whole first paragraphs
    }
  }

  @Test
  void truncationOfOneParagraphCutsBetweenSentences() {
    List<String> one = List.of("One two three four. Five six seven eight. Nine ten.");
    List<String> t = StoryEdits.truncate(one, 0.6, new SplittableRandom(1)).orElseThrow();
    assertEquals(List.of("One two three four. Five six seven eight."), t);
    assertEquals(
        Optional.empty(),
        StoryEdits.truncate(List.of("Just one sentence."), 0.6, new SplittableRandom(1)));
  }

  @Test
  void droppingASentenceKeepsTheFirst() {
    List<String> paragraphs = List.of("First one. Second one.", "Third one. Fourth one.");
    for (long seed = 0; seed < 30; seed++) {
      List<String> d =
          StoryEdits.dropSentence(paragraphs, new SplittableRandom(seed)).orElseThrow();
      String joined = String.join(" ", d);
      assertTrue(joined.startsWith("First one."), joined);
      assertEquals(6, StoryText.wordCount(d));
    }
    assertEquals(
        Optional.empty(), StoryEdits.dropSentence(List.of("One. Two."), new SplittableRandom(1)));
  }

  @Test
  void changedWordsKeepTheWordCountAndCase() {
    List<String> paragraphs = List.of("The Company said prices rose.", "SHARES fell sharply.");
    for (long seed = 0; seed < 30; seed++) {
      List<String> c = StoryEdits.changeWords(paragraphs, 2, new SplittableRandom(seed));
      assertEquals(StoryText.wordCount(paragraphs), StoryText.wordCount(c));
      int changed = 0;
      List<String> before = words(paragraphs);
      List<String> after = words(c);
      for (int i = 0; i < before.size(); i++) {
        if (!before.get(i).equals(after.get(i))) {
          changed++;
          assertEquals(
              Character.isUpperCase(before.get(i).charAt(0)),
              Character.isUpperCase(after.get(i).charAt(0)));
        }
      }
      assertEquals(2, changed, c.toString());
    }
  }

  private static List<String> words(List<String> paragraphs) {
    List<String> out = new ArrayList<>();
    for (String p : paragraphs) {
      out.addAll(List.of(NON_WORD.split(p)));
    }
    return out;
  }
}
