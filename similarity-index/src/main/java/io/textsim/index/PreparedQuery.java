package io.textsim.index;

import io.textsim.core.shingle.ShingleSet;
import io.textsim.core.sketch.MinHashSignature;
import java.util.Objects;

/**
 * A query text profiled and signed by one {@link NearDuplicateIndex}, ready for {@link
 * NearDuplicateIndex#query(PreparedQuery, int, double)}: what {@link
 * NearDuplicateIndex#query(String, java.util.Optional, int, double)} does before it reads the
 * store, kept apart so that the same query can be asked again and the store timed apart from the
 * profiling. Immutable.
 */
public final class PreparedQuery {
  private final NearDuplicateIndex index;
  private final ShingleSet content;
  private final MinHashSignature signature;

  PreparedQuery(NearDuplicateIndex index, ShingleSet content, MinHashSignature signature) {
    this.index = Objects.requireNonNull(index, "index");
    this.content = Objects.requireNonNull(content, "content");
    this.signature = Objects.requireNonNull(signature, "signature");
  }

  NearDuplicateIndex index() {
    return index;
  }

  ShingleSet content() {
    return content;
  }

  MinHashSignature signature() {
    return signature;
  }

  @Override
  public String toString() {
    return "PreparedQuery(" + content.size() + " shingles)";
  }
}
