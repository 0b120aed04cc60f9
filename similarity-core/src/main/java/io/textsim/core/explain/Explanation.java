package io.textsim.core.explain;

import java.util.List;
import java.util.Objects;

/**
 * What two texts share and what only one of them has, as passages of the original texts.
 *
 * <p>The passages of one text cover it completely and in order (white space at their edges
 * trimmed): each is either shared or only that text's own.
 *
 * @param sharedInA passages of text a whose shingles also occur in text b
 * @param sharedInB passages of text b whose shingles also occur in text a
 * @param onlyA passages of text a that b does not have
 * @param onlyB passages of text b that a does not have
 */
public record Explanation(
    List<Passage> sharedInA, List<Passage> sharedInB, List<Passage> onlyA, List<Passage> onlyB) {
  /** Copies the lists into unmodifiable ones. */
  public Explanation {
    sharedInA = List.copyOf(Objects.requireNonNull(sharedInA, "sharedInA"));
    sharedInB = List.copyOf(Objects.requireNonNull(sharedInB, "sharedInB"));
    onlyA = List.copyOf(Objects.requireNonNull(onlyA, "onlyA"));
    onlyB = List.copyOf(Objects.requireNonNull(onlyB, "onlyB"));
  }
}
