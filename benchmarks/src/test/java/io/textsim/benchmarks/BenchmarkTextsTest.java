package io.textsim.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class BenchmarkTextsTest {
  private static final Pattern NON_LETTERS = Pattern.compile("[^a-z]+");

  @Test
  void seedArticlesAreOnTheClasspath() {
    String tehran = BenchmarkTexts.tehranTimes();
    String mehr = BenchmarkTexts.mehrNews();
    assertEquals(3153, tehran.codePointCount(0, tehran.length()));
    assertEquals(3139, mehr.codePointCount(0, mehr.length()));
    // Basic Multilingual Plane only, so chars and code points coincide for the peers.
    assertEquals(tehran.length(), tehran.codePointCount(0, tehran.length()));
    assertEquals(mehr.length(), mehr.codePointCount(0, mehr.length()));
  }

  @Test
  void repeatedIsFiveCopies() {
    String tehran = BenchmarkTexts.tehranTimes();
    assertEquals(5 * tehran.length(), BenchmarkTexts.repeated(tehran).length());
  }

  @Test
  void unrelatedTextsAreFixedAndShareNoWord() {
    String a = BenchmarkTexts.unrelatedA();
    String b = BenchmarkTexts.unrelatedB();
    assertEquals(BenchmarkTexts.UNRELATED_LENGTH, a.length());
    assertEquals(BenchmarkTexts.UNRELATED_LENGTH, b.length());
    assertEquals(a, BenchmarkTexts.unrelatedA());
    assertNotEquals(a, b);
    Set<String> wordsA = words(a);
    Set<String> wordsB = words(b);
    assertTrue(wordsA.size() > 20, "vocabulary of A: " + wordsA.size());
    wordsA.retainAll(wordsB);
    // Only a word cut in half at the 3,000th character could be shared; none is.
    assertTrue(wordsA.isEmpty(), "shared words: " + wordsA);
  }

  @Test
  void vocabulariesAreDisjoint() {
    Set<String> shared = new HashSet<>(BenchmarkTexts.COUNTRYSIDE);
    shared.retainAll(BenchmarkTexts.CITY);
    assertTrue(shared.isEmpty(), "shared words: " + shared);
  }

  private static Set<String> words(String text) {
    Set<String> words = new HashSet<>();
    for (String w : NON_LETTERS.split(text.toLowerCase(Locale.ROOT))) {
      if (!w.isEmpty()) {
        words.add(w);
      }
    }
    return words;
  }
}
