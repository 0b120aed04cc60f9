package io.textsim.cli;

import com.google.protobuf.ByteString;
import io.grpc.ManagedChannel;
import io.grpc.health.v1.HealthCheckRequest;
import io.grpc.health.v1.HealthCheckResponse;
import io.grpc.health.v1.HealthGrpc;
import io.textsim.core.Cancellation;
import io.textsim.core.TextProfiler;
import io.textsim.core.cluster.ClusterProgress;
import io.textsim.core.cluster.Clustering;
import io.textsim.core.explain.Explanation;
import io.textsim.core.explain.Passage;
import io.textsim.core.furniture.FurnitureModel;
import io.textsim.core.measure.Comparison;
import io.textsim.core.measure.Measure;
import io.textsim.core.measure.Verdict;
import io.textsim.core.measure.VerdictRule;
import io.textsim.core.shingle.ShingleConfig;
import io.textsim.proto.v1.ClusterStreamResponse;
import io.textsim.proto.v1.CompareManyRequest;
import io.textsim.proto.v1.CompareManyResponse;
import io.textsim.proto.v1.CompareRequest;
import io.textsim.proto.v1.CompareResponse;
import io.textsim.proto.v1.SimilarityServiceGrpc;
import io.textsim.wire.BadFieldException;
import io.textsim.wire.WireEnums;
import io.textsim.wire.WireOptions;
import io.textsim.wire.WireResults;
import io.textsim.wire.WireScores;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Runs every command on a textsim server through {@code textsim.v1.SimilarityService}: settings
 * become requests and responses become the same {@link Reports} the core gives, both through the
 * shared wire mapping ({@code io.textsim.wire}), so that both modes print the same bytes. The
 * channel is {@link Channels}', the calls' deadline, retries and error lines {@link RemoteCalls}',
 * the streamed upload {@link ClusterUpload}'s.
 */
final class RemoteBackend implements Backend {
  private final ManagedChannel channel;
  private final RemoteCalls calls;

  private RemoteBackend(ManagedChannel channel, RemoteCalls calls) {
    this.channel = channel;
    this.calls = calls;
  }

  /** Opens a channel to the server the options name (nothing is sent yet). */
  static RemoteBackend connect(ServerOptions options) {
    return new RemoteBackend(
        Channels.open(options), new RemoteCalls(options.target(), options.deadline()));
  }

  /** Asks the server's health service; returns the status name, e.g. SERVING. */
  static String health(ServerOptions options, String service) {
    try (RemoteBackend backend = connect(options)) {
      HealthCheckResponse response =
          backend.calls.call(
              () ->
                  backend
                      .calls
                      .withDeadline(HealthGrpc.newBlockingStub(backend.channel))
                      .check(HealthCheckRequest.newBuilder().setService(service).build()));
      return response.getStatus().name();
    }
  }

  private SimilarityServiceGrpc.SimilarityServiceBlockingStub blocking() {
    return calls.withDeadline(SimilarityServiceGrpc.newBlockingStub(channel));
  }

  private static io.textsim.proto.v1.Document document(Input in) {
    return WireResults.document(in.id(), in.text(), in.source());
  }

  /** Decodes a part of a response; a value that does not map is one line about the server. */
  static <T> T decode(Supplier<T> decoding) {
    try {
      return decoding.get();
    } catch (BadFieldException e) {
      throw new CliException(
          "the server sent an answer this client cannot read: "
              + e.field()
              + ": "
              + e.getMessage());
    }
  }

  @Override
  public Reports.Compare compare(Input a, Input b, CompareSettings settings) {
    VerdictRule rule = settings.verdict();
    CompareRequest.Builder request =
        CompareRequest.newBuilder()
            .setA(document(a))
            .setB(document(b))
            .setProfile(WireOptions.profile(ShingleConfig.words(settings.shingleSize())))
            .setVerdict(WireOptions.verdict(rule))
            .setExplain(true);
    for (Measure m : settings.reported()) {
      request.addMeasures(WireEnums.toProto(m));
    }
    for (Input example : settings.furnitureExamples()) {
      request.addFurnitureExamples(document(example));
    }
    CompareResponse response = calls.call(() -> blocking().compare(request.build()));
    Comparison comparison =
        decode(
            () -> WireScores.comparison(response.getScores(), response.getDistances(), "scores"));
    VerdictRule.Judgement judgement =
        judged(rule, comparison, response.getVerdictValue(), "verdict");
    Optional<Reports.Content> content = Optional.empty();
    if (!settings.furnitureExamples().isEmpty()) {
      Comparison onContent =
          decode(
              () ->
                  WireScores.comparison(
                      response.getContentScores(),
                      response.getContentDistances(),
                      "content_scores"));
      content =
          Optional.of(
              new Reports.Content(
                  onContent,
                  judged(rule, onContent, response.getContentVerdictValue(), "content_verdict")));
    }
    Explanation explanation =
        decode(() -> WireResults.explanation(response.getPassages(), "passages"));
    return new Reports.Compare(
        new Reports.Doc(
            a.id(),
            a.text().length(),
            response.hasAStats() ? response.getAStats().getWords() : words(a)),
        new Reports.Doc(
            b.id(),
            b.text().length(),
            response.hasBStats() ? response.getBStats().getWords() : words(b)),
        comparison,
        judgement,
        explanation,
        content);
  }

  /**
   * This client's judgement of {@code scores}, checked against the verdict the server sent in
   * {@code field}: the text output prints the clause that decided it, which needs the rule here.
   */
  private static VerdictRule.Judgement judged(
      VerdictRule rule, Comparison scores, int sentValue, String field) {
    Verdict sent = decode(() -> WireEnums.verdict(sentValue, field));
    VerdictRule.Judgement judgement = rule.judge(scores);
    if (judgement.verdict() != sent) {
      throw new CliException(
          "the server's "
              + field.replace('_', ' ')
              + " "
              + sent.wireName()
              + " differs from this client's rule on the same scores ("
              + judgement.verdict().wireName()
              + "); is it a textsim server of the same version?");
    }
    return judgement;
  }

  /**
   * The word count of a text as the core makes it with the default normalization, for answers of a
   * server that predates {@code TextStats}.
   */
  private static int words(Input input) {
    return TextProfiler.defaults().profile(input.text()).tokenCount();
  }

  @Override
  public Reports.Search search(Input query, List<Input> documents, SearchSettings settings) {
    CompareManyRequest.Builder request =
        CompareManyRequest.newBuilder()
            .setQuery(document(query))
            .addMeasures(WireEnums.toProto(settings.measure()))
            .setRankBy(WireEnums.toProto(settings.measure()))
            .setMinScore(settings.minScore())
            .setTopK(settings.top())
            .setProfile(WireOptions.profile(ShingleConfig.words(settings.shingleSize())));
    for (Input d : documents) {
      request.addCandidates(document(d));
    }
    Optional<Reports.Furniture> furniture = Optional.empty();
    if (settings.furniture().isPresent()) {
      // Learned here and sent as a model: learning from the documents searched would otherwise
      // send every document twice, and both modes then score on the same content.
      SearchFurniture from = settings.furniture().get();
      FurnitureModel model = from.learn(settings.shingleSize(), Cancellation.never());
      request.setFurnitureModel(ByteString.copyFrom(model.toBytes()));
      furniture = Optional.of(from.report(model));
    }
    CompareManyResponse response = calls.call(() -> blocking().compareMany(request.build()));
    List<Reports.Match> matches = new ArrayList<>(response.getMatchesCount());
    for (io.textsim.proto.v1.Match m : response.getMatchesList()) {
      List<Passage> located =
          decode(() -> WireResults.passages(m.getLocatedList(), "matches.located"));
      matches.add(new Reports.Match(m.getId(), m.getScore(), located));
    }
    return new Reports.Search(
        query.id(),
        documents.size(),
        settings.measure(),
        settings.top(),
        settings.minScore(),
        matches,
        furniture);
  }

  /** Clusters through ClusterStream ({@link ClusterUpload}), so that large collections work. */
  @Override
  public Reports.Cluster cluster(
      List<Input> documents, ClusterSettings settings, ClusterProgress progress) {
    io.textsim.proto.v1.ClusterOptions options =
        WireOptions.clusterOptions(settings.options(TextProfiler.defaults()).build());
    ClusterStreamResponse response =
        calls.call(
            () ->
                ClusterUpload.run(
                    calls.withDeadline(SimilarityServiceGrpc.newStub(channel)),
                    options,
                    documents,
                    progress));
    Clustering clustering =
        decode(() -> WireResults.clustering(response.getClustering(), "clustering"));
    return Reports.Cluster.of(clustering, settings.linkage());
  }

  @Override
  public void close() {
    Channels.close(channel);
  }
}
