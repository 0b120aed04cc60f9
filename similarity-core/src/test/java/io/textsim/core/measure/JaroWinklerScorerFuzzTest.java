package io.textsim.core.measure;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import org.apache.commons.text.similarity.JaroWinklerSimilarity;

/**
 * Fuzzes {@link JaroWinklerScorer} against Apache Commons Text's {@code JaroWinklerSimilarity} on
 * arbitrary strings (compared by code points, remapped to one char each for Commons Text). In a
 * plain {@code mvn test} this runs the saved inputs under {@code JaroWinklerScorerFuzzTestInputs/};
 * with {@code JAZZER_FUZZ=1} it fuzzes.
 */
class JaroWinklerScorerFuzzTest {
  private static final JaroWinklerSimilarity COMMONS = new JaroWinklerSimilarity();

  @FuzzTest(maxDuration = "60s")
  void textsMatchCommonsText(FuzzedDataProvider data) {
    boolean smallAlphabet = data.consumeBoolean();
    String rawA = data.consumeString(200);
    String rawB = data.consumeRemainingAsString();
    // Small alphabets fold onto four letters, where the greedy matching has the most choices.
    String a = smallAlphabet ? fold(rawA) : rawA;
    String b = smallAlphabet ? fold(rawB) : rawB;
    String[] remapped = CodePointChars.remap(a, b);
    double expected = COMMONS.apply(remapped[0], remapped[1]);
    assertEquals(
        expected,
        JaroWinklerScorer.similarity(a.codePoints().toArray(), b.codePoints().toArray()),
        0.0,
        () -> "a = " + a + ", b = " + b);
  }

  private static String fold(String s) {
    StringBuilder out = new StringBuilder(s.length());
    s.codePoints().forEach(c -> out.append((char) ('a' + Math.floorMod(c, 4))));
    return out.toString();
  }
}
