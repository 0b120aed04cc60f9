package io.textsim.core.edit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * Fuzzes {@link LongestCommonSubsequence} against the textbook dynamic programme ({@link
 * LongestCommonSubsequenceTest#oracle}). In a plain {@code mvn test} this runs the saved inputs
 * under {@code LongestCommonSubsequenceFuzzTestInputs/}; with {@code JAZZER_FUZZ=1} it fuzzes.
 */
class LongestCommonSubsequenceFuzzTest {

  private static final int MAX_LENGTH = 300;

  /**
   * Two int sequences over an alphabet whose size the input chooses (2 symbols up to any int), the
   * second often a copy of the first with some elements dropped, changed or inserted.
   */
  @FuzzTest(maxDuration = "60s")
  void intSequencesMatchTheOracle(FuzzedDataProvider data) {
    int alphabetBits = data.consumeInt(1, 32);
    boolean derived = data.consumeBoolean();
    int[] a = LevenshteinFuzzTest.symbols(data, data.consumeInt(0, MAX_LENGTH), alphabetBits);
    int[] b;
    if (derived) {
      b = a.clone();
      int edits = data.consumeInt(0, 60);
      for (int e = 0; e < edits && b.length > 0 && data.remainingBytes() > 0; e++) {
        b[data.consumeInt(0, b.length - 1)] = LevenshteinFuzzTest.symbol(data, alphabetBits);
      }
      int from = data.consumeInt(0, b.length);
      b = java.util.Arrays.copyOfRange(b, from, data.consumeInt(from, b.length));
    } else {
      b = LevenshteinFuzzTest.symbols(data, data.consumeInt(0, MAX_LENGTH), alphabetBits);
    }
    int expected = LongestCommonSubsequenceTest.oracle(a, b);
    assertEquals(expected, LongestCommonSubsequence.length(a, b));
    assertEquals(expected, LongestCommonSubsequence.length(b, a));
  }

  /** Two arbitrary strings (any UTF-16, unpaired surrogates included), compared by code points. */
  @FuzzTest(maxDuration = "60s")
  void textsMatchTheOracle(FuzzedDataProvider data) {
    String a = data.consumeString(MAX_LENGTH);
    String b = data.consumeRemainingAsString();
    int[] x = a.codePoints().toArray();
    int[] y = b.codePoints().limit(MAX_LENGTH).toArray();
    int lcs = LongestCommonSubsequence.length(x, y);
    assertEquals(LongestCommonSubsequenceTest.oracle(x, y), lcs);
    double similarity = LongestCommonSubsequence.similarity(lcs, x.length, y.length);
    assertEquals(true, similarity >= 0 && similarity <= 1, "similarity " + similarity);
  }
}
