package io.textsim.wire;

import io.textsim.core.measure.Comparison;
import io.textsim.core.measure.Measure;
import io.textsim.proto.v1.EditDistances;
import io.textsim.proto.v1.Scores;
import java.util.EnumMap;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.OptionalInt;

/**
 * A core {@link Comparison} as proto {@link Scores} and {@link EditDistances}, and back. Each
 * measure has its own field, named after its {@link Measure#wireName() wire name}.
 */
public final class WireScores {
  private WireScores() {}

  /** Every score of {@code comparison}, each in its measure's field. */
  public static Scores scores(Comparison comparison) {
    Scores.Builder out = Scores.newBuilder();
    for (Map.Entry<Measure, Double> e : comparison.scores().entrySet()) {
      set(out, e.getKey(), e.getValue());
    }
    return out.build();
  }

  private static void set(Scores.Builder out, Measure m, double v) {
    switch (m) {
      case JACCARD -> out.setJaccard(v);
      case CONTAINMENT_A_IN_B -> out.setContainmentAInB(v);
      case CONTAINMENT_B_IN_A -> out.setContainmentBInA(v);
      case OVERLAP -> out.setOverlap(v);
      case COSINE -> out.setCosine(v);
      case LEVENSHTEIN -> out.setLevenshtein(v);
      case TOKEN_LEVENSHTEIN -> out.setTokenLevenshtein(v);
      case JARO_WINKLER -> out.setJaroWinkler(v);
      case DAMERAU_OSA -> out.setDamerauOsa(v);
      case MINHASH -> out.setMinhash(v);
      case SIMHASH -> out.setSimhash(v);
      case DICE -> out.setDice(v);
      case LCS -> out.setLcs(v);
    }
  }

  /** The score of {@code m} in {@code scores}, if its field is set. */
  public static OptionalDouble score(Scores s, Measure m) {
    boolean has =
        switch (m) {
          case JACCARD -> s.hasJaccard();
          case CONTAINMENT_A_IN_B -> s.hasContainmentAInB();
          case CONTAINMENT_B_IN_A -> s.hasContainmentBInA();
          case OVERLAP -> s.hasOverlap();
          case COSINE -> s.hasCosine();
          case LEVENSHTEIN -> s.hasLevenshtein();
          case TOKEN_LEVENSHTEIN -> s.hasTokenLevenshtein();
          case JARO_WINKLER -> s.hasJaroWinkler();
          case DAMERAU_OSA -> s.hasDamerauOsa();
          case MINHASH -> s.hasMinhash();
          case SIMHASH -> s.hasSimhash();
          case DICE -> s.hasDice();
          case LCS -> s.hasLcs();
        };
    if (!has) {
      return OptionalDouble.empty();
    }
    return OptionalDouble.of(
        switch (m) {
          case JACCARD -> s.getJaccard();
          case CONTAINMENT_A_IN_B -> s.getContainmentAInB();
          case CONTAINMENT_B_IN_A -> s.getContainmentBInA();
          case OVERLAP -> s.getOverlap();
          case COSINE -> s.getCosine();
          case LEVENSHTEIN -> s.getLevenshtein();
          case TOKEN_LEVENSHTEIN -> s.getTokenLevenshtein();
          case JARO_WINKLER -> s.getJaroWinkler();
          case DAMERAU_OSA -> s.getDamerauOsa();
          case MINHASH -> s.getMinhash();
          case SIMHASH -> s.getSimhash();
          case DICE -> s.getDice();
          case LCS -> s.getLcs();
        });
  }

  /** The exact edit distances of {@code comparison} that were computed. */
  public static EditDistances distances(Comparison comparison) {
    EditDistances.Builder out = EditDistances.newBuilder();
    comparison.levenshteinDistance().ifPresent(out::setLevenshtein);
    comparison.tokenLevenshteinDistance().ifPresent(out::setTokenLevenshtein);
    return out.build();
  }

  /**
   * The core comparison of {@code scores} and {@code distances}.
   *
   * @param field the path of the scores, for the error
   * @throws BadFieldException if a score is outside [0, 1] or NaN
   */
  public static Comparison comparison(Scores scores, EditDistances distances, String field) {
    Map<Measure, Double> out = new EnumMap<>(Measure.class);
    for (Measure m : Measure.values()) {
      OptionalDouble v = score(scores, m);
      if (v.isPresent()) {
        if (!(v.getAsDouble() >= 0.0 && v.getAsDouble() <= 1.0)) {
          throw new BadFieldException(
              field + "." + m.wireName(), "not in [0, 1]: " + v.getAsDouble());
        }
        out.put(m, v.getAsDouble());
      }
    }
    return new Comparison(
        out,
        distances.hasLevenshtein()
            ? OptionalInt.of(distances.getLevenshtein())
            : OptionalInt.empty(),
        distances.hasTokenLevenshtein()
            ? OptionalInt.of(distances.getTokenLevenshtein())
            : OptionalInt.empty());
  }
}
