package io.textsim.core.edit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.textsim.core.edit.LevenshteinOracleTest.Alphabet;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Levenshtein distance is a metric: identity, symmetry and the triangle inequality, checked on
 * seeded random triples (related by edits, so that the inequality is often tight, and unrelated).
 */
class LevenshteinMetricTest {

  @ParameterizedTest(name = "{0}")
  @EnumSource(Alphabet.class)
  void metricAxiomsHoldOnRandomTriples(Alphabet alphabet) {
    Random random = new Random(4242 + alphabet.ordinal());
    for (int triple = 0; triple < 2_000; triple++) {
      int length = triple % 10 == 0 ? random.nextInt(1_500) : random.nextInt(200);
      int[] a = LevenshteinOracleTest.randomSequence(random, alphabet, length);
      int[] b = derive(random, alphabet, a);
      int[] c = derive(random, alphabet, b);
      int ab = Levenshtein.distance(a, b);
      int ba = Levenshtein.distance(b, a);
      int bc = Levenshtein.distance(b, c);
      int ac = Levenshtein.distance(a, c);
      String context = "triple " + triple + ": " + ab + ", " + bc + ", " + ac;
      assertEquals(ab, ba, "symmetry, " + context);
      assertEquals(0, Levenshtein.distance(a, a.clone()), "identity, " + context);
      assertTrue(ac <= ab + bc, "triangle inequality, " + context);
      assertTrue(ab <= ac + bc, "triangle inequality, " + context);
      assertTrue(bc <= ab + ac, "triangle inequality, " + context);
      assertTrue(ab >= Math.abs(a.length - b.length), "length bound, " + context);
      assertTrue(ab <= Math.max(a.length, b.length), "length bound, " + context);
      assertTrue(ab > 0 || Arrays.equals(a, b), "zero only for equal, " + context);
      double similarity = Levenshtein.similarity(ab, a.length, b.length);
      assertTrue(similarity >= 0.0 && similarity <= 1.0, "similarity range, " + context);
    }
  }

  private static int[] derive(Random random, Alphabet alphabet, int[] s) {
    return switch (random.nextInt(3)) {
      case 0 -> LevenshteinOracleTest.spreadEdits(random, alphabet, s, random.nextInt(20));
      case 1 -> LevenshteinOracleTest.bunchedEdits(random, alphabet, s, 1 + random.nextInt(40));
      default -> LevenshteinOracleTest.randomSequence(random, alphabet, random.nextInt(200));
    };
  }
}
