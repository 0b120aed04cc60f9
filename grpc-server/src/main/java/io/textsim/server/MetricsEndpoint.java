package io.textsim.server;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The server's metrics in the Prometheus text format at {@code http://HOST:PORT/metrics}, on the
 * JDK's HTTP server (one daemon thread; a scrape takes well under a millisecond).
 *
 * <p>Exposed, besides the call metrics of {@link CallMetrics} and the JVM's own (memory, garbage
 * collection, threads, classes, CPU, uptime):
 *
 * <ul>
 *   <li>{@code textsim.server.calls.rejected} (counter): calls answered RESOURCE_EXHAUSTED because
 *       every worker was busy and the queue full (a message over the size limit is also
 *       RESOURCE_EXHAUSTED, and counted under {@code grpc.server.call.duration} by its status
 *       only);
 *   <li>{@code textsim.server.calls.stopped.early} (counter): computations the core stopped on a
 *       deadline or a cancel;
 *   <li>{@code textsim.server.worker.queue.depth} (gauge): calls waiting for a worker;
 *   <li>{@code textsim.server.workers.active} and {@code textsim.server.workers} (gauges): workers
 *       computing an answer now, and all of them.
 * </ul>
 *
 * <p>The exposition is Micrometer's ({@code micrometer-registry-prometheus}): names are written
 * with underscores and units, e.g. {@code grpc_server_call_duration_seconds_bucket}. Thread-safe.
 */
public final class MetricsEndpoint implements AutoCloseable {
  /** The default bind address: loopback only. */
  public static final String DEFAULT_HOST = "127.0.0.1";

  /** The path the metrics are served at. */
  public static final String PATH = "/metrics";

  private static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";
  private static final Logger logger = Logger.getLogger(MetricsEndpoint.class.getName());

  private final PrometheusMeterRegistry registry =
      new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
  private final CallMetrics callMetrics = new CallMetrics(registry);
  private final JvmGcMetrics gcMetrics = new JvmGcMetrics();
  private final HttpServer http;
  private final ExecutorService executor =
      Executors.newSingleThreadExecutor(WorkerPool.daemonThreads("textsim-metrics-"));

  private MetricsEndpoint(InetSocketAddress address) throws IOException {
    new JvmMemoryMetrics().bindTo(registry);
    gcMetrics.bindTo(registry);
    new JvmThreadMetrics().bindTo(registry);
    new ClassLoaderMetrics().bindTo(registry);
    new ProcessorMetrics().bindTo(registry);
    new UptimeMetrics().bindTo(registry);
    try {
      http = HttpServer.create(address, 0);
    } catch (IOException e) {
      close();
      throw e;
    }
    http.createContext(PATH, this::handle);
    http.setExecutor(executor);
    http.start();
  }

  /**
   * Listens on {@code host:port} (port 0: any free one) and serves {@link #PATH} at once.
   *
   * @throws IOException if the address cannot be bound
   */
  public static MetricsEndpoint open(String host, int port) throws IOException {
    Objects.requireNonNull(host, "host");
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException("metrics port must be in 0..65535, not " + port);
    }
    MetricsEndpoint endpoint = new MetricsEndpoint(new InetSocketAddress(host, port));
    logger.info("metrics at http://" + hostForUrl(host) + ":" + endpoint.port() + PATH);
    return endpoint;
  }

  private static String hostForUrl(String host) {
    return host.indexOf(':') >= 0 ? "[" + host + "]" : host;
  }

  /** The port listened on (the actual one if 0 was asked for). */
  public int port() {
    return http.getAddress().getPort();
  }

  /** The interceptor that records the calls; the server installs it for every service. */
  CallMetrics callMetrics() {
    return callMetrics;
  }

  /** Exposes the state of {@code workers}: rejected calls, queue depth, busy workers. */
  void watch(WorkerPool workers) {
    FunctionCounter.builder("textsim.server.calls.rejected", workers, WorkerPool::rejected)
        .description("Calls answered RESOURCE_EXHAUSTED: every worker busy and the queue full")
        .register(registry);
    FunctionCounter.builder("textsim.server.calls.stopped.early", workers, WorkerPool::stoppedEarly)
        .description("Computations the core stopped on a deadline or cancel")
        .register(registry);
    Gauge.builder("textsim.server.worker.queue.depth", workers, WorkerPool::queued)
        .description("Calls waiting for a worker")
        .register(registry);
    Gauge.builder("textsim.server.workers.active", workers, WorkerPool::active)
        .description("Workers computing an answer now")
        .register(registry);
    Gauge.builder("textsim.server.workers", workers, WorkerPool::threads)
        .description("Worker threads")
        .register(registry);
  }

  /** The metrics as a scrape would return them. */
  String scrape() {
    return registry.scrape(CONTENT_TYPE);
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      String method = exchange.getRequestMethod();
      if (!PATH.equals(exchange.getRequestURI().getPath())) {
        exchange.sendResponseHeaders(404, -1);
        return;
      }
      if (!method.equals("GET") && !method.equals("HEAD")) {
        exchange.getResponseHeaders().set("Allow", "GET, HEAD");
        exchange.sendResponseHeaders(405, -1);
        return;
      }
      ByteArrayOutputStream body = new ByteArrayOutputStream(16 * 1024);
      registry.scrape(body, CONTENT_TYPE);
      exchange.getResponseHeaders().set("Content-Type", CONTENT_TYPE);
      if (method.equals("HEAD")) {
        exchange.sendResponseHeaders(200, -1);
        return;
      }
      exchange.sendResponseHeaders(200, body.size());
      try (OutputStream out = exchange.getResponseBody()) {
        body.writeTo(out);
      }
    } catch (IOException | RuntimeException e) {
      logger.log(Level.FINE, "metrics scrape failed", e);
      throw e;
    }
  }

  /** Stops serving and frees the port. Idempotent. */
  @Override
  public void close() {
    if (http != null) {
      http.stop(0);
    }
    executor.shutdownNow();
    gcMetrics.close();
    registry.close();
  }
}
