package io.textsim.core.measure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.textsim.core.TextProfile;
import io.textsim.core.TextProfiler;
import io.textsim.core.shingle.ShingleConfig;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The contract every {@link SimilarityMeasure} passes: null arguments, blank input, identity,
 * symmetry, range, and the triangle inequality for {@link Metric}s. Run on seeded random texts that
 * mix ASCII, accents, combining marks, CJK, RTL and characters outside the BMP.
 */
class MeasureContractTest {
  private static final String[] WORDS = {
    "iran",
    "azerbaijan",
    "culture",
    "minister",
    "the",
    "of",
    "café",
    "cafe\u0301",
    "東京",
    "都",
    "مرحبا",
    "שלום",
    "\uD835\uDCB3\uD835\uDCB4",
    "naïve",
    "ties",
    "Baku",
    "İstanbul",
    "2022"
  };

  private static final TextProfiler PROFILER =
      TextProfiler.defaults().withShingles(ShingleConfig.words(2));
  private static final IdfModel IDF =
      IdfModel.of(texts(40, 7).stream().map(PROFILER::profile).toList());

  static Stream<Arguments> measures() {
    return Stream.of(
        Arguments.of("jaccard", Measures.jaccard(), true),
        Arguments.of("containment", Measures.containment(), false),
        Arguments.of("overlap", Measures.overlap(), true),
        Arguments.of("cosine", Measures.cosine(), true),
        Arguments.of("tfidf_cosine", Measures.cosine(IDF), true),
        Arguments.of("levenshtein", Measures.levenshtein(), true),
        Arguments.of("token_levenshtein", Measures.tokenLevenshtein(), true),
        Arguments.of("minhash", Measures.minHash(), true),
        Arguments.of("simhash", Measures.simHash(), true),
        Arguments.of("jaro_winkler", Measures.jaroWinkler(), true),
        Arguments.of("damerau_osa", Measures.damerauOsa(), true),
        Arguments.of("dice", Measures.dice(), true),
        Arguments.of("lcs", Measures.lcs(), true));
  }

  static List<String> texts(int count, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    List<String> out = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      StringBuilder sb = new StringBuilder();
      int words = random.nextInt(0, 25);
      for (int w = 0; w < words; w++) {
        sb.append(WORDS[random.nextInt(WORDS.length)]).append(random.nextInt(8) == 0 ? ", " : " ");
      }
      out.add(sb.toString());
    }
    return out;
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("measures")
  void rejectsNull(String name, SimilarityMeasure m, boolean symmetric) {
    TextProfile p = PROFILER.profile("x");
    assertEquals(
        "a", assertThrows(NullPointerException.class, () -> m.similarity(null, p)).getMessage());
    assertEquals(
        "b", assertThrows(NullPointerException.class, () -> m.similarity(p, null)).getMessage());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("measures")
  void blankInput(String name, SimilarityMeasure m, boolean symmetric) {
    TextProfile empty = PROFILER.profile("");
    TextProfile spaces = PROFILER.profile("  \n\t ");
    TextProfile text = PROFILER.profile("the culture minister");
    assertEquals(1.0, m.similarity(empty, empty), name);
    assertEquals(1.0, m.similarity(empty, spaces), name);
    assertEquals(0.0, m.similarity(empty, text), name);
    assertEquals(0.0, m.similarity(text, empty), name);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("measures")
  void identityRangeAndSymmetry(String name, SimilarityMeasure m, boolean symmetric) {
    List<TextProfile> profiles = texts(60, 11).stream().map(PROFILER::profile).toList();
    for (TextProfile a : profiles) {
      assertEquals(1.0, m.similarity(a, a), 1e-12, name + " identity");
      for (TextProfile b : profiles) {
        double ab = m.similarity(a, b);
        assertTrue(ab >= 0.0 && ab <= 1.0, name + " out of range: " + ab);
        assertFalse(Double.isNaN(ab));
        if (symmetric) {
          assertEquals(ab, m.similarity(b, a), 1e-12, name + " symmetry");
        }
      }
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("measures")
  void profilesWithDifferentSettingsAreRefused(
      String name, SimilarityMeasure m, boolean symmetric) {
    TextProfile words2 = PROFILER.profile("a b c");
    TextProfile words3 =
        TextProfiler.defaults().withShingles(ShingleConfig.words(3)).profile("a b c");
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> m.similarity(words2, words3));
    assertTrue(e.getMessage().contains("different settings"), e.getMessage());
  }

  @org.junit.jupiter.api.Test
  void jaccardDistanceIsAMetric() {
    Metric m = Measures.jaccard();
    List<TextProfile> profiles = texts(40, 13).stream().map(PROFILER::profile).toList();
    for (TextProfile a : profiles) {
      for (TextProfile b : profiles) {
        for (TextProfile c : profiles) {
          assertTrue(
              m.distance(a, c) <= m.distance(a, b) + m.distance(b, c) + 1e-12,
              "triangle inequality");
        }
      }
    }
  }

  @org.junit.jupiter.api.Test
  void containmentIsDirectional() {
    TextProfile story = PROFILER.profile("the culture minister met the ambassador in baku");
    TextProfile page =
        PROFILER.profile("menu home the culture minister met the ambassador in baku share comment");
    assertEquals(1.0, Measures.containment().similarity(story, page));
    assertTrue(Measures.containment().similarity(page, story) < 0.7);
  }
}
