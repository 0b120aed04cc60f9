package io.textsim.server;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import com.google.protobuf.ByteString;
import com.google.protobuf.Duration;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Timestamp;
import io.grpc.CallOptions;
import io.grpc.ManagedChannel;
import io.grpc.MethodDescriptor;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.inprocess.InProcessChannelBuilder;
import io.grpc.inprocess.InProcessServerBuilder;
import io.grpc.stub.ClientCalls;
import io.grpc.stub.StreamObserver;
import io.textsim.index.IndexOptions;
import io.textsim.proto.v1.AddRequest;
import io.textsim.proto.v1.ClusterOptions;
import io.textsim.proto.v1.ClusterStreamRequest;
import io.textsim.proto.v1.Document;
import io.textsim.proto.v1.DocumentBatch;
import io.textsim.proto.v1.IndexDocument;
import io.textsim.proto.v1.IndexQuery;
import io.textsim.proto.v1.IndexServiceGrpc;
import io.textsim.proto.v1.ProfileOptions;
import io.textsim.proto.v1.QueryRequest;
import io.textsim.proto.v1.SimilarityServiceGrpc;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * Fuzzes the stream calls through a real server (in-process transport, small limits): {@code
 * SimilarityService.ClusterStream} with options and documents in any order, number and size, and
 * {@code IndexService.Add} (a stream of batches) followed by {@code IndexService.Query}. The fuzz
 * input is read as a script of messages: each is built from the input (options with any values,
 * documents and batches of documents drawn from a small vocabulary so that some are alike, or
 * arbitrary characters, of any length up to past the limits), or is raw bytes that are mostly not
 * protobuf. Every answer is OK or a status a client can act on (INVALID_ARGUMENT,
 * RESOURCE_EXHAUSTED; NOT_FOUND for an index or stored id that does not exist), never INTERNAL or
 * UNKNOWN, and no description carries a stack trace. In a plain {@code mvn test} this runs the
 * inputs under {@code StreamFuzzTestInputs/}; with {@code JAZZER_FUZZ=1} it fuzzes.
 */
class StreamFuzzTest {
  private static final Set<Status.Code> STREAM_ANSWERS =
      Set.of(Status.Code.OK, Status.Code.INVALID_ARGUMENT, Status.Code.RESOURCE_EXHAUSTED);

  private static final Set<Status.Code> INDEX_ANSWERS =
      Set.of(
          Status.Code.OK,
          Status.Code.INVALID_ARGUMENT,
          Status.Code.RESOURCE_EXHAUSTED,
          Status.Code.NOT_FOUND);

  /** The server's limits: small, so that the fuzzer reaches past them. */
  private static final int MAX_TEXT_CHARS = 4_000;

  private static final int MAX_DOCUMENTS = 40;
  private static final long MAX_STREAM_CHARS = 30_000;

  /** Words some documents share, so that clusters and index matches form. */
  private static final List<String> WORDS =
      List.of(
          "river",
          "meadow",
          "valley",
          "farmer",
          "harvest",
          "city",
          "tower",
          "market",
          "the",
          "and",
          "minister",
          "talks",
          "agreement",
          "report",
          "Tehran",
          "Baku",
          "café",
          "東京",
          "😀",
          "x");

  /** Index names: valid ones the script comes back to, and ones the service must refuse. */
  private static final List<String> INDEX_NAMES =
      List.of("", "default", "news", "a.b_c-1", ".hidden", "bad/name", "n".repeat(65), "sp ace");

  private static final List<String> IDS = List.of("a", "b", "c", "d", "", "id with space");

  private static Path indexDir;
  private static TextsimServer server;
  private static ManagedChannel channel;

  @BeforeAll
  static void start() throws IOException {
    indexDir = Files.createTempDirectory("textsim-stream-fuzz");
    String name = InProcessServerBuilder.generateName();
    ServerConfig config =
        ServerConfig.builder()
            .threads(2)
            .maxTextChars(MAX_TEXT_CHARS)
            .maxDocuments(MAX_DOCUMENTS)
            .maxStreamChars(MAX_STREAM_CHARS)
            .build();
    IndexRegistry indexes =
        IndexRegistry.under(indexDir, IndexOptions.defaults().withMaxTextLength(MAX_TEXT_CHARS));
    server = new TextsimServer(config, InProcessServerBuilder.forName(name), indexes).start();
    channel = InProcessChannelBuilder.forName(name).build();
  }

  @AfterAll
  static void stop() throws Exception {
    channel.shutdownNow().awaitTermination(10, TimeUnit.SECONDS);
    server.stop(java.time.Duration.ofSeconds(10));
    try (Stream<Path> files = Files.walk(indexDir)) {
      for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }

  // ----------------------------------------------------------------------------- targets

  @FuzzTest(maxDuration = "60s")
  void clusterStreamAnswersEveryOrderOfOptionsAndDocuments(FuzzedDataProvider data) {
    sent.clear();
    List<byte[]> messages = new ArrayList<>();
    int count = data.consumeInt(0, 12);
    for (int m = 0; m < count && data.remainingBytes() > 0; m++) {
      switch (data.consumeInt(0, 5)) {
        case 0 ->
            messages.add(
                ClusterStreamRequest.newBuilder().setOptions(options(data)).build().toByteArray());
        case 1, 2 ->
            messages.add(
                ClusterStreamRequest.newBuilder()
                    .setDocument(document(data))
                    .build()
                    .toByteArray());
        case 3 -> {
          DocumentBatch.Builder batch = DocumentBatch.newBuilder();
          int n = data.consumeInt(0, 12);
          for (int d = 0; d < n; d++) {
            batch.addDocuments(document(data));
          }
          messages.add(ClusterStreamRequest.newBuilder().setDocuments(batch).build().toByteArray());
        }
        case 4 -> messages.add(new byte[0]); // a message with nothing set
        default -> messages.add(data.consumeBytes(data.consumeInt(0, 256)));
      }
    }
    Status status =
        stream(SimilarityServiceGrpc.getClusterStreamMethod().getFullMethodName(), messages);
    assertClean(STREAM_ANSWERS, "ClusterStream", status);
  }

  @FuzzTest(maxDuration = "60s")
  void indexAddAndQueryAnswerEveryRequest(FuzzedDataProvider data) {
    sent.clear();
    List<byte[]> batches = new ArrayList<>();
    int count = data.consumeInt(0, 6);
    for (int m = 0; m < count && data.remainingBytes() > 0; m++) {
      if (data.consumeInt(0, 5) == 0) {
        batches.add(data.consumeBytes(data.consumeInt(0, 256)));
        continue;
      }
      AddRequest.Builder add = AddRequest.newBuilder().setIndex(indexName(data));
      int n = data.consumeInt(0, 6);
      for (int d = 0; d < n; d++) {
        add.addDocuments(indexDocument(data));
      }
      batches.add(add.build().toByteArray());
    }
    if (!batches.isEmpty()) {
      Status added = stream(IndexServiceGrpc.getAddMethod().getFullMethodName(), batches);
      assertClean(INDEX_ANSWERS, "Add", added);
    }
    byte[] query = data.consumeBoolean() ? queryRequest(data) : data.consumeRemainingAsBytes();
    Status queried = unary(IndexServiceGrpc.getQueryMethod().getFullMethodName(), query);
    assertClean(INDEX_ANSWERS, "Query", queried);
  }

  /** A frame of a Java stack trace, or the name of a Java exception class. */
  private static final Pattern STACK_TRACE =
      Pattern.compile(
          "\\tat [\\w$.]+\\(|\\b(java|javax|io\\.grpc|com\\.google|io\\.textsim|org)\\.[\\w.$]*(Exception|Error)\\b");

  /** The strings the current script put into its messages: a description may quote them. */
  private static final List<String> sent = new ArrayList<>();

  private static void assertClean(Set<Status.Code> allowed, String method, Status status) {
    assertTrue(allowed.contains(status.getCode()), () -> method + " answered " + status);
    String description = String.valueOf(status.getDescription());
    for (String s : sent) {
      if (!s.isEmpty()) {
        description = description.replace(s, "");
      }
    }
    String rest = description;
    assertFalse(STACK_TRACE.matcher(rest).find(), () -> method + ": " + status);
  }

  private static String sent(String s) {
    sent.add(s);
    return s;
  }

  // ------------------------------------------------------------------------ messages

  private static ClusterOptions options(FuzzedDataProvider data) {
    ClusterOptions.Builder options = ClusterOptions.newBuilder();
    if (data.consumeBoolean()) {
      // Any double: NaN, infinities and values outside [0, 1] included.
      options.setThreshold(
          data.consumeBoolean() ? data.consumeProbabilityDouble() : data.consumeDouble());
    }
    options.setMeasureValue(data.consumeInt(-1, 8));
    options.setLinkageValue(data.consumeInt(-1, 5));
    options.setCandidatesValue(data.consumeInt(-1, 5));
    if (data.consumeBoolean()) {
      try {
        options.setProfile(ProfileOptions.parseFrom(data.consumeBytes(data.consumeInt(0, 32))));
      } catch (InvalidProtocolBufferException e) {
        // not a ProfileOptions: the defaults
      }
    }
    return options.build();
  }

  private static Document document(FuzzedDataProvider data) {
    Document.Builder doc =
        Document.newBuilder().setId(id(data)).setSource(sent(data.consumeAsciiString(4)));
    if (data.consumeInt(0, 7) == 0) {
      doc.setHtml(ByteString.copyFrom(data.consumeBytes(data.consumeInt(0, 512))));
      if (data.consumeBoolean()) {
        doc.setText("and text too"); // both: INVALID_ARGUMENT
      }
    } else {
      doc.setText(text(data));
    }
    return doc.build();
  }

  private static IndexDocument indexDocument(FuzzedDataProvider data) {
    IndexDocument.Builder doc =
        IndexDocument.newBuilder()
            .setId(data.consumeInt(0, 9) == 0 ? "i".repeat(1025) : id(data))
            .setText(text(data))
            .setSource(sent(data.consumeAsciiString(4)));
    if (data.consumeBoolean()) {
      doc.setTime(
          Timestamp.newBuilder()
              .setSeconds(data.consumeLong())
              .setNanos(data.consumeInt(-1, 1_000_000_000)));
    }
    if (data.consumeBoolean()) {
      doc.setTtl(
          Duration.newBuilder()
              .setSeconds(data.consumeLong())
              .setNanos(data.consumeInt(-1_000_000_000, 1_000_000_000)));
    }
    return doc.build();
  }

  private static byte[] queryRequest(FuzzedDataProvider data) {
    QueryRequest.Builder query =
        QueryRequest.newBuilder()
            .setIndex(indexName(data))
            .setTopK(data.consumeInt(-2, 120))
            .setMinScore(
                data.consumeBoolean() ? data.consumeProbabilityDouble() : data.consumeDouble());
    int n = data.consumeInt(0, 5);
    for (int q = 0; q < n; q++) {
      IndexQuery.Builder one =
          IndexQuery.newBuilder().setId(id(data)).setSource(sent(data.consumeAsciiString(4)));
      switch (data.consumeInt(0, 3)) {
        case 0 -> one.setText(text(data));
        case 1 -> one.setStoredId(id(data));
        default -> {
          // neither a text nor a stored id
        }
      }
      query.addQueries(one);
    }
    return query.build().toByteArray();
  }

  private static String indexName(FuzzedDataProvider data) {
    return data.consumeInt(0, 9) == 0 ? data.consumeAsciiString(8) : data.pickValue(INDEX_NAMES);
  }

  private static String id(FuzzedDataProvider data) {
    return sent(data.consumeBoolean() ? data.pickValue(IDS) : data.consumeString(12));
  }

  /**
   * A text: words of the vocabulary (alike across documents), arbitrary characters, or one
   * character repeated up to past the text limit.
   */
  private static String text(FuzzedDataProvider data) {
    switch (data.consumeInt(0, 3)) {
      case 0, 1 -> {
        int words = data.consumeInt(0, 400);
        StringBuilder out = new StringBuilder();
        for (int w = 0; w < words; w++) {
          out.append(w == 0 ? "" : " ").append(data.pickValue(WORDS));
        }
        return out.toString();
      }
      case 2 -> {
        return sent(data.consumeString(300));
      }
      default -> {
        return "z".repeat(data.consumeInt(0, MAX_TEXT_CHARS + 100));
      }
    }
  }

  // --------------------------------------------------------------------------- calls

  /** Sends {@code messages} as they are on the client-streaming method, half-closes, waits. */
  private static Status stream(String fullMethodName, List<byte[]> messages) {
    MethodDescriptor<byte[], byte[]> method =
        MethodDescriptor.<byte[], byte[]>newBuilder()
            .setType(MethodDescriptor.MethodType.CLIENT_STREAMING)
            .setFullMethodName(fullMethodName)
            .setRequestMarshaller(Fixtures.BYTES)
            .setResponseMarshaller(Fixtures.BYTES)
            .build();
    CompletableFuture<Status> ended = new CompletableFuture<>();
    StreamObserver<byte[]> requests =
        ClientCalls.asyncClientStreamingCall(
            channel.newCall(method, CallOptions.DEFAULT.withDeadlineAfter(60, TimeUnit.SECONDS)),
            new StreamObserver<>() {
              @Override
              public void onNext(byte[] value) {}

              @Override
              public void onError(Throwable t) {
                ended.complete(Status.fromThrowable(t));
              }

              @Override
              public void onCompleted() {
                ended.complete(Status.OK);
              }
            });
    for (byte[] m : messages) {
      requests.onNext(m);
    }
    requests.onCompleted();
    try {
      return ended.get(120, TimeUnit.SECONDS);
    } catch (ExecutionException | java.util.concurrent.TimeoutException e) {
      throw new AssertionError("no answer from " + fullMethodName, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted", e);
    }
  }

  private static Status unary(String fullMethodName, byte[] request) {
    try {
      Fixtures.callRaw(channel, fullMethodName, request);
      return Status.OK;
    } catch (StatusRuntimeException e) {
      return e.getStatus();
    }
  }
}
