package io.textsim.evaluation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.textsim.core.TextProfile;
import io.textsim.core.TextProfiler;
import io.textsim.core.measure.IdfModel;
import io.textsim.core.measure.Measures;
import io.textsim.core.measure.SimilarityMeasure;
import io.textsim.core.shingle.ShingleSet;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ExactJoinTest {
  /** Random sets over a small universe, a third of them near-copies of an earlier one. */
  static ShingleSet[] randomSets(long seed, int n) {
    SplittableRandom r = new SplittableRandom(seed);
    ShingleSet[] sets = new ShingleSet[n];
    for (int i = 0; i < n; i++) {
      long[] h;
      if (i > 0 && r.nextInt(3) == 0) {
        h = sets[r.nextInt(i)].toArray();
        for (int k = 0; k < h.length; k++) {
          if (r.nextInt(5) == 0) {
            h[k] = r.nextLong(400);
          }
        }
        if (h.length > 1 && r.nextBoolean()) {
          h = Arrays.copyOf(h, 1 + r.nextInt(h.length));
        }
      } else {
        h = new long[1 + r.nextInt(60)];
        for (int k = 0; k < h.length; k++) {
          // Some huge hashes, so that signed order matters.
          h[k] = r.nextInt(10) == 0 ? Long.MIN_VALUE + r.nextLong(50) : r.nextLong(400);
        }
      }
      sets[i] = ShingleSet.of(h);
    }
    return sets;
  }

  @ParameterizedTest
  @ValueSource(doubles = {0.05, 0.1, 0.3, 0.5, 0.6, 0.9, 1.0})
  void overlapsFindExactlyThePairsOfABruteForceScan(double t) {
    for (long seed = 1; seed <= 5; seed++) {
      ShingleSet[] sets = randomSets(seed, 150);
      Map<Long, Integer> expected = new HashMap<>();
      for (int i = 0; i < sets.length; i++) {
        for (int j = i + 1; j < sets.length; j++) {
          int c = sets[i].intersectionSize(sets[j]);
          if ((double) c / Math.min(sets[i].size(), sets[j].size()) >= t) {
            expected.put(ExactJoin.pair(i, j), c);
          }
        }
      }
      ExactJoin.Overlaps o = ExactJoin.overlaps(sets, t);
      Map<Long, Integer> actual = new HashMap<>();
      for (int k = 0; k < o.pairs().length; k++) {
        assertTrue(ExactJoin.first(o.pairs()[k]) < ExactJoin.second(o.pairs()[k]));
        actual.put(o.pairs()[k], o.intersections()[k]);
      }
      assertEquals(o.pairs().length, actual.size(), "a pair listed twice");
      assertEquals(expected, actual, "seed " + seed);
    }
  }

  @Test
  void scoresMatchTheLibrarysMeasures() {
    TextProfiler profiler = TextProfiler.defaults();
    TextProfile a = profiler.profile("the cat sat on the mat and looked at the dog");
    TextProfile b = profiler.profile("the cat sat on the mat and looked at the bird today");
    int c = a.shingles().intersectionSize(b.shingles());
    int x = a.shingles().size();
    int y = b.shingles().size();
    assertEquals(Measures.jaccard().similarity(a, b), ExactJoin.jaccard(c, x, y));
    assertEquals(Measures.overlap().similarity(a, b), ExactJoin.overlap(c, x, y));
  }

  @Test
  void minSharedIsTheLeastCountReachingTheFraction() {
    for (int m = 1; m <= 300; m++) {
      for (int p = 1; p <= 100; p++) {
        double t = p / 100.0;
        int a = ExactJoin.minShared(m, t);
        assertTrue(a >= 1 && a <= m);
        assertTrue((double) a / m >= t || a == m, m + " " + t);
        assertTrue(a == 1 || (double) (a - 1) / m < t, m + " " + t);
      }
    }
  }

  @Test
  void rejectsBadFractions() {
    ShingleSet[] sets = {ShingleSet.of(1)};
    assertThrows(IllegalArgumentException.class, () -> ExactJoin.overlaps(sets, 0));
    assertThrows(IllegalArgumentException.class, () -> ExactJoin.overlaps(sets, 1.5));
  }

  @ParameterizedTest
  @ValueSource(doubles = {0.1, 0.3, 0.5, 0.8})
  void cosineFindsThePairsOfABruteForceScan(double min) {
    SplittableRandom r = new SplittableRandom(11);
    String[] vocabulary = new String[40];
    for (int i = 0; i < vocabulary.length; i++) {
      vocabulary[i] = "w" + Integer.toString(i, 36) + "x";
    }
    TextProfile[] profiles = new TextProfile[80];
    for (int i = 0; i < profiles.length; i++) {
      StringBuilder sb = new StringBuilder();
      int words = 3 + r.nextInt(40);
      for (int k = 0; k < words; k++) {
        sb.append(vocabulary[(int) Math.min(vocabulary.length - 1, r.nextExponential() * 8)])
            .append(' ');
      }
      profiles[i] = TextProfiler.defaults().profile(sb.toString());
    }
    SimilarityMeasure cosine = Measures.cosine(IdfModel.of(Arrays.asList(profiles)));
    Map<Long, Double> expected = new HashMap<>();
    for (int i = 0; i < profiles.length; i++) {
      for (int j = i + 1; j < profiles.length; j++) {
        double s = cosine.similarity(profiles[i], profiles[j]);
        if (s >= min) {
          expected.put(ExactJoin.pair(i, j), s);
        }
      }
    }
    ExactJoin.Scored scored = ExactJoin.cosine(profiles, min);
    assertEquals(expected.size(), scored.size());
    for (int k = 0; k < scored.size(); k++) {
      Double s = expected.get(scored.pairs()[k]);
      assertTrue(s != null, "unexpected pair");
      assertEquals(s, scored.scores()[k], 1e-12);
    }
  }
}
