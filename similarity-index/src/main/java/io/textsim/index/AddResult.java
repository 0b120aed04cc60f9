package io.textsim.index;

import java.util.ArrayList;
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

  /** What this add and {@code next} did together: the counts added, the expired ids in order. */
  public AddResult plus(AddResult next) {
    List<String> both = new ArrayList<>(expired.size() + next.expired().size());
    both.addAll(expired);
    both.addAll(next.expired());
    return new AddResult(
        Math.addExact(added, next.added()), Math.addExact(replaced, next.replaced()), both);
  }

  /** The result of adding nothing. */
  public static AddResult none() {
    return new AddResult(0, 0, List.of());
  }
}
