package io.textsim.wire;

import io.textsim.core.TextProfiler;
import io.textsim.core.cluster.ClusterOptions;
import io.textsim.core.measure.Measure;
import io.textsim.core.measure.Verdict;
import io.textsim.core.measure.VerdictRule;
import io.textsim.core.shingle.ShingleConfig;
import io.textsim.core.text.TextNormalizer;
import io.textsim.proto.v1.NormalizationOptions;
import io.textsim.proto.v1.NormalizationProfile;
import io.textsim.proto.v1.ProfileOptions;
import io.textsim.proto.v1.ShingleOptions;
import io.textsim.proto.v1.VerdictOptions;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Proto options (profile, verdict, clustering, measure lists) to core options and back. Decoding
 * validates: every complaint is a {@link BadFieldException} naming the field under the given path.
 */
public final class WireOptions {
  private WireOptions() {}

  // ------------------------------------------------------------------------------- Profile

  /**
   * The profiler for {@code options} (an unset message means the defaults).
   *
   * @param maxLength the longest text it profiles, in UTF-16 code units
   */
  public static TextProfiler profiler(ProfileOptions options, String field, int maxLength) {
    return profiler(options, field, maxLength, ShingleConfig.DEFAULT.size());
  }

  /**
   * The profiler for {@code options}, with shingles of {@code defaultSize} units when the size is
   * not set (a clustering's default differs from a comparison's).
   */
  private static TextProfiler profiler(
      ProfileOptions options, String field, int maxLength, int defaultSize) {
    return new TextProfiler(
        normalizer(options.getNormalization(), field + ".normalization"),
        shingles(options.getShingles(), field + ".shingles", defaultSize),
        maxLength);
  }

  /** The profile options of the default normalization with {@code shingles}. */
  public static ProfileOptions profile(ShingleConfig shingles) {
    return ProfileOptions.newBuilder()
        .setShingles(
            ShingleOptions.newBuilder()
                .setKind(WireEnums.toProto(shingles.kind()))
                .setSize(shingles.size()))
        .build();
  }

  private static TextNormalizer normalizer(NormalizationOptions n, String field) {
    TextNormalizer.Builder b = TextNormalizer.builder(); // every step on: the news profile
    NormalizationProfile profile = NormalizationProfile.forNumber(n.getProfileValue());
    if (profile == null) {
      throw new BadFieldException(
          field + ".profile", "unknown normalization profile " + n.getProfileValue());
    }
    switch (profile) {
      case NORMALIZATION_PROFILE_UNSPECIFIED, NORMALIZATION_PROFILE_NEWS, UNRECOGNIZED -> {}
      case NORMALIZATION_PROFILE_NONE ->
          b.stripByteOrderMark(false)
              .unicodeNfkc(false)
              .lowerCase(false)
              .foldPunctuation(false)
              .removeInvisible(false)
              .normalizeWhitespace(false);
    }
    if (n.hasStripByteOrderMark()) {
      b.stripByteOrderMark(n.getStripByteOrderMark());
    }
    if (n.hasUnicodeNfkc()) {
      b.unicodeNfkc(n.getUnicodeNfkc());
    }
    if (n.hasLowerCase()) {
      b.lowerCase(n.getLowerCase());
    }
    if (n.hasFoldPunctuation()) {
      b.foldPunctuation(n.getFoldPunctuation());
    }
    if (n.hasRemoveInvisible()) {
      b.removeInvisible(n.getRemoveInvisible());
    }
    if (n.hasNormalizeWhitespace()) {
      b.normalizeWhitespace(n.getNormalizeWhitespace());
    }
    return b.build();
  }

  private static ShingleConfig shingles(ShingleOptions s, String field, int defaultSize) {
    ShingleConfig.Kind kind = WireEnums.shingleKind(s.getKindValue(), field + ".kind");
    int size = defaultSize;
    if (s.hasSize()) {
      size = s.getSize();
      if (size < 1 || size > ShingleConfig.MAX_SIZE) {
        throw new BadFieldException(
            field + ".size", "must be between 1 and " + ShingleConfig.MAX_SIZE + ", got " + size);
      }
    }
    return new ShingleConfig(kind, size);
  }

  // ------------------------------------------------------------------------------ Measures

  /** The measures numbered by {@code values}; the core's defaults when there are none. */
  public static Set<Measure> measures(List<Integer> values, String field) {
    if (values.isEmpty()) {
      return Measure.defaults();
    }
    Set<Measure> out = EnumSet.noneOf(Measure.class);
    for (int i = 0; i < values.size(); i++) {
      out.add(WireEnums.measure(values.get(i), field + "[" + i + "]"));
    }
    return out;
  }

  /** The measure numbered {@code value}, or {@code unspecified} for MEASURE_UNSPECIFIED. */
  public static Measure measureOr(int value, Measure unspecified, String field) {
    return value == 0 ? unspecified : WireEnums.measure(value, field);
  }

  // ------------------------------------------------------------------------------- Verdict

  /** The verdict rule of {@code options}: Jaccard at the default threshold unless set. */
  public static VerdictRule verdict(VerdictOptions options, String field) {
    double threshold =
        options.hasThreshold()
            ? unit(options.getThreshold(), field + ".threshold")
            : Verdict.DEFAULT_THRESHOLD;
    return new VerdictRule(
        measureOr(options.getMeasureValue(), Measure.JACCARD, field + ".measure"), threshold);
  }

  /** The verdict options of {@code rule}. */
  public static VerdictOptions verdict(VerdictRule rule) {
    return VerdictOptions.newBuilder()
        .setThreshold(rule.threshold())
        .setMeasure(WireEnums.toProto(rule.measure()))
        .build();
  }

  // ---------------------------------------------------------------------------- Clustering

  /**
   * The core options of a clustering, as a builder for the caller's cancellation and progress.
   *
   * @param maxLength the longest text profiled, in UTF-16 code units
   */
  public static ClusterOptions.Builder clusterOptions(
      io.textsim.proto.v1.ClusterOptions options, String field, int maxLength) {
    ClusterOptions.Builder b = ClusterOptions.builder();
    if (options.hasThreshold()) {
      b.threshold(unit(options.getThreshold(), field + ".threshold"));
    }
    return b.measure(
            WireEnums.clusterMeasure(
                options.getMeasureValue(), ClusterOptions.DEFAULT_MEASURE, field + ".measure"))
        .linkage(WireEnums.linkage(options.getLinkageValue(), field + ".linkage"))
        .candidates(WireEnums.candidates(options.getCandidatesValue(), field + ".candidates"))
        .profiler(
            profiler(
                options.getProfile(),
                field + ".profile",
                maxLength,
                ClusterOptions.DEFAULT_SHINGLES.size()));
  }

  /**
   * The proto options of a clustering: threshold, measure, linkage, candidates and shingles (the
   * normalization is the default one; cancellation and progress stay with the caller).
   */
  public static io.textsim.proto.v1.ClusterOptions clusterOptions(ClusterOptions options) {
    return io.textsim.proto.v1.ClusterOptions.newBuilder()
        .setThreshold(options.threshold())
        .setMeasure(WireEnums.toProto(options.measure()))
        .setLinkage(WireEnums.toProto(options.linkage()))
        .setCandidates(WireEnums.toProto(options.candidates()))
        .setProfile(profile(options.profiler().shingles()))
        .build();
  }

  /** {@code value} if it is in [0, 1]. */
  public static double unit(double value, String field) {
    if (!(value >= 0.0 && value <= 1.0)) {
      throw new BadFieldException(field, "must be in [0, 1], got " + value);
    }
    return value;
  }
}
