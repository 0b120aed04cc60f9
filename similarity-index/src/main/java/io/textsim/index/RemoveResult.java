package io.textsim.index;

import java.util.List;
import java.util.Objects;

/**
 * What a remove did.
 *
 * @param removed the ids that were held and are now gone, in input order
 * @param notFound the ids the index did not hold (or held only expired), in input order
 */
public record RemoveResult(List<String> removed, List<String> notFound) {
  /** Copies the lists. */
  public RemoveResult {
    removed = List.copyOf(Objects.requireNonNull(removed, "removed"));
    notFound = List.copyOf(Objects.requireNonNull(notFound, "notFound"));
  }
}
