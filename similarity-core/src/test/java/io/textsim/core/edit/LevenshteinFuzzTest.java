package io.textsim.core.edit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * Fuzzes {@link Levenshtein} against the textbook dynamic program ({@link
 * LevenshteinOracleTest#oracle}), with and without a cutoff. In a plain {@code mvn test} this runs
 * the saved inputs under {@code LevenshteinFuzzTestInputs/}; with {@code JAZZER_FUZZ=1} it fuzzes.
 */
class LevenshteinFuzzTest {

  private static final int MAX_LENGTH = 200;

  /**
   * Two int sequences over an alphabet whose size the input chooses (2 symbols up to any int), the
   * second often an edited copy of the first so that the distance is small and the band matters.
   */
  @FuzzTest(maxDuration = "60s")
  void intSequencesMatchTheOracle(FuzzedDataProvider data) {
    int alphabetBits = data.consumeInt(1, 32);
    int cutoff = data.consumeInt(0, 2 * MAX_LENGTH + 2);
    boolean derived = data.consumeBoolean();
    int[] a = symbols(data, data.consumeInt(0, MAX_LENGTH), alphabetBits);
    int[] b;
    if (derived) {
      b = a;
      int edits = data.consumeInt(0, 40);
      for (int e = 0; e < edits && data.remainingBytes() > 0; e++) {
        b = edit(b, data, alphabetBits);
      }
    } else {
      b = symbols(data, data.consumeInt(0, MAX_LENGTH), alphabetBits);
    }
    assertMatchesOracle(a, b, cutoff);
  }

  /** Two arbitrary strings (any UTF-16, unpaired surrogates included), compared by code points. */
  @FuzzTest(maxDuration = "60s")
  void textsMatchTheOracle(FuzzedDataProvider data) {
    int cutoff = data.consumeInt(0, MAX_LENGTH + 1);
    String a = data.consumeString(MAX_LENGTH);
    String b = data.consumeRemainingAsString();
    if (b.length() > MAX_LENGTH) {
      b = b.substring(0, MAX_LENGTH);
    }
    int expected = LevenshteinOracleTest.oracle(a.codePoints().toArray(), b.codePoints().toArray());
    assertEquals(expected, Levenshtein.distance(a, b));
    assertEquals(
        expected <= cutoff
            ? new BoundedDistance.Exact(expected)
            : new BoundedDistance.MoreThan(cutoff),
        Levenshtein.distance(a, b, cutoff));
  }

  private static void assertMatchesOracle(int[] a, int[] b, int cutoff) {
    int expected = LevenshteinOracleTest.oracle(a, b);
    assertEquals(expected, Levenshtein.distance(a, b));
    assertEquals(expected, Levenshtein.distance(b, a));
    for (int k : new int[] {cutoff, expected, expected - 1}) {
      if (k >= 0) {
        assertEquals(
            expected <= k ? new BoundedDistance.Exact(expected) : new BoundedDistance.MoreThan(k),
            Levenshtein.distance(a, b, k),
            "k = " + k);
      }
    }
  }

  static int[] symbols(FuzzedDataProvider data, int length, int alphabetBits) {
    int[] s = new int[length];
    for (int i = 0; i < length && data.remainingBytes() > 0; i++) {
      s[i] = symbol(data, alphabetBits);
    }
    return s;
  }

  static int symbol(FuzzedDataProvider data, int alphabetBits) {
    int raw = data.consumeInt();
    // Keep the top alphabetBits bits: small alphabets give many matches, 32 bits any int.
    return alphabetBits == 32 ? raw : raw >>> (32 - alphabetBits);
  }

  private static int[] edit(int[] s, FuzzedDataProvider data, int alphabetBits) {
    int at = data.consumeInt(0, s.length);
    int kind = s.length == 0 || at == s.length ? 0 : data.consumeInt(0, 2);
    if (kind == 0) {
      int[] out = new int[s.length + 1];
      System.arraycopy(s, 0, out, 0, at);
      out[at] = symbol(data, alphabetBits);
      System.arraycopy(s, at, out, at + 1, s.length - at);
      return out;
    }
    if (kind == 1) {
      int[] out = new int[s.length - 1];
      System.arraycopy(s, 0, out, 0, at);
      System.arraycopy(s, at + 1, out, at, s.length - at - 1);
      return out;
    }
    int[] out = s.clone();
    out[at] = symbol(data, alphabetBits);
    return out;
  }
}
