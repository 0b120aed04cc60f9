package io.textsim.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.Any;
import com.google.protobuf.Timestamp;
import com.google.rpc.BadRequest;
import io.grpc.Grpc;
import io.grpc.InsecureChannelCredentials;
import io.grpc.ManagedChannel;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.inprocess.InProcessChannelBuilder;
import io.grpc.inprocess.InProcessServerBuilder;
import io.grpc.protobuf.StatusProto;
import io.grpc.stub.StreamObserver;
import io.textsim.index.IndexOptions;
import io.textsim.proto.v1.AddRequest;
import io.textsim.proto.v1.AddResponse;
import io.textsim.proto.v1.GetRequest;
import io.textsim.proto.v1.IndexDocument;
import io.textsim.proto.v1.IndexQuery;
import io.textsim.proto.v1.IndexServiceGrpc;
import io.textsim.proto.v1.QueryRequest;
import io.textsim.proto.v1.QueryResponse;
import io.textsim.proto.v1.RemoveRequest;
import io.textsim.proto.v1.RemoveResponse;
import io.textsim.proto.v1.StatsRequest;
import io.textsim.proto.v1.Verdict;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IndexServiceTest {
  @TempDir Path dir;

  private final List<TextsimServer> servers = new ArrayList<>();
  private final List<ManagedChannel> channels = new ArrayList<>();

  @AfterEach
  void stop() throws Exception {
    for (ManagedChannel c : channels) {
      c.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
    }
    for (TextsimServer s : servers) {
      s.stop(Duration.ofSeconds(5));
    }
  }

  private IndexServiceGrpc.IndexServiceBlockingStub inProcess(IndexRegistry indexes)
      throws Exception {
    String name = InProcessServerBuilder.generateName();
    ServerConfig config = ServerConfig.builder().threads(2).maxTextChars(100_000).build();
    servers.add(new TextsimServer(config, InProcessServerBuilder.forName(name), indexes).start());
    ManagedChannel channel = InProcessChannelBuilder.forName(name).build();
    channels.add(channel);
    return IndexServiceGrpc.newBlockingStub(channel);
  }

  private IndexServiceGrpc.IndexServiceBlockingStub withIndexes() throws Exception {
    return inProcess(IndexRegistry.under(dir, IndexOptions.defaults().withMaxTextLength(100_000)));
  }

  static String article(long seed, int words) {
    Random random = new Random(seed);
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < words; i++) {
      sb.append(i == 0 ? "" : " ").append("w").append(random.nextInt(5000));
    }
    return sb.toString();
  }

  private static IndexDocument doc(String id, String text) {
    return IndexDocument.newBuilder().setId(id).setText(text).build();
  }

  /** Streams {@code batches} to Add and waits for the answer. */
  static AddResponse add(ManagedChannel channel, List<AddRequest> batches) throws Exception {
    CompletableFuture<AddResponse> answer = new CompletableFuture<>();
    StreamObserver<AddRequest> requests =
        IndexServiceGrpc.newStub(channel)
            .add(
                new StreamObserver<>() {
                  @Override
                  public void onNext(AddResponse value) {
                    answer.complete(value);
                  }

                  @Override
                  public void onError(Throwable t) {
                    answer.completeExceptionally(t);
                  }

                  @Override
                  public void onCompleted() {}
                });
    batches.forEach(requests::onNext);
    requests.onCompleted();
    try {
      return answer.get(30, TimeUnit.SECONDS);
    } catch (java.util.concurrent.ExecutionException e) {
      throw (StatusRuntimeException) e.getCause();
    }
  }

  private static List<AddRequest> collection(String index, int n) {
    List<AddRequest> batches = new ArrayList<>();
    for (int b = 0; b < n / 10; b++) {
      AddRequest.Builder batch = AddRequest.newBuilder().setIndex(b == 0 ? index : "");
      for (int j = 0; j < 10; j++) {
        int i = b * 10 + j;
        batch.addDocuments(doc("d" + i, article(i, 200)));
      }
      batches.add(batch.build());
    }
    return batches;
  }

  private static String fieldOf(StatusRuntimeException e) {
    com.google.rpc.Status status = StatusProto.fromThrowable(e);
    for (Any detail : status.getDetailsList()) {
      if (detail.is(BadRequest.class)) {
        try {
          return detail.unpack(BadRequest.class).getFieldViolations(0).getField();
        } catch (com.google.protobuf.InvalidProtocolBufferException x) {
          throw new AssertionError(x);
        }
      }
    }
    return "";
  }

  @Test
  void addQueryGetRemoveAndStatsOnANamedIndex() throws Exception {
    IndexServiceGrpc.IndexServiceBlockingStub stub = withIndexes();
    ManagedChannel channel = channels.get(0);
    AddResponse added = add(channel, collection("news", 50));
    assertEquals(50, added.getAdded());
    QueryResponse answer =
        stub.query(
            QueryRequest.newBuilder()
                .setIndex("news")
                .addQueries(
                    IndexQuery.newBuilder().setId("q1").setText("Header. " + article(7, 200)))
                .addQueries(IndexQuery.newBuilder().setId("q2").setStoredId("d9"))
                .setTopK(3)
                .build());
    assertEquals(2, answer.getResultsCount());
    assertEquals("q1", answer.getResults(0).getQuery());
    assertEquals("d7", answer.getResults(0).getMatches(0).getId());
    assertEquals(1, answer.getResults(0).getMatches(0).getRank());
    assertEquals(Verdict.VERDICT_NEAR_DUPLICATE, answer.getResults(0).getMatches(0).getVerdict());
    assertEquals(0, answer.getResults(1).getMatchesCount()); // d9 has no copy but itself
    assertEquals(
        article(3, 200),
        stub.get(GetRequest.newBuilder().setIndex("news").setId("d3").build())
            .getDocument()
            .getText());
    RemoveResponse removed =
        stub.remove(RemoveRequest.newBuilder().setIndex("news").addIds("d3").addIds("x").build());
    assertEquals(List.of("d3"), removed.getRemovedList());
    assertEquals(List.of("x"), removed.getNotFoundList());
    assertEquals(49, stub.stats(StatsRequest.newBuilder().setIndex("news").build()).getDocuments());
    assertTrue(Files.isDirectory(dir.resolve("news")));
  }

  @Test
  void errorsAreMappedWithTheirFields() throws Exception {
    IndexServiceGrpc.IndexServiceBlockingStub stub = withIndexes();
    ManagedChannel channel = channels.get(0);
    StatusRuntimeException missing =
        assertThrows(
            StatusRuntimeException.class,
            () -> stub.stats(StatsRequest.newBuilder().setIndex("nothing").build()));
    assertEquals(Status.Code.NOT_FOUND, missing.getStatus().getCode());
    add(channel, collection("", 10));
    StatusRuntimeException unknown =
        assertThrows(
            StatusRuntimeException.class,
            () -> stub.get(GetRequest.newBuilder().setId("nope").build()));
    assertEquals(Status.Code.NOT_FOUND, unknown.getStatus().getCode());
    assertEquals("no document 'nope'", unknown.getStatus().getDescription());
    StatusRuntimeException duplicate =
        assertThrows(
            StatusRuntimeException.class,
            () ->
                add(
                    channel,
                    List.of(
                        AddRequest.newBuilder()
                            .addDocuments(doc("a", "x"))
                            .addDocuments(doc("a", "y"))
                            .build())));
    assertEquals(Status.Code.INVALID_ARGUMENT, duplicate.getStatus().getCode());
    assertEquals("documents[1].id", fieldOf(duplicate));
    assertTrue(duplicate.getStatus().getDescription().contains("duplicate id 'a'"));
    StatusRuntimeException tooLong =
        assertThrows(
            StatusRuntimeException.class,
            () ->
                add(
                    channel,
                    List.of(
                        AddRequest.newBuilder()
                            .addDocuments(doc("big", "x".repeat(100_001)))
                            .build())));
    assertEquals(Status.Code.INVALID_ARGUMENT, tooLong.getStatus().getCode());
    assertEquals("documents[0].text", fieldOf(tooLong));
    // Times and TTLs outside what a Timestamp or Duration may hold (found by StreamFuzzTest:
    // beyond Instant's range these were INTERNAL).
    for (IndexDocument odd :
        List.of(
            doc("t", "x").toBuilder()
                .setTime(Timestamp.newBuilder().setSeconds(Long.MAX_VALUE))
                .build(),
            doc("t", "x").toBuilder().setTime(Timestamp.newBuilder().setNanos(-1)).build(),
            doc("t", "x").toBuilder()
                .setTtl(com.google.protobuf.Duration.newBuilder().setSeconds(Long.MAX_VALUE))
                .build(),
            doc("t", "x").toBuilder()
                .setTtl(
                    com.google.protobuf.Duration.newBuilder()
                        .setSeconds(Long.MIN_VALUE)
                        .setNanos(-1))
                .build(),
            doc("t", "x").toBuilder()
                .setTtl(com.google.protobuf.Duration.newBuilder().setSeconds(5).setNanos(-1))
                .build())) {
      StatusRuntimeException bad =
          assertThrows(
              StatusRuntimeException.class,
              () -> add(channel, List.of(AddRequest.newBuilder().addDocuments(odd).build())));
      assertEquals(Status.Code.INVALID_ARGUMENT, bad.getStatus().getCode(), bad.toString());
      assertEquals(odd.hasTime() ? "documents[0].time" : "documents[0].ttl", fieldOf(bad));
    }
    StatusRuntimeException badName =
        assertThrows(
            StatusRuntimeException.class,
            () -> stub.stats(StatsRequest.newBuilder().setIndex("../etc").build()));
    assertEquals("index", fieldOf(badName));
    StatusRuntimeException noTarget =
        assertThrows(
            StatusRuntimeException.class,
            () ->
                stub.query(
                    QueryRequest.newBuilder()
                        .addQueries(IndexQuery.newBuilder().setId("q"))
                        .build()));
    assertEquals("queries[0]", fieldOf(noTarget));
    StatusRuntimeException badScore =
        assertThrows(
            StatusRuntimeException.class,
            () -> stub.query(QueryRequest.newBuilder().setMinScore(2).build()));
    assertEquals("min_score", fieldOf(badScore));
    // Nothing of a refused stream was written.
    assertEquals(10, stub.stats(StatsRequest.getDefaultInstance()).getDocuments());
  }

  @Test
  void withoutAnIndexDirectoryTheServiceSaysHowToEnableIt() throws Exception {
    IndexServiceGrpc.IndexServiceBlockingStub stub = inProcess(IndexRegistry.disabled());
    StatusRuntimeException e =
        assertThrows(
            StatusRuntimeException.class, () -> stub.stats(StatsRequest.getDefaultInstance()));
    assertEquals(Status.Code.FAILED_PRECONDITION, e.getStatus().getCode());
    assertTrue(e.getStatus().getDescription().contains("--index-dir DIR"));
    StatusRuntimeException stream =
        assertThrows(StatusRuntimeException.class, () -> add(channels.get(0), collection("x", 10)));
    assertEquals(Status.Code.FAILED_PRECONDITION, stream.getStatus().getCode());
  }

  @Test
  void anIndexHeldByAnotherOpenerIsAFailedPrecondition() throws Exception {
    try (var held =
        io.textsim.index.NearDuplicateIndex.open(dir.resolve("default"), IndexOptions.defaults())) {
      IndexServiceGrpc.IndexServiceBlockingStub stub = withIndexes();
      StatusRuntimeException e =
          assertThrows(
              StatusRuntimeException.class, () -> stub.stats(StatsRequest.getDefaultInstance()));
      assertEquals(Status.Code.FAILED_PRECONDITION, e.getStatus().getCode());
      assertTrue(e.getStatus().getDescription().contains("in use by another process"));
      assertEquals(0, held.stats().documents());
    }
  }

  @Test
  void overARealPortTheIndexSurvivesARestart() throws Exception {
    ServerConfig config = ServerConfig.builder().host("127.0.0.1").port(0).build();
    List<QueryResponse> answers = new ArrayList<>();
    for (int round = 0; round < 2; round++) {
      TextsimServer server = new TextsimServer(config, Optional.empty(), Optional.of(dir)).start();
      ManagedChannel channel =
          Grpc.newChannelBuilderForAddress(
                  "127.0.0.1", server.port(), InsecureChannelCredentials.create())
              .build();
      try {
        if (round == 0) {
          add(channel, collection("wire", 30));
        }
        IndexServiceGrpc.IndexServiceBlockingStub stub = IndexServiceGrpc.newBlockingStub(channel);
        assertEquals(
            30, stub.stats(StatsRequest.newBuilder().setIndex("wire").build()).getDocuments());
        answers.add(
            stub.query(
                QueryRequest.newBuilder()
                    .setIndex("wire")
                    .addQueries(IndexQuery.newBuilder().setText(article(4, 200) + " footer"))
                    .build()));
      } finally {
        channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
        server.stop(Duration.ofSeconds(5));
      }
    }
    assertEquals(answers.get(0), answers.get(1));
    assertEquals("d4", answers.get(0).getResults(0).getMatches(0).getId());
  }
}
