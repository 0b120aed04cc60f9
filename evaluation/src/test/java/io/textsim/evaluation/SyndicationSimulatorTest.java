package io.textsim.evaluation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.textsim.core.TextProfiler;
import io.textsim.core.measure.Measures;
import io.textsim.evaluation.SyndicationSimulator.Change;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The simulator on made-up stories (no corpus text). */
class SyndicationSimulatorTest {
  /** A made-up wire story: hard-wrapped lines, paragraphs indented, quotes and a double dash. */
  static final Story STORY =
      new Story(
          "test-1",
          "26-FEB-1987 15:01:01.79",
          "ACME WIDGETS <ACME> TO BUILD NEW PLANT",
          "Acme Widgets Inc said it will build a new plant in\n"
              + "the northern region, its chief executive told reporters.\n"
              + "    The plant will cost about 40 mln dlrs and open next\n"
              + "year. \"We expect strong demand,\" the chief executive said.\n"
              + "    The company -- which makes widgets and gadgets -- said\n"
              + "sales rose 12 pct last year. It did not give a profit\n"
              + "forecast for the current year.\n"
              + "    Analysts said the move was expected. Shares of Acme\n"
              + "rose 50 cts to 21 dlrs in early trading on Thursday.");

  static final List<String> HEADLINES =
      List.of(
          "GLOBEX CORP <GBX> 1ST QTR NET",
          "INITECH SETS QUARTERLY DIVIDEND",
          "UMBRELLA GROUP SEES HIGHER SALES",
          "HOOLI TO ACQUIRE PIED PIPER",
          "VANDELAY INDUSTRIES NAMES NEW CHIEF",
          "STARK TRADING HALTED ON NEWS");

  private static final Pattern CAPTCHA = Pattern.compile("\\d+ \\+ \\d+ =");

  private static SyndicationSimulator simulator(long seed) {
    return new SyndicationSimulator(seed, HEADLINES);
  }

  private static List<SyndicationSimulator.Copy> allCopies(SyndicationSimulator s, Story story) {
    List<SyndicationSimulator.Copy> out = new ArrayList<>();
    for (int k = 1; k <= SyndicationSimulator.outlets(); k++) {
      out.add(s.copy(story, k));
    }
    return out;
  }

  @Test
  void sameSeedSameCopies() {
    List<SyndicationSimulator.Copy> a = allCopies(simulator(7), STORY);
    // In another order, from another instance: each copy depends only on seed, story and number.
    SyndicationSimulator other = simulator(7);
    for (int k = SyndicationSimulator.outlets(); k >= 1; k--) {
      assertEquals(a.get(k - 1), other.copy(STORY, k));
    }
  }

  @Test
  void otherSeedOtherCopies() {
    assertNotEquals(allCopies(simulator(7), STORY), allCopies(simulator(8), STORY));
  }

  @Test
  void copiesOfOneStoryComeFromDifferentOutlets() {
    Set<String> outlets = new HashSet<>();
    for (SyndicationSimulator.Copy c : allCopies(simulator(3), STORY)) {
      outlets.add(c.outlet());
    }
    assertEquals(SyndicationSimulator.outlets(), outlets.size());
  }

  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3, 4, 5})
  void everyCopyDiffersAndStillSharesTheStory(long seed) {
    TextProfiler profiler = TextProfiler.defaults();
    for (SyndicationSimulator.Copy c : allCopies(simulator(seed), STORY)) {
      assertFalse(c.changes().isEmpty());
      assertNotEquals(STORY.text(), c.text());
      // At least 60% of the words are kept, a few changed: most of the story's shingles survive.
      double containment =
          Measures.containment()
              .similarity(profiler.profile(STORY.text()), profiler.profile(c.text()));
      assertTrue(containment > 0.4, c.changes() + " kept only " + containment + ": " + c.text());
    }
  }

  @Test
  void changesAreVisibleInTheText() {
    for (long seed = 1; seed <= 20; seed++) {
      for (SyndicationSimulator.Copy c : allCopies(simulator(seed), STORY)) {
        String t = c.text();
        Set<Change> ch = c.changes();
        assertEquals(ch.contains(Change.FLATTENED), !t.contains("\n"), t);
        assertEquals(ch.contains(Change.COMMENT_FORM), t.contains("Leave a Comment"), t);
        if (ch.contains(Change.COMMENT_FORM)) {
          assertTrue(CAPTCHA.matcher(t).find(), t);
        }
        assertEquals(
            ch.contains(Change.TYPOGRAPHIC_PUNCTUATION),
            t.contains("\u201C") || t.contains("\u2014") || t.contains("\u2013"),
            t);
        assertEquals(
            ch.contains(Change.RELATED_STORIES),
            t.contains("Related stories") || t.contains("Latest news"));
        assertEquals(ch.contains(Change.SHARE_LINKS), t.contains("Facebook"), t);
        assertEquals(ch.contains(Change.HEADLINE), t.startsWith("Acme Widgets To Build"), t);
        assertEquals(ch.contains(Change.DATELINE_TIME), t.contains("February 2"), t);
      }
    }
  }

  @Test
  void everyKindOfChangeHappens() {
    Set<Change> seen = new HashSet<>();
    for (long seed = 1; seed <= 30; seed++) {
      for (SyndicationSimulator.Copy c : allCopies(simulator(seed), STORY)) {
        seen.addAll(c.changes());
      }
    }
    // A straight-quoted story never needs straightening; everything else must turn up.
    Set<Change> expected = new HashSet<>(List.of(Change.values()));
    expected.remove(Change.STRAIGHT_PUNCTUATION);
    assertEquals(expected, seen);
  }

  @Test
  void typographicStoriesAreStraightenedByStraightOutlets() {
    Story curly =
        new Story(
            "test-2",
            "1-MAR-1987 09:00:00.00",
            "CURLY",
            "He said \u201Cyes\u201D \u2014 it\u2019s done\u2026 Then he left. Nobody followed him.");
    boolean straightened = false;
    for (SyndicationSimulator.Copy c : allCopies(simulator(1), curly)) {
      if (c.changes().contains(Change.STRAIGHT_PUNCTUATION)) {
        straightened = true;
        assertFalse(Punctuation.hasTypographic(c.text()), c.text());
      }
    }
    assertTrue(straightened);
  }

  @Test
  void rejectsBadArguments() {
    SyndicationSimulator s = simulator(1);
    assertThrows(IllegalArgumentException.class, () -> s.copy(STORY, 0));
    assertThrows(
        IllegalArgumentException.class, () -> s.copy(STORY, SyndicationSimulator.outlets() + 1));
    assertThrows(NullPointerException.class, () -> s.copy(null, 1));
    assertThrows(
        IllegalArgumentException.class, () -> new SyndicationSimulator(1, List.of("a", "b")));
  }
}
