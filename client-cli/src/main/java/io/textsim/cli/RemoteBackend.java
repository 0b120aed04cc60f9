package io.textsim.cli;

import com.google.protobuf.Any;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.rpc.BadRequest;
import com.google.rpc.RetryInfo;
import io.grpc.ChannelCredentials;
import io.grpc.Deadline;
import io.grpc.Grpc;
import io.grpc.InsecureChannelCredentials;
import io.grpc.ManagedChannel;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.TlsChannelCredentials;
import io.grpc.health.v1.HealthCheckRequest;
import io.grpc.health.v1.HealthCheckResponse;
import io.grpc.health.v1.HealthGrpc;
import io.grpc.protobuf.StatusProto;
import io.grpc.stub.ClientCallStreamObserver;
import io.grpc.stub.ClientResponseObserver;
import io.textsim.core.TextProfiler;
import io.textsim.core.cluster.CandidateStrategy;
import io.textsim.core.cluster.ClusterMeasure;
import io.textsim.core.cluster.ClusterProgress;
import io.textsim.core.cluster.Clustering;
import io.textsim.core.explain.Passage;
import io.textsim.core.measure.Measure;
import io.textsim.core.measure.Verdict;
import io.textsim.proto.v1.ClusterOptions;
import io.textsim.proto.v1.ClusterStreamRequest;
import io.textsim.proto.v1.ClusterStreamResponse;
import io.textsim.proto.v1.CompareManyRequest;
import io.textsim.proto.v1.CompareManyResponse;
import io.textsim.proto.v1.CompareRequest;
import io.textsim.proto.v1.CompareResponse;
import io.textsim.proto.v1.Document;
import io.textsim.proto.v1.DocumentBatch;
import io.textsim.proto.v1.Linkage;
import io.textsim.proto.v1.ProfileOptions;
import io.textsim.proto.v1.Scores;
import io.textsim.proto.v1.ShingleKind;
import io.textsim.proto.v1.ShingleOptions;
import io.textsim.proto.v1.SimilarityServiceGrpc;
import io.textsim.proto.v1.VerdictOptions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Runs every command on a textsim server through {@code textsim.v1.SimilarityService}, and maps the
 * responses back to the same {@link Reports} the core gives, so that both modes print the same
 * bytes.
 *
 * <p>Measures and enums are mapped by name: a core measure {@code x} is the proto value {@code
 * MEASURE_X} and the {@code Scores} field {@code x}, so measures added to both flow through without
 * a change here. An overloaded server (RESOURCE_EXHAUSTED with a {@code RetryInfo}) is retried with
 * backoff; every other failure becomes one line naming the server and the status.
 */
final class RemoteBackend implements Backend {
  /** Overload retries before giving up. */
  static final int MAX_RETRIES = 4;

  private static final int MAX_INBOUND_BYTES = 256 * 1024 * 1024;

  /** The most documents one ClusterStream message carries. */
  static final int STREAM_BATCH_DOCUMENTS = 256;

  /**
   * The most text, in UTF-16 units (1 Mi), one ClusterStream message carries, unless a single
   * document is longer (it then goes alone, as it would without batching). At most 3 MiB of UTF-8,
   * well under the server's default 16 MiB message limit.
   */
  static final long STREAM_BATCH_CHARS = 1L << 20;

  /** Kept so that the level set below sticks (JUL holds loggers weakly). */
  private static final Logger GRPC_LOGGER = Logger.getLogger("io.grpc");

  static {
    // gRPC logs transport trouble with stack traces; the user gets one line from us instead.
    GRPC_LOGGER.setLevel(Level.OFF);
  }

  private final ManagedChannel channel;
  private final ServerOptions.Target target;
  private final Optional<Duration> timeout;
  private final Optional<Deadline> deadline;

  private RemoteBackend(
      ManagedChannel channel, ServerOptions.Target target, Optional<Duration> timeout) {
    this.channel = channel;
    this.target = target;
    this.timeout = timeout;
    this.deadline = timeout.map(d -> Deadline.after(d.toMillis(), TimeUnit.MILLISECONDS));
  }

  /** Opens a channel to the server the options name (nothing is sent yet). */
  static RemoteBackend connect(ServerOptions options) {
    ServerOptions.Target target = options.target();
    ManagedChannel channel =
        Grpc.newChannelBuilderForAddress(target.host(), target.port(), credentials(options))
            .maxInboundMessageSize(MAX_INBOUND_BYTES)
            .userAgent("textsim-client-cli/" + VersionProvider.version())
            .build();
    return new RemoteBackend(channel, target, options.deadline());
  }

  private static ChannelCredentials credentials(ServerOptions options) {
    if (!options.useTls()) {
      return InsecureChannelCredentials.create();
    }
    TlsChannelCredentials.Builder tls = TlsChannelCredentials.newBuilder();
    if (options.tlsCa != null) {
      try {
        tls.trustManager(options.tlsCa.toFile());
      } catch (Exception e) {
        throw CliException.input(options.tlsCa.toString(), "not a usable PEM CA file: " + why(e));
      }
    }
    if (options.tlsCert != null) {
      try {
        tls.keyManager(options.tlsCert.toFile(), options.tlsKey.toFile());
      } catch (Exception e) {
        throw CliException.input(
            options.tlsCert + " / " + options.tlsKey,
            "not a usable PEM certificate and PKCS#8 key: " + why(e));
      }
    }
    return tls.build();
  }

  private static String why(Exception e) {
    Throwable t = e;
    while (t.getCause() != null && t.getMessage() == null) {
      t = t.getCause();
    }
    return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
  }

  /** Asks the server's health service; returns the status name, e.g. SERVING. */
  static String health(ServerOptions options, String service) {
    try (RemoteBackend backend = connect(options)) {
      HealthCheckResponse response =
          backend.call(
              () ->
                  backend
                      .withDeadline(HealthGrpc.newBlockingStub(backend.channel))
                      .check(HealthCheckRequest.newBuilder().setService(service).build()));
      return response.getStatus().name();
    }
  }

  private <S extends io.grpc.stub.AbstractStub<S>> S withDeadline(S stub) {
    return deadline.isPresent() ? stub.withDeadline(deadline.get()) : stub;
  }

  private SimilarityServiceGrpc.SimilarityServiceBlockingStub blocking() {
    return withDeadline(SimilarityServiceGrpc.newBlockingStub(channel));
  }

  private static ProfileOptions profile(int shingleSize) {
    return ProfileOptions.newBuilder()
        .setShingles(
            ShingleOptions.newBuilder()
                .setKind(ShingleKind.SHINGLE_KIND_WORDS)
                .setSize(shingleSize))
        .build();
  }

  private static Document document(Input in) {
    return Document.newBuilder().setId(in.id()).setText(in.text()).build();
  }

  /** The proto value of a core measure: MEASURE_ + its wire name in upper case. */
  static io.textsim.proto.v1.Measure toProto(Measure m) {
    try {
      return io.textsim.proto.v1.Measure.valueOf(
          "MEASURE_" + m.wireName().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new CliException(
          "measure " + m.wireName() + " is not in this client's gRPC API; run it locally");
    }
  }

  @Override
  public Reports.Compare compare(Input a, Input b, CompareSettings settings) {
    CompareRequest.Builder request =
        CompareRequest.newBuilder()
            .setA(document(a))
            .setB(document(b))
            .setProfile(profile(settings.shingleSize()))
            .setVerdict(
                VerdictOptions.newBuilder()
                    .setThreshold(settings.threshold())
                    .setMeasure(io.textsim.proto.v1.Measure.MEASURE_JACCARD))
            .setExplain(true);
    for (Measure m : LocalBackend.withVerdictMeasures(settings.measures())) {
      request.addMeasures(toProto(m));
    }
    CompareResponse response = call(() -> blocking().compare(request.build()));
    Map<String, Double> scores = scores(response.getScores());
    return new Reports.Compare(
        new Reports.Doc(
            a.id(),
            a.text().length(),
            response.hasAStats() ? response.getAStats().getWords() : words(a)),
        new Reports.Doc(
            b.id(),
            b.text().length(),
            response.hasBStats() ? response.getBStats().getWords() : words(b)),
        scores,
        response.getDistances().hasLevenshtein()
            ? OptionalInt.of(response.getDistances().getLevenshtein())
            : OptionalInt.empty(),
        response.getDistances().hasTokenLevenshtein()
            ? OptionalInt.of(response.getDistances().getTokenLevenshtein())
            : OptionalInt.empty(),
        verdict(response.getVerdict()),
        settings.threshold(),
        passages(response.getPassages().getSharedInAList()),
        passages(response.getPassages().getSharedInBList()),
        passages(response.getPassages().getOnlyAList()),
        passages(response.getPassages().getOnlyBList()));
  }

  /**
   * The word count of a text as the core makes it with the default normalization, for answers of a
   * server that predates {@code TextStats}.
   */
  private static int words(Input input) {
    return TextProfiler.defaults().profile(input.text()).tokenCount();
  }

  /** The set score fields, keyed by wire name, in core {@link Measure} order. */
  private static Map<String, Double> scores(Scores scores) {
    Map<String, Double> out = new LinkedHashMap<>();
    for (Measure m : Measure.values()) {
      FieldDescriptor f = Scores.getDescriptor().findFieldByName(m.wireName());
      if (f != null && scores.hasField(f)) {
        out.put(m.wireName(), (Double) scores.getField(f));
      }
    }
    return out;
  }

  private static String verdict(io.textsim.proto.v1.Verdict v) {
    String name = v.name();
    if (!name.startsWith("VERDICT_") || v == io.textsim.proto.v1.Verdict.VERDICT_UNSPECIFIED) {
      throw new CliException("the server sent no verdict (" + name + ")");
    }
    try {
      return Verdict.valueOf(name.substring("VERDICT_".length())).wireName();
    } catch (IllegalArgumentException e) {
      throw new CliException("the server sent a verdict this client does not know: " + name);
    }
  }

  private static List<Passage> passages(List<io.textsim.proto.v1.Passage> passages) {
    List<Passage> out = new ArrayList<>(passages.size());
    for (io.textsim.proto.v1.Passage p : passages) {
      out.add(new Passage(p.getStart(), p.getEnd(), p.getText()));
    }
    return out;
  }

  @Override
  public Reports.Search search(Input query, List<Input> documents, SearchSettings settings) {
    CompareManyRequest.Builder request =
        CompareManyRequest.newBuilder()
            .setQuery(document(query))
            .addMeasures(toProto(settings.measure()))
            .setRankBy(toProto(settings.measure()))
            .setMinScore(settings.minScore())
            .setTopK(settings.top())
            .setProfile(profile(settings.shingleSize()));
    for (Input d : documents) {
      request.addCandidates(document(d));
    }
    CompareManyResponse response = call(() -> blocking().compareMany(request.build()));
    List<Reports.Match> matches = new ArrayList<>(response.getMatchesCount());
    for (io.textsim.proto.v1.Match m : response.getMatchesList()) {
      matches.add(new Reports.Match(m.getId(), m.getScore()));
    }
    return new Reports.Search(
        query.id(),
        documents.size(),
        settings.measure().wireName(),
        settings.top(),
        settings.minScore(),
        matches);
  }

  /**
   * Clusters through ClusterStream, so that collections larger than one message work: options
   * first, then the documents in batches ({@link #STREAM_BATCH_DOCUMENTS}, {@link
   * #STREAM_BATCH_CHARS}), sent only while the transport is ready (flow control). Progress reports
   * the upload as stage "upload".
   */
  @Override
  public Reports.Cluster cluster(
      List<Input> documents, ClusterSettings settings, ClusterProgress progress) {
    ClusterOptions options =
        ClusterOptions.newBuilder()
            .setThreshold(settings.threshold())
            .setMeasure(
                io.textsim.proto.v1.ClusterMeasure.valueOf(
                    "CLUSTER_MEASURE_" + settings.measure().name()))
            .setLinkage(Linkage.valueOf("LINKAGE_" + settings.linkage().name()))
            .setCandidates(
                io.textsim.proto.v1.CandidateStrategy.valueOf(
                    "CANDIDATE_STRATEGY_" + settings.candidates().name()))
            .setProfile(profile(settings.shingleSize()))
            .build();
    ClusterStreamResponse response = call(() -> stream(options, documents, progress));
    io.textsim.proto.v1.Clustering c = response.getClustering();
    List<Clustering.Cluster> clusters = new ArrayList<>(c.getClustersCount());
    for (io.textsim.proto.v1.Cluster cluster : c.getClustersList()) {
      List<Clustering.Member> members = new ArrayList<>(cluster.getMembersCount());
      for (io.textsim.proto.v1.ClusterMember m : cluster.getMembersList()) {
        members.add(new Clustering.Member(m.getId(), m.getScore()));
      }
      clusters.add(new Clustering.Cluster(cluster.getId(), cluster.getRepresentative(), members));
    }
    String measure = c.getMeasure().name();
    String strategy = c.getStats().getStrategy().name();
    return new Reports.Cluster(
        c.getDocuments(),
        c.getThreshold(),
        ClusterMeasure.valueOf(measure.substring("CLUSTER_MEASURE_".length())),
        settings.linkage(),
        CandidateStrategy.valueOf(strategy.substring("CANDIDATE_STRATEGY_".length())),
        clusters);
  }

  private ClusterStreamResponse stream(
      ClusterOptions options, List<Input> documents, ClusterProgress progress) {
    CompletableFuture<ClusterStreamResponse> result = new CompletableFuture<>();
    ClientResponseObserver<ClusterStreamRequest, ClusterStreamResponse> observer =
        new ClientResponseObserver<>() {
          private ClientCallStreamObserver<ClusterStreamRequest> requests;
          private int next = -1; // -1: the options; then the index of the next document to send
          private boolean done;

          @Override
          public void beforeStart(ClientCallStreamObserver<ClusterStreamRequest> requests) {
            this.requests = requests;
            requests.setOnReadyHandler(this::send);
          }

          /** Sends while the transport is ready; called again by gRPC when it is ready again. */
          private synchronized void send() {
            while (!done && requests.isReady()) {
              if (next < 0) {
                requests.onNext(ClusterStreamRequest.newBuilder().setOptions(options).build());
                next = 0;
              } else if (next < documents.size()) {
                // Documents go in batches: one message per document cost the server a dispatch
                // and a flow-control round each, and made remote clustering of many short texts
                // markedly slower than local.
                DocumentBatch.Builder batch = DocumentBatch.newBuilder();
                long chars = 0;
                while (next < documents.size()
                    && batch.getDocumentsCount() < STREAM_BATCH_DOCUMENTS
                    && (batch.getDocumentsCount() == 0
                        || chars + documents.get(next).text().length() <= STREAM_BATCH_CHARS)) {
                  Input input = documents.get(next++);
                  batch.addDocuments(document(input));
                  chars += input.text().length();
                }
                requests.onNext(ClusterStreamRequest.newBuilder().setDocuments(batch).build());
                progress.update("upload", next, documents.size());
              } else {
                requests.onCompleted();
                done = true;
                return;
              }
            }
          }

          @Override
          public void onNext(ClusterStreamResponse value) {
            result.complete(value);
          }

          @Override
          public void onError(Throwable t) {
            synchronized (this) {
              done = true;
            }
            result.completeExceptionally(t);
          }

          @Override
          public void onCompleted() {
            if (!result.isDone()) {
              result.completeExceptionally(
                  Status.INTERNAL
                      .withDescription("no clustering in the answer")
                      .asRuntimeException());
            }
          }
        };
    withDeadline(SimilarityServiceGrpc.newStub(channel)).clusterStream(observer);
    try {
      return result.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new CliException("interrupted");
    } catch (ExecutionException e) {
      if (e.getCause() instanceof StatusRuntimeException s) {
        throw s;
      }
      throw Status.fromThrowable(e.getCause()).asRuntimeException();
    }
  }

  /** Runs one call, retrying an overloaded server with backoff; failures become one line. */
  private <T> T call(Supplier<T> rpc) {
    for (int attempt = 0; ; attempt++) {
      try {
        return rpc.get();
      } catch (StatusRuntimeException e) {
        Optional<Duration> wait = retryDelay(e, attempt);
        if (wait.isEmpty()) {
          throw failure(e);
        }
        if (attempt >= MAX_RETRIES) {
          throw new CliException(
              "server "
                  + target
                  + " is overloaded (RESOURCE_EXHAUSTED); gave up after "
                  + (attempt + 1)
                  + " attempts: "
                  + e.getStatus().getDescription());
        }
        if (deadline.isPresent()
            && deadline.get().timeRemaining(TimeUnit.MILLISECONDS) < wait.get().toMillis()) {
          throw failure(e);
        }
        try {
          Thread.sleep(wait.get().toMillis());
        } catch (InterruptedException ie) {
          Thread.currentThread().interrupt();
          throw new CliException("interrupted");
        }
      }
    }
  }

  /**
   * How long to wait before retrying, if at all: only an overloaded server, which says so with a
   * RetryInfo detail (a request over the message limit is also RESOURCE_EXHAUSTED, and retrying it
   * is pointless). The server's delay, or 100 ms doubling, capped at 5 s.
   */
  private static Optional<Duration> retryDelay(StatusRuntimeException e, int attempt) {
    if (e.getStatus().getCode() != Status.Code.RESOURCE_EXHAUSTED) {
      return Optional.empty();
    }
    RetryInfo info = detail(e, RetryInfo.class);
    if (info == null) {
      return Optional.empty();
    }
    long backoff = 100L << Math.min(attempt, 6);
    long asked =
        info.hasRetryDelay()
            ? info.getRetryDelay().getSeconds() * 1000 + info.getRetryDelay().getNanos() / 1_000_000
            : 0;
    return Optional.of(Duration.ofMillis(Math.min(5_000, Math.max(backoff, asked))));
  }

  private static <M extends com.google.protobuf.Message> M detail(
      StatusRuntimeException e, Class<M> type) {
    com.google.rpc.Status status = StatusProto.fromThrowable(e);
    if (status == null) {
      return null;
    }
    for (Any any : status.getDetailsList()) {
      if (any.is(type)) {
        try {
          return any.unpack(type);
        } catch (InvalidProtocolBufferException ex) {
          return null;
        }
      }
    }
    return null;
  }

  /** One line about a failed call, naming the server and the status. */
  private CliException failure(StatusRuntimeException e) {
    Status s = e.getStatus();
    String description = s.getDescription() == null ? "" : s.getDescription();
    return switch (s.getCode()) {
      case UNAVAILABLE ->
          new CliException(
              "cannot reach the server at "
                  + target
                  + ": "
                  + rootCause(e)
                  + " (is it running? bin/textsim-server starts one)");
      case DEADLINE_EXCEEDED ->
          new CliException(
              "deadline exceeded: no answer from "
                  + target
                  + " within --deadline "
                  + timeout.map(Units::formatDuration).orElse("(none)"));
      case INVALID_ARGUMENT -> {
        BadRequest bad = detail(e, BadRequest.class);
        StringBuilder fields = new StringBuilder();
        if (bad != null && !description.contains(fieldList(bad))) {
          fields.append(" (").append(fieldList(bad)).append(')');
        }
        yield new CliException(
            "server " + target + " rejected the request: " + description + fields);
      }
      case UNIMPLEMENTED ->
          new CliException(
              "server "
                  + target
                  + " does not offer this call ("
                  + description
                  + "); is it a textsim server of the same version?");
      case RESOURCE_EXHAUSTED ->
          new CliException(
              "server "
                  + target
                  + " refused the request as too large ("
                  + description
                  + "); send fewer or shorter texts, or start the server with a larger"
                  + " --max-message-bytes");
      case NOT_FOUND -> new CliException("server " + target + ": not found: " + description);
      case CANCELLED -> new CliException("cancelled: " + description);
      default ->
          new CliException(
              "server "
                  + target
                  + " answered "
                  + s.getCode()
                  + (description.isEmpty() ? "" : ": " + description));
    };
  }

  private static String fieldList(BadRequest bad) {
    List<String> out = new ArrayList<>();
    for (BadRequest.FieldViolation v : bad.getFieldViolationsList()) {
      out.add(v.getField() + ": " + v.getDescription());
    }
    return String.join("; ", out);
  }

  private static String rootCause(StatusRuntimeException e) {
    Throwable t = e;
    while (t.getCause() != null) {
      t = t.getCause();
    }
    String m = t == e ? e.getStatus().getDescription() : t.getMessage();
    if (m == null || m.isBlank()) {
      m = e.getStatus().getDescription();
    }
    return m == null ? "unavailable" : m.lines().findFirst().orElse("unavailable");
  }

  @Override
  public void close() {
    channel.shutdownNow();
    try {
      channel.awaitTermination(2, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
