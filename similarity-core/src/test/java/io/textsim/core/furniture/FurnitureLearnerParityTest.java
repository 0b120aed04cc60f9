package io.textsim.core.furniture;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.textsim.core.Cancellation;
import io.textsim.core.TextProfiler;
import io.textsim.core.shingle.ShingleSet;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The learner gives, byte for byte, the model of {@link ReferenceFurnitureLearner} (the learner
 * before its lookups and shared decisions): on seeded collections of outlets with frames, related
 * lists and comment forms, stories that many outlets carry, copies, pages of no known source, under
 * several settings, and on degenerate collections.
 */
class FurnitureLearnerParityTest {
  private static final TextProfiler PROFILER = TextProfiler.defaults();

  private record Collection(String[] ids, String[] sources, ShingleSet[] shingles) {}

  private static Collection collection(long seed, int size, boolean unknownOnly) {
    SplittableRandom r = new SplittableRandom(seed);
    Pages pages =
        new Pages(seed, r.nextBoolean() ? Pages.LATIN : Pages.PERSIAN, 800 + r.nextInt(3000));
    List<String> stories = new ArrayList<>();
    int storyCount = 10 + r.nextInt(60);
    for (int i = 0; i < storyCount; i++) {
      // Short stories too, so that some pages are mostly furniture.
      stories.add(pages.words(r.nextInt(4) == 0 ? 5 + r.nextInt(20) : 40 + r.nextInt(150)));
    }
    int outletCount = 1 + r.nextInt(8);
    List<Pages.Outlet> outlets = new ArrayList<>();
    for (int i = 0; i < outletCount; i++) {
      outlets.add(pages.outlet());
    }
    String[] ids = new String[size];
    String[] sources = new String[size];
    ShingleSet[] shingles = new ShingleSet[size];
    for (int i = 0; i < size; i++) {
      int o = r.nextInt(outletCount + 1);
      // A few stories carried by most pages (a wire story), the rest spread.
      String story = stories.get(r.nextInt(5) == 0 ? r.nextInt(3) : r.nextInt(stories.size()));
      String related = stories.get(r.nextInt(stories.size()));
      related = related.substring(0, Math.min(related.length(), 30 + r.nextInt(40)));
      String text = o == outletCount ? story : outlets.get(o).page(story, related);
      if (r.nextInt(10) == 0) {
        text = text + " " + pages.words(r.nextInt(30)); // a page's own tail
      }
      boolean known = !unknownOnly && o < outletCount && r.nextInt(6) != 0;
      sources[i] = known ? "outlet" + o : FurnitureModel.UNKNOWN_SOURCE;
      ids[i] = "page-" + (r.nextInt(8) == 0 ? r.nextInt(size) : i); // some ids repeat
      shingles[i] = PROFILER.profile(text).shingles();
    }
    return new Collection(ids, sources, shingles);
  }

  static Stream<Arguments> settings() {
    List<Arguments> out = new ArrayList<>();
    FurnitureOptions[] options = {
      FurnitureOptions.defaults(),
      new FurnitureOptions(2, 0.5, 0.5, 8, 25),
      new FurnitureOptions(3, 0.3, 0.3, 2, 3),
      new FurnitureOptions(3, 0.8, 0.7, 64, 10),
      new FurnitureOptions(4, 1.0, 1.0, 5, 4),
    };
    for (long seed = 1; seed <= 12; seed++) {
      out.add(
          Arguments.of(seed, options[(int) (seed % options.length)], seed % 3 == 0, seed % 4 == 0));
    }
    return out.stream();
  }

  @ParameterizedTest
  @MethodSource("settings")
  void theModelIsTheReferenceLearnersModel(
      long seed, FurnitureOptions options, boolean unknownOnly, boolean large) {
    Collection c = collection(seed, large ? 700 : 160, unknownOnly);
    FurnitureModel expected =
        ReferenceFurnitureLearner.learn(
            c.ids(), c.sources(), c.shingles(), PROFILER.shingles(), options, Cancellation.never());
    FurnitureModel actual =
        FurnitureLearner.learn(
            c.ids(), c.sources(), c.shingles(), PROFILER.shingles(), options, Cancellation.never());
    assertEquals(expected, actual, "seed " + seed);
    assertArrayEquals(expected.toBytes(), actual.toBytes(), "seed " + seed);
    if (options.equals(FurnitureOptions.defaults())) {
      assertFalse(actual.isEmpty(), "the collection has furniture to find");
    }
  }

  /** Every page the same, pages without shingles, pages of one shingle, one shingle on all. */
  @Test
  void degenerateCollectionsGiveTheReferenceModel() {
    SplittableRandom r = new SplittableRandom(99);
    List<ShingleSet[]> cases = new ArrayList<>();
    ShingleSet page = PROFILER.profile(new Pages(5, Pages.LATIN, 500).words(80)).shingles();
    ShingleSet[] same = new ShingleSet[30];
    Arrays.fill(same, page);
    cases.add(same);
    ShingleSet[] empty = new ShingleSet[30];
    Arrays.fill(empty, ShingleSet.empty());
    cases.add(empty);
    ShingleSet[] mixed = new ShingleSet[60];
    for (int i = 0; i < mixed.length; i++) {
      long[] own = new long[r.nextInt(4) == 0 ? 0 : 1 + r.nextInt(20)];
      for (int k = 0; k < own.length; k++) {
        own[k] = r.nextInt(3) == 0 ? r.nextInt(12) : r.nextLong(); // few values recur
      }
      mixed[i] = ShingleSet.of(own);
    }
    cases.add(mixed);
    for (ShingleSet[] sets : cases) {
      for (boolean known : new boolean[] {true, false}) {
        String[] ids = new String[sets.length];
        String[] sources = new String[sets.length];
        for (int i = 0; i < sets.length; i++) {
          ids[i] = "d" + i;
          sources[i] = known ? "s" + (i % 2) : FurnitureModel.UNKNOWN_SOURCE;
        }
        FurnitureOptions options = new FurnitureOptions(2, 0.5, 0.5, 4, 3);
        assertEquals(
            ReferenceFurnitureLearner.learn(
                ids, sources, sets, PROFILER.shingles(), options, Cancellation.never()),
            FurnitureLearner.learn(
                ids, sources, sets, PROFILER.shingles(), options, Cancellation.never()));
      }
    }
  }

  /** Samples grouped by the table against a comparison of every pair of candidates. */
  @Test
  void equalSamplesAreFoundAsByComparingEveryPair() {
    SplittableRandom r = new SplittableRandom(7);
    for (int round = 0; round < 300; round++) {
      int sample = 2 + r.nextInt(8);
      int candidates = r.nextInt(round % 10 == 0 ? 3000 : 60);
      int documents = 1 + r.nextInt(round % 2 == 0 ? 4 : 50); // few documents: many equal samples
      int[] firstDocs = new int[candidates * sample];
      int[] filled = new int[candidates];
      boolean[] frame = new boolean[candidates];
      for (int c = 0; c < candidates; c++) {
        filled[c] = 1 + r.nextInt(sample);
        frame[c] = r.nextInt(7) == 0;
        for (int i = 0; i < filled[c]; i++) {
          firstDocs[c * sample + i] = r.nextInt(documents);
        }
        // Stale entries past `filled` must not matter.
        for (int i = filled[c]; i < sample; i++) {
          firstDocs[c * sample + i] = r.nextInt(1000);
        }
      }
      int[] byFrequency = new int[candidates];
      for (int k = 0; k < candidates; k++) {
        byFrequency[k] = k;
      }
      for (int k = candidates - 1; k > 0; k--) {
        int j = r.nextInt(k + 1);
        int t = byFrequency[k];
        byFrequency[k] = byFrequency[j];
        byFrequency[j] = t;
      }
      int from = candidates == 0 ? 0 : r.nextInt(candidates);
      int to = from + r.nextInt(candidates - from + 1);
      int[] same =
          FurnitureLearner.firstOfEqualSamples(
              from, to, byFrequency, frame, firstDocs, filled, sample);
      for (int x = 0; x < to - from; x++) {
        int c = byFrequency[from + x];
        int expected = -1;
        if (!frame[c]) {
          for (int y = 0; y <= x && expected < 0; y++) {
            int d = byFrequency[from + y];
            if (!frame[d]
                && Arrays.equals(
                    Arrays.copyOfRange(firstDocs, c * sample, c * sample + filled[c]),
                    Arrays.copyOfRange(firstDocs, d * sample, d * sample + filled[d]))) {
              expected = y;
            }
          }
        }
        assertEquals(expected, same[x], "round " + round + " candidate " + x);
      }
    }
  }
}
