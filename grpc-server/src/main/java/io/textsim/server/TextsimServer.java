package io.textsim.server;

import io.grpc.BindableService;
import io.grpc.Server;
import io.grpc.ServerBuilder;
import io.grpc.ServerInterceptors;
import io.grpc.ServerServiceDefinition;
import io.grpc.TlsServerCredentials;
import io.grpc.health.v1.HealthCheckResponse.ServingStatus;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import io.grpc.protobuf.services.HealthStatusManager;
import io.grpc.protobuf.services.ProtoReflectionServiceV1;
import io.textsim.core.Durations;
import io.textsim.proto.v1.IndexServiceGrpc;
import io.textsim.proto.v1.SimilarityServiceGrpc;
import io.textsim.wire.TlsFileException;
import io.textsim.wire.TlsFiles;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Logger;

/**
 * The textsim gRPC server: {@code textsim.v1.SimilarityService}, {@code grpc.health.v1.Health} and
 * (unless turned off) server reflection v1, on Netty, plaintext or TLS (mutual TLS with a client
 * CA).
 *
 * <p>Life cycle, as in the grpc-java examples: {@link #start()}; {@link #blockUntilShutdown()};
 * {@link #stop()} sets health to NOT_SERVING, stops accepting calls, waits for in-flight calls up
 * to the grace period, then cancels what is left ({@code shutdownNow}); cancelled calls stop inside
 * the core at once. {@link #main} runs the server from the command line and stops it gracefully on
 * SIGTERM.
 *
 * <p>Threads: gRPC's callbacks run directly on the transport's event loop ({@code
 * directExecutor()}) and only parse, validate and hand over, never block; every answer is computed
 * on the bounded {@link WorkerPool}, which answers RESOURCE_EXHAUSTED with retry info when full.
 * Skipping gRPC's default callback executor saves one thread hand-off per call, a fifth of the
 * per-call overhead measured by the load generator (docs/BENCHMARKS.md).
 */
public final class TextsimServer {
  static {
    // Before any logger exists: one-line log records, and a log manager that lets the shutdown
    // hook log the calls finishing during graceful shutdown.
    if (System.getProperty("java.util.logging.manager") == null) {
      System.setProperty("java.util.logging.manager", ServerLogManager.class.getName());
    }
    if (System.getProperty("java.util.logging.SimpleFormatter.format") == null) {
      System.setProperty(
          "java.util.logging.SimpleFormatter.format",
          "%1$tFT%1$tT.%1$tL%1$tz %4$s %3$s %5$s%6$s%n");
    }
    // Once the log manager is chosen: no transport stack trace per over-size request.
    TransportLogFilter.install();
  }

  private static final Logger logger = Logger.getLogger(TextsimServer.class.getName());

  private final ServerConfig config;
  private final Server server;
  private final HealthStatusManager health = new HealthStatusManager();
  private final WorkerPool workers;
  private final Optional<MetricsEndpoint> metrics;
  private final IndexRegistry indexes;
  private final MemoryAdmission memory;
  private final InboundGate inbound;

  /** Fires the deadlines the server imposes ({@link CallTimeLimit}); one daemon thread. */
  private final ScheduledExecutorService deadlineTimer = deadlineTimer();

  private final AtomicBoolean stopping = new AtomicBoolean();

  /** Completed by the first {@link #stop}: whether every call finished in the grace period. */
  private final CompletableFuture<Boolean> stopped = new CompletableFuture<>();

  /**
   * Creates a Netty server for {@code config}; nothing listens until {@link #start()}.
   *
   * @throws TlsFileException if a TLS certificate, key or CA file cannot be read or used, or the
   *     key is not the certificate's
   * @throws IOException if a TLS file cannot be read
   * @throws IllegalArgumentException if gRPC refuses the TLS material
   */
  public TextsimServer(ServerConfig config) throws IOException {
    this(config, Optional.empty(), Optional.empty());
  }

  /**
   * Creates a Netty server for {@code config} that records its calls and workers in {@code metrics}
   * (if present) and closes it when stopped, and whose IndexService keeps its indexes under {@code
   * indexDir} (empty: the service answers FAILED_PRECONDITION).
   *
   * @throws TlsFileException if a TLS certificate, key or CA file cannot be read or used, or the
   *     key is not the certificate's
   * @throws IOException if a TLS file cannot be read
   * @throws IllegalArgumentException if gRPC refuses the TLS material
   */
  public TextsimServer(
      ServerConfig config, Optional<MetricsEndpoint> metrics, Optional<Path> indexDir)
      throws IOException {
    this(config, nettyBuilder(config), metrics, IndexServices.registry(config, indexDir));
  }

  /** Creates a server on the given transport (tests use an in-process builder). */
  TextsimServer(ServerConfig config, ServerBuilder<?> builder) {
    this(config, builder, Optional.empty(), IndexRegistry.disabled());
  }

  /** Creates a server on the given transport with the given indexes. */
  TextsimServer(ServerConfig config, ServerBuilder<?> builder, IndexRegistry indexes) {
    this(config, builder, Optional.empty(), indexes);
  }

  private TextsimServer(
      ServerConfig config,
      ServerBuilder<?> builder,
      Optional<MetricsEndpoint> metrics,
      IndexRegistry indexes) {
    this.indexes = Objects.requireNonNull(indexes, "indexes");
    this.config = Objects.requireNonNull(config, "config");
    this.metrics = Objects.requireNonNull(metrics, "metrics");
    this.workers = new WorkerPool(config.threads(), config.queueSize());
    this.memory =
        new MemoryAdmission(new MemoryBudget(config.memoryBudgetBytes()), MemoryCosts.forThisJvm());
    this.inbound =
        new InboundGate(
            InboundGate.slots(InboundGate.directMemoryLimit(), config.maxMessageBytes()));
    ProtoMapper mapper = new ProtoMapper(config.maxTextChars(), config.maxDocuments());
    ServerServiceDefinition similarity =
        guarded(new SimilarityServiceImpl(mapper, workers, config.maxStreamChars(), memory));
    if (!config.maxCallTime().isZero()) {
      similarity =
          ServerInterceptors.intercept(
              similarity, new CallTimeLimit(config.maxCallTime(), deadlineTimer));
    }
    if (builder instanceof NettyServerBuilder netty) {
      // A fixed window: grpc-java's automatic tuning would let each connection's unread bytes
      // grow to 8 MiB of direct memory (see InboundGate).
      netty.flowControlWindow(InboundGate.FLOW_CONTROL_WINDOW);
    }
    // Health stays outside the inbound gate, so that probes get an answer from a busy server.
    builder
        .directExecutor()
        .maxInboundMessageSize(config.maxMessageBytes())
        .addStreamTracerFactory(new CallLog())
        .addService(ServerInterceptors.intercept(similarity, inbound))
        .addService(
            ServerInterceptors.intercept(
                IndexServices.definition(config, indexes, workers, memory, deadlineTimer), inbound))
        .addService(guarded(health.getHealthService()));
    if (config.reflection()) {
      builder.addService(
          ServerInterceptors.intercept(guarded(ProtoReflectionServiceV1.newInstance()), inbound));
    }
    metrics.ifPresent(m -> m.watch(workers));
    metrics.ifPresent(m -> builder.intercept(m.callMetrics()));
    this.server = builder.build();
  }

  private static ScheduledExecutorService deadlineTimer() {
    ScheduledThreadPoolExecutor timer =
        new ScheduledThreadPoolExecutor(1, WorkerPool.daemonThreads("textsim-deadlines-"));
    // Every call that ends before its deadline cancels its timer task. Left in the queue, the
    // cancelled tasks of ten minutes of calls would pile up to millions under load.
    timer.setRemoveOnCancelPolicy(true);
    return timer;
  }

  private static ServerServiceDefinition guarded(BindableService service) {
    return RequestParsing.guard(service.bindService());
  }

  private static ServerBuilder<?> nettyBuilder(ServerConfig config) throws IOException {
    InetSocketAddress address = new InetSocketAddress(config.host(), config.port());
    if (!config.tls()) {
      return NettyServerBuilder.forAddress(address);
    }
    // Checked here, before anything listens: gRPC would take a key that is not the certificate's
    // and then fail every handshake without a word in the log.
    TlsFiles.KeyPairFiles keyPair =
        TlsFiles.readKeyPair(config.tlsCert().orElseThrow(), config.tlsKey().orElseThrow());
    TlsServerCredentials.Builder tls =
        TlsServerCredentials.newBuilder()
            .keyManager(
                new ByteArrayInputStream(keyPair.certificateChain()),
                new ByteArrayInputStream(keyPair.privateKey()));
    if (config.tlsClientCa().isPresent()) {
      byte[] clientCa = TlsFiles.readTrustedCertificates(config.tlsClientCa().get());
      tls.trustManager(new ByteArrayInputStream(clientCa))
          .clientAuth(TlsServerCredentials.ClientAuth.REQUIRE);
    }
    return NettyServerBuilder.forAddress(address, tls.build());
  }

  /**
   * Starts listening and sets health to SERVING.
   *
   * @throws IOException if the address cannot be bound
   */
  public TextsimServer start() throws IOException {
    server.start();
    health.setStatus(HealthStatusManager.SERVICE_NAME_ALL_SERVICES, ServingStatus.SERVING);
    health.setStatus(SimilarityServiceGrpc.SERVICE_NAME, ServingStatus.SERVING);
    health.setStatus(IndexServiceGrpc.SERVICE_NAME, ServingStatus.SERVING);
    logger.info(
        "textsim-server listening on "
            + config.host()
            + ":"
            + port()
            + (config.tlsClientCa().isPresent()
                ? " (mutual TLS)"
                : config.tls() ? " (TLS)" : " (plaintext)")
            + ", "
            + config.threads()
            + " workers, queue "
            + config.queueSize()
            + ", reflection "
            + (config.reflection() ? "on" : "off")
            + ", max call time "
            + (config.maxCallTime().isZero() ? "none" : Durations.format(config.maxCallTime()))
            + ", memory budget "
            + MemoryBudget.format(memory.budget().limit())
            + ", "
            + inbound.slots()
            + " requests received at once");
    MemoryCheck.warning(
            config,
            memory,
            inbound.slots(),
            Runtime.getRuntime().maxMemory(),
            2 * Runtime.getRuntime().availableProcessors()) // grpc-java's Netty event loops
        .ifPresent(logger::warning);
    return this;
  }

  /** The port listened on (the actual one if the configured port was 0); -1 before start. */
  public int port() {
    return server.getPort();
  }

  /** The configuration. */
  public ServerConfig config() {
    return config;
  }

  /**
   * Stops gracefully within the configured grace period; see {@link #stop(Duration)}.
   *
   * @return true if every call finished within the grace period, false if some were cancelled
   */
  public boolean stop() throws InterruptedException {
    return stop(config.gracePeriod());
  }

  /**
   * Stops gracefully: health NOT_SERVING, no new calls, in-flight calls finish for up to {@code
   * grace}; calls still running then are cancelled. Idempotent; a second call waits for the first
   * and returns its answer.
   *
   * @return true if every call finished within {@code grace}, false if some had to be cancelled
   *     (the command line turns this into its exit code)
   */
  public boolean stop(Duration grace) throws InterruptedException {
    if (!stopping.compareAndSet(false, true)) {
      try {
        return stopped.get();
      } catch (ExecutionException e) {
        throw new IllegalStateException("the first stop failed", e.getCause());
      }
    }
    boolean clean = false;
    try {
      clean = stopNow(grace);
      return clean;
    } finally {
      stopped.complete(clean);
    }
  }

  private boolean stopNow(Duration grace) throws InterruptedException {
    health.enterTerminalState(); // NOT_SERVING for every service, for good
    server.shutdown();
    boolean clean = server.awaitTermination(grace.toNanos(), TimeUnit.NANOSECONDS);
    if (!clean) {
      logger.warning(
          "grace period of " + grace.toMillis() + " ms over: cancelling the calls still running");
      server.shutdownNow();
      server.awaitTermination(5, TimeUnit.SECONDS);
    }
    workers.shutdownNow();
    workers.awaitTermination(Duration.ofSeconds(5));
    indexes.close(); // after the workers: no write is cut off
    deadlineTimer.shutdownNow();
    metrics.ifPresent(MetricsEndpoint::close);
    logger.info(
        clean
            ? "textsim-server stopped"
            : "textsim-server stopped (calls were cancelled at the end of the grace period)");
    return clean;
  }

  /** Waits until the server has stopped. */
  public void blockUntilShutdown() throws InterruptedException {
    server.awaitTermination();
  }

  /** The server-imposed deadlines whose timers are still queued, for tests. */
  int pendingDeadlines() {
    return ((ScheduledThreadPoolExecutor) deadlineTimer).getQueue().size();
  }

  /** The memory admission, for tests. */
  MemoryAdmission memory() {
    return memory;
  }

  /** The inbound gate, for tests. */
  InboundGate inbound() {
    return inbound;
  }

  /** The worker pool, for tests. */
  WorkerPool workers() {
    return workers;
  }

  /**
   * Runs the server: {@code textsim-server [--port N] [--host ADDR] ...}; {@code --help} lists
   * every flag and its environment variable. Stops gracefully on SIGTERM or Ctrl-C, exiting 0 if
   * every call finished within the grace period (exit codes: {@link ServerCommand}).
   */
  public static void main(String[] args) {
    // Always exit: after a stop on SIGTERM the JVM no longer exits by itself (StopSignals), and a
    // thread left by a dependency must not keep a stopped server's process alive.
    System.exit(ServerCommand.execute(args));
  }
}
