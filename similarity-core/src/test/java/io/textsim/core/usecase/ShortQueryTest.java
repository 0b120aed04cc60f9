package io.textsim.core.usecase;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.textsim.core.TextProfiler;
import io.textsim.core.explain.Passage;
import io.textsim.core.measure.Measure;
import io.textsim.core.shingle.ShingleConfig;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Queries and candidates shorter than the shingle size are found where they occur. */
class ShortQueryTest {
  private static final String HOLDS =
      "The city council met on Tuesday. Tenants fear eviction as rents rise across the old"
          + " town, and the mayor promised a review.";
  private static final String LACKS =
      "The city council met on Tuesday to discuss the budget for schools and the new tram line.";

  @Test
  void aQueryShorterThanAShingleIsFoundWordForWord() {
    for (Measure m : List.of(Measure.JACCARD, Measure.CONTAINMENT_A_IN_B)) {
      SearchResult r =
          UseCases.search(
              "tenants fear eviction",
              List.of(LACKS, HOLDS, "eviction"),
              SearchOptions.builder().rankBy(m).build());
      SearchResult.Match top = r.matches().get(0);
      assertEquals(1, top.index(), m + ": " + r);
      assertTrue(top.score() > 0, m + ": " + r);
      for (SearchResult.Match other : r.matches().subList(1, r.matches().size())) {
        assertEquals(0.0, other.score(), m + ": " + r);
      }
      Passage at = top.located().get(0);
      assertEquals("Tenants fear eviction", HOLDS.substring(at.start(), at.end()));
    }
  }

  @Test
  void aShortCandidateIsFoundInALongQuery() {
    SearchResult r =
        UseCases.search(
            HOLDS,
            List.of("rents rise", "tram line", "rents fall"),
            SearchOptions.builder().rankBy(Measure.CONTAINMENT_B_IN_A).build());
    assertEquals(0, r.matches().get(0).index(), r.toString());
    assertEquals(1.0, r.matches().get(0).score(), r.toString());
    assertEquals(0.0, r.matches().get(1).score(), r.toString());
    assertEquals(0.0, r.matches().get(2).score(), r.toString());
  }

  @Test
  void shortQueriesInOtherScripts() {
    String persian = "مستاجران از تخلیه می‌ترسند و اجاره‌ها بالا می‌رود";
    String han = "租客担心被驱逐，房租上涨。";
    String emoji = "𝒜𝒷𝒸 ☕️ café naïve";
    for (String text : List.of(persian, han, emoji)) {
      String[] words = text.split("\\s+");
      String query = words.length >= 3 ? String.join(" ", Arrays.copyOf(words, 2)) : "房租";
      SearchResult r =
          UseCases.search(query, List.of(LACKS, text), SearchOptions.builder().build());
      assertEquals(1, r.matches().get(0).index(), text + ": " + r);
      assertTrue(r.matches().get(0).score() > 0, text + ": " + r);
      assertEquals(0.0, r.matches().get(1).score(), text + ": " + r);
    }
  }

  @Test
  void aCharacterShingleQueryShorterThanAShingleIsFound() {
    TextProfiler chars = TextProfiler.defaults().withShingles(ShingleConfig.characters(5));
    SearchResult r =
        UseCases.search(
            "rent", List.of(LACKS, HOLDS), SearchOptions.builder().profiler(chars).build());
    assertEquals(1, r.matches().get(0).index(), r.toString());
    assertTrue(r.matches().get(0).score() > 0, r.toString());
  }

  /**
   * Oracle: on random texts over a small vocabulary (each word one token), a query of one to three
   * words scores above 0 exactly where it occurs as consecutive words, and containment of the query
   * is then 1.
   */
  @Test
  void matchesTheWordSequenceOracleOnRandomTexts() {
    SplittableRandom random = new SplittableRandom(20261203);
    String[] vocabulary = {"alpha", "beta", "Gamma", "delta", "épée", "ß", "𝒜𝒷", "x"};
    for (int round = 0; round < 200; round++) {
      List<String> docs = new ArrayList<>();
      for (int d = 0; d < 8; d++) {
        docs.add(randomText(random, vocabulary, random.nextInt(12)));
      }
      String query = randomText(random, vocabulary, 1 + random.nextInt(3));
      SearchResult jaccard = UseCases.search(query, docs, SearchOptions.builder().build());
      SearchResult contained =
          UseCases.search(
              query, docs, SearchOptions.builder().rankBy(Measure.CONTAINMENT_A_IN_B).build());
      Map<Integer, Double> byIndex = new HashMap<>();
      jaccard.matches().forEach(m -> byIndex.put(m.index(), m.score()));
      Map<Integer, Double> containment = new HashMap<>();
      contained.matches().forEach(m -> containment.put(m.index(), m.score()));
      for (int d = 0; d < docs.size(); d++) {
        boolean occurs = occurs(words(query), words(docs.get(d)));
        String where = "query '" + query + "' in '" + docs.get(d) + "'";
        assertEquals(occurs, byIndex.get(d) > 0, where);
        assertEquals(occurs ? 1.0 : 0.0, containment.get(d), where);
      }
    }
  }

  private static String randomText(SplittableRandom r, String[] vocabulary, int words) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < words; i++) {
      sb.append(vocabulary[r.nextInt(vocabulary.length)]).append(r.nextInt(5) == 0 ? ", " : " ");
    }
    return sb.toString().trim();
  }

  private static List<String> words(String text) {
    List<String> out = new ArrayList<>();
    for (String w : text.toLowerCase(Locale.ROOT).split("[\\s,]+")) {
      if (!w.isEmpty()) {
        out.add(w);
      }
    }
    return out;
  }

  private static boolean occurs(List<String> needle, List<String> haystack) {
    for (int i = 0; i + needle.size() <= haystack.size(); i++) {
      if (haystack.subList(i, i + needle.size()).equals(needle)) {
        return true;
      }
    }
    return false;
  }
}
