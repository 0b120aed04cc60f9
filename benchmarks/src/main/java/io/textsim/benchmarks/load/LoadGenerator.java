package io.textsim.benchmarks.load;

import io.grpc.CallOptions;
import io.grpc.Channel;
import io.grpc.Drainable;
import io.grpc.KnownLength;
import io.grpc.ManagedChannel;
import io.grpc.MethodDescriptor;
import io.grpc.Status;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import io.grpc.netty.shaded.io.netty.channel.EventLoopGroup;
import io.grpc.netty.shaded.io.netty.channel.epoll.Epoll;
import io.grpc.netty.shaded.io.netty.channel.epoll.EpollEventLoopGroup;
import io.grpc.netty.shaded.io.netty.channel.epoll.EpollSocketChannel;
import io.grpc.netty.shaded.io.netty.channel.nio.NioEventLoopGroup;
import io.grpc.netty.shaded.io.netty.channel.socket.nio.NioSocketChannel;
import io.grpc.stub.ClientCalls;
import io.grpc.stub.StreamObserver;
import io.textsim.benchmarks.BenchmarkTexts;
import io.textsim.benchmarks.CorpusGenerator;
import io.textsim.benchmarks.CorpusGenerator.Article;
import io.textsim.benchmarks.load.ClosedLoop.Sample;
import io.textsim.benchmarks.load.LoadResult.Path;
import io.textsim.core.TextProfile;
import io.textsim.core.TextProfiler;
import io.textsim.core.cluster.ClusterOptions;
import io.textsim.core.cluster.Clusterer;
import io.textsim.core.cluster.Clustering;
import io.textsim.core.cluster.Document;
import io.textsim.core.explain.Explainer;
import io.textsim.core.explain.Explanation;
import io.textsim.core.measure.Comparison;
import io.textsim.core.measure.Measure;
import io.textsim.core.measure.Similarity;
import io.textsim.core.measure.Verdict;
import io.textsim.proto.v1.ClusterRequest;
import io.textsim.proto.v1.CompareRequest;
import io.textsim.proto.v1.CompareResponse;
import io.textsim.proto.v1.SimilarityServiceGrpc;
import io.textsim.proto.v1.SimilarityServiceGrpc.SimilarityServiceFutureStub;
import io.textsim.server.ServerConfig;
import io.textsim.server.TextsimServer;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Load generator: the same work over gRPC and through the library, in one process and one run.
 *
 * <p>Starts a {@link TextsimServer} in this process on 127.0.0.1, any free port, plaintext, with
 * the default configuration except the queue (raised to the highest concurrency level if that is
 * above the default {@value ServerConfig#DEFAULT_QUEUE_SIZE}, so that a closed loop of that many
 * calls never meets RESOURCE_EXHAUSTED), or loads the server given by {@code --target}. Then it
 * does the same work through the library and over gRPC:
 *
 * <ul>
 *   <li><b>Compare of the seed pair</b> ({@code examples/articles}): the library path profiles both
 *       texts with {@link TextProfiler#defaults()}, compares them on the measures the server
 *       computes for a request naming none ({@link Measure#defaults()}, which include the verdict's
 *       Jaccard), takes the verdict and, only with {@code --explain}, the passages, on a fixed pool
 *       of as many threads as the level; the gRPC path keeps as many async {@code Compare} calls in
 *       flight (a semaphore) on one channel. Levels are 1, 16 and 64 calls in flight by default.
 *       Each level warms up each path (10 s by default), then measures each path for a fixed time
 *       (20 s) cut into windows (4), the paths alternating library, gRPC, gRPC, library, ... so
 *       that a change in the load of a shared machine falls on both alike.
 *   <li><b>Cluster of 1,000 articles</b> of {@link CorpusGenerator#defaults()}, default options,
 *       one call at a time, alternating between the paths: one warm-up and five measured calls per
 *       path.
 * </ul>
 *
 * <p>Every answer is checked against the library's, computed once before the run: a gRPC response
 * must equal the library's result written as a response ({@link LibraryAnswers}), and each library
 * call must equal the first one. Failed calls are counted by status code (RESOURCE_EXHAUSTED among
 * them) and kept out of the latencies; wrong answers are counted as mismatches.
 *
 * <p>The client channel runs its callbacks on its own event-loop thread ({@code directExecutor}):
 * the callback only records a latency and compares two small messages. The server's per-call log
 * line is switched off for the run (it would print thousands of lines a second); {@code --call-log}
 * keeps it.
 *
 * <p>Run:
 *
 * <pre>
 * ./mvnw -B -q -pl benchmarks -am package -DskipTests
 * java -cp benchmarks/target/benchmarks.jar io.textsim.benchmarks.load.LoadGenerator
 * </pre>
 *
 * <p>The run stops by itself: every level is bounded in time, every call has a deadline, and
 * Cluster makes a fixed number of calls. Prints progress, then a Markdown table of throughput
 * (calls/s), p50, p99 and max latency per workload, path and level, with gRPC throughput as a
 * fraction of the library's. Exit code 0, or 1 if any call failed or any answer differed, 2 for bad
 * usage.
 */
public final class LoadGenerator {
  /** The Compare workload's name in the report. */
  public static final String COMPARE = "Compare seed pair";

  /** The deadline of each Compare call. */
  static final Duration COMPARE_DEADLINE = Duration.ofSeconds(30);

  /** The deadline of each Cluster call. */
  static final Duration CLUSTER_DEADLINE = Duration.ofMinutes(5);

  /** The unmeasured start of every window after a level's first (at most a quarter of it). */
  static final Duration SETTLE = Duration.ofMillis(250);

  /**
   * The server's per-call log (see the server's {@code CallLog}); held here so that the level set
   * on it is not lost when java.util.logging drops an unreferenced logger.
   */
  private static final Logger CALL_LOG = Logger.getLogger("io.textsim.server.calls");

  private final LoadSettings settings;
  private final PrintStream log;

  /** A generator for {@code settings} that prints progress to {@code log}. */
  public LoadGenerator(LoadSettings settings, PrintStream log) {
    this.settings = Objects.requireNonNull(settings, "settings");
    this.log = Objects.requireNonNull(log, "log");
  }

  /** The Cluster workload's name in the report. */
  public static String clusterWorkload(int documents) {
    return String.format(Locale.ROOT, "Cluster %,d articles", documents);
  }

  /**
   * Runs the whole measurement and returns its report.
   *
   * @throws IOException if the in-process server cannot start
   * @throws InterruptedException if interrupted while measuring
   */
  public LoadReport run() throws IOException, InterruptedException {
    List<String> setup = new ArrayList<>();
    Instant started = Instant.now();
    setup.add(machine());
    setup.add("load average (1 min) at start: " + Machine.format(Machine.loadAverage()));

    CompareWork compare = new CompareWork(settings.explain());
    setup.add(compare.describe());
    ClusterWork cluster =
        settings.clusterDocuments() > 0 ? new ClusterWork(settings.clusterDocuments()) : null;
    if (cluster != null) {
      setup.add(cluster.describe());
    }

    TextsimServer server = null;
    Level callLogLevel = CALL_LOG.getLevel();
    String host;
    int port;
    if (settings.target().isPresent()) {
      String target = settings.target().get();
      int colon = target.lastIndexOf(':');
      host = target.substring(0, colon);
      if (host.startsWith("[") && host.endsWith("]")) {
        host = host.substring(1, host.length() - 1); // [::1]:50051
      }
      port = Integer.parseInt(target.substring(colon + 1));
      setup.add(
          "server: "
              + target
              + " (started elsewhere), plaintext; the CPU columns count this JVM only: the"
              + " client and the library path");
    } else {
      ServerConfig.Builder config =
          ServerConfig.builder()
              .host("127.0.0.1")
              .port(0)
              .threads(settings.serverThreads())
              .queueSize(settings.serverQueue());
      int needed = cluster == null ? 0 : cluster.request.getSerializedSize() + 64 * 1024;
      if (needed > ServerConfig.DEFAULT_MAX_MESSAGE_BYTES) {
        config.maxMessageBytes(needed);
      }
      if (!settings.callLog()) {
        CALL_LOG.setLevel(Level.WARNING);
      }
      ServerConfig c = config.build();
      try {
        server = new TextsimServer(c).start();
      } catch (IOException | RuntimeException e) {
        CALL_LOG.setLevel(callLogLevel);
        throw e;
      }
      host = c.host();
      port = server.port();
      setup.add(
          String.format(
              Locale.ROOT,
              "server: TextsimServer in this process on %s:%d, plaintext, %d worker threads, queue"
                  + " %d (default %d), max message %,d bytes, per-call log %s",
              host,
              port,
              c.threads(),
              c.queueSize(),
              ServerConfig.DEFAULT_QUEUE_SIZE,
              c.maxMessageBytes(),
              settings.callLog() ? "on" : "off"));
    }

    ClientTransport transport = ClientTransport.create();
    ManagedChannel channel =
        NettyChannelBuilder.forAddress(host, port)
            .eventLoopGroup(transport.group())
            .channelType(transport.channelType())
            .usePlaintext()
            .directExecutor()
            .maxInboundMessageSize(Integer.MAX_VALUE)
            .build();
    setup.add(
        "client: one channel on its own "
            + transport.name()
            + " event loop (1 thread); each Compare call, sent as bytes serialized once, starts the"
            + " next on that thread when it ends");
    List<LoadResult> results = new ArrayList<>();
    try {
      SimilarityServiceFutureStub future = SimilarityServiceGrpc.newFutureStub(channel);
      compare.preflight(future, log);
      for (int level : settings.levels()) {
        results.addAll(compareLevel(compare, channel, level));
      }
      if (cluster != null) {
        results.addAll(clusterRuns(cluster, future));
      }
    } finally {
      channel.shutdownNow();
      channel.awaitTermination(5, TimeUnit.SECONDS);
      transport.group().shutdownGracefully(0, 5, TimeUnit.SECONDS);
      if (server != null) {
        server.stop(Duration.ofSeconds(5));
      }
      CALL_LOG.setLevel(callLogLevel);
    }
    setup.add("load average (1 min) at end: " + Machine.format(Machine.loadAverage()));
    setup.add(
        String.format(
            Locale.ROOT,
            "run: %s, %d s in all",
            started,
            Duration.between(started, Instant.now()).toSeconds()));
    return new LoadReport(setup, results);
  }

  /**
   * One Compare level: a warm-up per path, then {@code rounds} measured windows per path, the paths
   * alternating (library, gRPC, gRPC, library, ...) so that a change in the machine's load during
   * the level falls on both alike.
   */
  private List<LoadResult> compareLevel(CompareWork compare, Channel channel, int level)
      throws InterruptedException {
    int rounds = settings.rounds();
    Duration slice = settings.measure().dividedBy(rounds);
    Duration settle = slice.dividedBy(4).compareTo(SETTLE) < 0 ? slice.dividedBy(4) : SETTLE;
    List<Sample> library = new ArrayList<>();
    List<Sample> grpc = new ArrayList<>();
    StringBuilder windows = new StringBuilder();
    for (int round = 0; round < rounds; round++) {
      Duration warmup = round == 0 ? settings.warmup() : settle;
      boolean libraryFirst = round % 2 == 0;
      for (int k = 0; k < 2; k++) {
        Sample s;
        if ((k == 0) == libraryFirst) {
          s = compare.library(level, warmup, slice);
          library.add(s);
          windows.append(" L ");
        } else {
          s = compare.grpc(channel, level, warmup, slice);
          grpc.add(s);
          windows.append(" G ");
        }
        windows.append(
            String.format(Locale.ROOT, "%.0f", s.micros().getTotalCount() / s.seconds()));
      }
    }
    log.printf(Locale.ROOT, "Compare, %d in flight, calls/s per window:%s%n", level, windows);
    return List.of(
        report(Sample.merge(library).result(COMPARE, Path.LIBRARY, level)),
        report(Sample.merge(grpc).result(COMPARE, Path.GRPC, level)));
  }

  /** The Cluster calls, one at a time, alternating between the paths. */
  private List<LoadResult> clusterRuns(ClusterWork cluster, SimilarityServiceFutureStub stub) {
    List<Sample> library = new ArrayList<>();
    List<Sample> grpc = new ArrayList<>();
    int calls = settings.clusterWarmups() + settings.clusterRuns();
    for (int i = 0; i < calls; i++) {
      boolean measured = i >= settings.clusterWarmups();
      boolean libraryFirst = i % 2 == 0;
      for (int k = 0; k < 2; k++) {
        if ((k == 0) == libraryFirst) {
          library.add(cluster.library(measured));
        } else {
          grpc.add(cluster.grpc(stub, measured));
        }
      }
    }
    return List.of(
        report(Sample.merge(library).result(cluster.workload, Path.LIBRARY, 1)),
        report(Sample.merge(grpc).result(cluster.workload, Path.GRPC, 1)));
  }

  private LoadResult report(LoadResult r) {
    log.printf(
        Locale.ROOT,
        "%-22s %-7s %3d in flight: %,9.1f calls/s  p50 %,8.2f ms  p99 %,8.2f ms  max %,8.2f ms"
            + "  CPU/call %,.0f us  cores %s / %s  errors %s  mismatches %d  load %s%n",
        r.workload(),
        r.path().label(),
        r.concurrency(),
        r.throughput(),
        r.p50Micros() / 1000.0,
        r.p99Micros() / 1000.0,
        r.maxMicros() / 1000.0,
        r.cpuMicrosPerCall(),
        Machine.format(r.processCores()),
        Machine.format(r.machineCores()),
        r.errors(),
        r.mismatches(),
        Machine.format(r.loadAverage()));
    log.flush();
    return r;
  }

  private static String machine() {
    return String.format(
        Locale.ROOT,
        "machine: %d cores (availableProcessors), %s %s, Java %s (%s), max heap %,d MiB",
        Runtime.getRuntime().availableProcessors(),
        System.getProperty("os.name"),
        System.getProperty("os.arch"),
        System.getProperty("java.runtime.version"),
        System.getProperty("java.vm.name"),
        Runtime.getRuntime().maxMemory() / (1024 * 1024));
  }

  /**
   * Compare with the request already serialized: every call sends the same request, and encoding
   * its two texts as UTF-8 again for each call would take CPU from the server it is measuring. The
   * server sees exactly the bytes the generated stub would send.
   */
  static final MethodDescriptor<byte[], CompareResponse> COMPARE_BYTES =
      SimilarityServiceGrpc.getCompareMethod().toBuilder(
              new MethodDescriptor.Marshaller<byte[]>() {
                @Override
                public InputStream stream(byte[] value) {
                  return new SerializedMessage(value);
                }

                @Override
                public byte[] parse(InputStream stream) {
                  throw new UnsupportedOperationException("the client never receives a request");
                }
              },
              SimilarityServiceGrpc.getCompareMethod().getResponseMarshaller())
          .build();

  /** A serialized message that gRPC can frame without copying it into a buffer first. */
  private static final class SerializedMessage extends ByteArrayInputStream
      implements KnownLength, Drainable {
    SerializedMessage(byte[] bytes) {
      super(bytes);
    }

    @Override
    public int drainTo(OutputStream target) throws IOException {
      int length = count - pos;
      target.write(buf, pos, length);
      pos = count;
      return length;
    }
  }

  /** The client's own event loop: epoll where Netty's native transport loads, else NIO. */
  private record ClientTransport(
      String name,
      EventLoopGroup group,
      Class<? extends io.grpc.netty.shaded.io.netty.channel.Channel> channelType) {
    static ClientTransport create() {
      ThreadFactory threads =
          r -> {
            Thread t = new Thread(r, ClosedLoop.CLIENT_THREADS + "event-loop");
            t.setDaemon(true);
            return t;
          };
      if (Epoll.isAvailable()) {
        return new ClientTransport(
            "epoll", new EpollEventLoopGroup(1, threads), EpollSocketChannel.class);
      }
      return new ClientTransport("NIO", new NioEventLoopGroup(1, threads), NioSocketChannel.class);
    }
  }

  /** Compare of the seed pair, on both paths. */
  static final class CompareWork {
    /** What the server computes when a request names no measure (the verdict's is among them). */
    private static final Set<Measure> MEASURES = measures();

    private final String a = BenchmarkTexts.tehranTimes();
    private final String b = BenchmarkTexts.mehrNews();
    private final boolean explain;
    private final CompareRequest request;
    private final byte[] requestBytes;
    private final Comparison comparison;
    private final Verdict verdict;
    private final Optional<Explanation> explanation;
    private final CompareResponse expected;

    CompareWork(boolean explain) {
      this.explain = explain;
      this.request =
          CompareRequest.newBuilder()
              .setA(io.textsim.proto.v1.Document.newBuilder().setId("tehran-times").setText(a))
              .setB(io.textsim.proto.v1.Document.newBuilder().setId("mehr-news").setText(b))
              .setExplain(explain)
              .build();
      this.requestBytes = request.toByteArray();
      TextProfiler profiler = TextProfiler.defaults();
      TextProfile pa = profiler.profile(a);
      TextProfile pb = profiler.profile(b);
      this.comparison = Similarity.compare(pa, pb, MEASURES);
      this.verdict = verdict(comparison);
      this.explanation = explain ? Optional.of(Explainer.explain(pa, pb)) : Optional.empty();
      this.expected = LibraryAnswers.compare(pa, pb, comparison, verdict, explanation);
    }

    private static Set<Measure> measures() {
      Set<Measure> m = EnumSet.copyOf(Measure.defaults());
      m.add(Measure.JACCARD);
      return m;
    }

    /** The server's default verdict: Jaccard against the default threshold. */
    private static Verdict verdict(Comparison c) {
      return Verdict.of(c, Measure.JACCARD, Verdict.DEFAULT_THRESHOLD);
    }

    /** The request every call sends. */
    CompareRequest request() {
      return request;
    }

    /** The library's answer to {@link #request()}, written as a response. */
    CompareResponse expected() {
      return expected;
    }

    String describe() {
      return String.format(
          Locale.ROOT,
          "Compare: the seed pair (%,d + %,d chars; request %,d bytes, response %,d bytes),"
              + " measures %s, verdict on Jaccard >= %.2f, passages %s",
          a.length(),
          b.length(),
          request.getSerializedSize(),
          expected.getSerializedSize(),
          MEASURES.stream().map(Measure::wireName).toList(),
          Verdict.DEFAULT_THRESHOLD,
          explain ? "yes" : "no");
    }

    /** One blocking call before the run; prints both answers if they differ. */
    void preflight(SimilarityServiceFutureStub stub, PrintStream log) throws InterruptedException {
      try {
        CompareResponse r =
            stub.withDeadlineAfter(COMPARE_DEADLINE.toMillis(), TimeUnit.MILLISECONDS)
                .compare(request)
                .get();
        if (!r.equals(expected)) {
          log.println("gRPC Compare differs from the library's answer.\ngRPC:\n" + r);
          log.println("library:\n" + expected);
        }
      } catch (ExecutionException e) {
        log.println("gRPC Compare failed before the run: " + ClosedLoop.kind(e));
      }
    }

    /** One library answer; true if it equals the expected one. */
    boolean compute() {
      TextProfiler profiler = TextProfiler.defaults();
      TextProfile pa = profiler.profile(a);
      TextProfile pb = profiler.profile(b);
      Comparison c = Similarity.compare(pa, pb, MEASURES);
      boolean same = c.equals(comparison) && verdict(c) == verdict;
      if (explain) {
        same &= explanation.get().equals(Explainer.explain(pa, pb));
      }
      return same;
    }

    Sample library(int level, Duration warmup, Duration measure) throws InterruptedException {
      return ClosedLoop.threads(level, warmup, measure, this::compute);
    }

    Sample grpc(Channel channel, int level, Duration warmup, Duration measure)
        throws InterruptedException {
      return ClosedLoop.async(
          level,
          warmup,
          measure,
          done ->
              ClientCalls.asyncUnaryCall(
                  channel.newCall(
                      COMPARE_BYTES,
                      CallOptions.DEFAULT.withDeadlineAfter(
                          COMPARE_DEADLINE.toMillis(), TimeUnit.MILLISECONDS)),
                  requestBytes,
                  new StreamObserver<>() {
                    private CompareResponse response;

                    @Override
                    public void onNext(CompareResponse value) {
                      response = value;
                    }

                    @Override
                    public void onError(Throwable t) {
                      done.failed(Status.fromThrowable(t).getCode().name());
                    }

                    @Override
                    public void onCompleted() {
                      done.completed(expected.equals(response));
                    }
                  }));
    }
  }

  /** Cluster of generated articles, on both paths. */
  static final class ClusterWork {
    private final String workload;
    private final List<Document> documents;
    private final ClusterRequest request;
    private final Clustering clustering;
    private final io.textsim.proto.v1.Clustering expected;
    private final long chars;

    ClusterWork(int n) {
      this.workload = clusterWorkload(n);
      List<Article> articles = CorpusGenerator.defaults().articles(n);
      this.documents = articles.stream().map(Article::document).toList();
      ClusterRequest.Builder r = ClusterRequest.newBuilder();
      long total = 0;
      for (Document d : documents) {
        r.addDocuments(io.textsim.proto.v1.Document.newBuilder().setId(d.id()).setText(d.text()));
        total += d.text().length();
      }
      this.request = r.build();
      this.chars = total;
      this.clustering = Clusterer.cluster(documents, ClusterOptions.defaults());
      this.expected = LibraryAnswers.clustering(clustering);
    }

    String describe() {
      return String.format(
          Locale.ROOT,
          "Cluster: %,d articles of CorpusGenerator.defaults() (seed %d; %,d chars; request %,d"
              + " bytes), default options (%s >= %.2f, single linkage, %s candidates):"
              + " %,d clusters, %,d candidate pairs, %,d linked",
          documents.size(),
          CorpusGenerator.DEFAULT_SEED,
          chars,
          request.getSerializedSize(),
          ClusterOptions.DEFAULT_MEASURE_NAME,
          ClusterOptions.DEFAULT_THRESHOLD,
          clustering.stats().strategy().name().toLowerCase(Locale.ROOT),
          clustering.clusters().size(),
          clustering.stats().candidatePairs(),
          clustering.stats().linkedPairs());
    }

    Sample library(boolean measured) {
      return ClosedLoop.once(
          measured,
          () -> Clusterer.cluster(documents, ClusterOptions.defaults()).equals(clustering));
    }

    Sample grpc(SimilarityServiceFutureStub stub, boolean measured) {
      return ClosedLoop.once(
          measured,
          () ->
              stub.withDeadlineAfter(CLUSTER_DEADLINE.toMillis(), TimeUnit.MILLISECONDS)
                  .cluster(request)
                  .get()
                  .getClustering()
                  .equals(expected));
    }
  }

  /**
   * Runs the generator: {@code LoadGenerator [--target host:port] [--levels 1,16,64] [--warmup 10s]
   * [--measure 20s] [--cluster-docs 1000] ...}; {@code --help} lists every flag.
   */
  public static void main(String[] args) throws IOException, InterruptedException {
    if (List.of(args).contains("--help") || List.of(args).contains("-h")) {
      System.out.println(LoadSettings.USAGE);
      return;
    }
    LoadSettings settings;
    try {
      settings = LoadSettings.parse(args);
    } catch (IllegalArgumentException e) {
      System.err.println("load generator: " + e.getMessage());
      System.err.println(LoadSettings.USAGE);
      System.exit(2);
      return;
    }
    LoadReport report = new LoadGenerator(settings, System.out).run();
    System.out.println();
    System.out.print(report.markdown());
    System.out.flush();
    if (report.errors() > 0 || report.mismatches() > 0) {
      System.exit(1);
    }
  }
}
