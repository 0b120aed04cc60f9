package io.textsim.core.furniture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.textsim.core.Cancellation;
import io.textsim.core.TextProfiler;
import io.textsim.core.shingle.ShingleHashing;
import io.textsim.core.shingle.ShingleSet;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Learning from counts made outside the learner gives the learner's own model: the counts here are
 * made the slow, obvious way (maps, a sort of every source's documents by the fixed order).
 */
class SourceCountsTest {
  private static final TextProfiler PROFILER = TextProfiler.defaults();

  private record Doc(int position, String id, String source, ShingleSet shingles) {}

  /** Pages of a few outlets (frames, related lists, comment forms), copies, and unknown pages. */
  private static List<Doc> collection(long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    Pages pages = new Pages(seed, Pages.LATIN, 3000);
    List<String> stories = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      stories.add(pages.words(60 + r.nextInt(120)));
    }
    List<Pages.Outlet> outlets = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      outlets.add(pages.outlet());
    }
    List<Doc> docs = new ArrayList<>();
    for (int i = 0; i < 160; i++) {
      int o = r.nextInt(outlets.size() + 1);
      String story = stories.get(r.nextInt(stories.size()));
      String related = stories.get(r.nextInt(stories.size())).substring(0, 40);
      String text = o == outlets.size() ? story : outlets.get(o).page(story, related);
      String source = o == outlets.size() ? FurnitureModel.UNKNOWN_SOURCE : "outlet" + o;
      // Repeated ids tie on the frozen hash: the input position decides.
      String id = "doc-" + (i % 150);
      docs.add(new Doc(i, id, source, PROFILER.profile(text).shingles()));
    }
    return docs;
  }

  private static FurnitureModel fromCounts(List<Doc> docs, FurnitureOptions options) {
    Map<String, List<Doc>> bySource = new TreeMap<>();
    for (Doc d : docs) {
      bySource.computeIfAbsent(d.source(), s -> new ArrayList<>()).add(d);
    }
    Map<String, ShingleSet> furniture = new TreeMap<>();
    for (Map.Entry<String, List<Doc>> e : bySource.entrySet()) {
      List<Doc> ordered = new ArrayList<>(e.getValue());
      ordered.sort(
          Comparator.comparingLong((Doc d) -> ShingleHashing.token(d.id()))
              .thenComparing(Doc::id)
              .thenComparingInt(Doc::position));
      TreeMap<Long, List<Integer>> holders = new TreeMap<>();
      for (int k = 0; k < ordered.size(); k++) {
        ShingleSet s = ordered.get(k).shingles();
        for (int i = 0; i < s.size(); i++) {
          holders.computeIfAbsent(s.get(i), h -> new ArrayList<>()).add(k);
        }
      }
      holders.values().removeIf(l -> l.size() < options.minDocuments());
      long[] shingles = new long[holders.size()];
      int[] frequencies = new int[holders.size()];
      int[][] first = new int[holders.size()][];
      int c = 0;
      for (Map.Entry<Long, List<Integer>> h : holders.entrySet()) {
        shingles[c] = h.getKey();
        frequencies[c] = h.getValue().size();
        first[c] =
            h.getValue().stream().limit(options.sample()).mapToInt(Integer::intValue).toArray();
        c++;
      }
      int[] frame = new int[Math.min(ordered.size(), options.sample())];
      for (int k = 0; k < frame.length; k++) {
        frame[k] = k;
      }
      ShingleSet[] samples = ordered.stream().map(Doc::shingles).toArray(ShingleSet[]::new);
      SourceCounts counts =
          SourceCounts.of(ordered.size(), shingles, frequencies, first, frame, samples);
      boolean known = !e.getKey().equals(FurnitureModel.UNKNOWN_SOURCE);
      furniture.put(
          e.getKey(), FurnitureLearner.learnSource(counts, known, options, Cancellation.never()));
    }
    return FurnitureModel.of(PROFILER.shingles(), options, furniture);
  }

  private static FurnitureModel learned(List<Doc> docs, FurnitureOptions options) {
    return FurnitureLearner.learn(
        docs.stream().map(Doc::id).toArray(String[]::new),
        docs.stream().map(Doc::source).toArray(String[]::new),
        docs.stream().map(Doc::shingles).toArray(ShingleSet[]::new),
        PROFILER.shingles(),
        options,
        Cancellation.never());
  }

  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3, 4, 5})
  void countsGiveTheLearnersModel(long seed) {
    List<Doc> docs = collection(seed);
    FurnitureModel expected = learned(docs, FurnitureOptions.defaults());
    assertFalse(expected.isEmpty(), "the collection has furniture to find");
    assertEquals(expected, fromCounts(docs, FurnitureOptions.defaults()));
  }

  @Test
  void countsGiveTheLearnersModelWithOtherOptions() {
    List<Doc> docs = collection(9);
    FurnitureOptions options = new FurnitureOptions(4, 0.4, 0.6, 5, 10);
    assertEquals(learned(docs, options), fromCounts(docs, options));
  }

  @Test
  void countsThatDoNotFitTheOptionsAreRejected() {
    ShingleSet[] samples = {ShingleSet.of(1, 2), ShingleSet.of(1, 2), ShingleSet.of(1, 2)};
    FurnitureOptions options = FurnitureOptions.defaults();
    SourceCounts tooFewFirst =
        SourceCounts.of(
            3, new long[] {1}, new int[] {3}, new int[][] {{0, 1}}, new int[] {0, 1, 2}, samples);
    assertThrows(
        IllegalArgumentException.class,
        () -> FurnitureLearner.learnSource(tooFewFirst, true, options, Cancellation.never()));
    assertThrows(
        IllegalArgumentException.class,
        () ->
            SourceCounts.of(
                3,
                new long[] {2, 1},
                new int[] {3, 3},
                new int[][] {{0}, {0}},
                new int[0],
                samples));
    assertThrows(
        IllegalArgumentException.class,
        () ->
            SourceCounts.of(
                3, new long[] {1}, new int[] {3}, new int[][] {{5}}, new int[0], samples));
  }
}
