package io.textsim.core.cluster;

import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;
import java.util.stream.Collectors;

/** Where the candidate pairs that are verified with the exact measure come from. */
public enum CandidateStrategy {
  /** All pairs for small inputs, the LSH index for large ones; see {@link ClusterOptions}. */
  AUTO,
  /** Every pair: exact, quadratic. */
  ALL_PAIRS,
  /**
   * Pairs that share a MinHash LSH bucket, or a sampled content shingle when the passage rule is on
   * ({@link PassageKeys}): near-linear, finds almost all linked pairs.
   */
  LSH;

  /**
   * The lower-case name used on the command line, in JSON and on the wire: "auto", "all-pairs",
   * "lsh".
   */
  public String wireName() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  /**
   * The strategy called {@code name} (its {@link #wireName()}, any case, '_' accepted for '-',
   * surrounding white space ignored).
   *
   * @throws NullPointerException if {@code name} is null
   * @throws IllegalArgumentException naming the option and listing the valid names if there is none
   *     by that name
   */
  public static CandidateStrategy fromName(String name) {
    Objects.requireNonNull(name, "name");
    String key = name.strip().replace('_', '-');
    for (CandidateStrategy c : values()) {
      if (c.wireName().equalsIgnoreCase(key)) {
        return c;
      }
    }
    throw new IllegalArgumentException(
        "candidate strategy '"
            + name
            + "' is not one of "
            + Arrays.stream(values())
                .map(CandidateStrategy::wireName)
                .collect(Collectors.joining(", ")));
  }
}
