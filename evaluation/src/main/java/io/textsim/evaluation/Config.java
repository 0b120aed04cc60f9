package io.textsim.evaluation;

import io.textsim.core.cluster.ClusterMeasure;
import io.textsim.core.cluster.Linkage;
import io.textsim.core.shingle.ShingleConfig;
import java.util.Locale;

/**
 * One measure with one shingle configuration (ignored by cosine, which uses words) and one linkage:
 * a column of the quality evaluation's sweep.
 */
record Config(ClusterMeasure measure, ShingleConfig shingles, Linkage linkage) {
  /** "overlap w4, average". */
  String label() {
    return shortLabel() + ", " + linkage.name().toLowerCase(Locale.ROOT);
  }

  /** "overlap w4", without the linkage. */
  String shortLabel() {
    if (measure == ClusterMeasure.COSINE) {
      return "cosine (TF-IDF)";
    }
    return measure.wireName()
        + " "
        + (shingles.kind() == ShingleConfig.Kind.WORDS ? "w" : "c")
        + shingles.size();
  }

  Config withLinkage(Linkage l) {
    return new Config(measure, shingles, l);
  }
}
