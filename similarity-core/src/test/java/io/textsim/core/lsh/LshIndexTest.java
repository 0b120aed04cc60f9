package io.textsim.core.lsh;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.textsim.core.TextProfile;
import io.textsim.core.TextProfiler;
import io.textsim.core.shingle.ShingleConfig;
import io.textsim.core.shingle.ShingleSet;
import io.textsim.core.sketch.MinHashFamily;
import io.textsim.core.sketch.MinHashParameters;
import io.textsim.core.sketch.MinHashSignature;
import io.textsim.core.sketch.MinHasher;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class LshIndexTest {
  private static final MinHashParameters P = MinHashParameters.defaults();
  private static final LshParameters BANDS = new LshParameters(25, 5);

  /** A signature whose slots are all {@code v} (so it shares every band with its equals). */
  private static MinHashSignature constant(long v) {
    long[] slots = new long[P.numHashes()];
    java.util.Arrays.fill(slots, v);
    return MinHashSignature.of(P, slots);
  }

  /** A signature that agrees with {@code base} on band {@code band} (rows 5) and nowhere else. */
  private static MinHashSignature sharingBand(long[] base, int band) {
    long[] slots = new long[base.length];
    for (int i = 0; i < slots.length; i++) {
      slots[i] = i / 5 == band ? base[i] : base[i] + 1_000_000;
    }
    return MinHashSignature.of(P, slots);
  }

  private static long[] randomSlots(SplittableRandom random) {
    long[] slots = new long[P.numHashes()];
    for (int i = 0; i < slots.length; i++) {
      slots[i] = random.nextLong(1L << 40);
    }
    return slots;
  }

  @Test
  void addRemoveContainsSize() {
    LshIndex<String> index = LshIndex.create(P, BANDS);
    assertEquals(0, index.size());
    index.add("a", constant(1));
    index.add("b", constant(1));
    index.add("c", constant(2));
    assertEquals(3, index.size());
    assertTrue(index.contains("a"));
    assertFalse(index.contains("z"));
    assertEquals(Set.of("a", "b"), index.candidates(constant(1)));
    assertEquals(Set.of("c"), index.candidates(constant(2)));
    assertEquals(Set.of(), index.candidates(constant(3)));
    assertTrue(index.remove("a"));
    assertFalse(index.remove("a"));
    assertFalse(index.contains("a"));
    assertEquals(Set.of("b"), index.candidates(constant(1)));
    assertEquals(2, index.size());
  }

  @Test
  void removesFromAnyPositionOfABucket() {
    LshIndex<Integer> index = LshIndex.create(P, BANDS);
    for (int i = 0; i < 10; i++) {
      index.add(i, constant(7));
    }
    // Head (last added), middle, tail (first added).
    assertTrue(index.remove(9));
    assertTrue(index.remove(5));
    assertTrue(index.remove(0));
    assertEquals(Set.of(1, 2, 3, 4, 6, 7, 8), index.candidates(constant(7)));
    for (int i : List.of(1, 2, 3, 4, 6, 7, 8)) {
      index.remove(i);
    }
    assertEquals(Set.of(), index.candidates(constant(7)));
    assertEquals(0, index.size());
    // Freed ordinals are reused.
    index.add(42, constant(7));
    assertEquals(Set.of(42), index.candidates(constant(7)));
  }

  @Test
  void candidatesShareAtLeastOneBand() {
    SplittableRandom random = new SplittableRandom(3);
    long[] base = randomSlots(random);
    LshIndex<String> index = LshIndex.create(P, BANDS);
    index.add("band0", sharingBand(base, 0));
    index.add("band24", sharingBand(base, 24));
    // Slots beyond bands * rows = 125 are not used.
    long[] lastSlots = base.clone();
    for (int i = 0; i < 125; i++) {
      lastSlots[i] += 7;
    }
    index.add("unusedSlotsOnly", MinHashSignature.of(P, lastSlots));
    index.add("unrelated", MinHashSignature.of(P, randomSlots(random)));
    assertEquals(Set.of("band0", "band24"), index.candidates(MinHashSignature.of(P, base)));
  }

  @Test
  void addingAnExistingKeyReplacesItsSignature() {
    LshIndex<String> index = LshIndex.create(P, BANDS);
    index.add("a", constant(1));
    index.add("a", constant(2));
    assertEquals(1, index.size());
    assertEquals(Set.of(), index.candidates(constant(1)));
    assertEquals(Set.of("a"), index.candidates(constant(2)));
  }

  @Test
  void emptySetsAreCandidatesOfEachOtherOnly() {
    MinHasher hasher = MinHasher.of(P);
    LshIndex<String> index = LshIndex.create(P, BANDS);
    index.add("empty1", hasher.sign(ShingleSet.empty()));
    index.add("empty2", hasher.sign(ShingleSet.empty()));
    index.add("full", hasher.sign(ShingleSet.of(1, 2, 3)));
    assertEquals(Set.of("empty1", "empty2"), index.candidates(hasher.sign(ShingleSet.empty())));
    assertEquals(Set.of("full"), index.candidates(hasher.sign(ShingleSet.of(1, 2, 3))));
  }

  @Test
  void candidatesAreAnUnmodifiableSnapshot() {
    LshIndex<String> index = LshIndex.create(P, BANDS);
    index.add("a", constant(1));
    Set<String> candidates = index.candidates(constant(1));
    index.add("b", constant(1));
    assertEquals(Set.of("a"), candidates);
    assertThrows(UnsupportedOperationException.class, () -> candidates.add("c"));
  }

  @Test
  void queryVerifiesFiltersSortsAndLimits() {
    LshIndex<String> index = LshIndex.create(P, BANDS);
    Map<String, Double> scores = new HashMap<>();
    String[] keys = {"e", "d", "c", "b", "a", "f"};
    double[] values = {0.9, 0.5, 0.9, 0.95, 0.2, 0.9};
    for (int i = 0; i < keys.length; i++) {
      index.add(keys[i], constant(1));
      scores.put(keys[i], values[i]);
    }
    index.add("other", constant(2));
    List<String> verified = new ArrayList<>();
    List<Match<String>> top =
        index.query(
            constant(1),
            4,
            k -> {
              verified.add(k);
              return scores.get(k);
            },
            0.5);
    assertEquals(
        List.of(
            new Match<>("b", 0.95),
            new Match<>("c", 0.9),
            new Match<>("e", 0.9),
            new Match<>("f", 0.9)),
        top);
    assertEquals(6, verified.size(), "every candidate verified once, non-candidates never");
    assertEquals(5, index.query(constant(1), 10, scores::get, 0.5).size());
    assertEquals(List.of(new Match<>("b", 0.95)), index.query(constant(1), 1, scores::get, 0.0));
    assertEquals(List.of(), index.query(constant(3), 10, scores::get, 0.0));
  }

  @Test
  void customKeyOrderBreaksTies() {
    LshIndex<String> index = LshIndex.create(P, BANDS, Comparator.<String>reverseOrder());
    index.add("a", constant(1));
    index.add("b", constant(1));
    assertEquals(
        List.of(new Match<>("b", 1.0), new Match<>("a", 1.0)),
        index.query(constant(1), 5, k -> 1.0, 0.0));
  }

  @Test
  void queryArgumentValidation() {
    LshIndex<String> index = LshIndex.create(P, BANDS);
    index.add("a", constant(1));
    assertEquals(
        "topK must be >= 1, got 0",
        assertThrows(
                IllegalArgumentException.class, () -> index.query(constant(1), 0, k -> 1.0, 0.5))
            .getMessage());
    assertEquals(
        "minScore must be in [0, 1], got 1.5",
        assertThrows(
                IllegalArgumentException.class, () -> index.query(constant(1), 1, k -> 1.0, 1.5))
            .getMessage());
    assertThrows(
        IllegalArgumentException.class, () -> index.query(constant(1), 1, k -> 1.0, Double.NaN));
    assertEquals(
        "verifier returned NaN for key a",
        assertThrows(
                IllegalArgumentException.class,
                () -> index.query(constant(1), 1, k -> Double.NaN, 0.5))
            .getMessage());
    assertEquals(
        "verifier",
        assertThrows(NullPointerException.class, () -> index.query(constant(1), 1, null, 0.5))
            .getMessage());
    assertEquals(
        "signature",
        assertThrows(
                NullPointerException.class,
                () -> index.query((MinHashSignature) null, 1, k -> 1.0, 0.5))
            .getMessage());
  }

  @Test
  void nullArgumentsAreNamed() {
    LshIndex<String> index = LshIndex.create(P, BANDS);
    assertEquals(
        "key",
        assertThrows(NullPointerException.class, () -> index.add(null, constant(1))).getMessage());
    assertEquals(
        "signature",
        assertThrows(NullPointerException.class, () -> index.add("a", (MinHashSignature) null))
            .getMessage());
    assertEquals(
        "key", assertThrows(NullPointerException.class, () -> index.remove(null)).getMessage());
    assertEquals(
        "key", assertThrows(NullPointerException.class, () -> index.contains(null)).getMessage());
    assertEquals(
        "signature",
        assertThrows(NullPointerException.class, () -> index.candidates((MinHashSignature) null))
            .getMessage());
    assertEquals(
        "minHash",
        assertThrows(NullPointerException.class, () -> LshIndex.<String>create(null, BANDS))
            .getMessage());
    assertEquals(
        "lsh",
        assertThrows(NullPointerException.class, () -> LshIndex.<String>create(P, null))
            .getMessage());
    assertEquals(
        "keyOrder",
        assertThrows(NullPointerException.class, () -> LshIndex.<String>create(P, BANDS, null))
            .getMessage());
  }

  @Test
  void refusesMismatchedSignatures() {
    LshIndex<String> index = LshIndex.create(P, BANDS);
    MinHashParameters other = P.withSeed(43);
    MinHashSignature foreign = MinHasher.of(other).sign(ShingleSet.of(1, 2));
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> index.add("a", foreign));
    assertTrue(e.getMessage().contains(other.toString()), e.getMessage());
    assertTrue(e.getMessage().contains(P.toString()), e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> index.candidates(foreign));
    assertThrows(IllegalArgumentException.class, () -> index.query(foreign, 1, k -> 1.0, 0.0));
    assertEquals(0, index.size());
  }

  @Test
  void refusesBandingsLargerThanTheSignature() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class, () -> LshIndex.create(P, new LshParameters(13, 10)));
    assertTrue(e.getMessage().contains("bands * rows = 130 exceeds the 128 slots"), e.getMessage());
  }

  @Test
  void forThresholdChoosesTheBanding() {
    LshIndex<String> index = LshIndex.forThreshold(P, 0.5);
    assertEquals(new LshParameters(25, 5), index.lshParameters());
    assertEquals(P, index.minHashParameters());
    assertThrows(IllegalArgumentException.class, () -> LshIndex.forThreshold(P, 1.2));
    assertEquals("LshIndex[size=0, " + P + ", LshParameters[bands=25, rows=5]]", index.toString());
  }

  @Test
  void indexesAndQueriesProfiles() {
    TextProfiler profiler = TextProfiler.defaults();
    String story =
        "The city council met on Tuesday to discuss the new budget for public libraries, parks"
            + " and schools in the northern district. Officials said the plan would add three new"
            + " branches and extend opening hours on weekends. Residents who spoke at the meeting"
            + " welcomed the proposal but asked how it would be paid for.";
    Map<String, TextProfile> profiles = new HashMap<>();
    profiles.put("original", profiler.profile(story));
    profiles.put("copy", profiler.profile("Leave a Comment. " + story + " 5 + 10 ="));
    profiles.put(
        "other",
        profiler.profile(
            "A storm brought heavy snow to the mountain passes overnight, closing two highways"
                + " and stranding hundreds of travellers at a ski resort."));
    LshIndex<String> index = LshIndex.forThreshold(P, 0.5);
    profiles.forEach(index::add);
    TextProfile query = profiles.get("original");
    assertTrue(index.candidates(query).contains("copy"));
    List<Match<String>> matches =
        index.query(
            query,
            10,
            k -> {
              ShingleSet a = query.shingles();
              ShingleSet b = profiles.get(k).shingles();
              int common = a.intersectionSize(b);
              return (double) common / (a.size() + b.size() - common);
            },
            0.5);
    assertEquals("original", matches.get(0).key());
    assertEquals(1.0, matches.get(0).score());
    assertEquals("copy", matches.get(1).key());
    assertEquals(2, matches.size());

    TextProfile chars = profiler.withShingles(ShingleConfig.characters(5)).profile(story);
    assertThrows(IllegalArgumentException.class, () -> index.add("chars", chars));
  }

  /**
   * Recall: near-duplicate pairs (Jaccard at least 0.8) become candidates with probability {@code 1
   * - (1 - 0.8^5)^25 > 0.9999} under the 0.5-threshold banding; on 400 seeded pairs per family we
   * require 99.5%. Unrelated sets (Jaccard 0) must essentially never be candidates.
   */
  @ParameterizedTest
  @EnumSource(MinHashFamily.class)
  void nearDuplicatesAreFound(MinHashFamily family) {
    MinHashParameters p = MinHashParameters.defaults().withFamily(family);
    MinHasher hasher = MinHasher.of(p);
    LshIndex<Integer> index = LshIndex.forThreshold(p, 0.5);
    SplittableRandom random = new SplittableRandom(2024 + family.ordinal());
    int pairs = 400;
    List<MinHashSignature> queries = new ArrayList<>();
    for (int i = 0; i < pairs; i++) {
      int size = 50 + random.nextInt(450);
      long[] a = new long[size];
      for (int j = 0; j < size; j++) {
        a[j] = random.nextLong();
      }
      // Replace m shingles: J = (size - m) / (size + m) >= 0.8 for m <= size / 9.
      long[] b = a.clone();
      int m = random.nextInt(size / 9 + 1);
      for (int j = 0; j < m; j++) {
        b[j] = random.nextLong();
      }
      index.add(i, hasher.sign(ShingleSet.of(a)));
      queries.add(hasher.sign(ShingleSet.of(b)));
    }
    int found = 0;
    int spurious = 0;
    for (int i = 0; i < pairs; i++) {
      Set<Integer> candidates = index.candidates(queries.get(i));
      if (candidates.contains(i)) {
        found++;
      }
      spurious += candidates.size() - (candidates.contains(i) ? 1 : 0);
    }
    assertTrue(found >= pairs * 0.995, "found " + found + " of " + pairs);
    assertTrue(spurious <= 2, "spurious candidates " + spurious);
  }

  /** 100,000 signatures of 128 slots fit in a modest, predictable amount of memory. */
  @Test
  void holdsAHundredThousandSignatures() {
    LshIndex<Integer> index = LshIndex.forThreshold(P, 0.5);
    SplittableRandom random = new SplittableRandom(9);
    int n = 100_000;
    long[] firstSlots = null;
    for (int i = 0; i < n; i++) {
      long[] slots = randomSlots(random);
      if (i == 0) {
        firstSlots = slots;
      }
      index.add(i, MinHashSignature.of(P, slots));
    }
    assertEquals(n, index.size());
    assertEquals(Set.of(0), index.candidates(MinHashSignature.of(P, firstSlots)));
    long bytes = index.structureBytes();
    // 25 bands: 8 + 4 bytes per key and band (arrays grown by half: 118,342 ordinals), plus 25
    // bucket tables of 2^18 4-byte slots: about 62 MB.
    assertTrue(bytes < 64L << 20, "structure bytes " + bytes);
    Set<Integer> removed = new HashSet<>();
    for (int i = 0; i < n; i += 3) {
      index.remove(i);
      removed.add(i);
    }
    assertEquals(n - removed.size(), index.size());
  }
}
