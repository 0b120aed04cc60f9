package io.textsim.server;

import com.google.protobuf.Descriptors.EnumDescriptor;
import com.google.protobuf.Descriptors.EnumValueDescriptor;
import com.google.protobuf.Descriptors.FieldDescriptor;
import io.textsim.core.Cancellation;
import io.textsim.core.TextProfile;
import io.textsim.core.TextProfiler;
import io.textsim.core.cluster.CandidateStrategy;
import io.textsim.core.cluster.ClusterMeasure;
import io.textsim.core.cluster.ClusterOptions;
import io.textsim.core.cluster.Clusterer;
import io.textsim.core.cluster.Clustering;
import io.textsim.core.cluster.Document;
import io.textsim.core.cluster.Linkage;
import io.textsim.core.explain.Explainer;
import io.textsim.core.explain.Explanation;
import io.textsim.core.explain.Passage;
import io.textsim.core.measure.CompareOptions;
import io.textsim.core.measure.Comparison;
import io.textsim.core.measure.IdfModel;
import io.textsim.core.measure.Measure;
import io.textsim.core.measure.Similarity;
import io.textsim.core.measure.Verdict;
import io.textsim.core.shingle.ShingleConfig;
import io.textsim.core.text.TextNormalizer;
import io.textsim.proto.v1.ClusterMember;
import io.textsim.proto.v1.ClusterRequest;
import io.textsim.proto.v1.ClusterResponse;
import io.textsim.proto.v1.ClusterStats;
import io.textsim.proto.v1.CompareManyRequest;
import io.textsim.proto.v1.CompareManyResponse;
import io.textsim.proto.v1.CompareRequest;
import io.textsim.proto.v1.CompareResponse;
import io.textsim.proto.v1.EditDistances;
import io.textsim.proto.v1.Match;
import io.textsim.proto.v1.NormalizationOptions;
import io.textsim.proto.v1.Passages;
import io.textsim.proto.v1.ProfileOptions;
import io.textsim.proto.v1.Scores;
import io.textsim.proto.v1.ShingleOptions;
import io.textsim.proto.v1.TextStats;
import io.textsim.proto.v1.VerdictOptions;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.logging.Logger;

/**
 * Maps textsim.v1 requests onto the core and the core's results back to responses. No similarity
 * logic lives here: it validates the request (every complaint names the offending field), builds
 * the core's options, calls the core and copies the result.
 *
 * <p>Enums are mapped by name, never by a hand-written table: a proto value {@code MEASURE_X} is
 * the core measure whose {@link Measure#wireName() wire name} is {@code x}, a score goes to the
 * {@link Scores} field named after its measure's wire name, and likewise for the cluster enums and
 * the verdict. A measure added to both the core and the proto flows through without a change here;
 * a proto value the core does not know yet is refused as INVALID_ARGUMENT naming the field.
 *
 * <p>Immutable and thread-safe.
 */
final class ProtoMapper {
  private static final Logger logger = Logger.getLogger(ProtoMapper.class.getName());

  /** The verdict threshold when the request sets none. */
  static final double DEFAULT_THRESHOLD = io.textsim.core.measure.Verdict.DEFAULT_THRESHOLD;

  /** The {@link Scores} field of each core measure that has one. */
  private static final Map<Measure, FieldDescriptor> SCORE_FIELDS = scoreFields();

  private final int maxTextChars;
  private final int maxDocuments;

  /**
   * Creates a mapper enforcing the given limits.
   *
   * @param maxTextChars the longest text accepted, in UTF-16 code units
   * @param maxDocuments the most documents or candidates of one call
   */
  ProtoMapper(int maxTextChars, int maxDocuments) {
    this.maxTextChars = maxTextChars;
    this.maxDocuments = maxDocuments;
  }

  private static Map<Measure, FieldDescriptor> scoreFields() {
    Map<Measure, FieldDescriptor> fields = new EnumMap<>(Measure.class);
    for (Measure m : Measure.values()) {
      FieldDescriptor f = Scores.getDescriptor().findFieldByName(m.wireName());
      if (f == null) {
        logger.warning(
            "core measure " + m.wireName() + " has no field in textsim.v1.Scores: not reported");
      } else {
        fields.put(m, f);
      }
    }
    return Collections.unmodifiableMap(fields);
  }

  // ---------------------------------------------------------------------------------- Compare

  /** Answers {@code SimilarityService.Compare}. */
  CompareResponse compare(CompareRequest request, Cancellation cancellation) {
    TextProfiler profiler = profiler(request.getProfile(), "profile");
    Set<Measure> measures = measures(request.getMeasuresValueList(), "measures");
    VerdictSpec verdict = verdict(request.getVerdict(), "verdict");
    checkText(request.getA().getText(), "a.text");
    checkText(request.getB().getText(), "b.text");

    TextProfile a = profiler.profile(request.getA().getText());
    TextProfile b = profiler.profile(request.getB().getText());
    cancellation.throwIfCancelled();
    Comparison comparison =
        Similarity.compare(
            a,
            b,
            union(measures, verdict.measure()),
            CompareOptions.defaults().withCancellation(cancellation));
    CompareResponse.Builder out =
        CompareResponse.newBuilder()
            .setScores(scores(comparison))
            .setDistances(distances(comparison))
            .setVerdict(verdict.of(comparison))
            .setAStats(stats(a))
            .setBStats(stats(b));
    if (request.getExplain()) {
      cancellation.throwIfCancelled();
      out.setPassages(passages(Explainer.explain(a, b)));
    }
    return out.build();
  }

  private static TextStats stats(TextProfile p) {
    return TextStats.newBuilder()
        .setCodePoints(p.codePointCount())
        .setWords(p.tokenCount())
        .setShingles(p.shingles().size())
        .build();
  }

  // ------------------------------------------------------------------------------ CompareMany

  /** Answers {@code SimilarityService.CompareMany}. */
  CompareManyResponse compareMany(CompareManyRequest request, Cancellation cancellation) {
    TextProfiler profiler = profiler(request.getProfile(), "profile");
    Set<Measure> measures = measures(request.getMeasuresValueList(), "measures");
    Measure rankBy =
        request.getRankByValue() == 0
            ? Measure.JACCARD
            : measure(request.getRankByValue(), "rank_by");
    VerdictSpec verdict = verdict(request.getVerdict(), "verdict");
    double minScore = request.hasMinScore() ? unit(request.getMinScore(), "min_score") : 0.0;
    int topK = Integer.MAX_VALUE;
    if (request.hasTopK()) {
      topK = request.getTopK();
      if (topK < 1) {
        throw new BadFieldException("top_k", "must be at least 1, got " + topK);
      }
    }
    int n = request.getCandidatesCount();
    checkCount(n, "candidates");
    checkText(request.getQuery().getText(), "query.text");
    for (int i = 0; i < n; i++) {
      checkText(request.getCandidates(i).getText(), "candidates[" + i + "].text");
    }

    TextProfile query = profiler.profile(request.getQuery().getText());
    TextProfile[] candidates = new TextProfile[n];
    for (int i = 0; i < n; i++) {
      cancellation.throwIfCancelled();
      candidates[i] = profiler.profile(request.getCandidates(i).getText());
    }
    CompareOptions options =
        CompareOptions.defaults()
            .withIdf(IdfModel.of(Arrays.asList(candidates)))
            .withCancellation(cancellation);
    Set<Measure> computed = union(union(measures, rankBy), verdict.measure());
    List<Scored> kept = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      cancellation.throwIfCancelled();
      Comparison c = Similarity.compare(query, candidates[i], computed, options);
      double score = c.score(rankBy);
      if (score >= minScore) {
        kept.add(new Scored(i, score, c));
      }
    }
    // Stable: equal scores stay in candidate order.
    kept.sort(Comparator.comparingDouble(Scored::score).reversed());
    CompareManyResponse.Builder out = CompareManyResponse.newBuilder();
    for (Scored s : kept.subList(0, Math.min(topK, kept.size()))) {
      out.addMatches(
          Match.newBuilder()
              .setId(request.getCandidates(s.index()).getId())
              .setIndex(s.index())
              .setScore(s.score())
              .setScores(scores(s.comparison()))
              .setDistances(distances(s.comparison()))
              .setVerdict(verdict.of(s.comparison())));
    }
    return out.build();
  }

  private record Scored(int index, double score, Comparison comparison) {}

  // ---------------------------------------------------------------------------------- Cluster

  /** Answers {@code SimilarityService.Cluster}. */
  ClusterResponse cluster(ClusterRequest request, Cancellation cancellation) {
    ClusterOptions options = clusterOptions(request.getOptions(), "options", cancellation);
    int n = request.getDocumentsCount();
    checkCount(n, "documents");
    List<Document> documents = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      documents.add(document(request.getDocuments(i), "documents[" + i + "]"));
    }
    return ClusterResponse.newBuilder().setClustering(cluster(documents, options)).build();
  }

  /** Clusters already validated documents, for Cluster and ClusterStream. */
  io.textsim.proto.v1.Clustering cluster(List<Document> documents, ClusterOptions options) {
    return clustering(Clusterer.cluster(documents, options));
  }

  /**
   * The core options of a clustering.
   *
   * @param field the path of {@code options} in the request, for error messages
   */
  ClusterOptions clusterOptions(
      io.textsim.proto.v1.ClusterOptions options, String field, Cancellation cancellation) {
    ClusterOptions.Builder b = ClusterOptions.builder().cancellation(cancellation);
    if (options.hasThreshold()) {
      b.threshold(unit(options.getThreshold(), field + ".threshold"));
    }
    b.measure(
        toCore(
            io.textsim.proto.v1.ClusterMeasure.getDescriptor(),
            options.getMeasureValue(),
            ClusterMeasure.class,
            ClusterOptions.DEFAULT_MEASURE,
            field + ".measure"));
    b.linkage(
        toCore(
            io.textsim.proto.v1.Linkage.getDescriptor(),
            options.getLinkageValue(),
            Linkage.class,
            Linkage.REPRESENTATIVE,
            field + ".linkage"));
    b.candidates(
        toCore(
            io.textsim.proto.v1.CandidateStrategy.getDescriptor(),
            options.getCandidatesValue(),
            CandidateStrategy.class,
            CandidateStrategy.AUTO,
            field + ".candidates"));
    b.profiler(profiler(options.getProfile(), field + ".profile"));
    return b.build();
  }

  /**
   * A validated core document.
   *
   * @param field the path of {@code document} in the request, for error messages
   */
  Document document(io.textsim.proto.v1.Document document, String field) {
    checkText(document.getText(), field + ".text");
    return new Document(document.getId(), document.getText());
  }

  /** The most documents of one call. */
  int maxDocuments() {
    return maxDocuments;
  }

  private static io.textsim.proto.v1.Clustering clustering(Clustering clustering) {
    io.textsim.proto.v1.Clustering.Builder out =
        io.textsim.proto.v1.Clustering.newBuilder()
            .setDocuments(clustering.documents())
            .setThreshold(clustering.threshold())
            .setMeasure(
                io.textsim.proto.v1.ClusterMeasure.valueOf(
                    toProto(
                        io.textsim.proto.v1.ClusterMeasure.getDescriptor(), clustering.measure())))
            .setStats(
                ClusterStats.newBuilder()
                    .setStrategy(
                        io.textsim.proto.v1.CandidateStrategy.valueOf(
                            toProto(
                                io.textsim.proto.v1.CandidateStrategy.getDescriptor(),
                                clustering.stats().strategy())))
                    .setCandidatePairs(clustering.stats().candidatePairs())
                    .setLinkedPairs(clustering.stats().linkedPairs()));
    for (Clustering.Cluster c : clustering.clusters()) {
      io.textsim.proto.v1.Cluster.Builder cluster =
          io.textsim.proto.v1.Cluster.newBuilder()
              .setId(c.id())
              .setRepresentative(c.representative());
      for (Clustering.Member m : c.members()) {
        cluster.addMembers(ClusterMember.newBuilder().setId(m.id()).setScore(m.score()));
      }
      out.addClusters(cluster);
    }
    return out.build();
  }

  // ---------------------------------------------------------------------------------- Options

  /**
   * The profiler for {@code options} (an unset message means the defaults), with the server's text
   * length limit.
   */
  TextProfiler profiler(ProfileOptions options, String field) {
    return new TextProfiler(
        normalizer(options.getNormalization(), field + ".normalization"),
        shingles(options.getShingles(), field + ".shingles"),
        maxTextChars);
  }

  private static TextNormalizer normalizer(NormalizationOptions n, String field) {
    TextNormalizer.Builder b = TextNormalizer.builder(); // every step on: the news profile
    switch (n.getProfileValue()) {
      case io.textsim.proto.v1.NormalizationProfile.NORMALIZATION_PROFILE_UNSPECIFIED_VALUE,
          io.textsim.proto.v1.NormalizationProfile.NORMALIZATION_PROFILE_NEWS_VALUE -> {}
      case io.textsim.proto.v1.NormalizationProfile.NORMALIZATION_PROFILE_NONE_VALUE ->
          b.stripByteOrderMark(false)
              .unicodeNfkc(false)
              .lowerCase(false)
              .foldPunctuation(false)
              .removeInvisible(false)
              .normalizeWhitespace(false);
      default ->
          throw new BadFieldException(
              field + ".profile", "unknown normalization profile " + n.getProfileValue());
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

  private static ShingleConfig shingles(ShingleOptions s, String field) {
    ShingleConfig.Kind kind =
        toCore(
            io.textsim.proto.v1.ShingleKind.getDescriptor(),
            s.getKindValue(),
            ShingleConfig.Kind.class,
            ShingleConfig.Kind.WORDS,
            field + ".kind");
    int size = ShingleConfig.DEFAULT.size();
    if (s.hasSize()) {
      size = s.getSize();
      if (size < 1 || size > ShingleConfig.MAX_SIZE) {
        throw new BadFieldException(
            field + ".size", "must be between 1 and " + ShingleConfig.MAX_SIZE + ", got " + size);
      }
    }
    return new ShingleConfig(kind, size);
  }

  /** The measures named by {@code values}; the core's defaults when there are none. */
  static Set<Measure> measures(List<Integer> values, String field) {
    if (values.isEmpty()) {
      return Measure.defaults();
    }
    Set<Measure> out = EnumSet.noneOf(Measure.class);
    for (int i = 0; i < values.size(); i++) {
      out.add(measure(values.get(i), field + "[" + i + "]"));
    }
    return out;
  }

  /** The core measure of the proto Measure numbered {@code value}. */
  static Measure measure(int value, String field) {
    EnumValueDescriptor d = io.textsim.proto.v1.Measure.getDescriptor().findValueByNumber(value);
    if (d == null) {
      throw new BadFieldException(field, "unknown measure number " + value);
    }
    if (value == 0) {
      throw new BadFieldException(field, d.getName() + " is not a measure");
    }
    String wireName = withoutPrefix(d, "MEASURE_").toLowerCase(Locale.ROOT);
    try {
      return Measure.fromName(wireName);
    } catch (IllegalArgumentException e) {
      throw new BadFieldException(field, d.getName() + " is not supported by this server");
    }
  }

  private record VerdictSpec(Measure measure, double threshold) {
    io.textsim.proto.v1.Verdict of(Comparison comparison) {
      Verdict v = Verdict.of(comparison, measure, threshold);
      EnumValueDescriptor d =
          io.textsim.proto.v1.Verdict.getDescriptor().findValueByName("VERDICT_" + v.name());
      return d == null
          ? io.textsim.proto.v1.Verdict.VERDICT_UNSPECIFIED
          : io.textsim.proto.v1.Verdict.valueOf(d);
    }
  }

  private static VerdictSpec verdict(VerdictOptions options, String field) {
    double threshold =
        options.hasThreshold()
            ? unit(options.getThreshold(), field + ".threshold")
            : DEFAULT_THRESHOLD;
    Measure measure =
        options.getMeasureValue() == 0
            ? Measure.JACCARD
            : measure(options.getMeasureValue(), field + ".measure");
    return new VerdictSpec(measure, threshold);
  }

  /**
   * The core enum constant of the proto enum value numbered {@code value}: the proto name without
   * the enum's prefix ({@code CLUSTER_MEASURE_OVERLAP} -> {@code OVERLAP}); {@code unspecified} for
   * 0.
   */
  private static <E extends Enum<E>> E toCore(
      EnumDescriptor protoEnum, int value, Class<E> coreEnum, E unspecified, String field) {
    EnumValueDescriptor d = protoEnum.findValueByNumber(value);
    if (d == null) {
      throw new BadFieldException(
          field,
          "unknown " + protoEnum.getName() + " number " + value + "; " + validNames(protoEnum));
    }
    if (value == 0) {
      return unspecified;
    }
    String name = withoutPrefix(d, prefix(protoEnum));
    try {
      return Enum.valueOf(coreEnum, name);
    } catch (IllegalArgumentException e) {
      throw new BadFieldException(field, d.getName() + " is not supported by this server");
    }
  }

  /** The proto value of a core enum constant: the enum's prefix plus the constant's name. */
  private static EnumValueDescriptor toProto(EnumDescriptor protoEnum, Enum<?> core) {
    EnumValueDescriptor d = protoEnum.findValueByName(prefix(protoEnum) + core.name());
    return d != null ? d : protoEnum.findValueByNumber(0);
  }

  /** The value prefix buf lint requires: the enum's name in UPPER_SNAKE_CASE and '_'. */
  private static String prefix(EnumDescriptor protoEnum) {
    String zero = protoEnum.findValueByNumber(0).getName(); // e.g. CLUSTER_MEASURE_UNSPECIFIED
    return zero.substring(0, zero.length() - "UNSPECIFIED".length());
  }

  private static String withoutPrefix(EnumValueDescriptor d, String prefix) {
    String name = d.getName();
    return name.startsWith(prefix) ? name.substring(prefix.length()) : name;
  }

  private static String validNames(EnumDescriptor protoEnum) {
    List<String> names = new ArrayList<>();
    for (EnumValueDescriptor v : protoEnum.getValues()) {
      names.add(v.getName());
    }
    return "valid: " + String.join(", ", names);
  }

  private static double unit(double value, String field) {
    if (!(value >= 0.0 && value <= 1.0)) {
      throw new BadFieldException(field, "must be in [0, 1], got " + value);
    }
    return value;
  }

  private static Set<Measure> union(Set<Measure> measures, Measure extra) {
    if (measures.contains(extra)) {
      return measures;
    }
    Set<Measure> out = EnumSet.copyOf(measures);
    out.add(extra);
    return out;
  }

  private void checkText(String text, String field) {
    if (text.length() > maxTextChars) {
      throw new BadFieldException(
          field,
          "text is "
              + text.length()
              + " UTF-16 code units long, over the server's limit of "
              + maxTextChars
              + " (split it, or start the server with a larger --max-text-chars)");
    }
  }

  private void checkCount(int count, String field) {
    if (count > maxDocuments) {
      throw new BadFieldException(
          field,
          count
              + " entries, over the server's limit of "
              + maxDocuments
              + " per call (split the call, or start the server with a larger --max-documents)");
    }
  }

  // ---------------------------------------------------------------------------------- Results

  /** Every score of {@code comparison}, each in the field named after its measure. */
  static Scores scores(Comparison comparison) {
    Scores.Builder out = Scores.newBuilder();
    for (Map.Entry<Measure, Double> e : comparison.scores().entrySet()) {
      FieldDescriptor f = SCORE_FIELDS.get(e.getKey());
      if (f != null) {
        out.setField(f, e.getValue());
      }
    }
    return out.build();
  }

  static EditDistances distances(Comparison comparison) {
    EditDistances.Builder out = EditDistances.newBuilder();
    comparison.levenshteinDistance().ifPresent(out::setLevenshtein);
    comparison.tokenLevenshteinDistance().ifPresent(out::setTokenLevenshtein);
    return out.build();
  }

  static Passages passages(Explanation explanation) {
    Passages.Builder out = Passages.newBuilder();
    explanation.sharedInA().forEach(p -> out.addSharedInA(passage(p)));
    explanation.sharedInB().forEach(p -> out.addSharedInB(passage(p)));
    explanation.onlyA().forEach(p -> out.addOnlyA(passage(p)));
    explanation.onlyB().forEach(p -> out.addOnlyB(passage(p)));
    return out.build();
  }

  private static io.textsim.proto.v1.Passage passage(Passage p) {
    return io.textsim.proto.v1.Passage.newBuilder()
        .setStart(p.start())
        .setEnd(p.end())
        .setText(p.text())
        .build();
  }

  @Override
  public String toString() {
    return "ProtoMapper[maxTextChars="
        + maxTextChars
        + ", maxDocuments="
        + maxDocuments
        + ", measures="
        + SCORE_FIELDS.keySet()
        + "]";
  }
}
