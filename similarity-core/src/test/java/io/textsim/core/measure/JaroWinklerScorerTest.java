package io.textsim.core.measure;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.textsim.core.TextProfile;
import io.textsim.core.TextProfiler;
import java.util.Random;
import java.util.stream.IntStream;
import org.apache.commons.text.similarity.JaroWinklerSimilarity;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Checks {@link JaroWinklerScorer} against Apache Commons Text's {@code JaroWinklerSimilarity} (the
 * definition it follows, quadratic) on seeded random pairs: tiny alphabets, where the greedy
 * matching has the most choices, letters, and code points from everywhere (combining marks, CJK,
 * RTL, supplementary characters, remapped to one char each for Commons Text).
 */
class JaroWinklerScorerTest {
  private static final JaroWinklerSimilarity COMMONS = new JaroWinklerSimilarity();

  @ParameterizedTest(name = "alphabet of {0}")
  @ValueSource(ints = {1, 2, 4, 26, 5_000})
  void randomPairsMatchCommonsText(int alphabet) {
    IntStream.range(0, 20_000)
        .parallel()
        .forEach(
            pair -> {
              Random random = new Random(31L * alphabet + pair);
              int[] a = sequence(random, alphabet, length(random));
              int[] b =
                  random.nextBoolean()
                      ? sequence(random, alphabet, length(random))
                      : edit(random, alphabet, a);
              check(a, b, "pair " + pair);
            });
  }

  @Test
  void longPairsMatchCommonsText() {
    IntStream.range(0, 6)
        .parallel()
        .forEach(
            pair -> {
              Random random = new Random(900 + pair);
              int alphabet = pair % 2 == 0 ? 30 : 3_000;
              int[] a = sequence(random, alphabet, 4_000 + random.nextInt(4_000));
              int[] b = pair < 3 ? edit(random, alphabet, a) : sequence(random, alphabet, 5_000);
              check(a, b, "long pair " + pair);
            });
  }

  @Test
  void knownValues() {
    // frog/fog: 3 matches, no transposition, Jaro 11/12, one common leading letter.
    assertEquals(11.0 / 12 + 0.1 * (1 - 11.0 / 12), score("frog", "fog"), 1e-12);
    // A value Commons Text documents, rounded to two places.
    assertEquals(0.44, score("elephant", "hippo"), 0.0051);
    assertEquals(0.0, score("fly", "ant"));
    assertEquals(1.0, score("", ""));
    assertEquals(0.0, score("", "a"));
  }

  @Test
  void theMeasureComparesCodePointsOfTheNormalizedTexts() {
    // Through profiles: a character outside the BMP is one element, as Commons Text sees it after
    // each code point is given one char.
    TextProfiler profiler = TextProfiler.defaults();
    for (String[] pair :
        new String[][] {
          {"\uD83D\uDE00 naïve café", "naive \uD83D\uDE00 cafe"},
          {"東京都 \uD835\uDCB3", "\uD835\uDCB3 東京"},
          {"Ελληνικά κείμενα", "ελληνικα κειμενα"}
        }) {
      TextProfile a = profiler.profile(pair[0]);
      TextProfile b = profiler.profile(pair[1]);
      String[] remapped = CodePointChars.remap(a.normalized().text(), b.normalized().text());
      assertEquals(
          COMMONS.apply(remapped[0], remapped[1]),
          Measures.jaroWinkler().similarity(a, b),
          0.0,
          pair[0] + " / " + pair[1]);
    }
    TextProfile x = profiler.profile("\uD83D\uDE00b");
    TextProfile y = profiler.profile("b\uD83D\uDE00");
    assertEquals(score("ab", "ba"), Measures.jaroWinkler().similarity(x, y), 0.0);
  }

  private static double score(String a, String b) {
    return JaroWinklerScorer.similarity(a.codePoints().toArray(), b.codePoints().toArray());
  }

  private static void check(int[] a, int[] b, String what) {
    String sa = new String(a, 0, a.length);
    String sb = new String(b, 0, b.length);
    String[] remapped = CodePointChars.remap(sa, sb);
    double expected = COMMONS.apply(remapped[0], remapped[1]);
    String context = what + ": |a| = " + a.length + ", |b| = " + b.length;
    assertEquals(expected, JaroWinklerScorer.similarity(a, b), 0.0, context);
    double swapped = COMMONS.apply(remapped[1], remapped[0]);
    assertEquals(swapped, JaroWinklerScorer.similarity(b, a), 0.0, context + " (swapped)");
  }

  private static int length(Random random) {
    return random.nextInt(8) == 0 ? random.nextInt(400) : random.nextInt(40);
  }

  /** Symbols from {@code 'a'} on; above 100 distinct, spread over every plane. */
  private static int[] sequence(Random random, int alphabet, int length) {
    int[] s = new int[length];
    for (int i = 0; i < length; i++) {
      int k = random.nextInt(alphabet);
      s[i] =
          alphabet <= 100
              ? 'a' + k
              : new int[] {0x300, 0x4E00, 0x5D0, 0x1F300, 0x20000}[k % 5] + k / 5;
    }
    return s;
  }

  /** A copy with a few substitutions, swaps of neighbours, insertions and deletions. */
  private static int[] edit(Random random, int alphabet, int[] s) {
    int[] out = s.clone();
    int edits = random.nextInt(1 + s.length / 4 + 1);
    for (int e = 0; e < edits && out.length > 1; e++) {
      int at = random.nextInt(out.length - 1);
      switch (random.nextInt(4)) {
        case 0 -> out[at] = sequence(random, alphabet, 1)[0];
        case 1 -> {
          int t = out[at];
          out[at] = out[at + 1];
          out[at + 1] = t;
        }
        case 2 -> {
          int[] longer = new int[out.length + 1];
          System.arraycopy(out, 0, longer, 0, at);
          longer[at] = sequence(random, alphabet, 1)[0];
          System.arraycopy(out, at, longer, at + 1, out.length - at);
          out = longer;
        }
        default -> {
          int[] shorter = new int[out.length - 1];
          System.arraycopy(out, 0, shorter, 0, at);
          System.arraycopy(out, at + 1, shorter, at, out.length - at - 1);
          out = shorter;
        }
      }
    }
    return out;
  }
}
