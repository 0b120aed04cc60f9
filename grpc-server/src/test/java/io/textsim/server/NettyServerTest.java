package io.textsim.server;

import static io.textsim.server.Fixtures.MEHR;
import static io.textsim.server.Fixtures.TEHRAN;
import static io.textsim.server.Fixtures.doc;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.grpc.ChannelCredentials;
import io.grpc.Grpc;
import io.grpc.InsecureChannelCredentials;
import io.grpc.ManagedChannel;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.TlsChannelCredentials;
import io.grpc.health.v1.HealthCheckRequest;
import io.grpc.health.v1.HealthCheckResponse;
import io.grpc.health.v1.HealthCheckResponse.ServingStatus;
import io.grpc.health.v1.HealthGrpc;
import io.grpc.reflection.v1.ServerReflectionGrpc;
import io.grpc.reflection.v1.ServerReflectionRequest;
import io.grpc.reflection.v1.ServerReflectionResponse;
import io.grpc.reflection.v1.ServiceResponse;
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
import io.textsim.core.measure.Similarity;
import io.textsim.proto.v1.ClusterOptions;
import io.textsim.proto.v1.ClusterRequest;
import io.textsim.proto.v1.ClusterStreamRequest;
import io.textsim.proto.v1.ClusterStreamResponse;
import io.textsim.proto.v1.CompareManyRequest;
import io.textsim.proto.v1.CompareManyResponse;
import io.textsim.proto.v1.CompareRequest;
import io.textsim.proto.v1.CompareResponse;
import io.textsim.proto.v1.SimilarityServiceGrpc;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The server over a real Netty port on 127.0.0.1 (port 0, any free one): TLS, mutual TLS, health,
 * reflection, the message size limit, undecodable bytes on the wire, deadlines reaching into the
 * core, graceful shutdown and a bounded concurrent load checked against the library.
 */
class NettyServerTest {
  @TempDir static Path pkiDir;
  static TestPki pki;

  private final List<TextsimServer> servers = new ArrayList<>();
  private final List<ManagedChannel> channels = new ArrayList<>();

  @BeforeAll
  static void makeCertificates() throws Exception {
    pki = TestPki.create(pkiDir);
  }

  @AfterEach
  void tearDown() throws Exception {
    for (ManagedChannel c : channels) {
      c.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
    }
    for (TextsimServer s : servers) {
      s.stop(Duration.ofSeconds(5));
    }
  }

  private static ServerConfig.Builder local() {
    return ServerConfig.builder().host("127.0.0.1").port(0);
  }

  private TextsimServer start(ServerConfig config) throws Exception {
    TextsimServer server = new TextsimServer(config).start();
    servers.add(server);
    return server;
  }

  private ManagedChannel channel(TextsimServer server, ChannelCredentials credentials) {
    ManagedChannel channel =
        Grpc.newChannelBuilderForAddress("127.0.0.1", server.port(), credentials).build();
    channels.add(channel);
    return channel;
  }

  private ManagedChannel plaintext(TextsimServer server) {
    return channel(server, InsecureChannelCredentials.create());
  }

  private static SimilarityServiceGrpc.SimilarityServiceBlockingStub stub(ManagedChannel channel) {
    return SimilarityServiceGrpc.newBlockingStub(channel).withDeadlineAfter(60, TimeUnit.SECONDS);
  }

  private static CompareRequest seedPair() {
    return CompareRequest.newBuilder().setA(doc("a", MEHR)).setB(doc("b", TEHRAN)).build();
  }

  // -------------------------------------------------------------------------------- TLS

  @Test
  void tlsServesClientsThatTrustItsCa() throws Exception {
    TextsimServer server = start(local().tls(pki.serverCert(), pki.serverKey()).build());
    ChannelCredentials tls =
        TlsChannelCredentials.newBuilder().trustManager(pki.caCert().toFile()).build();
    CompareResponse r = stub(channel(server, tls)).compare(seedPair());
    assertTrue(r.getScores().getJaccard() > 0.5);

    StatusRuntimeException plain =
        assertThrows(
            StatusRuntimeException.class, () -> stub(plaintext(server)).compare(seedPair()));
    assertEquals(Status.Code.UNAVAILABLE, plain.getStatus().getCode(), plain.toString());

    ChannelCredentials wrongCa =
        TlsChannelCredentials.newBuilder().trustManager(pki.strangerCert().toFile()).build();
    StatusRuntimeException untrusted =
        assertThrows(
            StatusRuntimeException.class, () -> stub(channel(server, wrongCa)).compare(seedPair()));
    assertEquals(Status.Code.UNAVAILABLE, untrusted.getStatus().getCode(), untrusted.toString());
  }

  @Test
  void mutualTlsRefusesClientsWithoutAValidCertificate() throws Exception {
    TextsimServer server =
        start(local().tls(pki.serverCert(), pki.serverKey()).tlsClientCa(pki.caCert()).build());
    ChannelCredentials withCert =
        TlsChannelCredentials.newBuilder()
            .trustManager(pki.caCert().toFile())
            .keyManager(pki.clientCert().toFile(), pki.clientKey().toFile())
            .build();
    assertTrue(stub(channel(server, withCert)).compare(seedPair()).getScores().hasJaccard());

    ChannelCredentials withoutCert =
        TlsChannelCredentials.newBuilder().trustManager(pki.caCert().toFile()).build();
    StatusRuntimeException refused =
        assertThrows(
            StatusRuntimeException.class,
            () -> stub(channel(server, withoutCert)).compare(seedPair()));
    assertEquals(Status.Code.UNAVAILABLE, refused.getStatus().getCode(), refused.toString());

    ChannelCredentials strangerCert =
        TlsChannelCredentials.newBuilder()
            .trustManager(pki.caCert().toFile())
            .keyManager(pki.strangerCert().toFile(), pki.strangerKey().toFile())
            .build();
    StatusRuntimeException stranger =
        assertThrows(
            StatusRuntimeException.class,
            () -> stub(channel(server, strangerCert)).compare(seedPair()));
    assertEquals(Status.Code.UNAVAILABLE, stranger.getStatus().getCode(), stranger.toString());
  }

  // --------------------------------------------------------------- health and reflection

  @Test
  void healthIsServingForTheServerAndTheService() throws Exception {
    TextsimServer server = start(local().build());
    HealthGrpc.HealthBlockingStub health =
        HealthGrpc.newBlockingStub(plaintext(server)).withDeadlineAfter(30, TimeUnit.SECONDS);
    assertEquals(
        ServingStatus.SERVING, health.check(HealthCheckRequest.getDefaultInstance()).getStatus());
    assertEquals(
        ServingStatus.SERVING,
        health
            .check(
                HealthCheckRequest.newBuilder().setService("textsim.v1.SimilarityService").build())
            .getStatus());
    StatusRuntimeException unknown =
        assertThrows(
            StatusRuntimeException.class,
            () ->
                health.check(
                    HealthCheckRequest.newBuilder().setService("no.such.Service").build()));
    assertEquals(Status.Code.NOT_FOUND, unknown.getStatus().getCode());
  }

  private static List<String> listServices(ManagedChannel channel) throws Exception {
    CompletableFuture<ServerReflectionResponse> answer = new CompletableFuture<>();
    StreamObserver<ServerReflectionRequest> requests =
        ServerReflectionGrpc.newStub(channel)
            .withDeadlineAfter(30, TimeUnit.SECONDS)
            .serverReflectionInfo(SimilarityServiceTest.observer(answer));
    requests.onNext(ServerReflectionRequest.newBuilder().setListServices("").build());
    try {
      ServerReflectionResponse r = answer.get(30, TimeUnit.SECONDS);
      List<String> names = new ArrayList<>();
      for (ServiceResponse s : r.getListServicesResponse().getServiceList()) {
        names.add(s.getName());
      }
      return names;
    } finally {
      requests.onCompleted();
    }
  }

  @Test
  void reflectionListsTheServiceAndDescribesIt() throws Exception {
    TextsimServer server = start(local().build());
    ManagedChannel channel = plaintext(server);
    List<String> services = listServices(channel);
    assertTrue(services.contains("textsim.v1.SimilarityService"), services.toString());
    assertTrue(services.contains("grpc.health.v1.Health"), services.toString());

    CompletableFuture<ServerReflectionResponse> answer = new CompletableFuture<>();
    StreamObserver<ServerReflectionRequest> requests =
        ServerReflectionGrpc.newStub(channel)
            .withDeadlineAfter(30, TimeUnit.SECONDS)
            .serverReflectionInfo(SimilarityServiceTest.observer(answer));
    requests.onNext(
        ServerReflectionRequest.newBuilder()
            .setFileContainingSymbol("textsim.v1.SimilarityService")
            .build());
    ServerReflectionResponse r = answer.get(30, TimeUnit.SECONDS);
    requests.onCompleted();
    com.google.protobuf.DescriptorProtos.FileDescriptorProto file =
        com.google.protobuf.DescriptorProtos.FileDescriptorProto.parseFrom(
            r.getFileDescriptorResponse().getFileDescriptorProto(0));
    assertEquals("textsim/v1/similarity.proto", file.getName());
    assertEquals("SimilarityService", file.getService(0).getName());
  }

  @Test
  void reflectionCanBeTurnedOff() throws Exception {
    TextsimServer server = start(local().reflection(false).build());
    ExecutionException e =
        assertThrows(ExecutionException.class, () -> listServices(plaintext(server)));
    assertEquals(Status.Code.UNIMPLEMENTED, Status.fromThrowable(e.getCause()).getCode());
  }

  // ------------------------------------------------------------------------ wire limits

  @Test
  void aMessageOverTheSizeLimitIsResourceExhausted() throws Exception {
    TextsimServer server = start(local().maxMessageBytes(64 * 1024).build());
    SimilarityServiceGrpc.SimilarityServiceBlockingStub stub = stub(plaintext(server));
    Fixtures.CallLogCapture log = new Fixtures.CallLogCapture();
    StatusRuntimeException e =
        assertThrows(
            StatusRuntimeException.class,
            () ->
                stub.compare(
                    CompareRequest.newBuilder()
                        .setA(doc("a", "x".repeat(100_000)))
                        .setB(doc("b", "y"))
                        .build()));
    assertEquals(Status.Code.RESOURCE_EXHAUSTED, e.getStatus().getCode(), e.toString());
    try (log) {
      log.await("method=textsim.v1.SimilarityService/Compare", "status=RESOURCE_EXHAUSTED");
    }
    // The connection is still good for calls within the limit.
    assertTrue(stub.compare(seedPair()).getScores().hasJaccard());
  }

  @Test
  void invalidUtf8OnTheWireIsInvalidArgument() throws Exception {
    TextsimServer server = start(local().build());
    byte[] request =
        Fixtures.concat(
            Fixtures.field(
                1, Fixtures.field(2, "fine".getBytes(java.nio.charset.StandardCharsets.UTF_8))),
            Fixtures.field(
                2,
                Fixtures.concat(
                    Fixtures.field(1, new byte[] {'b'}),
                    Fixtures.field(2, Fixtures.INVALID_UTF8))));
    StatusRuntimeException e =
        assertThrows(
            StatusRuntimeException.class,
            () ->
                Fixtures.callRaw(
                    plaintext(server),
                    SimilarityServiceGrpc.getCompareMethod().getFullMethodName(),
                    request));
    assertEquals(Status.Code.INVALID_ARGUMENT, e.getStatus().getCode(), e.toString());
    assertEquals(
        "b.text: not valid UTF-8 (texts must be sent as UTF-8)", e.getStatus().getDescription());
  }

  // ------------------------------------------------------------- deadlines and shutdown

  private static CompareRequest hugeDissimilarPair() {
    return hugeDissimilarPair(io.textsim.proto.v1.Measure.MEASURE_LEVENSHTEIN, 200_000);
  }

  private static CompareRequest hugeDissimilarPair(
      io.textsim.proto.v1.Measure measure, int length) {
    return CompareRequest.newBuilder()
        .setA(doc("x", Fixtures.randomLetters(1, length)))
        .setB(doc("y", Fixtures.randomLetters(2, length)))
        .addMeasures(measure)
        .build();
  }

  /**
   * Every measure whose cost grows faster than the text: banded Levenshtein on a dissimilar pair
   * (O(n^2 / 64)), LCS (O(n^2 / 64)) and Damerau-OSA (O(n^2)), each on a pair that takes it seconds
   * to hours.
   */
  @ParameterizedTest(name = "{0}")
  @CsvSource({"MEASURE_LEVENSHTEIN, 200000", "MEASURE_LCS, 400000", "MEASURE_DAMERAU_OSA, 200000"})
  void aDeadlineStopsTheCoreAndFreesTheWorkerAtOnce(io.textsim.proto.v1.Measure measure, int length)
      throws Exception {
    // One worker and no queue: while the worker is busy, any other call is RESOURCE_EXHAUSTED.
    TextsimServer server = start(local().threads(1).queueSize(0).build());
    ManagedChannel channel = plaintext(server);
    CompareRequest huge = hugeDissimilarPair(measure, length);
    StatusRuntimeException e;
    try (Fixtures.CallLogCapture log = new Fixtures.CallLogCapture()) {
      e =
          assertThrows(
              StatusRuntimeException.class,
              () ->
                  SimilarityServiceGrpc.newBlockingStub(channel)
                      .withDeadlineAfter(200, TimeUnit.MILLISECONDS)
                      .compare(huge));
      log.await("method=textsim.v1.SimilarityService/Compare", "status=DEADLINE_EXCEEDED");
    }
    assertEquals(Status.Code.DEADLINE_EXCEEDED, e.getStatus().getCode(), e.toString());
    // The core noticed the deadline and gave the worker back (generous sanity bound).
    assertTrue(
        Fixtures.await(() -> server.workers().stoppedEarly() == 1, Duration.ofSeconds(30)),
        "the computation was stopped inside the core");
    assertTrue(Fixtures.await(() -> server.workers().active() == 0, Duration.ofSeconds(30)));
    // The next call gets the worker at once: with no queue it would be refused otherwise.
    CompareResponse next = stub(channel).compare(seedPair());
    assertTrue(next.getScores().getJaccard() > 0.5);
    assertEquals(0, server.workers().rejected());
  }

  @Test
  void aCallWithoutADeadlineIsStoppedAtTheServersLimit() throws Exception {
    TextsimServer server =
        start(local().threads(1).queueSize(0).maxCallTime(Duration.ofMillis(300)).build());
    ManagedChannel channel = plaintext(server);
    // Damerau-OSA on two 200,000-letter texts: hours of work, and the client sets no deadline.
    CompareRequest huge =
        hugeDissimilarPair(io.textsim.proto.v1.Measure.MEASURE_DAMERAU_OSA, 200_000);
    StatusRuntimeException e =
        assertThrows(
            StatusRuntimeException.class,
            () -> SimilarityServiceGrpc.newBlockingStub(channel).compare(huge));
    assertEquals(Status.Code.DEADLINE_EXCEEDED, e.getStatus().getCode(), e.toString());
    assertEquals(
        "deadline exceeded: the call ran longer than the server allows (300ms, --max-call-time);"
            + " the computation was stopped",
        e.getStatus().getDescription());
    assertTrue(
        Fixtures.await(() -> server.workers().active() == 0, Duration.ofSeconds(30)),
        "the worker was freed");
    assertEquals(1, server.workers().stoppedEarly());
    // A quick call still succeeds.
    assertTrue(
        SimilarityServiceGrpc.newBlockingStub(channel).compare(seedPair()).getScores().getJaccard()
            > 0.5);
  }

  @Test
  void aStalledClusterStreamIsEndedAtTheServersLimit() throws Exception {
    TextsimServer server = start(local().maxCallTime(Duration.ofMillis(300)).build());
    ManagedChannel channel = plaintext(server);
    CompletableFuture<Throwable> ended = new CompletableFuture<>();
    StreamObserver<ClusterStreamRequest> requests =
        SimilarityServiceGrpc.newStub(channel)
            .clusterStream(
                new StreamObserver<>() {
                  @Override
                  public void onNext(ClusterStreamResponse value) {
                    ended.complete(new AssertionError("answered: " + value));
                  }

                  @Override
                  public void onError(Throwable t) {
                    ended.complete(t);
                  }

                  @Override
                  public void onCompleted() {
                    ended.complete(new AssertionError("completed"));
                  }
                });
    // One document, then nothing: the client neither sends more nor half-closes.
    requests.onNext(
        ClusterStreamRequest.newBuilder().setDocument(doc("a", "one two three")).build());
    Throwable t = ended.get(30, TimeUnit.SECONDS);
    Status status = Status.fromThrowable(t);
    assertEquals(Status.Code.DEADLINE_EXCEEDED, status.getCode(), t.toString());
    assertTrue(status.getDescription().contains("--max-call-time"), status.getDescription());
    requests.onError(Status.CANCELLED.asException());
  }

  @Test
  void theServersDeadlinesLeaveNoTimerBehind() throws Exception {
    TextsimServer server = start(local().build()); // the default limit, 10 minutes
    ManagedChannel channel = plaintext(server);
    for (int i = 0; i < 200; i++) {
      SimilarityServiceGrpc.newBlockingStub(channel).compare(seedPair()); // no client deadline
    }
    // The last call's timer goes when the server has finished it, which can be just after the
    // client has its answer.
    assertTrue(
        Fixtures.await(() -> server.pendingDeadlines() == 0, Duration.ofSeconds(30)),
        "every ended call cancelled and removed its timer: " + server.pendingDeadlines() + " left");
  }

  @Test
  void gracefulShutdownFinishesTheCallInFlight() throws Exception {
    TextsimServer server = start(local().threads(1).build());
    ManagedChannel channel = plaintext(server);
    CompareRequest request = hugeDissimilarPair();
    CompletableFuture<CompareResponse> inFlight = new CompletableFuture<>();
    SimilarityServiceGrpc.newStub(channel)
        .withDeadlineAfter(120, TimeUnit.SECONDS)
        .compare(request, SimilarityServiceTest.observer(inFlight));
    LinkedBlockingQueue<ServingStatus> watched = new LinkedBlockingQueue<>();
    io.grpc.Context.CancellableContext watch = io.grpc.Context.current().withCancellation();
    watch.run(
        () ->
            HealthGrpc.newStub(channel)
                .watch(
                    HealthCheckRequest.getDefaultInstance(),
                    new StreamObserver<HealthCheckResponse>() {
                      @Override
                      public void onNext(HealthCheckResponse value) {
                        watched.add(value.getStatus());
                      }

                      @Override
                      public void onError(Throwable t) {}

                      @Override
                      public void onCompleted() {}
                    }));
    assertEquals(ServingStatus.SERVING, watched.poll(30, TimeUnit.SECONDS));
    assertTrue(
        Fixtures.await(() -> server.workers().active() == 1, Duration.ofSeconds(30)),
        "the call is being computed");

    ExecutorService stopper = Executors.newSingleThreadExecutor();
    Future<?> stopping =
        stopper.submit(
            () -> {
              server.stop(Duration.ofSeconds(60));
              return null;
            });
    assertEquals(ServingStatus.NOT_SERVING, watched.poll(30, TimeUnit.SECONDS));
    watch.cancel(null); // a watch never ends by itself; shutdown would wait for it
    StatusRuntimeException refused =
        assertThrows(
            StatusRuntimeException.class,
            () -> stub(plaintext(server)).compare(seedPair()),
            "a stopping server takes no new calls");
    assertEquals(Status.Code.UNAVAILABLE, refused.getStatus().getCode(), refused.toString());

    CompareResponse done = inFlight.get(120, TimeUnit.SECONDS);
    TextProfiler profiler = TextProfiler.defaults();
    Comparison expected =
        Similarity.compare(
            profiler.profile(request.getA().getText()),
            profiler.profile(request.getB().getText()),
            EnumSet.of(Measure.LEVENSHTEIN));
    assertEquals(expected.levenshteinDistance().getAsInt(), done.getDistances().getLevenshtein());
    stopping.get(120, TimeUnit.SECONDS);
    stopper.shutdown();
    assertEquals(0, server.workers().stoppedEarly(), "nothing was cancelled");
  }

  // ---------------------------------------------------------------------------- load

  /** One call of the load test, with the library's answer computed beforehand. */
  @FunctionalInterface
  private interface Case {
    void call(SimilarityServiceGrpc.SimilarityServiceBlockingStub stub);
  }

  /**
   * 16 client threads x 50 mixed calls (Compare with and without passages, CompareMany, Cluster)
   * over one channel; every answer is checked against the library's own, computed beforehand so
   * that the clients spend their time calling.
   */
  @Test
  void boundedConcurrentLoadOfMixedCallsMatchesTheLibrary() throws Exception {
    Random random = new Random(42);
    List<Case> cases = new ArrayList<>();
    cases.add(compareCase(MEHR, TEHRAN, false));
    cases.add(compareCase(TEHRAN, MEHR, true));
    for (int i = 0; i < 8; i++) {
      cases.add(
          compareCase(
              Fixtures.randomWords(random, 150), Fixtures.randomWords(random, 150), i % 2 == 0));
    }
    for (int i = 0; i < 6; i++) {
      cases.add(compareManyCase(random));
      cases.add(clusterCase(random));
    }

    TextsimServer server = start(local().build());
    ManagedChannel channel = plaintext(server);
    int threads = 16;
    int calls = 50;
    ExecutorService clients = Executors.newFixedThreadPool(threads);
    AtomicInteger done = new AtomicInteger();
    List<Future<?>> futures = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      int client = t;
      futures.add(
          clients.submit(
              () -> {
                SimilarityServiceGrpc.SimilarityServiceBlockingStub stub = stub(channel);
                for (int i = 0; i < calls; i++) {
                  cases.get((client * 7 + i) % cases.size()).call(stub);
                  done.incrementAndGet();
                }
                return null;
              }));
    }
    for (Future<?> f : futures) {
      f.get(120, TimeUnit.SECONDS); // rethrows any failed check or error status
    }
    clients.shutdown();
    assertEquals(threads * calls, done.get());
    assertEquals(0, server.workers().rejected());
  }

  private static Case compareCase(String a, String b, boolean explain) {
    CompareRequest request =
        CompareRequest.newBuilder().setA(doc("a", a)).setB(doc("b", b)).setExplain(explain).build();
    TextProfile pa = TextProfiler.defaults().profile(a);
    TextProfile pb = TextProfiler.defaults().profile(b);
    Comparison expected = Similarity.compare(pa, pb);
    Explanation explanation = Explainer.explain(pa, pb);
    return stub -> {
      CompareResponse r = stub.compare(request);
      SimilarityServiceTest.assertScores(expected, r.getScores());
      assertEquals(expected.levenshteinDistance().getAsInt(), r.getDistances().getLevenshtein());
      assertEquals(explain, r.hasPassages());
      if (explain) {
        assertEquals(explanation.onlyA().size(), r.getPassages().getOnlyACount());
        assertEquals(explanation.sharedInB().size(), r.getPassages().getSharedInBCount());
      }
    };
  }

  private static Case compareManyCase(Random random) {
    String query = Fixtures.randomWords(random, 100);
    CompareManyRequest.Builder request =
        CompareManyRequest.newBuilder()
            .setQuery(doc("q", query))
            .addMeasures(io.textsim.proto.v1.Measure.MEASURE_COSINE);
    List<TextProfile> candidates = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      String text = i == 2 ? query + " and more" : Fixtures.randomWords(random, 100);
      request.addCandidates(doc("c" + i, text));
      candidates.add(TextProfiler.defaults().profile(text));
    }
    TextProfile q = TextProfiler.defaults().profile(query);
    CompareOptions options = CompareOptions.defaults().withIdf(IdfModel.of(candidates));
    Set<Measure> measures = EnumSet.of(Measure.COSINE, Measure.JACCARD);
    List<Comparison> expected = new ArrayList<>();
    for (TextProfile c : candidates) {
      expected.add(Similarity.compare(q, c, measures, options));
    }
    CompareManyRequest built = request.build();
    return stub -> {
      CompareManyResponse r = stub.compareMany(built);
      assertEquals(5, r.getMatchesCount());
      assertEquals(2, r.getMatches(0).getIndex(), "the copy ranks first");
      for (int k = 0; k < 5; k++) {
        Comparison e = expected.get(r.getMatches(k).getIndex());
        SimilarityServiceTest.assertScores(e, r.getMatches(k).getScores());
        assertEquals(e.score(Measure.JACCARD), r.getMatches(k).getScore());
        if (k > 0) {
          assertTrue(r.getMatches(k - 1).getScore() >= r.getMatches(k).getScore());
        }
      }
    };
  }

  private static Case clusterCase(Random random) {
    List<io.textsim.proto.v1.Document> docs = new ArrayList<>();
    List<io.textsim.core.cluster.Document> core = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      String text =
          i % 3 == 2 ? docs.get(i - 1).getText() + " update" : Fixtures.randomWords(random, 80);
      docs.add(doc("d" + i, text));
      core.add(new io.textsim.core.cluster.Document("d" + i, text));
    }
    ClusterRequest request =
        ClusterRequest.newBuilder()
            .addAllDocuments(docs)
            .setOptions(ClusterOptions.newBuilder().setThreshold(0.6))
            .build();
    io.textsim.core.cluster.Clustering expected =
        Clusterer.cluster(
            core, io.textsim.core.cluster.ClusterOptions.builder().threshold(0.6).build());
    return stub ->
        SimilarityServiceTest.assertClustering(expected, stub.cluster(request).getClustering());
  }
}
