package io.textsim.core.explain;

import io.textsim.core.TextProfile;
import io.textsim.core.shingle.ShingleSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Explains a pair of texts: which passages both share and which only one has.
 *
 * <p>Method: a unit (word token, or code point for character shingles) of text a is <em>shared</em>
 * if some shingle that contains it also occurs in text b. Maximal runs of shared units and of
 * unshared units become passages; each passage reaches from its first unit to the first unit of the
 * next passage, so punctuation and line breaks travel with the words before them and the passages
 * cover the whole text; white space at the edges is trimmed. Offsets are mapped back through the
 * normalization to the original text.
 *
 * <p>A single changed word in a copy shows up as a one-word passage: the shingles around it are
 * still shared and cover its neighbours. Cost: O(n k + m k) hashing plus O(n log m) lookups.
 * Stateless and thread-safe.
 */
public final class Explainer {
  private Explainer() {}

  /**
   * Explains {@code a} against {@code b}.
   *
   * @throws NullPointerException if an argument is null
   * @throws IllegalArgumentException if the profiles were built with different settings
   */
  public static Explanation explain(TextProfile a, TextProfile b) {
    return explain(a, b, ShingleSet.empty(), ShingleSet.empty());
  }

  /**
   * Explains {@code a} against {@code b}, marking the passages that only one side has as furniture
   * where they are covered by that side's furniture shingles ({@code furnitureA}, {@code
   * furnitureB}: for instance {@link io.textsim.core.furniture.FurnitureModel#furniture(String)} of
   * each text's source). A unit is furniture if a furniture shingle of its text contains it; runs
   * of own units are split where that changes, so furniture is shown apart from the content only
   * one side has.
   *
   * @throws NullPointerException if an argument is null
   * @throws IllegalArgumentException if the profiles were built with different settings
   */
  public static Explanation explain(
      TextProfile a, TextProfile b, ShingleSet furnitureA, ShingleSet furnitureB) {
    Objects.requireNonNull(a, "a");
    Objects.requireNonNull(b, "b");
    Objects.requireNonNull(furnitureA, "furnitureA");
    Objects.requireNonNull(furnitureB, "furnitureB");
    a.requireComparable(b);
    TextUnits sideA = new TextUnits(a);
    TextUnits sideB = new TextUnits(b);
    boolean[] sharedA = sideA.sharedUnits(b.shingles());
    boolean[] sharedB = sideB.sharedUnits(a.shingles());
    boolean[] furnitureUnitsA = sideA.sharedUnits(furnitureA);
    boolean[] furnitureUnitsB = sideB.sharedUnits(furnitureB);
    List<Passage> inA = new ArrayList<>();
    List<Passage> onlyA = new ArrayList<>();
    sideA.passages(sharedA, furnitureUnitsA, inA, onlyA);
    List<Passage> inB = new ArrayList<>();
    List<Passage> onlyB = new ArrayList<>();
    sideB.passages(sharedB, furnitureUnitsB, inB, onlyB);
    return new Explanation(inA, inB, onlyA, onlyB);
  }
}
