package io.textsim.core.usecase;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.textsim.core.Cancellation;
import io.textsim.core.OperationCancelledException;
import io.textsim.core.TextProfile;
import io.textsim.core.TextProfiler;
import io.textsim.core.explain.Explainer;
import io.textsim.core.measure.CompareOptions;
import io.textsim.core.measure.Comparison;
import io.textsim.core.measure.IdfModel;
import io.textsim.core.measure.Measure;
import io.textsim.core.measure.Similarity;
import io.textsim.core.measure.Verdict;
import io.textsim.core.measure.VerdictRule;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class UseCasesTest {
  private static final String STORY =
      "the minister said on monday that the talks would resume next week in vienna after a"
          + " pause of two months, and that both sides had agreed on an agenda";

  private static String words(Random random, int n) {
    String[] vocabulary = STORY.split(" ");
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < n; i++) {
      out.append(i == 0 ? "" : " ").append(vocabulary[random.nextInt(vocabulary.length)]);
    }
    return out.toString();
  }

  @Test
  void compareReportsTheAskedAndVerdictMeasuresAndJudgesOnContainmentToo() {
    String a = STORY;
    String b = "Leave a comment. " + STORY + " Copyright all rights reserved, reuse forbidden.";
    PairResult r =
        UseCases.compare(
            a,
            b,
            PairOptions.builder()
                .measures(EnumSet.of(Measure.LEVENSHTEIN))
                .verdict(new VerdictRule(Measure.JACCARD, 0.95))
                .build());
    TextProfile pa = TextProfiler.defaults().profile(a);
    TextProfile pb = TextProfiler.defaults().profile(b);
    Comparison expected =
        Similarity.compare(pa, pb, EnumSet.of(Measure.LEVENSHTEIN, Measure.JACCARD));
    assertEquals(expected, r.comparison());
    assertTrue(r.explanation().isEmpty());
    Comparison all = Similarity.compare(pa, pb, Measure.defaults());
    // Jaccard is below 0.95, but all of a is in b: the containment clause decides.
    assertTrue(all.score(Measure.JACCARD) < 0.95);
    assertEquals(Verdict.of(all, Measure.JACCARD, 0.95), r.judgement().verdict());
    assertEquals(Verdict.NEAR_DUPLICATE, r.judgement().verdict());
    assertEquals(VerdictRule.Reason.A_IN_B, r.judgement().reason());
    assertEquals(all.score(Measure.CONTAINMENT_A_IN_B), r.judgement().containmentAInB());
  }

  @Test
  void compareExplainsWhenAsked() {
    PairResult r =
        UseCases.compare(STORY, STORY + " more", PairOptions.builder().explain(true).build());
    assertEquals(Explainer.explain(r.a(), r.b()), r.explanation().orElseThrow());
    assertEquals(Measure.defaults(), r.comparison().scores().keySet());
  }

  @Test
  void compareStopsWhenCancelled() {
    PairOptions cancelled = PairOptions.builder().cancellation(Cancellation.of(() -> true)).build();
    assertThrows(
        OperationCancelledException.class, () -> UseCases.compare(STORY, STORY, cancelled));
  }

  /** The search against a brute-force oracle: every candidate scored, sorted, filtered, cut. */
  @ParameterizedTest
  @ValueSource(strings = {"jaccard", "cosine", "containment_a_in_b", "levenshtein"})
  void searchEqualsBruteForce(String name) {
    Measure m = Measure.fromName(name);
    Random random = new Random(name.hashCode());
    List<String> candidates = new ArrayList<>();
    for (int i = 0; i < 60; i++) {
      candidates.add(i % 7 == 0 ? STORY : words(random, 5 + random.nextInt(40)));
    }
    String query = STORY.substring(0, 80) + " " + words(random, 10);
    for (boolean parallel : new boolean[] {true, false}) {
      SearchResult r =
          UseCases.search(
              query,
              candidates,
              SearchOptions.builder()
                  .rankBy(m)
                  .minScore(0.1)
                  .topK(7)
                  .parallel(parallel)
                  .verdict(VerdictRule.DEFAULT)
                  .build());
      TextProfiler profiler = TextProfiler.defaults();
      TextProfile q = profiler.profile(query);
      List<TextProfile> profiles = candidates.stream().map(profiler::profile).toList();
      CompareOptions options = CompareOptions.defaults().withIdf(IdfModel.of(profiles));
      List<Integer> order = new ArrayList<>();
      double[] scores = new double[profiles.size()];
      for (int i = 0; i < profiles.size(); i++) {
        scores[i] = Similarity.compare(q, profiles.get(i), Set.of(m), options).score(m);
        if (scores[i] >= 0.1) {
          order.add(i);
        }
      }
      // Insertion sort: best first, ties in candidate order.
      for (int i = 1; i < order.size(); i++) {
        for (int j = i; j > 0 && scores[order.get(j)] > scores[order.get(j - 1)]; j--) {
          order.set(j, order.set(j - 1, order.get(j)));
        }
      }
      List<Integer> expected = order.subList(0, Math.min(7, order.size()));
      assertEquals(expected, r.matches().stream().map(SearchResult.Match::index).toList());
      assertEquals(60, r.candidates());
      assertFalse(r.matches().isEmpty());
      Set<Measure> judged = EnumSet.copyOf(VerdictRule.DEFAULT.measures());
      judged.add(m);
      for (SearchResult.Match match : r.matches()) {
        assertEquals(scores[match.index()], match.score());
        Comparison full = Similarity.compare(q, profiles.get(match.index()), judged, options);
        assertEquals(
            VerdictRule.DEFAULT.judge(full).verdict(), match.judgement().orElseThrow().verdict());
        assertEquals(EnumSet.of(m, Measure.JACCARD), match.comparison().scores().keySet());
      }
    }
  }

  @Test
  void searchWithoutIdfUsesPlainCosine() {
    List<String> candidates = List.of(STORY, "vienna talks", "the the the");
    SearchResult r =
        UseCases.search(
            "talks in vienna",
            candidates,
            SearchOptions.builder().rankBy(Measure.COSINE).idf(IdfPolicy.NONE).build());
    TextProfiler p = TextProfiler.defaults();
    for (SearchResult.Match m : r.matches()) {
      assertEquals(
          Similarity.compare(
                  p.profile("talks in vienna"),
                  p.profile(candidates.get(m.index())),
                  Set.of(Measure.COSINE))
              .score(Measure.COSINE),
          m.score());
      assertTrue(m.judgement().isEmpty());
    }
  }

  @Test
  void searchOptionsRefuseOutOfRangeValues() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> SearchOptions.builder().topK(0).build());
    assertTrue(e.getMessage().contains("topK"), e.getMessage());
    e =
        assertThrows(
            IllegalArgumentException.class, () -> SearchOptions.builder().minScore(1.5).build());
    assertTrue(e.getMessage().contains("minScore"), e.getMessage());
  }
}
