package io.textsim.wire;

import com.google.protobuf.Descriptors.EnumDescriptor;
import com.google.protobuf.Descriptors.EnumValueDescriptor;
import io.textsim.core.cluster.CandidateStrategy;
import io.textsim.core.cluster.ClusterMeasure;
import io.textsim.core.cluster.Linkage;
import io.textsim.core.measure.Measure;
import io.textsim.core.measure.Verdict;
import io.textsim.core.shingle.ShingleConfig;
import java.util.ArrayList;
import java.util.List;

/**
 * Proto enums to core enums and back, by explicit switches. Decoding takes the number as sent (so
 * that a number this build does not know is refused naming the field) and maps {@code
 * *_UNSPECIFIED} to a default or refuses it; encoding is total over the core enum.
 */
public final class WireEnums {
  private WireEnums() {}

  // ------------------------------------------------------------------------------- Measure

  /**
   * The core measure of proto Measure number {@code value}.
   *
   * @param field the field's path, for the error
   * @throws BadFieldException for an unknown number or MEASURE_UNSPECIFIED
   */
  public static Measure measure(int value, String field) {
    io.textsim.proto.v1.Measure m = io.textsim.proto.v1.Measure.forNumber(value);
    if (m == null) {
      throw new BadFieldException(field, "unknown measure number " + value);
    }
    return switch (m) {
      case MEASURE_JACCARD -> Measure.JACCARD;
      case MEASURE_CONTAINMENT_A_IN_B -> Measure.CONTAINMENT_A_IN_B;
      case MEASURE_CONTAINMENT_B_IN_A -> Measure.CONTAINMENT_B_IN_A;
      case MEASURE_OVERLAP -> Measure.OVERLAP;
      case MEASURE_COSINE -> Measure.COSINE;
      case MEASURE_LEVENSHTEIN -> Measure.LEVENSHTEIN;
      case MEASURE_TOKEN_LEVENSHTEIN -> Measure.TOKEN_LEVENSHTEIN;
      case MEASURE_JARO_WINKLER -> Measure.JARO_WINKLER;
      case MEASURE_DAMERAU_OSA -> Measure.DAMERAU_OSA;
      case MEASURE_MINHASH -> Measure.MINHASH;
      case MEASURE_SIMHASH -> Measure.SIMHASH;
      case MEASURE_DICE -> Measure.DICE;
      case MEASURE_LCS -> Measure.LCS;
      case MEASURE_UNSPECIFIED, UNRECOGNIZED ->
          throw new BadFieldException(field, m.name() + " is not a measure");
    };
  }

  /** The proto value of a core measure. */
  public static io.textsim.proto.v1.Measure toProto(Measure m) {
    return switch (m) {
      case JACCARD -> io.textsim.proto.v1.Measure.MEASURE_JACCARD;
      case CONTAINMENT_A_IN_B -> io.textsim.proto.v1.Measure.MEASURE_CONTAINMENT_A_IN_B;
      case CONTAINMENT_B_IN_A -> io.textsim.proto.v1.Measure.MEASURE_CONTAINMENT_B_IN_A;
      case OVERLAP -> io.textsim.proto.v1.Measure.MEASURE_OVERLAP;
      case COSINE -> io.textsim.proto.v1.Measure.MEASURE_COSINE;
      case LEVENSHTEIN -> io.textsim.proto.v1.Measure.MEASURE_LEVENSHTEIN;
      case TOKEN_LEVENSHTEIN -> io.textsim.proto.v1.Measure.MEASURE_TOKEN_LEVENSHTEIN;
      case JARO_WINKLER -> io.textsim.proto.v1.Measure.MEASURE_JARO_WINKLER;
      case DAMERAU_OSA -> io.textsim.proto.v1.Measure.MEASURE_DAMERAU_OSA;
      case MINHASH -> io.textsim.proto.v1.Measure.MEASURE_MINHASH;
      case SIMHASH -> io.textsim.proto.v1.Measure.MEASURE_SIMHASH;
      case DICE -> io.textsim.proto.v1.Measure.MEASURE_DICE;
      case LCS -> io.textsim.proto.v1.Measure.MEASURE_LCS;
    };
  }

  // ------------------------------------------------------------------------------- Verdict

  /**
   * The core verdict of proto Verdict number {@code value}.
   *
   * @throws BadFieldException for an unknown number or VERDICT_UNSPECIFIED
   */
  public static Verdict verdict(int value, String field) {
    io.textsim.proto.v1.Verdict v = io.textsim.proto.v1.Verdict.forNumber(value);
    if (v == null) {
      throw new BadFieldException(field, "unknown verdict number " + value);
    }
    return switch (v) {
      case VERDICT_NEAR_DUPLICATE -> Verdict.NEAR_DUPLICATE;
      case VERDICT_RELATED -> Verdict.RELATED;
      case VERDICT_DIFFERENT -> Verdict.DIFFERENT;
      case VERDICT_UNSPECIFIED, UNRECOGNIZED ->
          throw new BadFieldException(field, "no verdict (" + v.name() + ")");
    };
  }

  /** The proto value of a core verdict. */
  public static io.textsim.proto.v1.Verdict toProto(Verdict v) {
    return switch (v) {
      case NEAR_DUPLICATE -> io.textsim.proto.v1.Verdict.VERDICT_NEAR_DUPLICATE;
      case RELATED -> io.textsim.proto.v1.Verdict.VERDICT_RELATED;
      case DIFFERENT -> io.textsim.proto.v1.Verdict.VERDICT_DIFFERENT;
    };
  }

  // ------------------------------------------------------------------------ ClusterMeasure

  /**
   * The core cluster measure of proto ClusterMeasure number {@code value}; {@code unspecified} for
   * CLUSTER_MEASURE_UNSPECIFIED.
   */
  public static ClusterMeasure clusterMeasure(int value, ClusterMeasure unspecified, String field) {
    io.textsim.proto.v1.ClusterMeasure m = io.textsim.proto.v1.ClusterMeasure.forNumber(value);
    if (m == null) {
      throw unknown(io.textsim.proto.v1.ClusterMeasure.getDescriptor(), value, field);
    }
    return switch (m) {
      case CLUSTER_MEASURE_JACCARD -> ClusterMeasure.JACCARD;
      case CLUSTER_MEASURE_OVERLAP -> ClusterMeasure.OVERLAP;
      case CLUSTER_MEASURE_COSINE -> ClusterMeasure.COSINE;
      case CLUSTER_MEASURE_UNSPECIFIED, UNRECOGNIZED -> unspecified;
    };
  }

  /** The proto value of a core cluster measure. */
  public static io.textsim.proto.v1.ClusterMeasure toProto(ClusterMeasure m) {
    return switch (m) {
      case JACCARD -> io.textsim.proto.v1.ClusterMeasure.CLUSTER_MEASURE_JACCARD;
      case OVERLAP -> io.textsim.proto.v1.ClusterMeasure.CLUSTER_MEASURE_OVERLAP;
      case COSINE -> io.textsim.proto.v1.ClusterMeasure.CLUSTER_MEASURE_COSINE;
    };
  }

  // ------------------------------------------------------------------------------- Linkage

  /**
   * The core linkage of proto Linkage number {@code value}; the core's default ({@link
   * io.textsim.core.cluster.ClusterOptions#DEFAULT_LINKAGE}) for LINKAGE_UNSPECIFIED.
   */
  public static Linkage linkage(int value, String field) {
    io.textsim.proto.v1.Linkage l = io.textsim.proto.v1.Linkage.forNumber(value);
    if (l == null) {
      throw unknown(io.textsim.proto.v1.Linkage.getDescriptor(), value, field);
    }
    return switch (l) {
      case LINKAGE_UNSPECIFIED, UNRECOGNIZED ->
          io.textsim.core.cluster.ClusterOptions.DEFAULT_LINKAGE;
      case LINKAGE_SINGLE -> Linkage.SINGLE;
      case LINKAGE_REPRESENTATIVE -> Linkage.REPRESENTATIVE;
      case LINKAGE_AVERAGE -> Linkage.AVERAGE;
    };
  }

  /** The proto value of a core linkage. */
  public static io.textsim.proto.v1.Linkage toProto(Linkage l) {
    return switch (l) {
      case SINGLE -> io.textsim.proto.v1.Linkage.LINKAGE_SINGLE;
      case REPRESENTATIVE -> io.textsim.proto.v1.Linkage.LINKAGE_REPRESENTATIVE;
      case AVERAGE -> io.textsim.proto.v1.Linkage.LINKAGE_AVERAGE;
    };
  }

  // --------------------------------------------------------------------- CandidateStrategy

  /**
   * The core strategy of proto CandidateStrategy number {@code value}; auto for
   * CANDIDATE_STRATEGY_UNSPECIFIED.
   */
  public static CandidateStrategy candidates(int value, String field) {
    io.textsim.proto.v1.CandidateStrategy c =
        io.textsim.proto.v1.CandidateStrategy.forNumber(value);
    if (c == null) {
      throw unknown(io.textsim.proto.v1.CandidateStrategy.getDescriptor(), value, field);
    }
    return switch (c) {
      case CANDIDATE_STRATEGY_AUTO, CANDIDATE_STRATEGY_UNSPECIFIED, UNRECOGNIZED ->
          CandidateStrategy.AUTO;
      case CANDIDATE_STRATEGY_ALL_PAIRS -> CandidateStrategy.ALL_PAIRS;
      case CANDIDATE_STRATEGY_LSH -> CandidateStrategy.LSH;
    };
  }

  /** The proto value of a core strategy. */
  public static io.textsim.proto.v1.CandidateStrategy toProto(CandidateStrategy c) {
    return switch (c) {
      case AUTO -> io.textsim.proto.v1.CandidateStrategy.CANDIDATE_STRATEGY_AUTO;
      case ALL_PAIRS -> io.textsim.proto.v1.CandidateStrategy.CANDIDATE_STRATEGY_ALL_PAIRS;
      case LSH -> io.textsim.proto.v1.CandidateStrategy.CANDIDATE_STRATEGY_LSH;
    };
  }

  // --------------------------------------------------------------------------- ShingleKind

  /** The core shingle kind of proto ShingleKind number {@code value}; words for unspecified. */
  public static ShingleConfig.Kind shingleKind(int value, String field) {
    io.textsim.proto.v1.ShingleKind k = io.textsim.proto.v1.ShingleKind.forNumber(value);
    if (k == null) {
      throw unknown(io.textsim.proto.v1.ShingleKind.getDescriptor(), value, field);
    }
    return switch (k) {
      case SHINGLE_KIND_WORDS, SHINGLE_KIND_UNSPECIFIED, UNRECOGNIZED -> ShingleConfig.Kind.WORDS;
      case SHINGLE_KIND_CHARACTERS -> ShingleConfig.Kind.CHARACTERS;
    };
  }

  /** The proto value of a core shingle kind. */
  public static io.textsim.proto.v1.ShingleKind toProto(ShingleConfig.Kind k) {
    return switch (k) {
      case WORDS -> io.textsim.proto.v1.ShingleKind.SHINGLE_KIND_WORDS;
      case CHARACTERS -> io.textsim.proto.v1.ShingleKind.SHINGLE_KIND_CHARACTERS;
    };
  }

  /** An unknown number of {@code protoEnum}, with the valid values listed. */
  static BadFieldException unknown(EnumDescriptor protoEnum, int value, String field) {
    List<String> names = new ArrayList<>();
    for (EnumValueDescriptor v : protoEnum.getValues()) {
      names.add(v.getName());
    }
    return new BadFieldException(
        field,
        "unknown "
            + protoEnum.getName()
            + " number "
            + value
            + "; valid: "
            + String.join(", ", names));
  }
}
