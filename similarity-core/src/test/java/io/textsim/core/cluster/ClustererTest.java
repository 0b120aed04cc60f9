package io.textsim.core.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.textsim.core.Cancellation;
import io.textsim.core.OperationCancelledException;
import io.textsim.core.TextProfiler;
import io.textsim.core.furniture.Furniture;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class ClustererTest {
  static final String[] VOCABULARY = buildVocabulary();

  private static String[] buildVocabulary() {
    SplittableRandom r = new SplittableRandom(1);
    String[] words = new String[3000];
    for (int i = 0; i < words.length; i++) {
      StringBuilder w = new StringBuilder();
      int len = 2 + r.nextInt(8);
      for (int c = 0; c < len; c++) {
        w.append((char) ('a' + r.nextInt(26)));
      }
      words[i] = w.toString();
    }
    return words;
  }

  /** A random story of {@code words} words. */
  static String story(SplittableRandom r, int words) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < words; i++) {
      sb.append(VOCABULARY[r.nextInt(VOCABULARY.length)]).append(i % 12 == 11 ? ". " : " ");
    }
    return sb.toString();
  }

  /** A copy with a header, a footer and a few replaced words. */
  static String copy(SplittableRandom r, String story) {
    String[] words = story.split(" ");
    for (int e = 0; e < 3; e++) {
      words[r.nextInt(words.length)] = VOCABULARY[r.nextInt(VOCABULARY.length)];
    }
    return "BREAKING "
        + VOCABULARY[r.nextInt(VOCABULARY.length)]
        + "\n\n"
        + String.join(" ", words)
        + "\nShare this story";
  }

  static List<Document> corpus(long seed, int stories, int copies) {
    SplittableRandom r = new SplittableRandom(seed);
    List<Document> docs = new ArrayList<>();
    for (int s = 0; s < stories; s++) {
      String story = story(r, 150 + r.nextInt(200));
      docs.add(new Document("s" + s + "-0", story));
      for (int c = 1; c <= copies; c++) {
        docs.add(new Document("s" + s + "-" + c, copy(r, story)));
      }
    }
    // Deterministic shuffle so that copies are not adjacent.
    for (int i = docs.size() - 1; i > 0; i--) {
      int j = r.nextInt(i + 1);
      Document t = docs.get(i);
      docs.set(i, docs.get(j));
      docs.set(j, t);
    }
    return docs;
  }

  @ParameterizedTest
  @EnumSource(
      value = CandidateStrategy.class,
      names = {"ALL_PAIRS", "LSH"})
  void findsTheCopiesOfEachStory(CandidateStrategy strategy) {
    List<Document> docs = corpus(7, 40, 3);
    docs.add(new Document("lonely", story(new SplittableRandom(99), 200)));
    Clustering c = Clusterer.cluster(docs, ClusterOptions.builder().candidates(strategy).build());
    assertEquals(strategy, c.stats().strategy());
    assertEquals(161, c.documents());
    assertEquals(41, c.clusters().size());
    Set<String> seen = new HashSet<>();
    for (Clustering.Cluster cluster : c.clusters()) {
      String story = cluster.members().get(0).id().split("-")[0];
      for (Clustering.Member m : cluster.members()) {
        assertTrue(seen.add(m.id()), "document in two clusters: " + m.id());
        assertEquals(story, m.id().split("-")[0], "mixed stories in " + cluster);
        assertTrue(m.score() >= 0 && m.score() <= 1);
      }
      assertEquals(cluster.representative(), cluster.members().get(0).id());
      assertEquals(1.0, cluster.members().get(0).score());
    }
    assertEquals(161, seen.size());
    assertEquals(1, c.clusters().get(40).size());
    assertEquals("lonely", c.clusters().get(40).representative());
  }

  @Test
  void outputIsDeterministic() {
    List<Document> docs = corpus(11, 30, 2);
    ClusterOptions options = ClusterOptions.builder().candidates(CandidateStrategy.LSH).build();
    assertEquals(Clusterer.cluster(docs, options), Clusterer.cluster(docs, options));
    ClusterOptions all = ClusterOptions.builder().candidates(CandidateStrategy.ALL_PAIRS).build();
    assertEquals(
        Clusterer.cluster(docs, all).clusters(), Clusterer.cluster(docs, options).clusters());
  }

  @Test
  void averageLinkageDoesNotChainTwoStoriesThroughABridge() {
    SplittableRandom r = new SplittableRandom(3);
    String first = story(r, 200);
    String second = story(r, 200);
    // The bridge is the second half of one story and the first half of the other.
    String bridge =
        first.substring(first.length() / 2) + " " + second.substring(0, second.length() / 2);
    List<Document> docs =
        List.of(
            new Document("a1", first),
            new Document("a2", copy(r, first)),
            new Document("bridge", bridge),
            new Document("b1", second),
            new Document("b2", copy(r, second)));
    // Without furniture learning, so that single linkage sees the bridge's whole text.
    ClusterOptions single =
        ClusterOptions.builder()
            .threshold(0.3)
            .measure(ClusterMeasure.OVERLAP)
            .furniture(Furniture.none())
            .build();
    assertEquals(1, Clusterer.cluster(docs, single).clusters().size());
    Clustering average =
        Clusterer.cluster(docs, single.toBuilder().linkage(Linkage.AVERAGE).build());
    assertTrue(average.clusters().size() >= 2, average.toString());
    for (Clustering.Cluster c : average.clusters()) {
      Set<Character> stories = new HashSet<>();
      c.members().stream()
          .filter(m -> !m.id().equals("bridge"))
          .forEach(m -> stories.add(m.id().charAt(0)));
      assertTrue(stories.size() <= 1, "average linkage merged two stories: " + c);
    }
  }

  @Test
  void emptyInputAndBlankDocuments() {
    assertEquals(0, Clusterer.cluster(List.of(), ClusterOptions.defaults()).clusters().size());
    Clustering c =
        Clusterer.cluster(
            List.of(new Document("e1", ""), new Document("e2", "  "), new Document("x", "text")),
            ClusterOptions.defaults());
    assertEquals(2, c.clusters().size()); // two blank texts are identical (Jaccard 1)
    assertEquals(2, c.clusters().get(0).size());
  }

  @Test
  void validatesOptionsAndInput() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class, () -> ClusterOptions.builder().threshold(1.5).build());
    assertEquals("threshold must be in [0, 1], got 1.5", e.getMessage());
    assertThrows(
        IllegalArgumentException.class,
        () -> ClusterOptions.builder().threshold(Double.NaN).build());
    assertThrows(
        NullPointerException.class, () -> Clusterer.cluster(null, ClusterOptions.defaults()));
    IllegalArgumentException tooLong =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                Clusterer.cluster(
                    List.of(new Document("big.txt", "x".repeat(20))),
                    ClusterOptions.builder()
                        .profiler(TextProfiler.defaults().withMaxLength(10))
                        .build()));
    assertTrue(
        tooLong.getMessage().startsWith("document 'big.txt': text is 20"), tooLong.getMessage());
  }

  @Test
  void cancellationStopsTheWork() {
    List<Document> docs = corpus(5, 20, 2);
    assertThrows(
        OperationCancelledException.class,
        () ->
            Clusterer.cluster(
                docs, ClusterOptions.builder().cancellation(Cancellation.of(() -> true)).build()));
  }
}
