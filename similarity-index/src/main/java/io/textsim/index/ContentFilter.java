package io.textsim.index;

import io.textsim.core.shingle.ShingleSet;

/**
 * Takes page furniture out of a document's shingles before it is signed, stored or compared. The
 * index asks its options for one filter per source ({@link IndexOptions#furniture()}); a learned
 * furniture model per source (kept with {@link NearDuplicateIndex#putFurnitureModel}) is meant to
 * provide it.
 */
@FunctionalInterface
public interface ContentFilter {
  /** The content shingles of {@code shingles}: a subset, never a superset. */
  ShingleSet content(ShingleSet shingles);

  /** The filter that keeps every shingle. */
  static ContentFilter none() {
    return shingles -> shingles;
  }
}
