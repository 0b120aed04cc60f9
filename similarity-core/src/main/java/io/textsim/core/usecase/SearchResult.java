package io.textsim.core.usecase;

import io.textsim.core.explain.Passage;
import io.textsim.core.measure.Comparison;
import io.textsim.core.measure.Measure;
import io.textsim.core.measure.VerdictRule;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The result of {@link UseCases#search}.
 *
 * @param candidates the number of candidates searched
 * @param rankBy the measure the matches are ranked by
 * @param matches the kept matches, best first, equal scores in candidate order
 */
public record SearchResult(int candidates, Measure rankBy, List<Match> matches) {
  /** Copies the matches. */
  public SearchResult {
    Objects.requireNonNull(rankBy, "rankBy");
    matches = List.copyOf(Objects.requireNonNull(matches, "matches"));
  }

  /**
   * One kept candidate.
   *
   * @param index its position among the candidates
   * @param score its score by the ranking measure
   * @param comparison its reported scores: the ranking measure, the further measures asked for and
   *     the verdict's measure
   * @param judgement its verdict, if a rule was given
   * @param located where the query sits in the candidate: the candidate's passages that it shares
   *     with the query, in text order, with offsets into the candidate as given (also when
   *     furniture was cut out before scoring); given when ranking by containment and when the query
   *     or the candidate is shorter than the shingle size, empty otherwise
   */
  public record Match(
      int index,
      double score,
      Comparison comparison,
      Optional<VerdictRule.Judgement> judgement,
      List<Passage> located) {
    /** Checks for nulls and copies the passages. */
    public Match {
      Objects.requireNonNull(comparison, "comparison");
      Objects.requireNonNull(judgement, "judgement");
      located = List.copyOf(Objects.requireNonNull(located, "located"));
    }
  }
}
