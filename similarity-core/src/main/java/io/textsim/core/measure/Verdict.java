package io.textsim.core.measure;

import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * A one-word answer to "are these the same text?", from a comparison and a threshold; the rule is
 * {@link VerdictRule}.
 *
 * <ul>
 *   <li>{@link #NEAR_DUPLICATE}: the verdict measure (Jaccard of shingles by default) is at or
 *       above the threshold, or either text is almost wholly contained in the other (containment at
 *       or above {@value #CONTAINED}), as when one outlet's copy adds a header and footer;
 *   <li>{@link #RELATED}: not a copy, but the texts share a real part of their wording: the verdict
 *       measure is at least a quarter of the threshold, or the word-count cosine is at least
 *       {@value #RELATED_COSINE};
 *   <li>{@link #DIFFERENT}: neither.
 * </ul>
 */
public enum Verdict {
  /** The same text, up to edits and page furniture. */
  NEAR_DUPLICATE,
  /** Shared wording, e.g. the same topic or quoted passages, but not a copy. */
  RELATED,
  /** Unrelated texts. */
  DIFFERENT;

  /** The default threshold of a pairwise verdict on Jaccard of word 4-shingles. */
  public static final double DEFAULT_THRESHOLD = 0.5;

  /** Containment at or above this makes a near-duplicate whatever the threshold. */
  public static final double CONTAINED = 0.9;

  /** Cosine of word counts at or above this makes texts related. */
  public static final double RELATED_COSINE = 0.8;

  /** The lower-case name used in output: "near-duplicate", "related", "different". */
  public String wireName() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  /**
   * The verdict called {@code name} (its {@link #wireName()}, any case, '_' accepted for '-',
   * surrounding white space ignored).
   *
   * @throws NullPointerException if {@code name} is null
   * @throws IllegalArgumentException naming the option and listing the valid names if there is none
   *     by that name
   */
  public static Verdict fromName(String name) {
    Objects.requireNonNull(name, "name");
    String key = name.strip().replace('_', '-');
    for (Verdict v : values()) {
      if (v.wireName().equalsIgnoreCase(key)) {
        return v;
      }
    }
    throw new IllegalArgumentException(
        "verdict '"
            + name
            + "' is not one of "
            + Arrays.stream(values()).map(Verdict::wireName).collect(Collectors.joining(", ")));
  }

  /**
   * The verdict on {@code comparison} for {@code threshold} on {@code measure}.
   *
   * @throws IllegalArgumentException if the threshold is outside [0, 1] or {@code measure} was not
   *     computed
   */
  public static Verdict of(Comparison comparison, Measure measure, double threshold) {
    Objects.requireNonNull(comparison, "comparison");
    return new VerdictRule(measure, threshold).judge(comparison).verdict();
  }
}
