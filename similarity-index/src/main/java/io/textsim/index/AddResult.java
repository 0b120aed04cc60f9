package io.textsim.index;

import java.util.List;
import java.util.Objects;

/**
 * What an add did.
 *
 * @param added documents whose id was new
 * @param replaced documents that replaced one of the same id
 * @param expired ids not stored because they had already expired on arrival (a publication time
 *     older than the retention window), in input order
 */
public record AddResult(int added, int replaced, List<String> expired) {
  /** Copies the list. */
  public AddResult {
    expired = List.copyOf(Objects.requireNonNull(expired, "expired"));
  }
}
