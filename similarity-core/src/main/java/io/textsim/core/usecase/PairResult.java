package io.textsim.core.usecase;

import io.textsim.core.TextProfile;
import io.textsim.core.explain.Explanation;
import io.textsim.core.measure.Comparison;
import io.textsim.core.measure.VerdictRule;
import java.util.Objects;
import java.util.Optional;

/**
 * The result of {@link UseCases#compare}.
 *
 * @param a the first text's profile
 * @param b the second text's profile
 * @param comparison the reported scores: the measures asked for and the verdict's measure
 * @param judgement the verdict and the clause of the rule that decided it (the rule reads all
 *     {@link VerdictRule#measures()}, reported or not)
 * @param explanation the shared and own passages, if asked for (own passages marked as furniture or
 *     not when a furniture model was given)
 * @param content the same scores and verdict on the texts with their furniture taken out, when a
 *     furniture model was given
 */
public record PairResult(
    TextProfile a,
    TextProfile b,
    Comparison comparison,
    VerdictRule.Judgement judgement,
    Optional<Explanation> explanation,
    Optional<Content> content) {
  /** Checks for nulls. */
  public PairResult {
    Objects.requireNonNull(a, "a");
    Objects.requireNonNull(b, "b");
    Objects.requireNonNull(comparison, "comparison");
    Objects.requireNonNull(judgement, "judgement");
    Objects.requireNonNull(explanation, "explanation");
    Objects.requireNonNull(content, "content");
  }

  /**
   * The pair judged on its content.
   *
   * @param a the first text without its furniture
   * @param b the second text without its furniture
   * @param comparison the same scores as the pair's, on these texts
   * @param judgement the verdict on these texts
   */
  public record Content(
      String a, String b, Comparison comparison, VerdictRule.Judgement judgement) {
    /** Checks for nulls. */
    public Content {
      Objects.requireNonNull(a, "a");
      Objects.requireNonNull(b, "b");
      Objects.requireNonNull(comparison, "comparison");
      Objects.requireNonNull(judgement, "judgement");
    }
  }
}
