package io.textsim.core.cluster;

import io.textsim.core.TermFrequencies;
import io.textsim.core.measure.IdfModel;
import io.textsim.core.measure.Measures;
import io.textsim.core.shingle.ShingleSet;
import java.util.Arrays;

/**
 * Scores pairs of documents of one clustering with its exact measure, from the one part of each
 * profile the measure reads: the shingle sets (Jaccard, overlap) or the term frequencies (cosine,
 * TF-IDF over the collection). Thread-safe.
 */
final class PairScorer {
  private final ClusterMeasure kind;
  private final ShingleSet[] shingles;
  private final TermFrequencies[] terms; // cosine only
  private final IdfModel idf; // cosine only
  private final boolean[] blank;

  /**
   * @param shingles every document's shingle set
   * @param terms every document's term frequencies; read only, and may be null, unless the measure
   *     is cosine
   * @param blank whether each document's text had no shingles at all (before furniture was taken
   *     out): two blank texts are equal and link, two texts that are all furniture do not
   */
  PairScorer(ClusterMeasure kind, ShingleSet[] shingles, TermFrequencies[] terms, boolean[] blank) {
    this.kind = kind;
    this.blank = blank;
    this.shingles = shingles;
    this.terms = terms;
    this.idf = kind == ClusterMeasure.COSINE ? IdfModel.ofTerms(Arrays.asList(terms)) : null;
  }

  /**
   * Verifies pair (i, j): writes its score to {@code scores[p]} and answers whether {@code rule}
   * links it. The shingle intersection is computed once for both.
   */
  boolean verify(int i, int j, LinkRule rule, double[] scores, int p) {
    ShingleSet a = shingles[i];
    ShingleSet b = shingles[j];
    int shared = a.intersectionSize(b);
    double score =
        switch (kind) {
          case JACCARD ->
              a.isEmpty() && b.isEmpty() ? 1.0 : (double) shared / (a.size() + b.size() - shared);
          case OVERLAP ->
              a.isEmpty() && b.isEmpty()
                  ? 1.0
                  : a.isEmpty() || b.isEmpty()
                      ? 0.0
                      : (double) shared / Math.min(a.size(), b.size());
          case COSINE -> Measures.cosine(terms[i], terms[j], idf);
        };
    scores[p] = score;
    if (a.isEmpty() && b.isEmpty()) {
      return blank[i] && blank[j] && score >= rule.threshold();
    }
    return rule.links(shared, a.size(), b.size(), score);
  }

  /** Whether {@code rule} links pair (i, j), as {@link #verify} decides it. */
  boolean links(int i, int j, LinkRule rule) {
    return verify(i, j, rule, new double[1], 0);
  }

  double score(int i, int j) {
    return switch (kind) {
      case JACCARD -> Measures.jaccard(shingles[i], shingles[j]);
      case OVERLAP -> Measures.overlap(shingles[i], shingles[j]);
      case COSINE -> Measures.cosine(terms[i], terms[j], idf);
    };
  }
}
