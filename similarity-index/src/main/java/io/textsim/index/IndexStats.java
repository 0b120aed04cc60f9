package io.textsim.index;

import io.textsim.core.lsh.LshParameters;
import io.textsim.core.sketch.MinHashParameters;
import java.util.Objects;

/**
 * The state of an index.
 *
 * @param documents the documents held and not expired (expired ones are swept before counting)
 * @param diskBytes the bytes of every file in the index directory
 * @param formatVersion the on-disk format version
 * @param minHash how documents are signed
 * @param lsh how signatures are banded
 * @param threshold the verdict threshold on Jaccard
 */
public record IndexStats(
    long documents,
    long diskBytes,
    int formatVersion,
    MinHashParameters minHash,
    LshParameters lsh,
    double threshold) {
  /** Checks that no field is null. */
  public IndexStats {
    Objects.requireNonNull(minHash, "minHash");
    Objects.requireNonNull(lsh, "lsh");
  }
}
