package io.textsim.core.explain;

import io.textsim.core.TextProfile;
import io.textsim.core.shingle.ShingleSet;
import java.util.Objects;

/**
 * A text's content: the text without its page furniture. Used to score a pair on what its texts say
 * rather than on the site around them, with the same measures as the texts as given.
 *
 * <p>Method: a unit (word, or code point for character shingles) is furniture if a furniture
 * shingle of its text contains it, as {@link Explainer#explain(TextProfile, TextProfile,
 * ShingleSet, ShingleSet)} marks it; the content is the text with those units cut out, each
 * remaining run kept as written and runs joined by a line break. Cost: O(n k) hashing plus O(n log
 * f) lookups for n units and f furniture shingles. Stateless and thread-safe.
 */
public final class ContentText {
  private ContentText() {}

  /**
   * The text of {@code profile} without the units that {@code furniture} covers; the original text
   * itself if none is covered.
   *
   * @throws NullPointerException if an argument is null
   */
  public static String of(TextProfile profile, ShingleSet furniture) {
    Objects.requireNonNull(profile, "profile");
    Objects.requireNonNull(furniture, "furniture");
    if (furniture.isEmpty()) {
      return profile.normalized().original();
    }
    TextUnits units = new TextUnits(profile);
    boolean[] cut = units.sharedUnits(furniture);
    for (boolean c : cut) {
      if (c) {
        return units.without(cut);
      }
    }
    return profile.normalized().original();
  }
}
