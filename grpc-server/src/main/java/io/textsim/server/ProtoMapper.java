package io.textsim.server;

import com.google.protobuf.ByteString;
import io.textsim.core.Cancellation;
import io.textsim.core.TextProfiler;
import io.textsim.core.cluster.ClusterOptions;
import io.textsim.core.cluster.Clusterer;
import io.textsim.core.cluster.Document;
import io.textsim.core.cluster.PairBudget;
import io.textsim.core.furniture.FurnitureModel;
import io.textsim.core.furniture.FurnitureOptions;
import io.textsim.core.measure.Measure;
import io.textsim.core.usecase.PairOptions;
import io.textsim.core.usecase.PairResult;
import io.textsim.core.usecase.SearchOptions;
import io.textsim.core.usecase.SearchResult;
import io.textsim.core.usecase.UseCases;
import io.textsim.proto.v1.ClusterRequest;
import io.textsim.proto.v1.ClusterResponse;
import io.textsim.proto.v1.CompareManyRequest;
import io.textsim.proto.v1.CompareManyResponse;
import io.textsim.proto.v1.CompareRequest;
import io.textsim.proto.v1.CompareResponse;
import io.textsim.proto.v1.Match;
import io.textsim.wire.BadFieldException;
import io.textsim.wire.WireEnums;
import io.textsim.wire.WireOptions;
import io.textsim.wire.WireResults;
import io.textsim.wire.WireScores;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Adapts textsim.v1 requests to the core's use cases ({@link UseCases}, {@link Clusterer}) and
 * their results to responses, through the wire mapping ({@code io.textsim.wire}). What is left here
 * is the server's own part: its limits on text length and document count, each complaint naming the
 * offending field, and the choice to compute sequentially (the worker pool already keeps every core
 * busy).
 *
 * <p>Immutable and thread-safe.
 */
final class ProtoMapper {
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

  /** Answers {@code SimilarityService.Compare}. */
  CompareResponse compare(CompareRequest request, Cancellation cancellation) {
    TextProfiler profiler = WireOptions.profiler(request.getProfile(), "profile", maxTextChars);
    PairOptions.Builder builder =
        PairOptions.builder()
            .profiler(profiler)
            .measures(WireOptions.measures(request.getMeasuresValueList(), "measures"))
            .verdict(WireOptions.verdict(request.getVerdict(), "verdict"))
            .explain(request.getExplain())
            .cancellation(cancellation);
    String a = checkText(WireResults.text(request.getA(), "a"), "a.text");
    String b = checkText(WireResults.text(request.getB(), "b"), "b.text");
    Optional<FurnitureModel> furniture =
        furniture(
            request.getFurnitureExamplesList(),
            request.getFurnitureModel(),
            profiler,
            cancellation);
    PairOptions options;
    try {
      options = builder.furniture(furniture).build();
    } catch (IllegalArgumentException e) {
      throw new BadFieldException("furniture_model", e.getMessage());
    }
    PairResult r = UseCases.compare(a, b, options);
    CompareResponse.Builder out =
        CompareResponse.newBuilder()
            .setScores(WireScores.scores(r.comparison()))
            .setDistances(WireScores.distances(r.comparison()))
            .setVerdict(WireEnums.toProto(r.judgement().verdict()))
            .setAStats(WireResults.stats(r.a()))
            .setBStats(WireResults.stats(r.b()));
    r.explanation().ifPresent(e -> out.setPassages(WireResults.passages(e)));
    r.content()
        .ifPresent(
            c ->
                out.setContentScores(WireScores.scores(c.comparison()))
                    .setContentDistances(WireScores.distances(c.comparison()))
                    .setContentVerdict(WireEnums.toProto(c.judgement().verdict())));
    return out.build();
  }

  /**
   * The furniture a Compare or CompareMany request gives: learned from its {@code
   * furniture_examples}, or its saved {@code furniture_model}.
   */
  private Optional<FurnitureModel> furniture(
      List<io.textsim.proto.v1.Document> furnitureExamples,
      ByteString furnitureModel,
      TextProfiler profiler,
      Cancellation cancellation) {
    int n = furnitureExamples.size();
    boolean model = !furnitureModel.isEmpty();
    if (n > 0 && model) {
      throw new BadFieldException(
          "furniture_model", "give furniture_examples or furniture_model, not both");
    }
    if (model) {
      try {
        return Optional.of(FurnitureModel.fromBytes(furnitureModel.toByteArray()));
      } catch (IllegalArgumentException e) {
        throw new BadFieldException("furniture_model", e.getMessage());
      }
    }
    if (n == 0) {
      return Optional.empty();
    }
    checkCount(n, "furniture_examples");
    List<Document> examples = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      examples.add(document(furnitureExamples.get(i), "furniture_examples[" + i + "]"));
    }
    return Optional.of(
        UseCases.learnFurniture(examples, profiler, FurnitureOptions.defaults(), cancellation));
  }

  /** Answers {@code SimilarityService.CompareMany}. */
  CompareManyResponse compareMany(CompareManyRequest request, Cancellation cancellation) {
    TextProfiler profiler = WireOptions.profiler(request.getProfile(), "profile", maxTextChars);
    SearchOptions.Builder options =
        SearchOptions.builder()
            .profiler(profiler)
            .measures(WireOptions.measures(request.getMeasuresValueList(), "measures"))
            .rankBy(WireOptions.measureOr(request.getRankByValue(), Measure.JACCARD, "rank_by"))
            .verdict(WireOptions.verdict(request.getVerdict(), "verdict"))
            .parallel(false)
            .cancellation(cancellation);
    if (request.hasMinScore()) {
      options.minScore(WireOptions.unit(request.getMinScore(), "min_score"));
    }
    if (request.hasTopK()) {
      if (request.getTopK() < 1) {
        throw new BadFieldException("top_k", "must be at least 1, got " + request.getTopK());
      }
      options.topK(request.getTopK());
    }
    int n = request.getCandidatesCount();
    checkCount(n, "candidates");
    String query = checkText(WireResults.text(request.getQuery(), "query"), "query.text");
    List<Document> candidates = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      candidates.add(document(request.getCandidates(i), "candidates[" + i + "]"));
    }
    options.furniture(
        furniture(
            request.getFurnitureExamplesList(),
            request.getFurnitureModel(),
            profiler,
            cancellation));
    SearchOptions built;
    try {
      built = options.build();
    } catch (IllegalArgumentException e) {
      throw new BadFieldException("furniture_model", e.getMessage());
    }
    SearchResult r = UseCases.searchDocuments(query, candidates, built);
    CompareManyResponse.Builder out = CompareManyResponse.newBuilder();
    for (SearchResult.Match m : r.matches()) {
      Match.Builder match =
          Match.newBuilder()
              .setId(request.getCandidates(m.index()).getId())
              .setIndex(m.index())
              .setScore(m.score())
              .setScores(WireScores.scores(m.comparison()))
              .setDistances(WireScores.distances(m.comparison()));
      m.judgement().ifPresent(j -> match.setVerdict(WireEnums.toProto(j.verdict())));
      match.addAllLocated(WireResults.passages(m.located()));
      out.addMatches(match);
    }
    return out.build();
  }

  /** Answers {@code SimilarityService.Cluster}, telling {@code pairs} of its LSH candidates. */
  ClusterResponse cluster(ClusterRequest request, Cancellation cancellation, PairBudget pairs) {
    ClusterOptions options =
        clusterOptions(request.getOptions(), "options", cancellation).toBuilder()
            .pairBudget(pairs)
            .build();
    int n = request.getDocumentsCount();
    checkCount(n, "documents");
    List<Document> documents = new ArrayList<>(n);
    UniqueIds ids = new UniqueIds("documents[%d]");
    for (int i = 0; i < n; i++) {
      Document d = document(request.getDocuments(i), "documents[" + i + "]");
      ids.add(d.id(), i, "documents[" + i + "].id");
      documents.add(d);
    }
    return ClusterResponse.newBuilder().setClustering(cluster(documents, options)).build();
  }

  /** Clusters already validated documents, for Cluster and ClusterStream. */
  io.textsim.proto.v1.Clustering cluster(List<Document> documents, ClusterOptions options) {
    return WireResults.clustering(Clusterer.cluster(documents, options));
  }

  /**
   * The core options of a clustering.
   *
   * @param field the path of {@code options} in the request, for error messages
   */
  ClusterOptions clusterOptions(
      io.textsim.proto.v1.ClusterOptions options, String field, Cancellation cancellation) {
    return WireOptions.clusterOptions(options, field, maxTextChars)
        .cancellation(cancellation)
        .build();
  }

  /**
   * A validated core document.
   *
   * @param field the path of {@code document} in the request, for error messages
   */
  Document document(io.textsim.proto.v1.Document document, String field) {
    Document d = WireResults.document(document, field);
    checkText(d.text(), field + ".text");
    return d;
  }

  /** The most documents of one call. */
  int maxDocuments() {
    return maxDocuments;
  }

  private String checkText(String text, String field) {
    if (text.length() > maxTextChars) {
      throw new BadFieldException(
          field,
          "text is "
              + text.length()
              + " UTF-16 code units long, over the server's limit of "
              + maxTextChars
              + " (split it, or start the server with a larger --max-text-chars)");
    }
    return text;
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

  @Override
  public String toString() {
    return "ProtoMapper[maxTextChars=" + maxTextChars + ", maxDocuments=" + maxDocuments + "]";
  }
}
