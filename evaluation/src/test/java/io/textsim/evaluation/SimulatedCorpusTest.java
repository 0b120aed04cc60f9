package io.textsim.evaluation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.textsim.evaluation.SimulatedCorpus.Entry;
import io.textsim.evaluation.SimulatedCorpus.Kind;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The corpus builder on a made-up pool (no corpus text). */
class SimulatedCorpusTest {
  private static final String[] TOPICS = {"COCOA", "COFFEE", "GOLD", "WHEAT", "STEEL", "BONDS"};

  /**
   * 300 made-up stories of random words: some filed twice (so the pool must group them), some
   * earnings notices in a fixed template, titles sharing topic keywords.
   */
  static List<Story> pool() {
    SplittableRandom r = new SplittableRandom(5);
    String[] vocabulary = new String[2000];
    for (int i = 0; i < vocabulary.length; i++) {
      vocabulary[i] = "w" + Integer.toString(i, 36) + (char) ('a' + i % 26);
    }
    List<Story> stories = new ArrayList<>();
    for (int i = 0; i < 300; i++) {
      String date = (1 + i % 28) + "-MAR-1987 1" + (i % 10) + ":00:00.00";
      String title = TOPICS[i % TOPICS.length] + " REPORT " + i + " <T" + i + ">";
      StringBuilder text = new StringBuilder();
      if (i % 10 == 9) {
        text.append("Shr ")
            .append(r.nextInt(90))
            .append(" cts vs ")
            .append(r.nextInt(90))
            .append(" cts\n    Net ")
            .append(r.nextInt(900))
            .append(" mln vs ")
            .append(r.nextInt(900))
            .append(" mln");
      } else {
        int words = 30 + r.nextInt(150);
        for (int k = 0; k < words; k++) {
          text.append(vocabulary[r.nextInt(vocabulary.length)]).append(k % 10 == 9 ? ".\n" : " ");
        }
      }
      stories.add(new Story("made-up-" + i, date, title, text.toString()));
      if (i % 25 == 0) {
        // The same story filed again under the same ticker, lightly edited.
        stories.add(
            new Story("made-up-" + i + "-again", date, title, text + " Corrected figures."));
      }
    }
    return stories;
  }

  private static final SimulatedCorpus.Settings SETTINGS =
      new SimulatedCorpus.Settings(60, 4, 30, 0.2, 0.5, 0.2, 50, 9);

  @Test
  void theRefiledStoriesAreGroupedTogether() {
    StoryPool pool = StoryPool.of(pool());
    assertEquals(300 + 12, pool.size());
    assertEquals(300, pool.groups());
    for (int i = 0; i < pool.size(); i++) {
      if (pool.story(i).id().endsWith("-again")) {
        assertEquals(pool.group(i - 1), pool.group(i));
      }
    }
  }

  @Test
  void aCorpusHasItsParts() {
    StoryPool pool = StoryPool.of(pool());
    SimulatedCorpus corpus = SimulatedCorpus.build(pool, SETTINGS);
    Map<Kind, Integer> kinds = new HashMap<>();
    Map<Integer, Set<Kind>> byTruth = new HashMap<>();
    Set<Integer> groupsOfOtherStories = new HashSet<>();
    Map<Integer, Integer> groupOfCluster = new HashMap<>();
    for (Entry e : corpus.entries()) {
      kinds.merge(e.kind(), 1, Integer::sum);
      byTruth.computeIfAbsent(e.truth(), k -> new HashSet<>()).add(e.kind());
      int group = pool.group(e.story());
      if (e.kind() == Kind.BASE || e.kind() == Kind.COPY) {
        Integer before = groupOfCluster.put(e.truth(), group);
        assertTrue(before == null || before == group, "a cluster mixes stories");
        assertTrue(pool.words(e.story()) >= SETTINGS.minWords());
      } else {
        assertTrue(groupsOfOtherStories.add(group), "two negatives from one group");
        assertEquals(Set.of(e.kind()), byTruth.get(e.truth()), "a negative is not alone");
      }
    }
    // No group is used twice: the base stories and the negatives are all different stories.
    assertEquals(60, groupOfCluster.size());
    assertEquals(60, new HashSet<>(groupOfCluster.values()).size());
    for (int g : groupOfCluster.values()) {
      assertTrue(!groupsOfOtherStories.contains(g));
    }
    assertEquals(12, kinds.get(Kind.TEMPLATE_NEGATIVE)); // 0.2 * 60
    assertTrue(kinds.get(Kind.TOPIC_NEGATIVE) > 10);
    assertEquals(50, kinds.get(Kind.BACKGROUND));
    assertTrue(kinds.get(Kind.COPY) > 60);
    assertEquals(corpus.size(), corpus.documents().size());
    for (int i = 0; i < corpus.size(); i++) {
      assertEquals(corpus.entries().get(i).id(), corpus.documents().get(i).id());
      assertEquals(corpus.entries().get(i).truth(), corpus.truth()[i]);
    }
  }

  @Test
  void sameSettingsSameCorpus() {
    StoryPool pool = StoryPool.of(pool());
    SimulatedCorpus a = SimulatedCorpus.build(pool, SETTINGS);
    SimulatedCorpus b = SimulatedCorpus.build(pool, SETTINGS);
    assertEquals(a.documents(), b.documents());
    assertEquals(a.entries(), b.entries());
    assertNotEquals(a.documents(), SimulatedCorpus.build(pool, SETTINGS.withSeed(10)).documents());
  }

  @Test
  void allTheBackgroundThereIs() {
    StoryPool pool = StoryPool.of(pool());
    SimulatedCorpus corpus =
        SimulatedCorpus.build(pool, SETTINGS.withBackground(SimulatedCorpus.Settings.ALL));
    Set<Integer> groups = new HashSet<>();
    for (Entry e : corpus.entries()) {
      groups.add(pool.group(e.story()));
    }
    assertEquals(pool.groups(), groups.size());
    assertEquals(30, corpus.firstDocuments(30).size());
    assertEquals(corpus.entries().subList(0, 30), corpus.firstDocuments(30).entries());
  }

  @Test
  void tooManyBasesIsAnError() {
    StoryPool pool = StoryPool.of(pool());
    assertThrows(
        IllegalArgumentException.class,
        () -> SimulatedCorpus.build(pool, SETTINGS.withBases(1000)));
    assertThrows(
        IllegalArgumentException.class,
        () -> new SimulatedCorpus.Settings(10, 13, 30, 0.2, 0.5, 0.2, 0, 1));
  }

  @Test
  void titleKeywordsSkipTickersAndShortWords() {
    assertEquals(
        Set.of("BAHIA", "COCOA", "REVIEW"),
        SimulatedCorpus.keywords("BAHIA <BAH> COCOA REVIEW SAYS UP"));
  }
}
