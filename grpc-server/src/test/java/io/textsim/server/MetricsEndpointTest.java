package io.textsim.server;

import static io.textsim.server.Fixtures.MEHR;
import static io.textsim.server.Fixtures.TEHRAN;
import static io.textsim.server.Fixtures.doc;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.grpc.Grpc;
import io.grpc.InsecureChannelCredentials;
import io.grpc.ManagedChannel;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.health.v1.HealthCheckRequest;
import io.grpc.health.v1.HealthGrpc;
import io.grpc.stub.StreamObserver;
import io.textsim.proto.v1.CompareRequest;
import io.textsim.proto.v1.CompareResponse;
import io.textsim.proto.v1.SimilarityServiceGrpc;
import io.textsim.proto.v1.VerdictOptions;
import java.io.IOException;
import java.net.BindException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The metrics endpoint over real ports: a Netty server and its metrics on 127.0.0.1, any free
 * ports; calls made over gRPC, metrics read over HTTP and parsed from the Prometheus text.
 */
class MetricsEndpointTest {
  private static final String COMPARE = "textsim.v1.SimilarityService/Compare";
  private static final String HEALTH = "grpc.health.v1.Health/Check";
  private static final String DURATION = "grpc_server_call_duration_seconds";

  private final HttpClient http = HttpClient.newHttpClient();
  private final List<TextsimServer> servers = new ArrayList<>();
  private final List<ManagedChannel> channels = new ArrayList<>();

  @AfterEach
  void tearDown() throws Exception {
    for (ManagedChannel c : channels) {
      c.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
    }
    for (TextsimServer s : servers) {
      s.stop(Duration.ofSeconds(5));
    }
  }

  private TextsimServer start(ServerConfig.Builder config, MetricsEndpoint metrics)
      throws IOException {
    TextsimServer server =
        new TextsimServer(
                config.host("127.0.0.1").port(0).build(), Optional.of(metrics), Optional.empty())
            .start();
    servers.add(server);
    return server;
  }

  private ManagedChannel channel(TextsimServer server) {
    ManagedChannel channel =
        Grpc.newChannelBuilderForAddress(
                "127.0.0.1", server.port(), InsecureChannelCredentials.create())
            .build();
    channels.add(channel);
    return channel;
  }

  private HttpResponse<String> get(MetricsEndpoint metrics, String path) throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + metrics.port() + path)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  /** The samples of a scrape: "name{labels}" to value, labels as written by the exposition. */
  private Map<String, Double> scrape(MetricsEndpoint metrics) throws Exception {
    HttpResponse<String> response = get(metrics, "/metrics");
    assertEquals(200, response.statusCode(), response.body());
    assertTrue(
        response.headers().firstValue("Content-Type").orElse("").startsWith("text/plain"),
        response.headers().toString());
    Map<String, Double> samples = new HashMap<>();
    for (String line : response.body().split("\n")) {
      if (line.isBlank() || line.startsWith("#")) {
        continue;
      }
      int space = line.lastIndexOf(' ');
      samples.put(line.substring(0, space), Double.parseDouble(line.substring(space + 1)));
    }
    return samples;
  }

  private static String key(String name, String method, String status) {
    return name + "{grpc_method=\"" + method + "\",grpc_status=\"" + status + "\"}";
  }

  private static double value(Map<String, Double> samples, String key) {
    Double v = samples.get(key);
    assertTrue(v != null, () -> "no sample " + key + " in " + samples.keySet());
    return v;
  }

  /** The histogram's buckets of one method and status: upper bound ("le") to cumulative count. */
  private static Map<String, Double> buckets(
      Map<String, Double> samples, String method, String status) {
    Pattern p =
        Pattern.compile(
            Pattern.quote(DURATION + "_bucket{grpc_method=\"" + method + "\",grpc_status=\"")
                + Pattern.quote(status)
                + "\",le=\"([^\"]+)\"}");
    Map<String, Double> out = new HashMap<>();
    samples.forEach(
        (k, v) -> {
          Matcher m = p.matcher(k);
          if (m.matches()) {
            out.put(m.group(1), v);
          }
        });
    return out;
  }

  private static CompareRequest seedPair() {
    return CompareRequest.newBuilder().setA(doc("a", MEHR)).setB(doc("b", TEHRAN)).build();
  }

  @Test
  void countsCallsByMethodAndStatusWithLatencyHistograms() throws Exception {
    MetricsEndpoint metrics = MetricsEndpoint.open("127.0.0.1", 0);
    TextsimServer server = start(ServerConfig.builder(), metrics);
    ManagedChannel channel = channel(server);
    SimilarityServiceGrpc.SimilarityServiceBlockingStub stub =
        SimilarityServiceGrpc.newBlockingStub(channel).withDeadlineAfter(60, TimeUnit.SECONDS);
    for (int i = 0; i < 3; i++) {
      assertTrue(stub.compare(seedPair()).getScores().getJaccard() > 0.5);
    }
    CompareRequest bad =
        seedPair().toBuilder().setVerdict(VerdictOptions.newBuilder().setThreshold(1.5)).build();
    for (int i = 0; i < 2; i++) {
      StatusRuntimeException e =
          assertThrows(StatusRuntimeException.class, () -> stub.compare(bad));
      assertEquals(Status.Code.INVALID_ARGUMENT, e.getStatus().getCode(), e.toString());
    }
    HealthGrpc.newBlockingStub(channel).check(HealthCheckRequest.getDefaultInstance());

    Map<String, Double> samples = scrape(metrics);

    assertEquals(3.0, value(samples, key(DURATION + "_count", COMPARE, "OK")));
    assertEquals(2.0, value(samples, key(DURATION + "_count", COMPARE, "INVALID_ARGUMENT")));
    assertEquals(1.0, value(samples, key(DURATION + "_count", HEALTH, "OK")));
    assertEquals(
        5.0, value(samples, "grpc_server_call_started_total{grpc_method=\"" + COMPARE + "\"}"));
    assertTrue(value(samples, key(DURATION + "_sum", COMPARE, "OK")) > 0);

    // Every bucket of gRPC's boundaries is there, cumulative counts never fall, +Inf holds all.
    for (String status : List.of("OK", "INVALID_ARGUMENT")) {
      Map<String, Double> buckets = buckets(samples, COMPARE, status);
      assertEquals(CallMetrics.BUCKETS.length + 1, buckets.size(), buckets.toString());
      double previous = 0;
      for (double bound : CallMetrics.BUCKETS) {
        double count = value(buckets, le(bound));
        assertTrue(count >= previous, () -> status + " bucket " + bound + " " + buckets);
        previous = count;
      }
      assertEquals(
          value(samples, key(DURATION + "_count", COMPARE, status)), value(buckets, "+Inf"));
    }
    // The slowest bound is 100 s: every one of these calls is in it.
    assertEquals(3.0, value(buckets(samples, COMPARE, "OK"), le(100)));

    assertEquals(0.0, value(samples, "textsim_server_calls_in_flight"));
    assertEquals(0.0, value(samples, "textsim_server_calls_rejected_total"));
    assertEquals(0.0, value(samples, "textsim_server_worker_queue_depth"));
  }

  /** The "le" label as the exposition writes it (Java's shortest double, e.g. 1.0E-5). */
  private static String le(double bound) {
    return Double.toString(bound);
  }

  @Test
  void showsCallsInFlightQueuedAndRejected() throws Exception {
    MetricsEndpoint metrics = MetricsEndpoint.open("127.0.0.1", 0);
    // One worker and one queue slot: a first long call computes, a second waits, a third is
    // refused.
    TextsimServer server = start(ServerConfig.builder().threads(1).queueSize(1), metrics);
    ManagedChannel channel = channel(server);
    // Damerau-OSA on two 200,000-letter texts: hours of work, until the test cancels it.
    CompareRequest huge =
        CompareRequest.newBuilder()
            .setA(doc("x", Fixtures.randomLetters(1, 200_000)))
            .setB(doc("y", Fixtures.randomLetters(2, 200_000)))
            .addMeasures(io.textsim.proto.v1.Measure.MEASURE_DAMERAU_OSA)
            .build();
    SimilarityServiceGrpc.SimilarityServiceStub async =
        SimilarityServiceGrpc.newStub(channel).withDeadlineAfter(120, TimeUnit.SECONDS);
    CompletableFuture<Status> first = new CompletableFuture<>();
    CompletableFuture<Status> second = new CompletableFuture<>();
    io.grpc.Context.CancellableContext calls = io.grpc.Context.current().withCancellation();
    calls.run(
        () -> {
          async.compare(huge, observer(first));
          async.compare(huge, observer(second));
        });
    assertTrue(
        Fixtures.await(
            () -> server.workers().active() == 1 && server.workers().queued() == 1,
            Duration.ofSeconds(30)),
        "one call computing, one waiting");
    StatusRuntimeException refused =
        assertThrows(
            StatusRuntimeException.class,
            () ->
                SimilarityServiceGrpc.newBlockingStub(channel)
                    .withDeadlineAfter(60, TimeUnit.SECONDS)
                    .compare(seedPair()));
    assertEquals(Status.Code.RESOURCE_EXHAUSTED, refused.getStatus().getCode());

    Map<String, Double> busy = scrape(metrics);
    assertEquals(2.0, value(busy, "textsim_server_calls_in_flight"));
    assertEquals(1.0, value(busy, "textsim_server_worker_queue_depth"));
    assertEquals(1.0, value(busy, "textsim_server_workers_active"));
    assertEquals(1.0, value(busy, "textsim_server_workers"));
    assertEquals(1.0, value(busy, "textsim_server_calls_rejected_total"));
    assertEquals(1.0, value(busy, key(DURATION + "_count", COMPARE, "RESOURCE_EXHAUSTED")));

    calls.cancel(null);
    assertEquals(Status.Code.CANCELLED, first.get(60, TimeUnit.SECONDS).getCode());
    assertEquals(Status.Code.CANCELLED, second.get(60, TimeUnit.SECONDS).getCode());
    assertTrue(
        Fixtures.await(
            () -> {
              try {
                Map<String, Double> after = scrape(metrics);
                return Objects.equals(after.get("textsim_server_calls_in_flight"), 0.0)
                    && Objects.equals(
                        after.get(key(DURATION + "_count", COMPARE, "CANCELLED")), 2.0);
              } catch (Exception e) {
                throw new IllegalStateException(e);
              }
            },
            Duration.ofSeconds(30)),
        "the cancelled calls ended as CANCELLED");
  }

  private static StreamObserver<CompareResponse> observer(CompletableFuture<Status> done) {
    return new StreamObserver<>() {
      @Override
      public void onNext(CompareResponse value) {}

      @Override
      public void onError(Throwable t) {
        done.complete(Status.fromThrowable(t));
      }

      @Override
      public void onCompleted() {
        done.complete(Status.OK);
      }
    };
  }

  @Test
  void servesOnlyGetAndHeadAtMetrics() throws Exception {
    try (MetricsEndpoint metrics = MetricsEndpoint.open("127.0.0.1", 0)) {
      assertEquals(404, get(metrics, "/").statusCode());
      assertEquals(404, get(metrics, "/metricsx").statusCode());
      HttpResponse<String> post =
          http.send(
              HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + metrics.port() + "/metrics"))
                  .POST(HttpRequest.BodyPublishers.ofString("x"))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      assertEquals(405, post.statusCode());
      assertTrue(get(metrics, "/metrics").body().contains("# TYPE jvm_threads_live_threads"));
    }
  }

  @Test
  void aTakenPortIsRefused() throws Exception {
    try (MetricsEndpoint first = MetricsEndpoint.open("127.0.0.1", 0)) {
      assertThrows(BindException.class, () -> MetricsEndpoint.open("127.0.0.1", first.port()));
    }
  }
}
