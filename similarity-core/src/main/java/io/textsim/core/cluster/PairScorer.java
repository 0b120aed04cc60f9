package io.textsim.core.cluster;

import io.textsim.core.TextProfile;
import io.textsim.core.measure.IdfModel;
import io.textsim.core.measure.Measures;
import io.textsim.core.measure.SimilarityMeasure;
import java.util.Arrays;

/** Scores pairs of documents of one clustering with its exact measure. Thread-safe. */
final class PairScorer {
  private final TextProfile[] profiles;
  private final SimilarityMeasure measure;

  PairScorer(TextProfile[] profiles, ClusterMeasure kind) {
    this.profiles = profiles;
    this.measure =
        switch (kind) {
          case JACCARD -> Measures.jaccard();
          case OVERLAP -> Measures.overlap();
          case COSINE -> Measures.cosine(IdfModel.of(Arrays.asList(profiles)));
        };
  }

  double score(int i, int j) {
    return measure.similarity(profiles[i], profiles[j]);
  }
}
