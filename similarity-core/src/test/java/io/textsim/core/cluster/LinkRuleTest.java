package io.textsim.core.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class LinkRuleTest {
  /** The rule as its documentation states it, written out as plainly as possible. */
  private static boolean oracle(
      double threshold, int minShared, int passage, int shared, int a, int b, double score) {
    if (shared == 0) {
      return false;
    }
    boolean byScore =
        score >= threshold && (shared >= minShared || shared >= threshold * Math.max(a, b));
    double jaccard = shared / (double) (a + b - shared);
    boolean byPassage = passage > 0 && shared >= passage && jaccard >= LinkRule.PASSAGE_MIN_JACCARD;
    return byScore || byPassage;
  }

  @Test
  void agreesWithTheStatedRuleOnRandomPairs() {
    SplittableRandom r = new SplittableRandom(7);
    for (int k = 0; k < 200_000; k++) {
      int a = r.nextInt(0, 2000);
      int b = r.nextInt(0, 2000);
      int shared = Math.min(a, b) == 0 ? 0 : r.nextInt(0, Math.min(a, b) + 1);
      double score = r.nextInt(4) == 0 ? r.nextInt(0, 11) / 10.0 : r.nextDouble();
      double threshold = r.nextInt(0, 11) / 10.0;
      int minShared = r.nextInt(1, 20);
      int passage = r.nextInt(3) == 0 ? 0 : r.nextInt(1, 80);
      LinkRule rule = new LinkRule(threshold, minShared, passage);
      assertEquals(
          oracle(threshold, minShared, passage, shared, a, b, score),
          rule.links(shared, a, b, score),
          () -> rule + " shared " + shared + " of " + a + ", " + b + " score " + score);
    }
  }

  @Test
  void aSharedPassageLinksBelowTheThresholdOnlyAboveTheJaccardFloor() {
    LinkRule rule = new LinkRule(0.3, 8, 40);
    // 40 of 150 and 150: Jaccard 0.154.
    assertTrue(rule.links(40, 150, 150, 0.154));
    // 39 shared: too few for a passage, too little for the score.
    assertFalse(rule.links(39, 150, 150, 0.15));
    // 40 of 600 and 600: Jaccard 0.034, below the floor.
    assertFalse(rule.links(40, 600, 600, 0.034));
    // Exactly at the floor: 40 / (220 + 220 - 40) = 0.1.
    assertTrue(rule.links(40, 220, 220, 0.1));
    assertFalse(new LinkRule(0.3, 8, 0).links(100, 300, 300, 0.2));
  }

  @Test
  void refusesNegativePassageSizes() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> new LinkRule(0.3, 8, -1));
    assertTrue(e.getMessage().contains("passageShingles"), e.getMessage());
    assertThrows(
        IllegalArgumentException.class, () -> ClusterOptions.builder().passageShingles(-2).build());
  }
}
