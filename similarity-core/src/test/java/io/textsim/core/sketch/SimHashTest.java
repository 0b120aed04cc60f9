package io.textsim.core.sketch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.textsim.core.TermFrequencies;
import io.textsim.core.TextProfile;
import io.textsim.core.TextProfiler;
import io.textsim.core.shingle.ShingleConfig;
import io.textsim.core.shingle.ShingleHashing;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SimHashTest {
  /** Frozen when SimHash version 1 was released; never changes. */
  private static final long TEXT_SIMHASH = 0x780DF485C9DB1C5CL;

  @Test
  void knownAnswer() {
    TermFrequencies terms = TermFrequencies.of(SketchTestData.tokenHashes(SketchTestData.TEXT));
    assertEquals(new SimHashSignature(TEXT_SIMHASH), SimHash.of(terms));
    assertEquals(new SimHashSignature(reference(terms)), SimHash.of(terms));
  }

  /** The definition, one bit and one occurrence at a time. */
  private static long reference(TermFrequencies terms) {
    long bits = 0;
    for (int i = 0; i < 64; i++) {
      long weight = 0;
      for (int t = 0; t < terms.size(); t++) {
        for (int c = 0; c < terms.count(t); c++) {
          weight += ((terms.term(t) >>> i) & 1) == 1 ? 1 : -1;
        }
      }
      if (weight > 0) {
        bits |= 1L << i;
      }
    }
    return bits;
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 2, 3, 10, 100, 1000})
  void matchesTheDefinitionOnRandomBags(int tokens) {
    SplittableRandom random = new SplittableRandom(tokens);
    for (int trial = 0; trial < 20; trial++) {
      long[] vocabulary = SketchTestData.randomDistinct(random, 1 + random.nextInt(50));
      long[] text = new long[tokens];
      for (int i = 0; i < tokens; i++) {
        text[i] = vocabulary[random.nextInt(vocabulary.length)];
      }
      TermFrequencies terms = TermFrequencies.of(text);
      assertEquals(reference(terms), SimHash.of(terms).bits());
    }
  }

  @Test
  void countsAreWeights() {
    long heavy = ShingleHashing.token("budget");
    long[] text = new long[] {heavy, heavy, heavy, heavy, heavy, 1L, 2L, 3L, 4L};
    // Weight 5 against four words of weight 1: every bit follows the heavy word.
    assertEquals(heavy, SimHash.of(TermFrequencies.of(text)).bits());
  }

  @Test
  void blankTexts() {
    TextProfiler profiler = TextProfiler.defaults();
    TextProfile blank = profiler.profile("  ... ");
    TextProfile empty = profiler.profile("");
    TextProfile text = profiler.profile("The council met on Tuesday.");
    assertEquals(new SimHashSignature(0), SimHash.of(blank));
    assertEquals(1.0, SimHash.of(blank).similarity(SimHash.of(empty)));
    assertEquals(1.0, SimHash.similarity(blank, empty));
    assertEquals(0.0, SimHash.similarity(blank, text));
    assertEquals(0.0, SimHash.similarity(text, blank));
    assertEquals(1.0, SimHash.similarity(text, text));
  }

  @Test
  void similarTextsAreCloseAndUnrelatedOnesAreNot() {
    TextProfiler profiler = TextProfiler.defaults();
    String story =
        "The city council met on Tuesday to discuss the new budget for public libraries, parks"
            + " and schools in the northern district. Officials said the plan would add three new"
            + " branches and extend opening hours on weekends.";
    TextProfile a = profiler.profile(story);
    TextProfile b = profiler.profile("BREAKING: " + story + " Leave a comment.");
    TextProfile c =
        profiler.profile(
            "A storm brought heavy snow to the mountain passes overnight, closing two highways"
                + " and stranding hundreds of travellers at a ski resort.");
    double near = SimHash.similarity(a, b);
    double far = SimHash.similarity(a, c);
    assertTrue(near > 0.8, "near " + near);
    assertTrue(far < near, "far " + far + " near " + near);
    assertEquals(near, SimHash.similarity(b, a));
  }

  @Test
  void hammingAndSimilarity() {
    SimHashSignature x = new SimHashSignature(0b1011L);
    SimHashSignature y = new SimHashSignature(0b0110L);
    assertEquals(3, x.hammingDistance(y));
    assertEquals(1.0 - 3 / 64.0, x.similarity(y));
    assertEquals(0.0, new SimHashSignature(0).similarity(new SimHashSignature(-1L)));
    assertEquals("SimHashSignature[0x000000000000000B]", x.toString());
  }

  @Test
  void nullsAndMismatchedProfiles() {
    assertEquals(
        "profile",
        assertThrows(NullPointerException.class, () -> SimHash.of((TextProfile) null))
            .getMessage());
    assertEquals(
        "terms",
        assertThrows(NullPointerException.class, () -> SimHash.of((TermFrequencies) null))
            .getMessage());
    TextProfile a = TextProfiler.defaults().profile("one two three");
    TextProfile b =
        TextProfiler.defaults().withShingles(ShingleConfig.words(2)).profile("one two three");
    assertEquals(
        "b",
        assertThrows(NullPointerException.class, () -> SimHash.similarity(a, null)).getMessage());
    assertThrows(IllegalArgumentException.class, () -> SimHash.similarity(a, b));
    assertThrows(NullPointerException.class, () -> new SimHashSignature(1).similarity(null));
  }
}
