package io.textsim.core.measure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.EnumMap;
import java.util.Map;
import java.util.OptionalInt;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class VerdictRuleTest {
  private static Comparison comparison(double jaccard, double ab, double ba, double cosine) {
    Map<Measure, Double> scores = new EnumMap<>(Measure.class);
    scores.put(Measure.JACCARD, jaccard);
    scores.put(Measure.CONTAINMENT_A_IN_B, ab);
    scores.put(Measure.CONTAINMENT_B_IN_A, ba);
    if (cosine >= 0) {
      scores.put(Measure.COSINE, cosine);
    }
    return new Comparison(scores, OptionalInt.empty(), OptionalInt.empty());
  }

  /** Each clause of the rule, at and around its boundary; cosine -1 means not computed. */
  @ParameterizedTest
  @CsvSource({
    "0.5, 0, 0, -1, NEAR_DUPLICATE, AT_THRESHOLD",
    "0.49, 0.9, 0.2, -1, NEAR_DUPLICATE, A_IN_B",
    "0.49, 0.2, 0.9, -1, NEAR_DUPLICATE, B_IN_A",
    "0.49, 0.95, 0.95, -1, NEAR_DUPLICATE, A_IN_B",
    "0.125, 0.89, 0, -1, RELATED, QUARTER_OF_THRESHOLD",
    "0.12, 0, 0, 0.8, RELATED, COSINE",
    "0.12, 0, 0, 0.79, DIFFERENT, BELOW_QUARTER",
    "0.12, 0, 0, -1, DIFFERENT, BELOW_QUARTER",
  })
  void judgesByTheFirstClauseThatHolds(
      double j, double ab, double ba, double cos, Verdict verdict, VerdictRule.Reason reason) {
    Comparison c = comparison(j, ab, ba, cos);
    VerdictRule.Judgement judgement = new VerdictRule(Measure.JACCARD, 0.5).judge(c);
    assertEquals(verdict, judgement.verdict());
    assertEquals(reason, judgement.reason());
    assertEquals(verdict, Verdict.of(c, Measure.JACCARD, 0.5));
  }

  @ParameterizedTest
  @CsvSource({"-0.01", "1.01", "NaN"})
  void refusesAThresholdOutsideTheUnitInterval(double t) {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> new VerdictRule(Measure.JACCARD, t));
    assertEquals("threshold must be in [0, 1], got " + t, e.getMessage());
  }
}
