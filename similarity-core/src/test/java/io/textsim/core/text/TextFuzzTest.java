package io.textsim.core.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * Fuzzes the normalizer and tokenizer with arbitrary strings (any UTF-16, unpaired surrogates
 * included) and checks their invariants. In a plain {@code mvn test} this runs the saved inputs
 * under {@code TextFuzzTestInputs/}; with {@code JAZZER_FUZZ=1} it fuzzes.
 */
class TextFuzzTest {

  @FuzzTest(maxDuration = "30s")
  void normalizerKeepsItsInvariants(FuzzedDataProvider data) {
    boolean[] steps = data.consumeBooleans(6);
    String input = data.consumeRemainingAsString();
    TextNormalizer normalizer =
        steps.length < 6
            ? TextNormalizer.news()
            : TextNormalizer.builder()
                .stripByteOrderMark(steps[0])
                .unicodeNfkc(steps[1])
                .lowerCase(steps[2])
                .foldPunctuation(steps[3])
                .removeInvisible(steps[4])
                .normalizeWhitespace(steps[5])
                .build();
    NormalizedText n = normalizer.normalize(input);
    String out = n.text();
    int previousStart = 0;
    for (int i = 0; i < out.length(); i++) {
      int start = n.originalStart(i);
      int end = n.originalEnd(i);
      assertTrue(0 <= start && start < end && end <= input.length(), "offsets of " + i);
      assertTrue(start >= previousStart, "offsets go backwards at " + i);
      previousStart = start;
    }
    NormalizedText.Span all = n.toOriginal(0, out.length());
    assertTrue(all.end() <= input.length());
    if (normalizer.equals(TextNormalizer.news())) {
      assertFalse(out.startsWith(" ") || out.startsWith("\n"), "leading white space");
      assertFalse(out.endsWith(" ") || out.endsWith("\n"), "trailing white space");
      assertFalse(out.contains("  "), "white space not collapsed");
      assertFalse(out.indexOf('\u200B') >= 0 || out.indexOf('\r') >= 0 || out.indexOf('\t') >= 0);
    }
  }

  @FuzzTest(maxDuration = "30s")
  void tokenizerKeepsItsInvariants(FuzzedDataProvider data) {
    String input = data.consumeRemainingAsString();
    Tokens tokens = Tokenizer.words().tokenize(input);
    int previousEnd = 0;
    for (int i = 0; i < tokens.size(); i++) {
      int start = tokens.start(i);
      int end = tokens.end(i);
      assertTrue(previousEnd <= start && start < end && end <= input.length(), "token " + i);
      assertFalse(
          Character.isLowSurrogate(input.charAt(start))
              && start > 0
              && Character.isHighSurrogate(input.charAt(start - 1)),
          "token starts inside a pair");
      assertFalse(
          end < input.length()
              && Character.isLowSurrogate(input.charAt(end))
              && Character.isHighSurrogate(input.charAt(end - 1)),
          "token ends inside a pair");
      int first = input.codePointAt(start);
      assertTrue(Tokenizer.isWordChar(first), "token starts with a non-word char");
      previousEnd = end;
    }
    assertEquals(tokens.size(), Tokenizer.words().tokenize(input).size(), "deterministic");
  }
}
