package io.textsim.core.cluster;

import java.util.Locale;

/** The exact measure that links two documents of a clustering. */
public enum ClusterMeasure {
  /** Jaccard similarity of the shingle sets: the whole of both texts must match. */
  JACCARD,
  /**
   * Overlap of the shingle sets, {@code |A ∩ B| / min(|A|, |B|)}: the larger of the two
   * containments, so a story that was truncated, or wrapped in a page of furniture, still links to
   * its full copy.
   */
  OVERLAP,
  /** TF-IDF cosine of the word counts, with the collection's own IDF model. */
  COSINE;

  /** The lower-case name used on the command line, in JSON and on the wire. */
  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * The measure called {@code name}, any case.
   *
   * @throws IllegalArgumentException listing the valid names
   */
  public static ClusterMeasure fromName(String name) {
    for (ClusterMeasure m : values()) {
      if (m.wireName().equalsIgnoreCase(name.trim())) {
        return m;
      }
    }
    throw new IllegalArgumentException(
        "unknown cluster measure '" + name + "'; valid measures: jaccard, overlap, cosine");
  }
}
