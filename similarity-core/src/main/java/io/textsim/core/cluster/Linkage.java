package io.textsim.core.cluster;

import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;
import java.util.stream.Collectors;

/** How linked pairs become clusters. */
public enum Linkage {
  /**
   * Connected components of the graph of pairs scoring at or above the threshold (single linkage).
   * Fast and the right choice for copies of one story; one document that resembles two stories can
   * chain them into one cluster.
   */
  SINGLE,
  /**
   * Single linkage, then every cluster keeps only the members that score at or above the threshold
   * against its representative; the others form clusters of their own by their links among
   * themselves, checked the same way. A bridge between two stories then stays with one of them. The
   * default: as cheap as single linkage on clusters that agree, and it can only divide clusters,
   * never join them.
   */
  REPRESENTATIVE,
  /**
   * Average linkage: pairs are considered best first, and two clusters merge only if the average
   * score over all their cross pairs is at or above the threshold, so a single bridging document
   * cannot merge two stories.
   */
  AVERAGE;

  /**
   * The lower-case name used on the command line, in JSON and on the wire: "single",
   * "representative", "average".
   */
  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * The linkage called {@code name} (its {@link #wireName()}, any case, surrounding white space
   * ignored).
   *
   * @throws NullPointerException if {@code name} is null
   * @throws IllegalArgumentException naming the option and listing the valid names if there is none
   *     by that name
   */
  public static Linkage fromName(String name) {
    Objects.requireNonNull(name, "name");
    for (Linkage l : values()) {
      if (l.wireName().equalsIgnoreCase(name.strip())) {
        return l;
      }
    }
    throw new IllegalArgumentException(
        "linkage '"
            + name
            + "' is not one of "
            + Arrays.stream(values()).map(Linkage::wireName).collect(Collectors.joining(", ")));
  }
}
