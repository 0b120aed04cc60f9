package io.textsim.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.textsim.benchmarks.CorpusGenerator.Article;
import io.textsim.core.TextProfile;
import io.textsim.core.TextProfiler;
import io.textsim.core.measure.Measures;
import io.textsim.core.measure.SimilarityMeasure;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class CorpusGeneratorTest {
  private static final int N = 3000;
  private static final SimilarityMeasure JACCARD = Measures.jaccard();

  private static List<Article> corpus;
  private static Map<Integer, List<Article>> byStory;

  @BeforeAll
  static void generate() {
    corpus = CorpusGenerator.defaults().articles(N);
    byStory = new TreeMap<>();
    for (Article a : corpus) {
      byStory.computeIfAbsent(a.story(), s -> new ArrayList<>()).add(a);
    }
  }

  @Test
  void sameSeedAndSizeGiveTheSameCorpus() {
    assertEquals(corpus, CorpusGenerator.defaults().articles(N));
    assertEquals(corpus, CorpusGenerator.withSeed(CorpusGenerator.DEFAULT_SEED).articles(N));
  }

  @Test
  void anotherSeedGivesAnotherCorpus() {
    List<Article> other = CorpusGenerator.withSeed(7).articles(N);
    assertEquals(N, other.size());
    Set<String> texts = new HashSet<>();
    corpus.forEach(a -> texts.add(a.text()));
    long shared = other.stream().filter(a -> texts.contains(a.text())).count();
    assertEquals(0, shared);
  }

  @Test
  void aStoryDoesNotDependOnTheCorpusSize() {
    Map<String, String> small = new HashMap<>();
    CorpusGenerator.defaults().articles(500).forEach(a -> small.put(a.id(), a.text()));
    Map<String, String> large = new HashMap<>();
    corpus.forEach(a -> large.put(a.id(), a.text()));
    for (Map.Entry<String, String> e : small.entrySet()) {
      assertEquals(e.getValue(), large.get(e.getKey()), e.getKey());
    }
  }

  @Test
  void hasExactlyNArticlesWithDistinctIds() {
    assertEquals(N, corpus.size());
    assertEquals(N, corpus.stream().map(Article::id).distinct().count());
    assertEquals(List.of(), CorpusGenerator.defaults().articles(0));
    assertEquals(1, CorpusGenerator.defaults().articles(1).size());
    assertThrows(IllegalArgumentException.class, () -> CorpusGenerator.defaults().articles(-1));
  }

  @Test
  void isShuffled() {
    // Emitted story by story, then shuffled: the first articles are not story 0, 1, 2, ...
    long inOrder = 0;
    for (int i = 1; i < corpus.size(); i++) {
      if (corpus.get(i).story() >= corpus.get(i - 1).story()) {
        inOrder++;
      }
    }
    assertTrue(inOrder < 0.6 * N, "pairs in story order: " + inOrder);
  }

  @Test
  void everyStoryHasItsBaseAndAtMostFourCopies() {
    for (List<Article> articles : byStory.values()) {
      Set<Integer> copies = new HashSet<>();
      articles.forEach(a -> copies.add(a.copy()));
      assertTrue(copies.contains(0), "no base: " + articles.get(0).id());
      assertTrue(articles.size() <= 1 + CorpusGenerator.MAX_COPIES);
      for (int c = 0; c < articles.size(); c++) {
        assertTrue(copies.contains(c), "copies numbered 0.." + (articles.size() - 1));
      }
    }
    // Stories are numbered from 0 without gaps.
    assertEquals(byStory.size() - 1, (int) ((TreeMap<Integer, ?>) byStory).lastKey());
  }

  @Test
  void aboutFortyPercentOfStoriesHaveCopies() {
    long copied = byStory.values().stream().filter(l -> l.size() > 1).count();
    double share = (double) copied / byStory.size();
    assertTrue(share > 0.35 && share < 0.45, "share of stories with copies: " + share);
    long copies = corpus.stream().filter(a -> a.copy() > 0).count();
    // 40% of stories times 2.5 copies on average: about half of all articles are copies.
    assertTrue(copies > 0.4 * N && copies < 0.6 * N, "copies: " + copies);
  }

  @Test
  void baseStoriesHaveAHeadlineAnd200To800Words() {
    int min = Integer.MAX_VALUE;
    int max = 0;
    for (Article a : corpus) {
      if (a.copy() != 0) {
        continue;
      }
      int blank = a.text().indexOf("\n\n");
      assertTrue(blank > 0, "headline then a blank line: " + a.id());
      String headline = a.text().substring(0, blank);
      int headlineWords = headline.split(" ").length;
      assertTrue(headlineWords >= 5 && headlineWords <= 9, headline);
      int words = a.text().substring(blank + 2).strip().split("\\s+").length;
      min = Math.min(min, words);
      max = Math.max(max, words);
      assertTrue(
          words >= CorpusGenerator.MIN_STORY_WORDS && words <= CorpusGenerator.MAX_STORY_WORDS,
          a.id() + " has " + words + " words");
      assertTrue(a.text().indexOf("\n\n", blank + 2) > 0 || words < 60, "paragraphs: " + a.id());
    }
    // Uniform over 200..800: the extremes are nearly reached.
    assertTrue(min < 230 && max > 770, "words from " + min + " to " + max);
  }

  @Test
  void copiesAreNearDuplicatesOfTheirBaseAndUnrelatedStoriesAreNot() {
    TextProfiler profiler = TextProfiler.defaults();
    List<Double> copyScores = new ArrayList<>();
    TextProfile previousBase = null;
    double worstUnrelated = 0;
    for (List<Article> articles : byStory.values()) {
      Article base = articles.stream().filter(a -> a.copy() == 0).findFirst().orElseThrow();
      TextProfile b = profiler.profile(base.text());
      for (Article copy : articles) {
        if (copy.copy() > 0) {
          assertNotEquals(base.text(), copy.text(), copy.id());
          copyScores.add(JACCARD.similarity(b, profiler.profile(copy.text())));
        }
      }
      if (previousBase != null) {
        worstUnrelated = Math.max(worstUnrelated, JACCARD.similarity(previousBase, b));
      }
      previousBase = b;
    }
    double[] scores = copyScores.stream().mapToDouble(Double::doubleValue).sorted().toArray();
    double median = scores[scores.length / 2];
    // Truncation keeps at least 60% of the words; furniture adds a few percent of shingles.
    assertTrue(scores[0] >= 0.3, "lowest copy Jaccard " + scores[0]);
    double linkable = Arrays.stream(scores).filter(s -> s >= 0.5).count() / (double) scores.length;
    assertTrue(linkable >= 0.95, "copies at Jaccard 0.5 or more: " + linkable);
    assertTrue(median >= 0.8, "median copy Jaccard " + median + " " + Arrays.toString(scores));
    assertTrue(worstUnrelated < 0.05, "highest Jaccard of two stories " + worstUnrelated);
  }

  @Test
  void copiesCarryOutletFurniture() {
    List<String> copies = corpus.stream().filter(a -> a.copy() > 0).map(Article::text).toList();
    assertTrue(count(copies, "Leave a Comment") > 0.2 * copies.size());
    assertTrue(count(copies, "is licensed under a Creative Commons") > 0.25 * copies.size());
    assertTrue(count(copies, "Share this article") > 0.2 * copies.size());
    long flat = copies.stream().filter(t -> t.indexOf('\n') < 0).count();
    assertTrue(flat > 0.2 * copies.size() && flat < 0.4 * copies.size(), "one-line: " + flat);
    long dateline =
        copies.stream().filter(t -> t.matches("(?s).*[A-Z]+, [A-Z][a-z]{2}\\. \\d+ \\(.*")).count();
    assertTrue(dateline > 0.4 * copies.size(), "datelines: " + dateline);
  }

  @Test
  void vocabularyIsDistinctWithCommonWordsFirst() {
    List<String> vocabulary = CorpusGenerator.vocabulary();
    assertEquals(CorpusGenerator.VOCABULARY_SIZE, vocabulary.size());
    assertEquals(CorpusGenerator.VOCABULARY_SIZE, new HashSet<>(vocabulary).size());
    assertEquals("the", vocabulary.get(0));
    for (String w : vocabulary) {
      assertTrue(w.matches("[a-z]+"), w);
    }
  }

  private static long count(List<String> texts, String needle) {
    return texts.stream().filter(t -> t.contains(needle)).count();
  }
}
