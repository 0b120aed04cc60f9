package io.textsim.core.furniture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.textsim.core.cluster.CandidateStrategy;
import io.textsim.core.cluster.ClusterOptions;
import io.textsim.core.cluster.Clusterer;
import io.textsim.core.cluster.Clustering;
import io.textsim.core.cluster.Document;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Clustering with the default options on collections whose pages carry learned furniture. */
class FurnitureClusteringTest {
  /** Document ids are "story/outlet"; the story is the gold label. */
  private static String story(String id) {
    return id.substring(0, id.indexOf('/'));
  }

  /** Asserts that every cluster holds one story and that each story is in one cluster. */
  private static void assertStoriesRecovered(Clustering clustering) {
    Map<String, Integer> clusterOfStory = new HashMap<>();
    for (Clustering.Cluster c : clustering.clusters()) {
      Set<String> stories = new HashSet<>();
      c.members().forEach(m -> stories.add(story(m.id())));
      assertEquals(1, stories.size(), "a cluster mixes stories: " + c);
      String s = stories.iterator().next();
      Integer before = clusterOfStory.put(s, c.id());
      assertTrue(
          before == null, "story " + s + " is split over clusters " + before + ", " + c.id());
    }
  }

  /** A copy with a few words changed, as outlets edit. */
  private static String edited(SplittableRandom r, String text) {
    String[] words = text.split(" ");
    for (int k = 0; k < words.length / 40; k++) {
      words[r.nextInt(words.length)] = "edited";
    }
    return String.join(" ", words);
  }

  @ParameterizedTest
  @ValueSource(booleans = {true, false})
  void twentyCopiesOfOneStoryFromTwentyOutletsStayOneCluster(boolean sourcesKnown) {
    Pages pages = new Pages(21, Pages.LATIN, 5000);
    SplittableRandom r = new SplittableRandom(21);
    String wire = pages.words(250);
    List<Document> docs = new ArrayList<>();
    for (int o = 0; o < 20; o++) {
      Pages.Outlet outlet = pages.outlet();
      String source = sourcesKnown ? "outlet-" + o : FurnitureModel.UNKNOWN_SOURCE;
      docs.add(new Document("wire/" + o, outlet.page(edited(r, wire), pages.words(12)), source));
      for (int p = 0; p < 5; p++) {
        String own = pages.words(150 + 20 * p);
        docs.add(
            new Document("own" + o + "-" + p + "/" + o, outlet.page(own, pages.words(12)), source));
      }
    }
    Clustering clustering = Clusterer.cluster(docs, ClusterOptions.defaults());
    Clustering.Cluster first = clustering.clusters().get(0);
    assertEquals(20, first.size(), first.toString());
    first.members().forEach(m -> assertEquals("wire", story(m.id())));
    if (sourcesKnown) {
      assertStoriesRecovered(clustering);
    }
  }

  @Test
  void aSiteFrameAroundShortStoriesDoesNotChainThem() {
    Pages pages = new Pages(31, Pages.LATIN, 5000);
    SplittableRandom r = new SplittableRandom(31);
    Pages.Outlet framed = new Pages.Outlet(pages.words(80), pages.words(70), pages.words(5));
    List<Pages.Outlet> others = List.of(pages.outlet(), pages.outlet());
    List<String> headlines = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      headlines.add(pages.words(9));
    }
    List<Document> docs = new ArrayList<>();
    for (int s = 0; s < 40; s++) {
      String story = pages.words(35 + r.nextInt(30));
      String related = headlines.get(s % 10) + ". " + headlines.get((s + 3) % 10);
      docs.add(new Document("s" + s + "/framed", framed.page(story, related), "framed.example"));
      for (int o = 0; o < others.size(); o++) {
        if (r.nextInt(3) > 0) {
          docs.add(
              new Document(
                  "s" + s + "/o" + o,
                  others.get(o).page(edited(r, story), pages.words(9)),
                  "other-" + o));
        }
      }
    }
    Clustering clustering = Clusterer.cluster(docs, ClusterOptions.defaults());
    assertStoriesRecovered(clustering);
  }

  @Test
  void aBridgingDocumentDoesNotMergeTwoStories() {
    Pages pages = new Pages(41, Pages.LATIN, 5000);
    SplittableRandom r = new SplittableRandom(41);
    String a = pages.words(200);
    String b = pages.words(200);
    String bridge = a.substring(a.length() / 2) + " " + b.substring(0, b.length() / 2);
    List<Document> docs =
        List.of(
            new Document("a/1", a),
            new Document("a/2", edited(r, a)),
            new Document("a/3", edited(r, a)),
            new Document("bridge/1", bridge),
            new Document("b/1", b),
            new Document("b/2", edited(r, b)),
            new Document("b/3", edited(r, b)));
    Clustering clustering = Clusterer.cluster(docs, ClusterOptions.defaults());
    for (Clustering.Cluster c : clustering.clusters()) {
      Set<String> stories = new HashSet<>();
      c.members().stream()
          .filter(m -> !story(m.id()).equals("bridge"))
          .forEach(m -> stories.add(story(m.id())));
      assertTrue(stories.size() <= 1, "the bridge merged two stories: " + c);
    }
    for (String story : List.of("a", "b")) {
      Set<Integer> clusters = new HashSet<>();
      for (Clustering.Cluster c : clustering.clusters()) {
        c.members().stream()
            .filter(m -> story(m.id()).equals(story))
            .forEach(m -> clusters.add(c.id()));
      }
      assertEquals(1, clusters.size(), "story " + story + " is split: " + clustering);
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"persian", "han"})
  void aCollectionInANonLatinScript(String script) {
    Pages pages = new Pages(51, Pages.PERSIAN, 4000);
    SplittableRandom r = new SplittableRandom(51);
    List<Pages.Outlet> outlets = List.of(pages.outlet(), pages.outlet(), pages.outlet());
    List<Document> docs = new ArrayList<>();
    for (int s = 0; s < 30; s++) {
      String story = script.equals("han") ? Pages.hanStory(r, 120) : pages.words(90);
      for (int o = 0; o < outlets.size(); o++) {
        if (o == 0 || r.nextBoolean()) {
          String text = script.equals("han") ? story : edited(r, story);
          docs.add(
              new Document(
                  "s" + s + "/" + o, outlets.get(o).page(text, pages.words(8)), "outlet-" + o));
        }
      }
    }
    assertStoriesRecovered(Clusterer.cluster(docs, ClusterOptions.defaults()));
  }

  /**
   * Each page ends with a comment thread of its own, two to three times as long as the story, so a
   * copy's Jaccard similarity to its original is near 0.2: only the shared-passage link keeps the
   * copies together, and switching it off splits them (the test can fail).
   */
  @ParameterizedTest
  @ValueSource(booleans = {true, false})
  void copiesUnderCommentThreadsOfTheirOwnStayTogether(boolean passageLinks) {
    Pages pages = new Pages(61, Pages.LATIN, 5000);
    SplittableRandom r = new SplittableRandom(61);
    List<Pages.Outlet> outlets = List.of(pages.outlet(), pages.outlet(), pages.outlet());
    List<Document> docs = new ArrayList<>();
    for (int s = 0; s < 30; s++) {
      String story = pages.words(100 + r.nextInt(60));
      for (int o = 0; o < outlets.size(); o++) {
        String text = o == 0 ? story : edited(r, story);
        String comments = "Comments: " + pages.words(250 + r.nextInt(100));
        docs.add(
            new Document(
                "s" + s + "/" + o,
                outlets.get(o).page(text + "\n\n" + comments, pages.words(9)),
                "outlet-" + o));
      }
    }
    ClusterOptions options =
        ClusterOptions.builder()
            .passageShingles(passageLinks ? ClusterOptions.SUGGESTED_PASSAGE_SHINGLES : 0)
            .build();
    Clustering clustering = Clusterer.cluster(docs, options);
    if (passageLinks) {
      assertStoriesRecovered(clustering);
    } else {
      assertEquals(docs.size(), clustering.clusters().size(), "copies linked by score alone");
    }
  }

  /**
   * The comment-thread copies of a collection too large for all pairs: their Jaccard similarity
   * (0.1 to 0.2) is below what the LSH bands find reliably, and the sampled passage keys find them,
   * so the clusters are those that verifying every pair gives.
   */
  @Test
  void onALargeInputCommentThreadCopiesAreFoundAsAllPairsFindThem() {
    Pages pages = new Pages(67, Pages.LATIN, 5000);
    SplittableRandom r = new SplittableRandom(67);
    List<Pages.Outlet> outlets = List.of(pages.outlet(), pages.outlet(), pages.outlet());
    List<Document> docs = new ArrayList<>();
    for (int s = 0; s < 120; s++) {
      String story = pages.words(100 + r.nextInt(60));
      for (int o = 0; o < outlets.size(); o++) {
        String text = o == 0 ? story : edited(r, story);
        String comments = "Comments: " + pages.words(250 + r.nextInt(100));
        docs.add(
            new Document(
                "s" + s + "/" + o,
                outlets.get(o).page(text + "\n\n" + comments, pages.words(9)),
                "outlet-" + o));
      }
    }
    assertTrue(docs.size() > ClusterOptions.DEFAULT_ALL_PAIRS_LIMIT);
    ClusterOptions.Builder passage =
        ClusterOptions.builder().passageShingles(ClusterOptions.SUGGESTED_PASSAGE_SHINGLES);
    Clustering byLsh = Clusterer.cluster(docs, passage.build());
    Clustering byAllPairs =
        Clusterer.cluster(docs, passage.candidates(CandidateStrategy.ALL_PAIRS).build());
    assertEquals(CandidateStrategy.LSH, byLsh.stats().strategy());
    assertEquals(byAllPairs.clusters(), byLsh.clusters());
    assertStoriesRecovered(byLsh);
  }

  /**
   * Two long articles on different stories that quote the same 45-word statement share more than
   * {@link ClusterOptions#DEFAULT_PASSAGE_SHINGLES} shingles, but a small part of either: the
   * Jaccard floor keeps them apart.
   */
  @Test
  void aQuoteTwoLongArticlesShareDoesNotLinkThem() {
    Pages pages = new Pages(71, Pages.LATIN, 5000);
    String quote = pages.words(45);
    List<Document> docs = new ArrayList<>();
    for (int s = 0; s < 4; s++) {
      docs.add(
          new Document(
              "s" + s + "/0", pages.words(300) + " " + quote + " " + pages.words(300), "outlet"));
    }
    Clustering clustering =
        Clusterer.cluster(
            docs,
            ClusterOptions.builder()
                .passageShingles(ClusterOptions.SUGGESTED_PASSAGE_SHINGLES)
                .build());
    assertEquals(4, clustering.clusters().size(), clustering.toString());
  }

  /**
   * A page that carries another story's lead (60 words, as a "more news" block does) shares a
   * passage with that story's page. The defaults do not link them: shared-passage links are off by
   * default because of this case; with them on, the two pages are one cluster.
   */
  @Test
  void aPageCarryingAnotherStorysLeadIsNotLinkedToItByTheDefaults() {
    Pages pages = new Pages(73, Pages.LATIN, 5000);
    String storyB = pages.words(150);
    String leadB = String.join(" ", java.util.Arrays.copyOf(storyB.split(" "), 60));
    List<Document> docs = new ArrayList<>();
    docs.add(new Document("a/0", pages.words(150) + "\n\nMore news: " + leadB, "outlet-a"));
    docs.add(new Document("b/0", storyB, "outlet-b"));
    assertEquals(2, Clusterer.cluster(docs, ClusterOptions.defaults()).clusters().size());
    ClusterOptions passage =
        ClusterOptions.builder().passageShingles(ClusterOptions.SUGGESTED_PASSAGE_SHINGLES).build();
    assertEquals(1, Clusterer.cluster(docs, passage).clusters().size());
  }
}
