package io.textsim.core.measure;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Objects;
import java.util.OptionalDouble;
import java.util.Set;

/**
 * The rule that turns a comparison into a {@link Verdict}, stated once: near-duplicate when the
 * rule's measure is at or above the threshold, or either text is at least {@value
 * Verdict#CONTAINED} contained in the other; related when the measure is at least a quarter of the
 * threshold, or the word-count cosine (when it was computed) is at least {@value
 * Verdict#RELATED_COSINE}; different otherwise.
 *
 * @param measure the measure compared with the threshold (Jaccard of shingles by default)
 * @param threshold in [0, 1]
 */
public record VerdictRule(Measure measure, double threshold) {
  /** The default rule: Jaccard at {@link Verdict#DEFAULT_THRESHOLD}. */
  public static final VerdictRule DEFAULT =
      new VerdictRule(Measure.JACCARD, Verdict.DEFAULT_THRESHOLD);

  /** Validates the threshold. */
  public VerdictRule {
    Objects.requireNonNull(measure, "measure");
    if (!(threshold >= 0.0 && threshold <= 1.0)) {
      throw new IllegalArgumentException("threshold must be in [0, 1], got " + threshold);
    }
  }

  /** This rule with another threshold. */
  public VerdictRule withThreshold(double threshold) {
    return new VerdictRule(measure, threshold);
  }

  /**
   * The measures the rule reads: its own measure and containment both ways. Cosine is read too when
   * the comparison has it, but is not needed.
   */
  public Set<Measure> measures() {
    return Collections.unmodifiableSet(
        EnumSet.of(measure, Measure.CONTAINMENT_A_IN_B, Measure.CONTAINMENT_B_IN_A));
  }

  /** Why a verdict is what it is: the clause of the rule that decided it. */
  public enum Reason {
    /** The measure is at or above the threshold. */
    AT_THRESHOLD,
    /** Below the threshold, but text a is almost wholly contained in text b. */
    A_IN_B,
    /** Below the threshold, but text b is almost wholly contained in text a. */
    B_IN_A,
    /** Below the threshold, but at or above a quarter of it. */
    QUARTER_OF_THRESHOLD,
    /** Below a quarter of the threshold, but the word-count cosine is high. */
    COSINE,
    /** Below a quarter of the threshold, and the cosine (if any) is not high. */
    BELOW_QUARTER
  }

  /**
   * A verdict with what decided it.
   *
   * @param verdict the verdict
   * @param reason the clause of the rule that decided it
   * @param rule the rule applied
   * @param score the rule measure's score
   * @param containmentAInB how much of a is in b (0 if not computed)
   * @param containmentBInA how much of b is in a (0 if not computed)
   * @param cosine the cosine, if computed
   */
  public record Judgement(
      Verdict verdict,
      Reason reason,
      VerdictRule rule,
      double score,
      double containmentAInB,
      double containmentBInA,
      OptionalDouble cosine) {
    /** Checks for nulls. */
    public Judgement {
      Objects.requireNonNull(verdict, "verdict");
      Objects.requireNonNull(reason, "reason");
      Objects.requireNonNull(rule, "rule");
      Objects.requireNonNull(cosine, "cosine");
    }
  }

  /**
   * Judges {@code comparison}.
   *
   * @throws IllegalArgumentException if the rule's measure was not computed
   */
  public Judgement judge(Comparison comparison) {
    Objects.requireNonNull(comparison, "comparison");
    double score = comparison.score(measure);
    double ab = scoreOrZero(comparison, Measure.CONTAINMENT_A_IN_B);
    double ba = scoreOrZero(comparison, Measure.CONTAINMENT_B_IN_A);
    OptionalDouble cosine =
        comparison.has(Measure.COSINE)
            ? OptionalDouble.of(comparison.score(Measure.COSINE))
            : OptionalDouble.empty();
    Verdict verdict;
    Reason reason;
    if (score >= threshold) {
      verdict = Verdict.NEAR_DUPLICATE;
      reason = Reason.AT_THRESHOLD;
    } else if (Math.max(ab, ba) >= Verdict.CONTAINED) {
      verdict = Verdict.NEAR_DUPLICATE;
      reason = ab >= ba ? Reason.A_IN_B : Reason.B_IN_A;
    } else if (score >= threshold / 4) {
      verdict = Verdict.RELATED;
      reason = Reason.QUARTER_OF_THRESHOLD;
    } else if (cosine.orElse(0) >= Verdict.RELATED_COSINE) {
      verdict = Verdict.RELATED;
      reason = Reason.COSINE;
    } else {
      verdict = Verdict.DIFFERENT;
      reason = Reason.BELOW_QUARTER;
    }
    return new Judgement(verdict, reason, this, score, ab, ba, cosine);
  }

  private static double scoreOrZero(Comparison comparison, Measure measure) {
    return comparison.has(measure) ? comparison.score(measure) : 0;
  }
}
