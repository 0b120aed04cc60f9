package io.textsim.index;

import io.textsim.core.measure.Verdict;
import java.util.Objects;
import java.util.Optional;

/**
 * A stored document found for a query, verified by the exact measure.
 *
 * @param rank 1 for the best match
 * @param id the stored document's id
 * @param score Jaccard similarity of the two shingle sets, in [0, 1]
 * @param containment the share of the query's shingles the stored document has, in [0, 1]
 * @param verdict the pairwise verdict at the index's threshold (as {@link Verdict#of})
 * @param source the stored document's source, if it has one
 */
public record IndexMatch(
    int rank,
    String id,
    double score,
    double containment,
    Verdict verdict,
    Optional<String> source) {

  /** Validates the fields. */
  public IndexMatch {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(verdict, "verdict");
    Objects.requireNonNull(source, "source");
    if (rank < 1) {
      throw new IllegalArgumentException("rank must be >= 1, got " + rank);
    }
    if (!(score >= 0 && score <= 1)) {
      throw new IllegalArgumentException("score must be in [0, 1], got " + score);
    }
    if (!(containment >= 0 && containment <= 1)) {
      throw new IllegalArgumentException("containment must be in [0, 1], got " + containment);
    }
  }
}
