package io.textsim.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.textsim.core.explain.Explainer;
import io.textsim.core.explain.Explanation;
import io.textsim.core.explain.Passage;
import io.textsim.core.measure.Comparison;
import io.textsim.core.measure.Measure;
import io.textsim.core.measure.Similarity;
import io.textsim.core.text.Tokens;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Known answers for the canonical pair in examples/articles: one story from two outlets. */
class SeedPairTest {
  private static String tehranTimes;
  private static String mehrNews;
  private static TextProfile a;
  private static TextProfile b;

  @BeforeAll
  static void load() throws IOException {
    tehranTimes = read("tehran-times.txt");
    mehrNews = read("mehr-news.txt");
    a = TextProfiler.defaults().profile(tehranTimes);
    b = TextProfiler.defaults().profile(mehrNews);
  }

  static String read(String name) throws IOException {
    return Files.readString(Path.of("..", "examples", "articles", name), StandardCharsets.UTF_8);
  }

  @Test
  void profileSizes() {
    assertEquals(476, a.tokenCount());
    assertEquals(475, b.tokenCount());
    assertEquals(457, a.shingles().size());
    assertEquals(456, b.shingles().size());
  }

  @Test
  void jaccardEqualsAnOracleOverShingleStrings() {
    Set<List<String>> x = shingleStrings(a.tokens(), 4);
    Set<List<String>> y = shingleStrings(b.tokens(), 4);
    Set<List<String>> common = new HashSet<>(x);
    common.retainAll(y);
    Comparison c = Similarity.compare(a, b, EnumSet.allOf(Measure.class));
    assertEquals(439, common.size());
    assertEquals(439.0 / (457 + 456 - 439), c.score(Measure.JACCARD), 1e-15);
    assertEquals(439.0 / 457, c.score(Measure.CONTAINMENT_A_IN_B), 1e-15);
    assertEquals(439.0 / 456, c.score(Measure.CONTAINMENT_B_IN_A), 1e-15);
    assertEquals(439.0 / 456, c.score(Measure.OVERLAP), 1e-15);
  }

  @Test
  void editDistancesEqualTheTextbookDynamicProgram() {
    Comparison c =
        Similarity.compare(a, b, EnumSet.of(Measure.LEVENSHTEIN, Measure.TOKEN_LEVENSHTEIN));
    int[] x = a.codePoints();
    int[] y = b.codePoints();
    assertEquals(186, c.levenshteinDistance().getAsInt());
    assertEquals(186, textbook(x, y));
    assertEquals(1.0 - 186.0 / Math.max(x.length, y.length), c.score(Measure.LEVENSHTEIN), 1e-15);
    assertEquals(29, c.tokenLevenshteinDistance().getAsInt());
    assertEquals(1.0 - 29.0 / 476, c.score(Measure.TOKEN_LEVENSHTEIN), 1e-15);
  }

  @Test
  void cosineIsHighForTheSameStory() {
    double cosine = Similarity.compare(a, b, EnumSet.of(Measure.COSINE)).score(Measure.COSINE);
    assertTrue(cosine > 0.99 && cosine < 1.0, "cosine " + cosine);
  }

  @Test
  void explanationSeparatesTheStoryFromThePageFurniture() {
    Explanation e = Explainer.explain(a, b);
    assertEquals(
        List.of(
            "Azerbaijan seeking to upgrade ties with Iran: ambassador\n\nJune 19, 2022 - 21:32",
            "Leave a Comment\n\n5 + 10 ="),
        texts(e.onlyA()));
    assertEquals(
        List.of(
            "All Content by Mehr News Agency is licensed under a Creative Commons Attribution 4.0"
                + " International License."),
        texts(e.onlyB()));
    assertEquals(1, e.sharedInA().size());
    assertEquals(1, e.sharedInB().size());
    Passage storyInA = e.sharedInA().get(0);
    assertTrue(storyInA.text().startsWith("TEHRAN - Ali Alizadeh, the Azerbaijani ambassador"));
    assertTrue(storyInA.text().endsWith("between the two countries.\""));
    assertEquals(tehranTimes.substring(storyInA.start(), storyInA.end()), storyInA.text());
    assertEquals(0, e.sharedInB().get(0).start());
  }

  private static List<String> texts(List<Passage> passages) {
    List<String> out = new ArrayList<>();
    passages.forEach(p -> out.add(p.text()));
    return out;
  }

  private static Set<List<String>> shingleStrings(Tokens tokens, int k) {
    Set<List<String>> out = new HashSet<>();
    for (int i = 0; i + k <= tokens.size(); i++) {
      List<String> s = new ArrayList<>();
      for (int j = i; j < i + k; j++) {
        s.add(tokens.get(j));
      }
      out.add(s);
    }
    return out;
  }

  /** The Wagner-Fischer dynamic program, two rows. */
  static int textbook(int[] x, int[] y) {
    int[] prev = new int[y.length + 1];
    int[] cur = new int[y.length + 1];
    for (int j = 0; j <= y.length; j++) {
      prev[j] = j;
    }
    for (int i = 1; i <= x.length; i++) {
      cur[0] = i;
      for (int j = 1; j <= y.length; j++) {
        int sub = prev[j - 1] + (x[i - 1] == y[j - 1] ? 0 : 1);
        cur[j] = Math.min(sub, Math.min(prev[j], cur[j - 1]) + 1);
      }
      int[] t = prev;
      prev = cur;
      cur = t;
    }
    return prev[y.length];
  }
}
