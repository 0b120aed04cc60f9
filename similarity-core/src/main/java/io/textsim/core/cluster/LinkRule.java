package io.textsim.core.cluster;

/**
 * When a verified pair of documents is linked: its score reaches the threshold, and the score rests
 * on enough shared content. A high overlap between a short text and a long one can rest on a
 * handful of shingles (a phrase, a dateline); such a pair links only if what the two share is also
 * at least {@code threshold} of the larger set, that is, if the whole of both matches.
 *
 * @param threshold the score at or above which a pair may link, in [0, 1]
 * @param minSharedShingles the shared content shingles that make an overlap meaningful on its own,
 *     at least 1
 */
public record LinkRule(double threshold, int minSharedShingles) {
  /** Validates the settings; the message names the setting and the value. */
  public LinkRule {
    if (!(threshold >= 0.0 && threshold <= 1.0)) {
      throw new IllegalArgumentException("threshold must be in [0, 1], got " + threshold);
    }
    if (minSharedShingles < 1) {
      throw new IllegalArgumentException(
          "minSharedShingles must be >= 1, got " + minSharedShingles);
    }
  }

  /**
   * True if a pair of content shingle sets of sizes {@code sizeA} and {@code sizeB} that share
   * {@code shared} shingles and score {@code score} is linked. Nothing shared never links, so two
   * documents that are all furniture are not linked by their empty content.
   */
  public boolean links(int shared, int sizeA, int sizeB, double score) {
    if (shared <= 0 || !(score >= threshold)) {
      return false;
    }
    return shared >= minSharedShingles || shared >= threshold * Math.max(sizeA, sizeB);
  }
}
