package io.textsim.benchmarks.load;

import com.google.rpc.RetryInfo;
import io.grpc.CallOptions;
import io.grpc.Context;
import io.grpc.ManagedChannel;
import io.grpc.Status;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import io.grpc.protobuf.StatusProto;
import io.grpc.stub.ClientCalls;
import io.grpc.stub.StreamObserver;
import io.textsim.benchmarks.CorpusGenerator;
import io.textsim.benchmarks.CorpusGenerator.Article;
import io.textsim.benchmarks.load.SoakVerdict.Sample;
import io.textsim.core.cluster.ClusterOptions;
import io.textsim.core.cluster.Clusterer;
import io.textsim.proto.v1.AddRequest;
import io.textsim.proto.v1.AddResponse;
import io.textsim.proto.v1.ClusterStreamRequest;
import io.textsim.proto.v1.ClusterStreamResponse;
import io.textsim.proto.v1.CompareManyRequest;
import io.textsim.proto.v1.CompareManyResponse;
import io.textsim.proto.v1.CompareRequest;
import io.textsim.proto.v1.CompareResponse;
import io.textsim.proto.v1.Document;
import io.textsim.proto.v1.DocumentBatch;
import io.textsim.proto.v1.IndexDocument;
import io.textsim.proto.v1.IndexQuery;
import io.textsim.proto.v1.IndexServiceGrpc;
import io.textsim.proto.v1.Measure;
import io.textsim.proto.v1.QueryRequest;
import io.textsim.proto.v1.QueryResponse;
import io.textsim.proto.v1.SimilarityServiceGrpc;
import io.textsim.proto.v1.VerdictOptions;
import java.io.IOException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Soak: a bounded mixed load on a real server process for a fixed time, every answer checked, the
 * server's heap after GC and thread count sampled each minute, then the verdict of {@link
 * SoakVerdict}. Not part of {@code verify}: it runs for minutes.
 *
 * <p>The server is {@code bin/textsim-server} started as a child process ({@link SoakServer}), on
 * 127.0.0.1, any free port, with {@code --index-dir} a temporary directory and a small heap. The
 * load is {@code --in-flight} client threads (8) that together start at most {@code --rate} calls a
 * second (20), each call one of: Compare of the seed pair (must equal the library's answer),
 * CompareMany (an edited copy's top match must be its original), ClusterStream of 40 articles (must
 * equal {@code Clusterer.cluster}), IndexService Add of 10 documents (all replace stored ones) and
 * Query (an edited copy's top match is its original), bad requests (must be INVALID_ARGUMENT),
 * cancelled calls (CANCELLED) and a Levenshtein Compare of two long texts with a 20 ms deadline
 * (DEADLINE_EXCEEDED, or OK equal to the answer without deadline). RESOURCE_EXHAUSTED with retry
 * info is a normal answer: that thread waits the given delay. Any other status, or a wrong answer,
 * is a failure.
 *
 * <p>Run: {@code java -cp benchmarks/target/benchmarks.jar io.textsim.benchmarks.load.Soak
 * [--minutes 10] [--rate 20] [--in-flight 8] [--heap 512m]}. Exit code 0 if every answer was
 * expected and the verdict is flat, 1 for a failed call or server error, 2 for bad flags, 3 for
 * "grows".
 */
public final class Soak {
  /** The kinds of call, in the order of the report's columns. */
  enum Kind {
    COMPARE("Compare", 4),
    COMPARE_MANY("CompareMany", 2),
    CLUSTER_STREAM("ClusterStream", 1),
    INDEX_ADD("index Add", 2),
    INDEX_QUERY("index Query", 3),
    BAD("bad request", 2),
    CANCEL("cancelled", 1),
    DEADLINE("20 ms deadline", 1);

    final String label;
    final int weight;

    Kind(String label, int weight) {
      this.label = label;
      this.weight = weight;
    }
  }

  /** A check that failed: an answer that is OK but wrong. */
  static final class WrongAnswer extends Exception {
    private static final long serialVersionUID = 1L;

    WrongAnswer(String message) {
      super(message);
    }
  }

  static final String INDEX = "soak";
  static final String WRONG = "WRONG";
  private static final long UNARY_DEADLINE_MS = 30_000;
  private static final long STREAM_DEADLINE_MS = 60_000;

  private final ManagedChannel channel;
  private final SimilarityServiceGrpc.SimilarityServiceBlockingStub blocking;
  private final SimilarityServiceGrpc.SimilarityServiceStub async;
  private final IndexServiceGrpc.IndexServiceBlockingStub indexBlocking;
  private final IndexServiceGrpc.IndexServiceStub indexAsync;
  private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();

  private final LoadGenerator.CompareWork compare = new LoadGenerator.CompareWork(false);
  private final List<Article> distinct; // one article per story
  private final List<List<Document>> clusterSets = new ArrayList<>();
  private final List<io.textsim.proto.v1.Clustering> clusterAnswers = new ArrayList<>();
  private final CompareRequest longCompare;
  private int longDistance = -1;

  Soak(ManagedChannel channel) {
    this.channel = channel;
    this.blocking = SimilarityServiceGrpc.newBlockingStub(channel);
    this.async = SimilarityServiceGrpc.newStub(channel);
    this.indexBlocking = IndexServiceGrpc.newBlockingStub(channel);
    this.indexAsync = IndexServiceGrpc.newStub(channel);
    List<Article> articles = CorpusGenerator.defaults().articles(700);
    this.distinct = articles.stream().filter(a -> a.copy() == 0).limit(300).toList();
    for (int s = 0; s < 3; s++) {
      List<io.textsim.core.cluster.Document> docs =
          articles.subList(400 + 40 * s, 440 + 40 * s).stream().map(Article::document).toList();
      clusterSets.add(docs.stream().map(Soak::proto).toList());
      clusterAnswers.add(
          LibraryAnswers.clustering(Clusterer.cluster(docs, ClusterOptions.defaults())));
    }
    StringBuilder a = new StringBuilder();
    StringBuilder b = new StringBuilder();
    for (int i = 0; a.length() < 60_000; i++) {
      a.append(distinct.get(i).text()).append('\n');
      b.append(distinct.get(i + 1).text()).append('\n');
    }
    this.longCompare =
        CompareRequest.newBuilder()
            .setA(Document.newBuilder().setId("long-a").setText(a.toString()))
            .setB(Document.newBuilder().setId("long-b").setText(b.toString()))
            .addMeasures(Measure.MEASURE_LEVENSHTEIN)
            .build();
  }

  private static Document proto(io.textsim.core.cluster.Document d) {
    return Document.newBuilder().setId(d.id()).setText(d.text()).build();
  }

  /** The stored text of index slot {@code i}, and a query that is an edited copy of it. */
  private String stored(int i) {
    return distinct.get(i).text();
  }

  private String edited(String text) {
    return "UPDATED 10:45 GMT. " + text + " Reporting by the wire desk.";
  }

  private String indexId(int i) {
    return "slot-" + i;
  }

  /** Adds every index slot once (the first add creates the index), checked. */
  void preseed() throws Exception {
    for (int start = 0; start < distinct.size(); start += 50) {
      AddResponse r = add(start, 50);
      if (r.getAdded() + r.getReplaced() != 50) {
        throw new WrongAnswer("preseed add of 50 answered " + r);
      }
    }
  }

  /** The set of statuses each kind may end with; OK answers are checked apart. */
  static Set<Status.Code> expected(Kind kind) {
    EnumSet<Status.Code> s = EnumSet.of(Status.Code.RESOURCE_EXHAUSTED);
    switch (kind) {
      case BAD -> s.add(Status.Code.INVALID_ARGUMENT);
      case CANCEL -> s.addAll(List.of(Status.Code.CANCELLED, Status.Code.OK));
      case DEADLINE -> s.addAll(List.of(Status.Code.DEADLINE_EXCEEDED, Status.Code.OK));
      default -> s.add(Status.Code.OK);
    }
    return s;
  }

  /** Runs one call of {@code kind}; returns normally only for OK, checked. */
  void call(Kind kind, SplittableRandom r) throws Exception {
    switch (kind) {
      case COMPARE -> {
        CompareResponse got = unary().compare(compare.request());
        if (!got.equals(compare.expected())) {
          throw new WrongAnswer("Compare of the seed pair differs from the library's answer");
        }
      }
      case COMPARE_MANY -> compareMany(r, false);
      case CLUSTER_STREAM -> {
        int s = r.nextInt(clusterSets.size());
        ClusterStreamResponse got = clusterStream(clusterSets.get(s), -1);
        if (!got.getClustering().equals(clusterAnswers.get(s))) {
          throw new WrongAnswer("ClusterStream of set " + s + " differs from Clusterer.cluster");
        }
      }
      case INDEX_ADD -> {
        int start = r.nextInt(distinct.size() - 10);
        AddResponse got = add(start, 10);
        if (got.getAdded() != 0 || got.getReplaced() != 10) {
          throw new WrongAnswer("Add of 10 stored slots from " + start + " answered " + got);
        }
      }
      case INDEX_QUERY -> {
        int i = r.nextInt(distinct.size());
        QueryResponse got =
            indexBlocking
                .withDeadlineAfter(UNARY_DEADLINE_MS, TimeUnit.MILLISECONDS)
                .query(
                    QueryRequest.newBuilder()
                        .setIndex(INDEX)
                        .setTopK(3)
                        .addQueries(IndexQuery.newBuilder().setId("q").setText(edited(stored(i))))
                        .build());
        if (got.getResultsCount() != 1
            || got.getResults(0).getMatchesCount() == 0
            || !got.getResults(0).getMatches(0).getId().equals(indexId(i))) {
          throw new WrongAnswer("Query of an edited copy of " + indexId(i) + " answered " + got);
        }
      }
      case BAD -> bad(r.nextInt(4));
      case CANCEL -> {
        if (r.nextBoolean()) {
          clusterStream(clusterSets.get(0), 20);
        } else {
          compareMany(r, true);
        }
      }
      case DEADLINE -> {
        CompareResponse got =
            blocking.withDeadlineAfter(20, TimeUnit.MILLISECONDS).compare(longCompare);
        if (got.getDistances().getLevenshtein() != longDistance) {
          throw new WrongAnswer(
              "long Compare distance "
                  + got.getDistances().getLevenshtein()
                  + ", without deadline "
                  + longDistance);
        }
      }
    }
  }

  /** The long Compare once without a short deadline: the answer a 20 ms call must match. */
  void preflightLong() {
    longDistance = unary().compare(longCompare).getDistances().getLevenshtein();
  }

  private SimilarityServiceGrpc.SimilarityServiceBlockingStub unary() {
    return blocking.withDeadlineAfter(UNARY_DEADLINE_MS, TimeUnit.MILLISECONDS);
  }

  private void compareMany(SplittableRandom r, boolean cancel) throws Exception {
    int first = r.nextInt(distinct.size() - 30);
    int target = r.nextInt(30);
    CompareManyRequest.Builder req =
        CompareManyRequest.newBuilder()
            .setQuery(
                Document.newBuilder()
                    .setId("query")
                    .setText(edited(distinct.get(first + target).text())))
            .setTopK(3);
    for (int i = 0; i < 30; i++) {
      Article a = distinct.get(first + i);
      req.addCandidates(Document.newBuilder().setId(a.id()).setText(a.text()));
    }
    CompareManyResponse got;
    if (cancel) {
      Context.CancellableContext ctx = Context.current().withCancellation();
      timer.schedule(() -> ctx.cancel(null), 2, TimeUnit.MILLISECONDS);
      try {
        got = ctx.call(() -> unary().compareMany(req.build()));
      } finally {
        ctx.cancel(null);
      }
    } else {
      got = unary().compareMany(req.build());
    }
    if (got.getMatchesCount() == 0 || got.getMatches(0).getIndex() != target) {
      throw new WrongAnswer("CompareMany top match is not candidate " + target + ": " + got);
    }
  }

  /**
   * Streams {@code docs} in batches of 10; with {@code cancelAfter >= 0}, cancels the call after
   * that many documents, and the call must then end CANCELLED.
   */
  private ClusterStreamResponse clusterStream(List<Document> docs, int cancelAfter)
      throws Exception {
    CompletableFuture<ClusterStreamResponse> done = new CompletableFuture<>();
    StreamObserver<ClusterStreamRequest> out =
        async
            .withDeadlineAfter(STREAM_DEADLINE_MS, TimeUnit.MILLISECONDS)
            .clusterStream(observer(done));
    for (int i = 0; i < docs.size(); i += 10) {
      if (cancelAfter >= 0 && i >= cancelAfter) {
        out.onError(Status.CANCELLED.withDescription("soak cancels").asRuntimeException());
        break;
      }
      out.onNext(
          ClusterStreamRequest.newBuilder()
              .setDocuments(DocumentBatch.newBuilder().addAllDocuments(docs.subList(i, i + 10)))
              .build());
    }
    if (cancelAfter < 0) {
      out.onCompleted();
    }
    ClusterStreamResponse got = await(done);
    if (cancelAfter >= 0) {
      throw new WrongAnswer("a cancelled ClusterStream answered OK");
    }
    return got;
  }

  private AddResponse add(int start, int n) throws Exception {
    CompletableFuture<AddResponse> done = new CompletableFuture<>();
    StreamObserver<AddRequest> out =
        indexAsync.withDeadlineAfter(STREAM_DEADLINE_MS, TimeUnit.MILLISECONDS).add(observer(done));
    AddRequest.Builder batch = AddRequest.newBuilder().setIndex(INDEX);
    for (int i = start; i < start + n; i++) {
      batch.addDocuments(IndexDocument.newBuilder().setId(indexId(i)).setText(stored(i)));
    }
    out.onNext(batch.build());
    out.onCompleted();
    return await(done);
  }

  /** One of four bad requests, each of which must be answered INVALID_ARGUMENT. */
  private void bad(int which) throws Exception {
    switch (which) {
      case 0 -> // a threshold outside [0, 1]
          unary()
              .compare(
                  compare.request().toBuilder()
                      .setVerdict(VerdictOptions.newBuilder().setThreshold(1.5))
                      .build());
      case 1 -> { // text a is not valid UTF-8: field 1 { field 2 = C3 28 }
        byte[] bytes = {0x0a, 0x04, 0x12, 0x02, (byte) 0xC3, 0x28};
        ClientCalls.blockingUnaryCall(
            channel,
            LoadGenerator.COMPARE_BYTES,
            CallOptions.DEFAULT.withDeadlineAfter(UNARY_DEADLINE_MS, TimeUnit.MILLISECONDS),
            bytes);
      }
      case 2 -> { // duplicate ids in a stream
        List<Document> docs = new ArrayList<>(clusterSets.get(1).subList(0, 10));
        docs.set(9, docs.get(9).toBuilder().setId(docs.get(0).getId()).build());
        clusterStream(docs, -1);
      }
      default -> // CompareMany top_k must be at least 1
          unary()
              .compareMany(
                  CompareManyRequest.newBuilder()
                      .setQuery(Document.newBuilder().setText("a b c"))
                      .addCandidates(Document.newBuilder().setId("x").setText("a b c"))
                      .setTopK(0)
                      .build());
    }
    throw new WrongAnswer("bad request " + which + " answered OK");
  }

  private static <T> StreamObserver<T> observer(CompletableFuture<T> done) {
    return new StreamObserver<>() {
      private T value;

      @Override
      public void onNext(T v) {
        value = v;
      }

      @Override
      public void onError(Throwable t) {
        done.completeExceptionally(t);
      }

      @Override
      public void onCompleted() {
        done.complete(value);
      }
    };
  }

  private static <T> T await(CompletableFuture<T> done) throws Exception {
    try {
      return done.get(STREAM_DEADLINE_MS + 10_000, TimeUnit.MILLISECONDS);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof Exception x) {
        throw x;
      }
      throw e;
    } catch (TimeoutException e) {
      throw new WrongAnswer("a stream call did not end within its deadline");
    }
  }

  /** The retry delay of a RESOURCE_EXHAUSTED answer, in ms; -1 if it carries no retry info. */
  static long retryDelayMillis(Throwable t) {
    com.google.rpc.Status s = StatusProto.fromThrowable(t);
    if (s == null) {
      return -1;
    }
    for (com.google.protobuf.Any any : s.getDetailsList()) {
      if (any.is(RetryInfo.class)) {
        try {
          com.google.protobuf.Duration d = any.unpack(RetryInfo.class).getRetryDelay();
          return d.getSeconds() * 1000 + d.getNanos() / 1_000_000;
        } catch (com.google.protobuf.InvalidProtocolBufferException e) {
          return -1;
        }
      }
    }
    return -1;
  }

  static ManagedChannel channel(int port) {
    return NettyChannelBuilder.forAddress("127.0.0.1", port)
        .usePlaintext()
        .maxInboundMessageSize(64 * 1024 * 1024)
        .build();
  }

  void close() throws InterruptedException {
    timer.shutdownNow();
    channel.shutdownNow();
    channel.awaitTermination(5, TimeUnit.SECONDS);
  }

  /** Counts by minute, kind and status; and the first failures in words. */
  static final class Tally {
    final Map<String, AtomicLong> counts = new ConcurrentHashMap<>();
    final List<String> failures = java.util.Collections.synchronizedList(new ArrayList<>());
    final AtomicLong failed = new AtomicLong();

    void add(int minute, Kind kind, String status) {
      counts
          .computeIfAbsent(minute + "/" + kind + "/" + status, k -> new AtomicLong())
          .incrementAndGet();
    }

    void fail(int minute, Kind kind, String what) {
      failed.incrementAndGet();
      if (failures.size() < 30) {
        failures.add("minute " + minute + ", " + kind.label + ": " + what);
      }
    }

    /** A cell: "OK 120, RE 3" for the minute's calls of {@code kind}. */
    String cell(int minute, Kind kind) {
      StringBuilder b = new StringBuilder();
      for (String status : STATUSES) {
        AtomicLong n = counts.get(minute + "/" + kind + "/" + status);
        if (n != null) {
          b.append(b.length() == 0 ? "" : ", ").append(abbrev(status)).append(' ').append(n);
        }
      }
      return b.length() == 0 ? "0" : b.toString();
    }

    long total(int minute) {
      long t = 0;
      for (Map.Entry<String, AtomicLong> e : counts.entrySet()) {
        if (e.getKey().startsWith(minute + "/")) {
          t += e.getValue().get();
        }
      }
      return t;
    }

    private static final List<String> STATUSES =
        List.of(
            "OK",
            "INVALID_ARGUMENT",
            "CANCELLED",
            "DEADLINE_EXCEEDED",
            "RESOURCE_EXHAUSTED",
            "INTERNAL",
            "UNKNOWN",
            "UNAVAILABLE",
            WRONG,
            "OTHER");

    private static String abbrev(String status) {
      return switch (status) {
        case "INVALID_ARGUMENT" -> "IA";
        case "CANCELLED" -> "CA";
        case "DEADLINE_EXCEEDED" -> "DE";
        case "RESOURCE_EXHAUSTED" -> "RE";
        default -> status;
      };
    }
  }

  /** Status name for the tally: the known ones, else OTHER. */
  static String statusName(Throwable t) {
    Status.Code c = Status.fromThrowable(t).getCode();
    return Tally.STATUSES.contains(c.name()) ? c.name() : "OTHER";
  }

  static String markdown(Tally tally, List<Sample> samples, int minutes) {
    StringBuilder b = new StringBuilder("| minute | calls |");
    for (Kind k : Kind.values()) {
      b.append(' ').append(k.label).append(" |");
    }
    b.append(" failures | heap after GC (MiB) | threads |\n|---|---|");
    b.append("---|".repeat(Kind.values().length)).append("---|---|---|\n");
    for (int m = 1; m <= minutes; m++) {
      b.append("| ").append(m).append(" | ").append(tally.total(m)).append(" |");
      for (Kind k : Kind.values()) {
        b.append(' ').append(tally.cell(m, k)).append(" |");
      }
      long failed = 0;
      for (Kind k : Kind.values()) {
        for (String s : List.of("INTERNAL", "UNKNOWN", "UNAVAILABLE", WRONG, "OTHER")) {
          AtomicLong n = tally.counts.get(m + "/" + k + "/" + s);
          failed += n == null ? 0 : n.get();
        }
      }
      b.append(' ').append(failed).append(" |");
      int minute = m;
      Sample s = samples.stream().filter(x -> x.minute() == minute).findFirst().orElse(null);
      if (s == null) {
        b.append(" - | - |\n");
      } else {
        b.append(
            String.format(
                Locale.ROOT, " %.1f | %d |%n", s.heapAfterGcBytes() / 1048576.0, s.threads()));
      }
    }
    return b.toString();
  }

  /** See the class comment. */
  public static void main(String[] args) throws IOException, InterruptedException {
    System.exit(SoakRun.run(args, System.out));
  }
}
