package io.textsim.core.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.textsim.core.furniture.Furniture;
import io.textsim.core.furniture.FurnitureModel;
import io.textsim.core.shingle.ShingleSet;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Clustering component by component, as a distributed engine does, gives the clusters of {@link
 * Clusterer}: here the components are found the slow way, by verifying every pair.
 */
class ComponentClustererTest {
  /** Stories with copies, bridges between pairs of stories, exact duplicates and blank texts. */
  private static List<Document> collection(long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    List<Document> docs = new ArrayList<>(ClustererTest.corpus(seed, 30, 3));
    List<String> stories = new ArrayList<>();
    for (Document d : docs) {
      if (d.id().endsWith("-0")) {
        stories.add(d.text());
      }
    }
    for (int b = 0; b < 8; b++) {
      String first = stories.get(r.nextInt(stories.size()));
      String second = stories.get(r.nextInt(stories.size()));
      docs.add(
          new Document(
              "bridge" + b,
              first.substring(first.length() / 2)
                  + " "
                  + second.substring(0, second.length() / 2)));
    }
    int n = docs.size();
    for (int d = 0; d < 12; d++) {
      Document original = docs.get(r.nextInt(n));
      docs.add(r.nextInt(docs.size()), new Document("dup" + d, original.text()));
    }
    docs.add(new Document("blank1", ""));
    docs.add(5, new Document("blank2", "   "));
    return docs;
  }

  private static Clustering byComponents(
      List<Document> docs, ClusterOptions options, boolean dedupe) {
    int n = docs.size();
    String[] ids = new String[n];
    String[] sources = new String[n];
    ShingleSet[] full = new ShingleSet[n];
    for (int i = 0; i < n; i++) {
      ids[i] = docs.get(i).id();
      sources[i] = docs.get(i).source();
      full[i] = options.profiler().profile(docs.get(i).text()).shingles();
    }
    FurnitureModel model =
        Clusterer.furniture(ids, sources, full, options.profiler().shingles(), options);
    ShingleSet[] content = new ShingleSet[n];
    boolean[] blank = new boolean[n];
    int[] canonical = new int[n];
    Map<List<Object>, Integer> firsts = new HashMap<>();
    for (int i = 0; i < n; i++) {
      content[i] = model.content(sources[i], full[i]);
      blank[i] = full[i].isEmpty();
      canonical[i] =
          dedupe ? firsts.computeIfAbsent(List.of(content[i], blank[i]), k -> docs.size()) : i;
      if (canonical[i] == docs.size()) {
        firsts.put(List.of(content[i], blank[i]), i);
        canonical[i] = i;
      }
    }
    List<int[]> links = new ArrayList<>();
    UnionFind union = new UnionFind(n);
    for (int i = 0; i < n; i++) {
      if (canonical[i] != i) {
        links.add(new int[] {canonical[i], i});
        union.union(canonical[i], i);
        continue;
      }
      for (int j = i + 1; j < n; j++) {
        if (canonical[j] == j
            && ComponentClusterer.links(content[i], blank[i], content[j], blank[j], options)) {
          links.add(new int[] {i, j});
          union.union(i, j);
        }
      }
    }
    List<List<Integer>> components = Clusterer.groups(n, union);
    Map<Integer, Integer> componentOf = new HashMap<>();
    for (int c = 0; c < components.size(); c++) {
      for (int m : components.get(c)) {
        componentOf.put(m, c);
      }
    }
    List<List<int[]>> componentLinks = new ArrayList<>();
    for (int c = 0; c < components.size(); c++) {
      componentLinks.add(new ArrayList<>());
    }
    for (int[] l : links) {
      componentLinks.get(componentOf.get(l[0])).add(l);
    }
    List<List<Clustering.Member>> clusters = new ArrayList<>();
    List<Integer> firstMember = new ArrayList<>();
    for (int c = 0; c < components.size(); c++) {
      List<Integer> members = components.get(c);
      Map<Integer, Integer> local = new HashMap<>();
      for (int k = 0; k < members.size(); k++) {
        local.put(members.get(k), k);
      }
      List<int[]> cl = componentLinks.get(c);
      int[] from = cl.stream().mapToInt(l -> local.get(l[0])).toArray();
      int[] to = cl.stream().mapToInt(l -> local.get(l[1])).toArray();
      List<ComponentClusterer.Part> parts =
          ComponentClusterer.cluster(
              members.stream().map(m -> content[m]).toArray(ShingleSet[]::new),
              blankOf(members, blank),
              from,
              to,
              options);
      for (ComponentClusterer.Part p : parts) {
        List<Clustering.Member> out = new ArrayList<>();
        int first = Integer.MAX_VALUE;
        for (ComponentClusterer.Member m : p.members()) {
          int global = members.get(m.index());
          out.add(new Clustering.Member(ids[global], m.score()));
          first = Math.min(first, global);
        }
        clusters.add(out);
        firstMember.add(first);
      }
    }
    Integer[] order = new Integer[clusters.size()];
    for (int k = 0; k < order.length; k++) {
      order[k] = k;
    }
    java.util.Arrays.sort(
        order,
        Comparator.comparingInt((Integer k) -> -clusters.get(k).size())
            .thenComparingInt(firstMember::get));
    List<Clustering.Cluster> out = new ArrayList<>();
    for (int k = 0; k < order.length; k++) {
      List<Clustering.Member> members = clusters.get(order[k]);
      out.add(new Clustering.Cluster(k + 1, members.get(0).id(), members));
    }
    return new Clustering(
        n,
        options.threshold(),
        options.measure(),
        out,
        new Clustering.Stats(CandidateStrategy.ALL_PAIRS, 0, links.size()));
  }

  private static boolean[] blankOf(List<Integer> members, boolean[] blank) {
    boolean[] out = new boolean[members.size()];
    for (int k = 0; k < out.length; k++) {
      out[k] = blank[members.get(k)];
    }
    return out;
  }

  @ParameterizedTest
  @CsvSource({
    "1, representative, jaccard, 0.3, learn",
    "2, representative, overlap, 0.3, none",
    "3, single, overlap, 0.3, none",
    "4, single, jaccard, 0.5, learn",
    "5, representative, jaccard, 0.2, none"
  })
  void componentsGiveTheClusterersClusters(
      long seed, String linkage, String measure, double threshold, String furniture) {
    ClusterOptions options =
        ClusterOptions.builder()
            .candidates(CandidateStrategy.ALL_PAIRS)
            .linkage(Linkage.fromName(linkage))
            .measure(ClusterMeasure.fromName(measure))
            .threshold(threshold)
            .furniture(furniture.equals("none") ? Furniture.none() : Furniture.learned())
            .build();
    List<Document> docs = collection(seed);
    List<Clustering.Cluster> expected = Clusterer.cluster(docs, options).clusters();
    assertTrue(expected.stream().anyMatch(c -> c.size() > 2), "the collection has clusters");
    assertEquals(expected, byComponents(docs, options, false).clusters());
    assertEquals(expected, byComponents(docs, options, true).clusters());
  }

  @Test
  void aBridgeIsSplitOffAsTheClustererSplitsIt() {
    ClusterOptions options =
        ClusterOptions.builder()
            .candidates(CandidateStrategy.ALL_PAIRS)
            .measure(ClusterMeasure.OVERLAP)
            .furniture(Furniture.none())
            .build();
    List<Document> docs = collection(2);
    Clustering single =
        Clusterer.cluster(docs, options.toBuilder().linkage(Linkage.SINGLE).build());
    Clustering split = byComponents(docs, options, true);
    assertFalse(
        single.clusters().size() == split.clusters().size(),
        "the representative split divides some cluster");
  }

  @Test
  void averageLinkageAndCosineAreRejected() {
    ShingleSet s = ShingleSet.of(1, 2, 3);
    ClusterOptions average = ClusterOptions.builder().linkage(Linkage.AVERAGE).build();
    ClusterOptions cosine = ClusterOptions.builder().measure(ClusterMeasure.COSINE).build();
    assertThrows(
        IllegalArgumentException.class,
        () -> ComponentClusterer.links(s, false, s, false, average));
    assertThrows(
        IllegalArgumentException.class,
        () ->
            ComponentClusterer.cluster(
                new ShingleSet[] {s}, new boolean[1], new int[0], new int[0], cosine));
  }
}
