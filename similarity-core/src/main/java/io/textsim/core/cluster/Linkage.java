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
   * Average linkage: pairs are considered best first, and two clusters merge only if the average
   * score over all their cross pairs is at or above the threshold, so a single bridging document
   * cannot merge two stories.
   */
  AVERAGE;

  /** The lower-case name used on the command line, in JSON and on the wire: "single", "average". */
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
