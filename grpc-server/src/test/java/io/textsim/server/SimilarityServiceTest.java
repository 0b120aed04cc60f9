package io.textsim.server;

import static io.textsim.server.Fixtures.MEHR;
import static io.textsim.server.Fixtures.TEHRAN;
import static io.textsim.server.Fixtures.doc;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.google.protobuf.Any;
import com.google.protobuf.Descriptors.EnumValueDescriptor;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.rpc.BadRequest;
import io.grpc.ManagedChannel;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.inprocess.InProcessChannelBuilder;
import io.grpc.inprocess.InProcessServerBuilder;
import io.grpc.protobuf.StatusProto;
import io.grpc.stub.StreamObserver;
import io.textsim.core.TextProfile;
import io.textsim.core.TextProfiler;
import io.textsim.core.cluster.Clusterer;
import io.textsim.core.explain.Explainer;
import io.textsim.core.explain.Explanation;
import io.textsim.core.measure.CompareOptions;
import io.textsim.core.measure.Comparison;
import io.textsim.core.measure.IdfModel;
import io.textsim.core.measure.Measure;
import io.textsim.core.measure.Measures;
import io.textsim.core.measure.Similarity;
import io.textsim.core.shingle.ShingleConfig;
import io.textsim.core.text.TextNormalizer;
import io.textsim.proto.v1.ClusterOptions;
import io.textsim.proto.v1.ClusterRequest;
import io.textsim.proto.v1.ClusterResponse;
import io.textsim.proto.v1.ClusterStreamRequest;
import io.textsim.proto.v1.ClusterStreamResponse;
import io.textsim.proto.v1.Clustering;
import io.textsim.proto.v1.CompareManyRequest;
import io.textsim.proto.v1.CompareManyResponse;
import io.textsim.proto.v1.CompareRequest;
import io.textsim.proto.v1.CompareResponse;
import io.textsim.proto.v1.DocumentBatch;
import io.textsim.proto.v1.Linkage;
import io.textsim.proto.v1.Match;
import io.textsim.proto.v1.NormalizationOptions;
import io.textsim.proto.v1.NormalizationProfile;
import io.textsim.proto.v1.ProfileOptions;
import io.textsim.proto.v1.Scores;
import io.textsim.proto.v1.ShingleKind;
import io.textsim.proto.v1.ShingleOptions;
import io.textsim.proto.v1.SimilarityServiceGrpc;
import io.textsim.proto.v1.TextStats;
import io.textsim.proto.v1.Verdict;
import io.textsim.proto.v1.VerdictOptions;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The service over an in-process transport: the mapping onto the core and every error case. */
class SimilarityServiceTest {
  static final int MAX_TEXT_CHARS = 20_000;
  static final int MAX_DOCUMENTS = 20;
  static final long MAX_STREAM_CHARS = 60_000;

  static TextsimServer server;
  static ManagedChannel channel;
  static SimilarityServiceGrpc.SimilarityServiceBlockingStub stub;

  @BeforeAll
  static void start() throws Exception {
    String name = InProcessServerBuilder.generateName();
    ServerConfig config =
        ServerConfig.builder()
            .threads(2)
            .maxTextChars(MAX_TEXT_CHARS)
            .maxDocuments(MAX_DOCUMENTS)
            .maxStreamChars(MAX_STREAM_CHARS)
            .build();
    server = new TextsimServer(config, InProcessServerBuilder.forName(name)).start();
    channel = InProcessChannelBuilder.forName(name).build();
    stub = SimilarityServiceGrpc.newBlockingStub(channel).withDeadlineAfter(60, TimeUnit.SECONDS);
  }

  @AfterAll
  static void stop() throws Exception {
    channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
    server.stop(java.time.Duration.ofSeconds(5));
  }

  // ------------------------------------------------------------------------------ mapping

  /** The score of {@code measure} in {@code scores}, by the field named after it. */
  static double score(Scores scores, Measure measure) {
    FieldDescriptor f = Scores.getDescriptor().findFieldByName(measure.wireName());
    assertNotNull(f, "Scores has no field " + measure.wireName());
    assertTrue(scores.hasField(f), measure.wireName() + " not set in " + scores);
    return (double) scores.getField(f);
  }

  static void assertScores(Comparison expected, Scores actual) {
    for (Map.Entry<Measure, Double> e : expected.scores().entrySet()) {
      assertEquals(e.getValue(), score(actual, e.getKey()), e.getKey().wireName());
    }
    assertEquals(expected.scores().size(), actual.getAllFields().size(), "scores set: " + actual);
  }

  static Set<Measure> plus(Set<Measure> measures, Measure extra) {
    Set<Measure> out = EnumSet.copyOf(measures);
    out.add(extra);
    return out;
  }

  @Test
  void compareReportsEveryDefaultScoreAsTheLibraryDoes() {
    CompareResponse r =
        stub.compare(
            CompareRequest.newBuilder().setA(doc("a", MEHR)).setB(doc("b", TEHRAN)).build());

    TextProfiler profiler = TextProfiler.defaults();
    TextProfile a = profiler.profile(MEHR);
    TextProfile b = profiler.profile(TEHRAN);
    Comparison expected = Similarity.compare(a, b, Measure.defaults());
    assertScores(expected, r.getScores());
    assertEquals(expected.score(Measure.JACCARD), r.getScores().getJaccard());
    assertEquals(expected.score(Measure.CONTAINMENT_A_IN_B), r.getScores().getContainmentAInB());
    assertEquals(expected.score(Measure.CONTAINMENT_B_IN_A), r.getScores().getContainmentBInA());
    assertFalse(r.getScores().hasJaroWinkler(), "jaro_winkler is not a default measure");
    assertFalse(r.getScores().hasDamerauOsa(), "damerau_osa is not a default measure");
    assertEquals(expected.levenshteinDistance().getAsInt(), r.getDistances().getLevenshtein());
    assertEquals(
        expected.tokenLevenshteinDistance().getAsInt(), r.getDistances().getTokenLevenshtein());
    assertEquals(
        Verdict.valueOf(
            "VERDICT_" + io.textsim.core.measure.Verdict.of(expected, Measure.JACCARD, 0.5).name()),
        r.getVerdict());
    assertEquals(Verdict.VERDICT_NEAR_DUPLICATE, r.getVerdict(), "the seed pair is one story");
    assertFalse(r.hasPassages(), "passages only when asked");
    assertFalse(r.getScores().hasDice() || r.getScores().hasLcs(), "dice and lcs only when named");
    for (TextProfile p : List.of(a, b)) {
      TextStats stats = p == a ? r.getAStats() : r.getBStats();
      assertEquals(p.codePointCount(), stats.getCodePoints());
      assertEquals(p.tokenCount(), stats.getWords());
      assertEquals(p.shingles().size(), stats.getShingles());
    }
    // The stats are the denominators of the scores.
    assertEquals(
        1.0
            - (double) r.getDistances().getLevenshtein()
                / Math.max(r.getAStats().getCodePoints(), r.getBStats().getCodePoints()),
        r.getScores().getLevenshtein(),
        1e-12);
  }

  @Test
  void diceAndLcsAreComputedWhenNamed() {
    CompareResponse r =
        stub.compare(
            CompareRequest.newBuilder()
                .setA(doc("a", MEHR))
                .setB(doc("b", TEHRAN))
                .addMeasures(io.textsim.proto.v1.Measure.MEASURE_DICE)
                .addMeasures(io.textsim.proto.v1.Measure.MEASURE_LCS)
                .build());
    TextProfiler profiler = TextProfiler.defaults();
    TextProfile a = profiler.profile(MEHR);
    TextProfile b = profiler.profile(TEHRAN);
    assertEquals(Measures.dice().similarity(a, b), r.getScores().getDice());
    assertEquals(Measures.lcs().similarity(a, b), r.getScores().getLcs());
    double jaccard = Measures.jaccard().similarity(a, b);
    assertEquals(2 * jaccard / (1 + jaccard), r.getScores().getDice(), 1e-12);
  }

  @Test
  void compareExplainsWithTheLibrarysPassages() {
    CompareResponse r =
        stub.compare(
            CompareRequest.newBuilder()
                .setA(doc("a", MEHR))
                .setB(doc("b", TEHRAN))
                .setExplain(true)
                .build());
    Explanation expected =
        Explainer.explain(
            TextProfiler.defaults().profile(MEHR), TextProfiler.defaults().profile(TEHRAN));
    assertPassages(expected.sharedInA(), r.getPassages().getSharedInAList(), MEHR);
    assertPassages(expected.sharedInB(), r.getPassages().getSharedInBList(), TEHRAN);
    assertPassages(expected.onlyA(), r.getPassages().getOnlyAList(), MEHR);
    assertPassages(expected.onlyB(), r.getPassages().getOnlyBList(), TEHRAN);
    assertFalse(r.getPassages().getOnlyAList().isEmpty(), "the page furniture differs");
  }

  private static void assertPassages(
      List<io.textsim.core.explain.Passage> expected,
      List<io.textsim.proto.v1.Passage> actual,
      String original) {
    assertEquals(expected.size(), actual.size());
    for (int i = 0; i < expected.size(); i++) {
      io.textsim.proto.v1.Passage p = actual.get(i);
      assertEquals(expected.get(i).start(), p.getStart());
      assertEquals(expected.get(i).end(), p.getEnd());
      assertEquals(expected.get(i).text(), p.getText());
      assertEquals(original.substring(p.getStart(), p.getEnd()), p.getText());
    }
  }

  @Test
  void compareComputesOnlyTheRequestedMeasuresAndTheVerdictMeasure() {
    CompareResponse r =
        stub.compare(
            CompareRequest.newBuilder()
                .setA(doc("a", MEHR))
                .setB(doc("b", TEHRAN))
                .addMeasures(io.textsim.proto.v1.Measure.MEASURE_LEVENSHTEIN)
                .addMeasures(io.textsim.proto.v1.Measure.MEASURE_JARO_WINKLER)
                .setVerdict(
                    VerdictOptions.newBuilder()
                        .setMeasure(io.textsim.proto.v1.Measure.MEASURE_COSINE)
                        .setThreshold(0.95))
                .build());
    TextProfile a = TextProfiler.defaults().profile(MEHR);
    TextProfile b = TextProfiler.defaults().profile(TEHRAN);
    Comparison expected =
        Similarity.compare(
            a, b, EnumSet.of(Measure.LEVENSHTEIN, Measure.JARO_WINKLER, Measure.COSINE));
    assertScores(expected, r.getScores());
    assertFalse(r.getScores().hasJaccard());
    assertTrue(r.getDistances().hasLevenshtein());
    assertFalse(r.getDistances().hasTokenLevenshtein());
    assertEquals(
        "VERDICT_" + io.textsim.core.measure.Verdict.of(expected, Measure.COSINE, 0.95).name(),
        r.getVerdict().name());
  }

  @Test
  void compareHonoursProfileOptions() {
    ProfileOptions options =
        ProfileOptions.newBuilder()
            .setShingles(
                ShingleOptions.newBuilder().setKind(ShingleKind.SHINGLE_KIND_CHARACTERS).setSize(5))
            .setNormalization(
                NormalizationOptions.newBuilder()
                    .setProfile(NormalizationProfile.NORMALIZATION_PROFILE_NONE)
                    .setLowerCase(true))
            .build();
    String x = "The  Quick brown FOX jumps";
    String y = "the quick brown fox leaps";
    CompareResponse r =
        stub.compare(
            CompareRequest.newBuilder()
                .setA(doc("", x))
                .setB(doc("", y))
                .setProfile(options)
                .setExplain(true)
                .build());
    TextNormalizer normalizer =
        TextNormalizer.builder()
            .stripByteOrderMark(false)
            .unicodeNfkc(false)
            .foldPunctuation(false)
            .removeInvisible(false)
            .normalizeWhitespace(false)
            .lowerCase(true)
            .build();
    TextProfiler profiler =
        TextProfiler.defaults()
            .withNormalizer(normalizer)
            .withShingles(ShingleConfig.characters(5));
    Comparison expected =
        Similarity.compare(profiler.profile(x), profiler.profile(y), Measure.defaults());
    assertScores(expected, r.getScores());
    // Character shingles with the case folded but the double space kept: not what the defaults say.
    Comparison defaults =
        Similarity.compare(
            TextProfiler.defaults().profile(x),
            TextProfiler.defaults().profile(y),
            Measure.defaults());
    assertTrue(defaults.score(Measure.JACCARD) != r.getScores().getJaccard());
  }

  @Test
  void blankTextsHaveTheirDefinedScores() {
    CompareResponse both =
        stub.compare(CompareRequest.newBuilder().setA(doc("", "")).setB(doc("", "  ")).build());
    assertEquals(1.0, both.getScores().getJaccard());
    assertEquals(1.0, both.getScores().getCosine());
    CompareResponse one =
        stub.compare(CompareRequest.newBuilder().setA(doc("", "")).setB(doc("", MEHR)).build());
    assertEquals(0.0, one.getScores().getJaccard());
    assertEquals(Verdict.VERDICT_DIFFERENT, one.getVerdict());
  }

  /** Every core measure is in the proto, by its wire name: the enum value and the score field. */
  @Test
  void everyCoreMeasureHasAProtoValueAndAScoreField() {
    for (Measure m : Measure.values()) {
      String upper = m.wireName().toUpperCase(Locale.ROOT);
      assertNotNull(
          io.textsim.proto.v1.Measure.getDescriptor().findValueByName("MEASURE_" + upper),
          "proto Measure lacks MEASURE_" + upper);
      assertNotNull(
          Scores.getDescriptor().findFieldByName(m.wireName()), "Scores lacks " + m.wireName());
    }
  }

  static List<EnumValueDescriptor> protoMeasures() {
    List<EnumValueDescriptor> out = new ArrayList<>();
    for (EnumValueDescriptor v : io.textsim.proto.v1.Measure.getDescriptor().getValues()) {
      if (v.getNumber() != 0) {
        out.add(v);
      }
    }
    return out;
  }

  /** Each proto measure alone: computed as the library computes it, or refused by name. */
  @ParameterizedTest
  @MethodSource("protoMeasures")
  void eachProtoMeasureMapsByName(EnumValueDescriptor value) {
    String wireName = value.getName().substring("MEASURE_".length()).toLowerCase(Locale.ROOT);
    CompareRequest request =
        CompareRequest.newBuilder()
            .setA(doc("a", MEHR))
            .setB(doc("b", TEHRAN))
            .addMeasuresValue(value.getNumber())
            .build();
    Measure core;
    try {
      core = Measure.fromName(wireName);
    } catch (IllegalArgumentException notInCore) {
      assertViolation(() -> stub.compare(request), "measures[0]");
      return;
    }
    CompareResponse r = stub.compare(request);
    Comparison expected =
        Similarity.compare(
            TextProfiler.defaults().profile(MEHR),
            TextProfiler.defaults().profile(TEHRAN),
            EnumSet.of(core, Measure.JACCARD));
    assertEquals(expected.score(core), score(r.getScores(), core));
  }

  @Test
  void compareManyRanksMatchesAsTheLibraryDoes() {
    Random random = new Random(7);
    List<String> texts = new ArrayList<>();
    texts.add(TEHRAN);
    for (int i = 0; i < 6; i++) {
      texts.add(Fixtures.randomWords(random, 300));
    }
    texts.add(MEHR + " Leave a comment.");
    CompareManyRequest.Builder request =
        CompareManyRequest.newBuilder().setQuery(doc("q", MEHR)).setMinScore(0.05).setTopK(3);
    for (int i = 0; i < texts.size(); i++) {
      request.addCandidates(doc("c" + i, texts.get(i)));
    }
    CompareManyResponse r = stub.compareMany(request.build());

    TextProfiler profiler = TextProfiler.defaults();
    TextProfile query = profiler.profile(MEHR);
    List<TextProfile> candidates = new ArrayList<>();
    texts.forEach(t -> candidates.add(profiler.profile(t)));
    CompareOptions options = CompareOptions.defaults().withIdf(IdfModel.of(candidates));
    List<double[]> expected = new ArrayList<>();
    List<Comparison> comparisons = new ArrayList<>();
    for (int i = 0; i < candidates.size(); i++) {
      Comparison c = Similarity.compare(query, candidates.get(i), Measure.defaults(), options);
      comparisons.add(c);
      if (c.score(Measure.JACCARD) >= 0.05) {
        expected.add(new double[] {c.score(Measure.JACCARD), i});
      }
    }
    expected.sort((x, y) -> x[0] != y[0] ? Double.compare(y[0], x[0]) : Double.compare(x[1], y[1]));
    assertEquals(Math.min(3, expected.size()), r.getMatchesCount());
    assertTrue(r.getMatchesCount() >= 2, "the two copies of the story match");
    for (int k = 0; k < r.getMatchesCount(); k++) {
      Match m = r.getMatches(k);
      int index = (int) expected.get(k)[1];
      assertEquals(index, m.getIndex());
      assertEquals("c" + index, m.getId());
      assertEquals(expected.get(k)[0], m.getScore());
      assertScores(comparisons.get(index), m.getScores());
    }
  }

  @Test
  void compareManyWithoutCandidatesHasNoMatches() {
    CompareManyResponse r =
        stub.compareMany(CompareManyRequest.newBuilder().setQuery(doc("q", MEHR)).build());
    assertEquals(0, r.getMatchesCount());
  }

  static List<io.textsim.proto.v1.Document> clusterDocuments() {
    Random random = new Random(11);
    List<io.textsim.proto.v1.Document> docs = new ArrayList<>();
    docs.add(doc("mehr", MEHR));
    docs.add(doc("noise-1", Fixtures.randomWords(random, 200)));
    docs.add(doc("tehran", TEHRAN));
    docs.add(doc("noise-2", Fixtures.randomWords(random, 200)));
    docs.add(doc("mehr-copy", "Breaking: " + MEHR));
    return docs;
  }

  static void assertClustering(io.textsim.core.cluster.Clustering expected, Clustering actual) {
    assertEquals(expected.documents(), actual.getDocuments());
    assertEquals(expected.threshold(), actual.getThreshold());
    assertEquals("CLUSTER_MEASURE_" + expected.measure().name(), actual.getMeasure().name());
    assertEquals(
        "CANDIDATE_STRATEGY_" + expected.stats().strategy().name(),
        actual.getStats().getStrategy().name());
    assertEquals(expected.stats().candidatePairs(), actual.getStats().getCandidatePairs());
    assertEquals(expected.stats().linkedPairs(), actual.getStats().getLinkedPairs());
    assertEquals(expected.clusters().size(), actual.getClustersCount());
    for (int c = 0; c < expected.clusters().size(); c++) {
      io.textsim.core.cluster.Clustering.Cluster e = expected.clusters().get(c);
      io.textsim.proto.v1.Cluster a = actual.getClusters(c);
      assertEquals(e.id(), a.getId());
      assertEquals(e.representative(), a.getRepresentative());
      assertEquals(e.size(), a.getMembersCount());
      for (int m = 0; m < e.size(); m++) {
        assertEquals(e.members().get(m).id(), a.getMembers(m).getId());
        assertEquals(e.members().get(m).score(), a.getMembers(m).getScore());
      }
    }
  }

  static List<io.textsim.core.cluster.Document> core(List<io.textsim.proto.v1.Document> docs) {
    List<io.textsim.core.cluster.Document> out = new ArrayList<>();
    docs.forEach(d -> out.add(new io.textsim.core.cluster.Document(d.getId(), d.getText())));
    return out;
  }

  @Test
  void clusterGroupsTheCopiesAsTheLibraryDoes() {
    List<io.textsim.proto.v1.Document> docs = clusterDocuments();
    ClusterResponse r =
        stub.cluster(
            ClusterRequest.newBuilder()
                .addAllDocuments(docs)
                .setOptions(
                    ClusterOptions.newBuilder()
                        .setThreshold(0.3)
                        .setMeasure(io.textsim.proto.v1.ClusterMeasure.CLUSTER_MEASURE_OVERLAP)
                        .setLinkage(Linkage.LINKAGE_AVERAGE))
                .build());
    io.textsim.core.cluster.Clustering expected =
        Clusterer.cluster(
            core(docs),
            io.textsim.core.cluster.ClusterOptions.builder()
                .threshold(0.3)
                .measure(io.textsim.core.cluster.ClusterMeasure.OVERLAP)
                .linkage(io.textsim.core.cluster.Linkage.AVERAGE)
                .build());
    assertClustering(expected, r.getClustering());
    assertEquals(3, r.getClustering().getClusters(0).getMembersCount(), "the three copies");
  }

  /** A client-streaming call collecting into a future. */
  static CompletableFuture<ClusterStreamResponse> clusterStream(
      List<ClusterStreamRequest> messages) {
    CompletableFuture<ClusterStreamResponse> result = new CompletableFuture<>();
    StreamObserver<ClusterStreamRequest> requests =
        SimilarityServiceGrpc.newStub(channel)
            .withDeadlineAfter(60, TimeUnit.SECONDS)
            .clusterStream(
                new StreamObserver<>() {
                  @Override
                  public void onNext(ClusterStreamResponse value) {
                    result.complete(value);
                  }

                  @Override
                  public void onError(Throwable t) {
                    result.completeExceptionally(t);
                  }

                  @Override
                  public void onCompleted() {
                    result.completeExceptionally(new AssertionError("completed without answer"));
                  }
                });
    messages.forEach(requests::onNext);
    requests.onCompleted();
    return result;
  }

  static ClusterStreamRequest streamed(io.textsim.proto.v1.Document d) {
    return ClusterStreamRequest.newBuilder().setDocument(d).build();
  }

  static StatusRuntimeException streamFailure(List<ClusterStreamRequest> messages)
      throws InterruptedException, TimeoutException {
    try {
      clusterStream(messages).get(60, TimeUnit.SECONDS);
    } catch (ExecutionException e) {
      return (StatusRuntimeException) e.getCause();
    }
    throw new AssertionError("the stream succeeded");
  }

  @Test
  void clusterStreamAnswersAsClusterDoes() throws Exception {
    List<io.textsim.proto.v1.Document> docs = clusterDocuments();
    ClusterOptions options = ClusterOptions.newBuilder().setThreshold(0.4).build();
    List<ClusterStreamRequest> messages = new ArrayList<>();
    messages.add(ClusterStreamRequest.newBuilder().setOptions(options).build());
    docs.forEach(d -> messages.add(streamed(d)));
    ClusterStreamResponse streamed = clusterStream(messages).get(60, TimeUnit.SECONDS);
    ClusterResponse unary =
        stub.cluster(ClusterRequest.newBuilder().addAllDocuments(docs).setOptions(options).build());
    assertEquals(unary.getClustering(), streamed.getClustering());
    assertClustering(
        Clusterer.cluster(
            core(docs), io.textsim.core.cluster.ClusterOptions.builder().threshold(0.4).build()),
        streamed.getClustering());
  }

  @Test
  void clusterStreamTakesBatchesAndSingleDocumentsAlike() throws Exception {
    List<io.textsim.proto.v1.Document> docs = clusterDocuments();
    ClusterOptions options = ClusterOptions.newBuilder().setThreshold(0.4).build();
    List<ClusterStreamRequest> messages = new ArrayList<>();
    messages.add(ClusterStreamRequest.newBuilder().setOptions(options).build());
    // A batch of three, one single document, then the rest as one batch.
    int split = Math.min(3, docs.size());
    messages.add(batch(docs.subList(0, split)));
    if (split < docs.size()) {
      messages.add(streamed(docs.get(split)));
      messages.add(batch(docs.subList(split + 1, docs.size())));
    }
    messages.add(batch(List.of())); // an empty batch adds nothing
    Clustering streamed = clusterStream(messages).get(60, TimeUnit.SECONDS).getClustering();
    ClusterResponse unary =
        stub.cluster(ClusterRequest.newBuilder().addAllDocuments(docs).setOptions(options).build());
    assertEquals(unary.getClustering(), streamed);
  }

  @Test
  void aBadDocumentInABatchIsNamedByItsPlace() throws Exception {
    List<ClusterStreamRequest> messages =
        List.of(
            batch(List.of(doc("a", "one two three"), doc("b", "four five six"))),
            batch(List.of(doc("c", "seven"), doc("d", "x".repeat(MAX_TEXT_CHARS + 1)))));
    StatusRuntimeException e = streamFailure(messages);
    assertViolation(e, "documents.documents[1].text");
  }

  static ClusterStreamRequest batch(List<io.textsim.proto.v1.Document> documents) {
    return ClusterStreamRequest.newBuilder()
        .setDocuments(DocumentBatch.newBuilder().addAllDocuments(documents))
        .build();
  }

  @Test
  void clusterStreamWithoutOptionsUsesTheDefaults() throws Exception {
    List<io.textsim.proto.v1.Document> docs = clusterDocuments();
    List<ClusterStreamRequest> messages = new ArrayList<>();
    docs.forEach(d -> messages.add(streamed(d)));
    ClusterStreamResponse r = clusterStream(messages).get(60, TimeUnit.SECONDS);
    assertClustering(
        Clusterer.cluster(core(docs), io.textsim.core.cluster.ClusterOptions.defaults()),
        r.getClustering());
  }

  @Test
  void emptyCollectionsClusterToNothing() throws Exception {
    Clustering unary = stub.cluster(ClusterRequest.getDefaultInstance()).getClustering();
    assertEquals(0, unary.getDocuments());
    assertEquals(0, unary.getClustersCount());
    Clustering streamed = clusterStream(List.of()).get(60, TimeUnit.SECONDS).getClustering();
    assertEquals(unary, streamed);
  }

  // ------------------------------------------------------------------------------- errors

  static BadRequest.FieldViolation assertViolation(Runnable call, String field) {
    StatusRuntimeException e = assertThrows(StatusRuntimeException.class, call::run);
    return assertViolation(e, field);
  }

  static BadRequest.FieldViolation assertViolation(StatusRuntimeException e, String field) {
    assertEquals(Status.Code.INVALID_ARGUMENT, e.getStatus().getCode(), e.toString());
    com.google.rpc.Status status = StatusProto.fromThrowable(e);
    assertNotNull(status, "no rich status details");
    for (Any detail : status.getDetailsList()) {
      if (detail.is(BadRequest.class)) {
        try {
          BadRequest.FieldViolation v = detail.unpack(BadRequest.class).getFieldViolations(0);
          assertEquals(field, v.getField(), v.toString());
          assertFalse(v.getDescription().isBlank());
          assertTrue(e.getStatus().getDescription().startsWith(field + ": "));
          return v;
        } catch (InvalidProtocolBufferException x) {
          throw new AssertionError(x);
        }
      }
    }
    return fail("no BadRequest detail in " + status);
  }

  static CompareRequest.Builder pair() {
    return CompareRequest.newBuilder().setA(doc("a", "one two three")).setB(doc("b", "one two"));
  }

  static List<Object[]> badCompareRequests() {
    return List.of(
        new Object[] {
          pair()
              .setProfile(
                  ProfileOptions.newBuilder().setShingles(ShingleOptions.newBuilder().setSize(0))),
          "profile.shingles.size"
        },
        new Object[] {
          pair()
              .setProfile(
                  ProfileOptions.newBuilder().setShingles(ShingleOptions.newBuilder().setSize(-3))),
          "profile.shingles.size"
        },
        new Object[] {
          pair()
              .setProfile(
                  ProfileOptions.newBuilder().setShingles(ShingleOptions.newBuilder().setSize(65))),
          "profile.shingles.size"
        },
        new Object[] {
          pair()
              .setProfile(
                  ProfileOptions.newBuilder()
                      .setShingles(ShingleOptions.newBuilder().setKindValue(9))),
          "profile.shingles.kind"
        },
        new Object[] {
          pair()
              .setProfile(
                  ProfileOptions.newBuilder()
                      .setNormalization(NormalizationOptions.newBuilder().setProfileValue(7))),
          "profile.normalization.profile"
        },
        new Object[] {
          pair().setVerdict(VerdictOptions.newBuilder().setThreshold(1.5)), "verdict.threshold"
        },
        new Object[] {
          pair().setVerdict(VerdictOptions.newBuilder().setThreshold(-0.1)), "verdict.threshold"
        },
        new Object[] {
          pair().setVerdict(VerdictOptions.newBuilder().setThreshold(Double.NaN)),
          "verdict.threshold"
        },
        new Object[] {
          pair().setVerdict(VerdictOptions.newBuilder().setMeasureValue(42)), "verdict.measure"
        },
        new Object[] {
          pair().addMeasures(io.textsim.proto.v1.Measure.MEASURE_JACCARD).addMeasuresValue(0),
          "measures[1]"
        },
        new Object[] {pair().addMeasuresValue(1234), "measures[0]"},
        new Object[] {pair().setB(doc("b", "x".repeat(MAX_TEXT_CHARS + 1))), "b.text"});
  }

  @ParameterizedTest
  @MethodSource("badCompareRequests")
  void badCompareRequestsNameTheField(CompareRequest.Builder request, String field) {
    assertViolation(() -> stub.compare(request.build()), field);
  }

  @Test
  void aTextOverTheLimitSaysTheLimitAndHowToRaiseIt() {
    BadRequest.FieldViolation v =
        assertViolation(
            () -> stub.compare(pair().setA(doc("a", "y".repeat(MAX_TEXT_CHARS + 5))).build()),
            "a.text");
    assertTrue(v.getDescription().contains(String.valueOf(MAX_TEXT_CHARS)), v.getDescription());
    assertTrue(v.getDescription().contains("--max-text-chars"), v.getDescription());
  }

  @Test
  void badCompareManyRequestsNameTheField() {
    CompareManyRequest base =
        CompareManyRequest.newBuilder()
            .setQuery(doc("q", "a b c"))
            .addCandidates(doc("x", "a b"))
            .addCandidates(doc("y", "a b c d"))
            .build();
    assertViolation(() -> stub.compareMany(base.toBuilder().setTopK(0).build()), "top_k");
    assertViolation(() -> stub.compareMany(base.toBuilder().setMinScore(2).build()), "min_score");
    assertViolation(() -> stub.compareMany(base.toBuilder().setRankByValue(77).build()), "rank_by");
    assertViolation(
        () ->
            stub.compareMany(
                base.toBuilder()
                    .setCandidates(1, doc("y", "z".repeat(MAX_TEXT_CHARS + 1)))
                    .build()),
        "candidates[1].text");
    assertViolation(
        () ->
            stub.compareMany(
                base.toBuilder().setQuery(doc("q", "z".repeat(MAX_TEXT_CHARS + 1))).build()),
        "query.text");
    CompareManyRequest.Builder many = base.toBuilder();
    for (int i = 0; i < MAX_DOCUMENTS; i++) {
      many.addCandidates(doc("c" + i, "text " + i));
    }
    assertViolation(() -> stub.compareMany(many.build()), "candidates");
  }

  @Test
  void badClusterRequestsNameTheField() {
    ClusterRequest base = ClusterRequest.newBuilder().addAllDocuments(clusterDocuments()).build();
    assertViolation(
        () ->
            stub.cluster(
                base.toBuilder()
                    .setOptions(ClusterOptions.newBuilder().setThreshold(-0.5))
                    .build()),
        "options.threshold");
    assertViolation(
        () ->
            stub.cluster(
                base.toBuilder()
                    .setOptions(ClusterOptions.newBuilder().setLinkageValue(5))
                    .build()),
        "options.linkage");
    assertViolation(
        () ->
            stub.cluster(
                base.toBuilder()
                    .setOptions(ClusterOptions.newBuilder().setMeasureValue(9))
                    .build()),
        "options.measure");
    assertViolation(
        () ->
            stub.cluster(
                base.toBuilder()
                    .setOptions(
                        ClusterOptions.newBuilder()
                            .setProfile(
                                ProfileOptions.newBuilder()
                                    .setShingles(ShingleOptions.newBuilder().setSize(0))))
                    .build()),
        "options.profile.shingles.size");
    assertViolation(
        () ->
            stub.cluster(
                base.toBuilder().setDocuments(2, doc("long", "w ".repeat(MAX_TEXT_CHARS))).build()),
        "documents[2].text");
    ClusterRequest.Builder many = ClusterRequest.newBuilder();
    for (int i = 0; i <= MAX_DOCUMENTS; i++) {
      many.addDocuments(doc("d" + i, "text " + i));
    }
    assertViolation(() -> stub.cluster(many.build()), "documents");
  }

  @Test
  void badClusterStreamsNameTheField() throws Exception {
    ClusterStreamRequest options =
        ClusterStreamRequest.newBuilder().setOptions(ClusterOptions.getDefaultInstance()).build();
    ClusterStreamRequest document = streamed(doc("d", "some text"));
    assertViolation(streamFailure(List.of(document, options)), "options");
    assertViolation(streamFailure(List.of(options, options)), "options");
    assertViolation(
        streamFailure(
            List.of(
                ClusterStreamRequest.newBuilder()
                    .setOptions(ClusterOptions.newBuilder().setThreshold(3))
                    .build(),
                document)),
        "options.threshold");
    assertViolation(
        streamFailure(List.of(document, ClusterStreamRequest.getDefaultInstance())), "item");
    assertViolation(
        streamFailure(List.of(streamed(doc("long", "v".repeat(MAX_TEXT_CHARS + 1))))),
        "document.text");
  }

  @Test
  void aRepeatedIdInAClusterIsNamedWithItsFirstPosition() {
    ClusterRequest.Builder request = ClusterRequest.newBuilder();
    for (int i = 0; i < 7; i++) {
      request.addDocuments(doc("d" + i, "text number " + i));
    }
    request.addDocuments(doc("d2", "another text with the id of the third"));
    BadRequest.FieldViolation v =
        assertViolation(() -> stub.cluster(request.build()), "documents[7].id");
    assertTrue(
        v.getDescription().contains("\"d2\" is already the id of documents[2]"), v.toString());

    ClusterRequest.Builder empty =
        ClusterRequest.newBuilder().addDocuments(doc("", "one")).addDocuments(doc("", "two"));
    assertTrue(
        assertViolation(() -> stub.cluster(empty.build()), "documents[1].id")
            .getDescription()
            .contains("documents[0]"));
  }

  @Test
  void aRepeatedIdInAClusterStreamIsNamedWithItsFirstPosition() throws Exception {
    List<ClusterStreamRequest> acrossMessages =
        List.of(
            batch(List.of(doc("a", "one two three"), doc("b", "four five six"))),
            streamed(doc("c", "seven")),
            batch(List.of(doc("d", "eight"), doc("b", "nine"))));
    BadRequest.FieldViolation v =
        assertViolation(streamFailure(acrossMessages), "documents.documents[1].id");
    assertTrue(
        v.getDescription().contains("\"b\" is already the id of document 1 of the stream"),
        v.toString());

    List<ClusterStreamRequest> single =
        List.of(streamed(doc("x", "one")), streamed(doc("x", "two")));
    assertTrue(
        assertViolation(streamFailure(single), "document.id")
            .getDescription()
            .contains("document 0 of the stream"));
  }

  @Test
  void aStreamOverItsTotalLimitIsResourceExhausted() throws Exception {
    List<ClusterStreamRequest> messages = new ArrayList<>();
    String text = "w".repeat(MAX_TEXT_CHARS / 2);
    for (long sent = 0; sent <= MAX_STREAM_CHARS; sent += text.length()) {
      messages.add(streamed(doc("d" + sent, text)));
    }
    StatusRuntimeException e = streamFailure(messages);
    assertEquals(Status.Code.RESOURCE_EXHAUSTED, e.getStatus().getCode(), e.toString());
    assertTrue(e.getStatus().getDescription().contains("--max-stream-chars"));
  }

  // ----------------------------------------------------------------------- undecodable input

  @Test
  void invalidUtf8IsInvalidArgumentNamingTheField() {
    // CompareRequest{a: Document{id: "a", text: <not UTF-8>}}
    byte[] request =
        Fixtures.field(
            1,
            Fixtures.concat(
                Fixtures.field(1, new byte[] {'a'}), Fixtures.field(2, Fixtures.INVALID_UTF8)));
    StatusRuntimeException e =
        assertThrows(
            StatusRuntimeException.class,
            () ->
                Fixtures.callRaw(
                    channel,
                    SimilarityServiceGrpc.getCompareMethod().getFullMethodName(),
                    request));
    assertEquals(Status.Code.INVALID_ARGUMENT, e.getStatus().getCode(), e.toString());
    assertEquals(
        "a.text: not valid UTF-8 (texts must be sent as UTF-8)", e.getStatus().getDescription());
  }

  @Test
  void invalidUtf8DeepInARepeatedFieldIsNamedWithItsIndex() {
    byte[] good = Fixtures.field(2, "fine".getBytes(java.nio.charset.StandardCharsets.UTF_8));
    byte[] bad = Fixtures.field(2, Fixtures.INVALID_UTF8);
    // CompareManyRequest{query: {...}, candidates: [{text: fine}, {text: fine}, {text: <bad>}]}
    byte[] request =
        Fixtures.concat(
            Fixtures.field(1, good),
            Fixtures.field(2, good),
            Fixtures.field(2, good),
            Fixtures.field(2, bad));
    StatusRuntimeException e =
        assertThrows(
            StatusRuntimeException.class,
            () ->
                Fixtures.callRaw(
                    channel,
                    SimilarityServiceGrpc.getCompareManyMethod().getFullMethodName(),
                    request));
    assertEquals(Status.Code.INVALID_ARGUMENT, e.getStatus().getCode());
    assertTrue(e.getStatus().getDescription().startsWith("candidates[2].text:"), e.toString());
  }

  @Test
  void garbageIsInvalidArgument() {
    byte[] garbage = {(byte) 0xFF, (byte) 0xFF, (byte) 0xFF, 0x01, 0x02};
    StatusRuntimeException e =
        assertThrows(
            StatusRuntimeException.class,
            () ->
                Fixtures.callRaw(
                    channel,
                    SimilarityServiceGrpc.getClusterMethod().getFullMethodName(),
                    garbage));
    assertEquals(Status.Code.INVALID_ARGUMENT, e.getStatus().getCode());
    assertEquals(
        "malformed textsim.v1.ClusterRequest: the message does not parse",
        e.getStatus().getDescription());
  }

  // -------------------------------------------------------------------------------- logging

  @Test
  void everyCallLogsOneLineWithMethodStatusAndLatency() throws Exception {
    try (Fixtures.CallLogCapture log = new Fixtures.CallLogCapture()) {
      stub.compare(pair().build());
      String ok = log.await("status=OK");
      assertTrue(
          ok.matches(
              "call method=textsim\\.v1\\.SimilarityService/Compare status=OK"
                  + " latency_ms=\\d+\\.\\d\\d peer=.*"),
          ok);
      assertThrows(
          StatusRuntimeException.class,
          () ->
              stub.compare(pair().setVerdict(VerdictOptions.newBuilder().setThreshold(9)).build()));
      log.await(
          "method=textsim.v1.SimilarityService/Compare",
          "status=INVALID_ARGUMENT",
          "message=\"verdict.threshold: must be in [0, 1], got 9.0\"");
      assertEquals(2, log.lines().size(), log.lines().toString());
    }
  }

  // ------------------------------------------------------------------- internal and overload

  @Test
  void anUnexpectedFailureIsInternalWithoutDetails() throws Exception {
    WorkerPool pool = new WorkerPool(1, 1);
    CompletableFuture<Throwable> error = new CompletableFuture<>();
    pool.answer(
        new StreamObserver<Object>() {
          @Override
          public void onNext(Object value) {
            error.completeExceptionally(new AssertionError("answered"));
          }

          @Override
          public void onError(Throwable t) {
            error.complete(t);
          }

          @Override
          public void onCompleted() {}
        },
        cancellation -> {
          throw new IllegalStateException("secret internals at io.textsim.Foo:42");
        });
    Throwable t = error.get(10, TimeUnit.SECONDS);
    pool.shutdownNow();
    Status status = Status.fromThrowable(t);
    assertEquals(Status.Code.INTERNAL, status.getCode());
    assertEquals("internal error; the server log has the details", status.getDescription());
    assertEquals(null, status.getCause(), "nothing of the failure travels to the client");
  }

  @Test
  void overloadIsResourceExhaustedWithRetryInfoAndCancelFreesTheWorker() throws Exception {
    String name = InProcessServerBuilder.generateName();
    TextsimServer busy =
        new TextsimServer(
                ServerConfig.builder().threads(1).queueSize(0).build(),
                InProcessServerBuilder.forName(name))
            .start();
    ManagedChannel ch = InProcessChannelBuilder.forName(name).build();
    try {
      String x = Fixtures.randomLetters(1, 200_000);
      String y = Fixtures.randomLetters(2, 200_000);
      CompletableFuture<CompareResponse> slow = new CompletableFuture<>();
      io.grpc.Context.CancellableContext cancellable = io.grpc.Context.current().withCancellation();
      cancellable.run(
          () ->
              SimilarityServiceGrpc.newStub(ch)
                  .compare(
                      CompareRequest.newBuilder()
                          .setA(doc("x", x))
                          .setB(doc("y", y))
                          .addMeasures(io.textsim.proto.v1.Measure.MEASURE_LEVENSHTEIN)
                          .build(),
                      observer(slow)));
      assertTrue(
          Fixtures.await(() -> busy.workers().active() == 1, java.time.Duration.ofSeconds(30)),
          "the slow call reached the worker");

      StatusRuntimeException rejected =
          assertThrows(
              StatusRuntimeException.class,
              () -> SimilarityServiceGrpc.newBlockingStub(ch).compare(pair().build()));
      assertEquals(Status.Code.RESOURCE_EXHAUSTED, rejected.getStatus().getCode());
      com.google.rpc.Status details = StatusProto.fromThrowable(rejected);
      assertNotNull(details);
      com.google.rpc.RetryInfo retry = null;
      for (Any d : details.getDetailsList()) {
        if (d.is(com.google.rpc.RetryInfo.class)) {
          retry = d.unpack(com.google.rpc.RetryInfo.class);
        }
      }
      assertNotNull(retry, "RetryInfo detail");
      assertTrue(retry.getRetryDelay().getNanos() > 0 || retry.getRetryDelay().getSeconds() > 0);
      assertEquals(1, busy.workers().rejected());

      cancellable.cancel(null);
      ExecutionException cancelled =
          assertThrows(ExecutionException.class, () -> slow.get(30, TimeUnit.SECONDS));
      assertEquals(Status.Code.CANCELLED, Status.fromThrowable(cancelled.getCause()).getCode());
      assertTrue(
          Fixtures.await(
              () -> busy.workers().stoppedEarly() == 1, java.time.Duration.ofSeconds(30)),
          "the core stopped on the cancel");
      assertTrue(
          Fixtures.await(() -> busy.workers().active() == 0, java.time.Duration.ofSeconds(30)));
      // The worker is free: with no queue, this would be RESOURCE_EXHAUSTED otherwise.
      CompareResponse after = SimilarityServiceGrpc.newBlockingStub(ch).compare(pair().build());
      assertTrue(after.getScores().hasJaccard());
    } finally {
      ch.shutdownNow();
      busy.stop(java.time.Duration.ofSeconds(5));
    }
  }

  static <T> StreamObserver<T> observer(CompletableFuture<T> future) {
    return new StreamObserver<>() {
      @Override
      public void onNext(T value) {
        future.complete(value);
      }

      @Override
      public void onError(Throwable t) {
        future.completeExceptionally(t);
      }

      @Override
      public void onCompleted() {}
    };
  }
}
