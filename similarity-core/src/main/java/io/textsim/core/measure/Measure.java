package io.textsim.core.measure;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The measures a comparison can report, with the names used on the wire, in JSON and on the command
 * line.
 */
public enum Measure {
  /** {@link Measures#jaccard()} over shingle sets. */
  JACCARD("jaccard", true),
  /** {@link Measures#containment()} of the first text's shingles in the second's. */
  CONTAINMENT_A_IN_B("containment_a_in_b", true),
  /** {@link Measures#containment()} of the second text's shingles in the first's. */
  CONTAINMENT_B_IN_A("containment_b_in_a", true),
  /** {@link Measures#overlap()}: intersection over the smaller shingle set. */
  OVERLAP("overlap", true),
  /** {@link Measures#cosine()} over word counts, TF-IDF weighted when an IDF model is given. */
  COSINE("cosine", true),
  /** {@link Measures#levenshtein()} over the code points of the normalized texts. */
  LEVENSHTEIN("levenshtein", true),
  /** {@link Measures#tokenLevenshtein()} over the word tokens. */
  TOKEN_LEVENSHTEIN("token_levenshtein", true),
  /** {@link Measures#minHash()}: Jaccard estimated from 128-slot MinHash signatures. */
  MINHASH("minhash", true),
  /** {@link Measures#simHash()}: 1 - Hamming distance / 64 of 64-bit SimHashes. */
  SIMHASH("simhash", true),
  /** {@link Measures#jaroWinkler()} over code points, as Apache Commons Text defines it. */
  JARO_WINKLER("jaro_winkler", false),
  /** {@link Measures#damerauOsa()}: edit distance with adjacent transpositions. */
  DAMERAU_OSA("damerau_osa", false),
  /** {@link Measures#dice()}: Sørensen-Dice coefficient of the shingle sets. */
  DICE("dice", false),
  /** {@link Measures#lcs()}: longest common subsequence of the code points over the longer text. */
  LCS("lcs", false);

  private final String wireName;
  private final boolean byDefault;

  Measure(String wireName, boolean byDefault) {
    this.wireName = wireName;
    this.byDefault = byDefault;
  }

  /** The lower-case name used in JSON, on the command line and in the gRPC API. */
  public String wireName() {
    return wireName;
  }

  /**
   * The measures computed when none are named: all whose cost is linear in the text length or, for
   * edit distance, near-linear for similar texts (bit-parallel, banded). The others must be asked
   * for: Damerau-OSA is quadratic; LCS costs O(n m / 64) however alike the texts are; Jaro-Winkler
   * is made for short strings such as names; Dice is a function of Jaccard, {@code 2J / (1 + J)}.
   */
  public static Set<Measure> defaults() {
    return Arrays.stream(values())
        .filter(m -> m.byDefault)
        .collect(Collectors.toCollection(() -> EnumSet.noneOf(Measure.class)));
  }

  /**
   * The measure called {@code name} (its {@link #wireName()}, any case, '-' accepted for '_').
   *
   * @throws IllegalArgumentException listing the valid names if there is none by that name
   */
  public static Measure fromName(String name) {
    String key = name.trim().toLowerCase(Locale.ROOT).replace('-', '_');
    for (Measure m : values()) {
      if (m.wireName.equals(key)) {
        return m;
      }
    }
    throw new IllegalArgumentException(
        "unknown measure '"
            + name
            + "'; valid measures: "
            + Arrays.stream(values()).map(Measure::wireName).collect(Collectors.joining(", ")));
  }
}
