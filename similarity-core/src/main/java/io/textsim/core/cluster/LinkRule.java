package io.textsim.core.cluster;

/**
 * When a verified pair of documents is linked. Two ways, both on content (the shingle sets with the
 * furniture taken out):
 *
 * <ol>
 *   <li><b>By score</b>: the score reaches the threshold, and rests on enough shared content. A
 *       high overlap between a short text and a long one can rest on a handful of shingles (a
 *       phrase, a dateline); such a pair links only if what the two share is also at least {@code
 *       threshold} of the larger set, that is, if the whole of both matches.
 *   <li><b>By a shared passage</b>: the two share at least {@code passageShingles} content
 *       shingles, and those are at least {@value #PASSAGE_MIN_JACCARD} of the union of both sets
 *       (their Jaccard similarity, whatever the measure). This is the copy whose page adds a long
 *       text of its own (a comment thread, a second story): a story of 100 words under 250 words of
 *       comments on each copy has Jaccard near 0.2, below any threshold that keeps different
 *       stories apart, yet 40 shingles in common are not chance. The Jaccard floor keeps a quote or
 *       a caption that two long, different articles share from linking them: 40 shingles of two
 *       texts of 600 are 0.03 of their union.
 * </ol>
 *
 * <p>Why 40 and 0.1: on the evaluation's collections (docs/QUALITY.md) pairs of different stories
 * sharing 40 or more content shingles are rare (they are Reuters stories that are themselves
 * updates of one another), while copies under their own comment threads share 40 to several
 * hundred; a pair of word 3-shingle sets sharing 40 shingles shares a run of at least 42 words or
 * several shorter runs.
 *
 * @param threshold the score at or above which a pair may link, in [0, 1]
 * @param minSharedShingles the shared content shingles that make a score meaningful on its own, at
 *     least 1
 * @param passageShingles the shared content shingles that link a pair below the threshold (with
 *     Jaccard at least {@value #PASSAGE_MIN_JACCARD}); 0 turns that way off
 */
public record LinkRule(double threshold, int minSharedShingles, int passageShingles) {
  /** The least Jaccard similarity of a pair linked by a shared passage. */
  public static final double PASSAGE_MIN_JACCARD = 0.1;

  /** Validates the settings; the message names the setting and the value. */
  public LinkRule {
    if (!(threshold >= 0.0 && threshold <= 1.0)) {
      throw new IllegalArgumentException("threshold must be in [0, 1], got " + threshold);
    }
    if (minSharedShingles < 1) {
      throw new IllegalArgumentException(
          "minSharedShingles must be >= 1, got " + minSharedShingles);
    }
    if (passageShingles < 0) {
      throw new IllegalArgumentException(
          "passageShingles must be >= 0 (0: off), got " + passageShingles);
    }
  }

  /**
   * True if a pair of content shingle sets of sizes {@code sizeA} and {@code sizeB} that share
   * {@code shared} shingles and score {@code score} is linked. Nothing shared never links, so two
   * documents that are all furniture are not linked by their empty content.
   */
  public boolean links(int shared, int sizeA, int sizeB, double score) {
    if (shared <= 0) {
      return false;
    }
    if (score >= threshold
        && (shared >= minSharedShingles || shared >= threshold * Math.max(sizeA, sizeB))) {
      return true;
    }
    return passageShingles > 0
        && shared >= passageShingles
        && shared >= PASSAGE_MIN_JACCARD * ((long) sizeA + sizeB - shared);
  }
}
