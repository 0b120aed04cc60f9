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

  /**
   * @param shingles every document's shingle set
   * @param terms every document's term frequencies; read only, and may be null, unless the measure
   *     is cosine
   */
  PairScorer(ClusterMeasure kind, ShingleSet[] shingles, TermFrequencies[] terms) {
    this.kind = kind;
    this.shingles = shingles;
    this.terms = terms;
    this.idf = kind == ClusterMeasure.COSINE ? IdfModel.ofTerms(Arrays.asList(terms)) : null;
  }

  double score(int i, int j) {
    return switch (kind) {
      case JACCARD -> Measures.jaccard(shingles[i], shingles[j]);
      case OVERLAP -> Measures.overlap(shingles[i], shingles[j]);
      case COSINE -> Measures.cosine(terms[i], terms[j], idf);
    };
  }
}
