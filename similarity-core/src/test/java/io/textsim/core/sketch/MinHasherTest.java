package io.textsim.core.sketch;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.textsim.core.TextProfile;
import io.textsim.core.TextProfiler;
import io.textsim.core.shingle.ShingleConfig;
import io.textsim.core.shingle.ShingleSet;
import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

class MinHasherTest {
  private static final ShingleConfig W4 = ShingleConfig.words(4);

  /** Known answers, written out so that a change in the hash functions is visible in the diff. */
  @Test
  void classicKnownAnswers() {
    MinHasher hasher = MinHasher.of(MinHashParameters.classic(4, 42, W4));
    assertArrayEquals(CLASSIC_123, hasher.sign(ShingleSet.of(1, 2, 3)).slots());
  }

  @Test
  void onePermutationKnownAnswers() {
    MinHasher hasher = MinHasher.of(MinHashParameters.onePermutation(4, 42, W4));
    assertArrayEquals(OPH_123, hasher.sign(ShingleSet.of(1, 2, 3)).slots());
  }

  // Computed when format version 1 was frozen, and checked against an independent Python
  // transcription of the definition. These never change.
  private static final long[] CLASSIC_123 = {
    0x163099A7D83C0CCFL, 0x082C0C7DA89B8B6CL, 0x3BBE92A2D5A56848L, 0x2BB881B89E2BDD50L
  };
  // Three shingles in four bins: two bins are filled and each lends its value to an empty one.
  private static final long[] OPH_123 = {
    0x233C784A505ED109L, 0x233C784A505ED109L, 0x513AA02C5EB4FC36L, 0x513AA02C5EB4FC36L
  };

  static Stream<Arguments> oracleCases() {
    SplittableRandom random = new SplittableRandom(20240601);
    Stream.Builder<Arguments> cases = Stream.builder();
    int[] sizes = {0, 1, 2, 3, 4, 5, 17, 64, 127, 128, 129, 500, 501, 2000};
    int[] ks = {1, 2, 3, 7, 64, 128, 200, 1000};
    for (MinHashFamily family : MinHashFamily.values()) {
      for (int size : sizes) {
        int k = ks[random.nextInt(ks.length)];
        cases.add(Arguments.of(family, size, k, random.nextLong()));
      }
      for (int k : ks) {
        cases.add(Arguments.of(family, random.nextInt(1, 300), k, random.nextLong()));
      }
    }
    return cases.build();
  }

  /**
   * The fast loops (pairs of shingles, branch-free minimum, densification) match the definition.
   */
  @ParameterizedTest(name = "{0} n={1} k={2} seed={3}")
  @MethodSource("oracleCases")
  void matchesReferenceImplementation(MinHashFamily family, int size, int k, long seed) {
    MinHashParameters p = new MinHashParameters(family, k, seed, W4);
    ShingleSet set = ShingleSet.of(SketchTestData.randomDistinct(new SplittableRandom(seed), size));
    MinHashSignature sig = MinHasher.of(p).sign(set);
    assertArrayEquals(ReferenceMinHash.slots(p, set), sig.slots());
    assertEquals(p, sig.parameters());
    assertEquals(MinHashSignature.FORMAT_VERSION, sig.formatVersion());
    for (long v : sig.slots()) {
      assertTrue(size == 0 ? v == MinHashSignature.EMPTY_SLOT : v >= 0, "slot " + v);
    }
  }

  /** Structured input (consecutive integers) is pre-mixed, so it works like random input. */
  @ParameterizedTest
  @EnumSource(MinHashFamily.class)
  void consecutiveIntegersMatchReference(MinHashFamily family) {
    long[] values = new long[300];
    for (int i = 0; i < values.length; i++) {
      values[i] = i;
    }
    MinHashParameters p = new MinHashParameters(family, 128, 7, W4);
    ShingleSet set = ShingleSet.of(values);
    assertArrayEquals(ReferenceMinHash.slots(p, set), MinHasher.of(p).sign(set).slots());
  }

  @ParameterizedTest
  @EnumSource(MinHashFamily.class)
  void emptySetHasTheEmptySignature(MinHashFamily family) {
    MinHashSignature sig =
        MinHasher.of(new MinHashParameters(family, 16, 1, W4)).sign(ShingleSet.empty());
    assertTrue(sig.isEmpty());
    long[] expected = new long[16];
    Arrays.fill(expected, -1L);
    assertArrayEquals(expected, sig.slots());
  }

  @ParameterizedTest
  @EnumSource(MinHashFamily.class)
  void singletonFillsEverySlotWithItsValue(MinHashFamily family) {
    MinHashSignature sig =
        MinHasher.of(new MinHashParameters(family, 128, 3, W4)).sign(ShingleSet.of(12345L));
    if (family == MinHashFamily.ONE_PERMUTATION) {
      // One shingle fills one bin; densification copies it everywhere.
      assertEquals(1, Arrays.stream(sig.slots()).distinct().count());
    }
    assertEquals(1.0, sig.estimateJaccard(sig));
  }

  @ParameterizedTest
  @EnumSource(MinHashFamily.class)
  void identicalSetsEstimateOneAndDisjointSetsNearZero(MinHashFamily family) {
    MinHasher hasher = MinHasher.of(new MinHashParameters(family, 128, 99, W4));
    SplittableRandom random = new SplittableRandom(5);
    long[] a = SketchTestData.randomDistinct(random, 400);
    long[] b = SketchTestData.randomDistinct(random, 400);
    MinHashSignature sa = hasher.sign(ShingleSet.of(a));
    assertEquals(1.0, sa.estimateJaccard(hasher.sign(ShingleSet.of(a))));
    assertTrue(sa.estimateJaccard(hasher.sign(ShingleSet.of(b))) < 0.05);
  }

  @Test
  void seedsChangeTheSignature() {
    ShingleSet set = SketchTestData.textShingles();
    MinHashSignature s1 = MinHasher.of(MinHashParameters.classic(128, 1, W4)).sign(set);
    MinHashSignature s2 = MinHasher.of(MinHashParameters.classic(128, 2, W4)).sign(set);
    assertTrue(
        Arrays.stream(s1.slots()).noneMatch(v -> Arrays.stream(s2.slots()).anyMatch(w -> w == v)));
  }

  @Test
  void signsProfilesByTheirShingles() {
    TextProfile profile = TextProfiler.defaults().profile("The council met on Tuesday to vote.");
    MinHasher hasher = MinHasher.defaults();
    assertEquals(hasher.sign(profile.shingles()), hasher.sign(profile));
  }

  @Test
  void refusesProfilesWithOtherShingles() {
    TextProfile profile =
        TextProfiler.defaults()
            .withShingles(ShingleConfig.characters(5))
            .profile("The council met on Tuesday.");
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> MinHasher.defaults().sign(profile));
    assertTrue(e.getMessage().contains("ShingleConfig.characters(5)"), e.getMessage());
    assertTrue(e.getMessage().contains("ShingleConfig.words(4)"), e.getMessage());
  }

  @Test
  void nullArgumentsAreNamed() {
    assertEquals(
        "shingles",
        assertThrows(NullPointerException.class, () -> MinHasher.defaults().sign((ShingleSet) null))
            .getMessage());
    assertEquals(
        "profile",
        assertThrows(
                NullPointerException.class, () -> MinHasher.defaults().sign((TextProfile) null))
            .getMessage());
    assertEquals(
        "parameters",
        assertThrows(NullPointerException.class, () -> MinHasher.of(null)).getMessage());
  }

  @Test
  void defaults() {
    assertSame(MinHasher.defaults(), MinHasher.of(MinHashParameters.defaults()));
    assertEquals(MinHashParameters.defaults(), MinHasher.defaults().parameters());
    assertEquals(
        new MinHashParameters(MinHashFamily.CLASSIC, 128, 42, ShingleConfig.words(4)),
        MinHashParameters.defaults());
    assertEquals(
        "MinHasher.of(MinHashParameters[family=CLASSIC, numHashes=128, seed=42,"
            + " shingles=ShingleConfig.words(4)])",
        MinHasher.defaults().toString());
  }

  @Test
  void parametersAreValidated() {
    assertEquals(
        "numHashes must be between 1 and 65536, got 0",
        assertThrows(IllegalArgumentException.class, () -> MinHashParameters.classic(0, 1, W4))
            .getMessage());
    assertThrows(
        IllegalArgumentException.class, () -> MinHashParameters.onePermutation(65537, 1, W4));
    assertEquals(
        "family",
        assertThrows(NullPointerException.class, () -> new MinHashParameters(null, 1, 1, W4))
            .getMessage());
    assertEquals(
        "shingles",
        assertThrows(NullPointerException.class, () -> MinHashParameters.classic(1, 1, null))
            .getMessage());
    MinHashParameters p = MinHashParameters.defaults();
    assertEquals(
        MinHashFamily.ONE_PERMUTATION, p.withFamily(MinHashFamily.ONE_PERMUTATION).family());
    assertEquals(64, p.withNumHashes(64).numHashes());
    assertEquals(-1L, p.withSeed(-1L).seed());
    assertEquals(W4, p.withShingles(ShingleConfig.characters(3)).withShingles(W4).shingles());
  }

  @Test
  void familyCodes() {
    assertEquals(MinHashFamily.CLASSIC, MinHashFamily.fromCode(1));
    assertEquals(MinHashFamily.ONE_PERMUTATION, MinHashFamily.fromCode(2));
    assertThrows(IllegalArgumentException.class, () -> MinHashFamily.fromCode(0));
  }
}
