package io.textsim.server;

import io.textsim.core.Durations;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything a {@link TextsimServer} is configured with. Build with {@link #builder()}; every
 * setting has a default, validated at {@link Builder#build()}.
 *
 * <table>
 *   <caption>Settings, flags and defaults</caption>
 *   <tr><th>setting</th><th>flag / environment</th><th>default</th></tr>
 *   <tr><td>host</td><td>--host / TEXTSIM_HOST</td><td>127.0.0.1</td></tr>
 *   <tr><td>port</td><td>--port / TEXTSIM_PORT</td><td>50051 (0: any free port)</td></tr>
 *   <tr><td>threads</td><td>--threads / TEXTSIM_THREADS</td><td>the number of cores</td></tr>
 *   <tr><td>queueSize</td><td>--queue-size / TEXTSIM_QUEUE_SIZE</td><td>{@value
 *       #DEFAULT_QUEUE_SIZE}</td></tr>
 *   <tr><td>maxMessageBytes</td><td>--max-message-bytes / TEXTSIM_MAX_MESSAGE_BYTES</td><td>{@value
 *       #DEFAULT_MAX_MESSAGE_BYTES} (16 MiB)</td></tr>
 *   <tr><td>maxTextChars</td><td>--max-text-chars / TEXTSIM_MAX_TEXT_CHARS</td><td>{@value
 *       #DEFAULT_MAX_TEXT_CHARS}</td></tr>
 *   <tr><td>maxDocuments</td><td>--max-documents / TEXTSIM_MAX_DOCUMENTS</td><td>{@value
 *       #DEFAULT_MAX_DOCUMENTS}</td></tr>
 *   <tr><td>maxStreamChars</td><td>--max-stream-chars / TEXTSIM_MAX_STREAM_CHARS</td><td>{@value
 *       #DEFAULT_MAX_STREAM_CHARS}</td></tr>
 *   <tr><td>tlsCert, tlsKey</td><td>--tls-cert, --tls-key / TEXTSIM_TLS_CERT,
 *       TEXTSIM_TLS_KEY</td><td>none: plaintext</td></tr>
 *   <tr><td>tlsClientCa</td><td>--tls-client-ca / TEXTSIM_TLS_CLIENT_CA</td><td>none: no client
 *       certificate asked for</td></tr>
 *   <tr><td>reflection</td><td>--[no-]reflection / TEXTSIM_REFLECTION</td><td>on</td></tr>
 *   <tr><td>gracePeriod</td><td>--grace-period / TEXTSIM_GRACE_PERIOD</td><td>30 s</td></tr>
 *   <tr><td>maxCallTime</td><td>--max-call-time / TEXTSIM_MAX_CALL_TIME</td><td>10 min (0: no
 *       limit)</td></tr>
 *   <tr><td>memoryBudget</td><td>--memory-budget / TEXTSIM_MEMORY_BUDGET</td><td>60% of the
 *       heap ({@code -Xmx}); 0 here means that default</td></tr>
 * </table>
 *
 * <p>Text lengths are counted in UTF-16 code units, as the core counts them.
 *
 * @param host the address to bind
 * @param port the port to bind, 0 for any free port
 * @param threads worker threads computing answers, at least 1
 * @param queueSize calls that may wait for a worker; beyond it calls are answered
 *     RESOURCE_EXHAUSTED; 0 for none
 * @param maxMessageBytes the largest request message accepted, in bytes
 * @param maxTextChars the longest single text accepted, in UTF-16 code units
 * @param maxDocuments the most documents (Cluster, ClusterStream) or candidates (CompareMany) of
 *     one call
 * @param maxStreamChars the most text one ClusterStream may send in total, in UTF-16 code units
 * @param tlsCert the server's certificate chain (PEM), or empty for plaintext
 * @param tlsKey the server's private key (PKCS#8 PEM), present iff {@code tlsCert} is
 * @param tlsClientCa the CA certificates (PEM) client certificates must chain to; present turns on
 *     mutual TLS (clients without a valid certificate are refused)
 * @param reflection whether the server reflection service (v1) is offered
 * @param gracePeriod how long shutdown waits for in-flight calls before cancelling them
 * @param maxCallTime the longest a SimilarityService call may run: a call without a deadline, or
 *     with a later one, is given this one, so that no request (a quadratic measure on two long
 *     texts, say) can hold a worker for hours; {@link Duration#ZERO} for no limit
 * @param memoryBudget the heap, in bytes, that the calls in flight may hold between them by their
 *     estimates ({@link MemoryAdmission}); 0 for {@link MemoryBudget#DEFAULT_HEAP_SHARE} of the
 *     heap
 */
public record ServerConfig(
    String host,
    int port,
    int threads,
    int queueSize,
    int maxMessageBytes,
    int maxTextChars,
    int maxDocuments,
    long maxStreamChars,
    Optional<Path> tlsCert,
    Optional<Path> tlsKey,
    Optional<Path> tlsClientCa,
    boolean reflection,
    Duration gracePeriod,
    Duration maxCallTime,
    long memoryBudget) {

  /** The default port. */
  public static final int DEFAULT_PORT = 50051;

  /** The default bind address: loopback only. */
  public static final String DEFAULT_HOST = "127.0.0.1";

  /** The default number of calls that may wait for a worker. */
  public static final int DEFAULT_QUEUE_SIZE = 64;

  /** The default request size limit: 16 MiB. */
  public static final int DEFAULT_MAX_MESSAGE_BYTES = 16 * 1024 * 1024;

  /** The default text length limit, in UTF-16 code units: a long book. */
  public static final int DEFAULT_MAX_TEXT_CHARS = 4_000_000;

  /** The default limit on documents or candidates per call. */
  public static final int DEFAULT_MAX_DOCUMENTS = 100_000;

  /** The default limit on the total text of one ClusterStream, in UTF-16 code units. */
  public static final long DEFAULT_MAX_STREAM_CHARS = 512L * 1024 * 1024;

  /** The default shutdown grace period. */
  public static final Duration DEFAULT_GRACE_PERIOD = Duration.ofSeconds(30);

  /** The default limit on how long one call may run. */
  public static final Duration DEFAULT_MAX_CALL_TIME = Duration.ofMinutes(10);

  /** The shortest limit on a call other than 0 (no limit): a call's deadline is in milliseconds. */
  static final Duration MIN_MAX_CALL_TIME = Duration.ofMillis(1);

  /**
   * The longest limit on a call, and the longest grace period, accepted: longer is taken for a
   * mistake (and would overflow the nanoseconds that gRPC and the executors count in).
   */
  static final Duration MAX_DURATION = Duration.ofDays(365);

  /** Validates the settings; messages name the setting and the value. */
  public ServerConfig {
    Objects.requireNonNull(host, "host");
    Objects.requireNonNull(tlsCert, "tlsCert");
    Objects.requireNonNull(tlsKey, "tlsKey");
    Objects.requireNonNull(tlsClientCa, "tlsClientCa");
    Objects.requireNonNull(gracePeriod, "gracePeriod");
    Objects.requireNonNull(maxCallTime, "maxCallTime");
    if (host.isBlank()) {
      throw new IllegalArgumentException("host must not be blank");
    }
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException("port must be in [0, 65535], got " + port);
    }
    requireAtLeast("threads", threads, 1);
    requireAtLeast("queueSize", queueSize, 0);
    requireAtLeast("maxMessageBytes", maxMessageBytes, 1024);
    requireAtLeast("maxTextChars", maxTextChars, 1);
    requireAtLeast("maxDocuments", maxDocuments, 1);
    if (maxStreamChars < 1) {
      throw new IllegalArgumentException("maxStreamChars must be >= 1, got " + maxStreamChars);
    }
    if (memoryBudget < 0) {
      throw new IllegalArgumentException(
          "memoryBudget must be >= 0 (0: the default), got " + memoryBudget);
    }
    if (tlsCert.isPresent() != tlsKey.isPresent()) {
      throw new IllegalArgumentException("tlsCert and tlsKey must be given together");
    }
    if (tlsClientCa.isPresent() && tlsCert.isEmpty()) {
      throw new IllegalArgumentException("tlsClientCa (mutual TLS) needs tlsCert and tlsKey");
    }
    if (gracePeriod.isNegative() || gracePeriod.compareTo(MAX_DURATION) > 0) {
      throw new IllegalArgumentException(
          "gracePeriod must be between 0s and "
              + Durations.format(MAX_DURATION)
              + ", got "
              + gracePeriod);
    }
    if (!maxCallTime.isZero()
        && (maxCallTime.compareTo(MIN_MAX_CALL_TIME) < 0
            || maxCallTime.compareTo(MAX_DURATION) > 0)) {
      throw new IllegalArgumentException(
          "maxCallTime must be 0 (no limit) or between "
              + Durations.format(MIN_MAX_CALL_TIME)
              + " and "
              + Durations.format(MAX_DURATION)
              + ", got "
              + maxCallTime);
    }
  }

  private static void requireAtLeast(String name, int value, int min) {
    if (value < min) {
      throw new IllegalArgumentException(name + " must be >= " + min + ", got " + value);
    }
  }

  /** The defaults of the table above. */
  public static ServerConfig defaults() {
    return builder().build();
  }

  /** A builder holding the defaults. */
  public static Builder builder() {
    return new Builder();
  }

  /** A builder holding these settings. */
  public Builder toBuilder() {
    return new Builder()
        .host(host)
        .port(port)
        .threads(threads)
        .queueSize(queueSize)
        .maxMessageBytes(maxMessageBytes)
        .maxTextChars(maxTextChars)
        .maxDocuments(maxDocuments)
        .maxStreamChars(maxStreamChars)
        .tls(tlsCert.orElse(null), tlsKey.orElse(null))
        .tlsClientCa(tlsClientCa.orElse(null))
        .reflection(reflection)
        .gracePeriod(gracePeriod)
        .maxCallTime(maxCallTime)
        .memoryBudget(memoryBudget);
  }

  /** The memory budget in bytes: {@link #memoryBudget()}, or the default share of the heap. */
  public long memoryBudgetBytes() {
    return memoryBudget > 0 ? memoryBudget : MemoryBudget.defaultLimit();
  }

  /** True if the server speaks TLS. */
  public boolean tls() {
    return tlsCert.isPresent();
  }

  /** Builds a {@link ServerConfig}; validation happens in {@link #build()}. Not thread-safe. */
  public static final class Builder {
    private String host = DEFAULT_HOST;
    private int port = DEFAULT_PORT;
    private int threads = Runtime.getRuntime().availableProcessors();
    private int queueSize = DEFAULT_QUEUE_SIZE;
    private int maxMessageBytes = DEFAULT_MAX_MESSAGE_BYTES;
    private int maxTextChars = DEFAULT_MAX_TEXT_CHARS;
    private int maxDocuments = DEFAULT_MAX_DOCUMENTS;
    private long maxStreamChars = DEFAULT_MAX_STREAM_CHARS;
    private Path tlsCert;
    private Path tlsKey;
    private Path tlsClientCa;
    private boolean reflection = true;
    private Duration gracePeriod = DEFAULT_GRACE_PERIOD;
    private Duration maxCallTime = DEFAULT_MAX_CALL_TIME;
    private long memoryBudget;

    private Builder() {}

    /** Sets the bind address. */
    public Builder host(String host) {
      this.host = host;
      return this;
    }

    /** Sets the port, 0 for any free port. */
    public Builder port(int port) {
      this.port = port;
      return this;
    }

    /** Sets the number of worker threads. */
    public Builder threads(int threads) {
      this.threads = threads;
      return this;
    }

    /** Sets how many calls may wait for a worker. */
    public Builder queueSize(int queueSize) {
      this.queueSize = queueSize;
      return this;
    }

    /** Sets the largest request message accepted, in bytes. */
    public Builder maxMessageBytes(int maxMessageBytes) {
      this.maxMessageBytes = maxMessageBytes;
      return this;
    }

    /** Sets the longest text accepted, in UTF-16 code units. */
    public Builder maxTextChars(int maxTextChars) {
      this.maxTextChars = maxTextChars;
      return this;
    }

    /** Sets the most documents or candidates per call. */
    public Builder maxDocuments(int maxDocuments) {
      this.maxDocuments = maxDocuments;
      return this;
    }

    /** Sets the most text one ClusterStream may send, in UTF-16 code units. */
    public Builder maxStreamChars(long maxStreamChars) {
      this.maxStreamChars = maxStreamChars;
      return this;
    }

    /** Sets the certificate chain and private key (PEM); both null for plaintext. */
    public Builder tls(Path certChain, Path privateKey) {
      this.tlsCert = certChain;
      this.tlsKey = privateKey;
      return this;
    }

    /** Sets the CA that client certificates must chain to (mutual TLS); null for none. */
    public Builder tlsClientCa(Path clientCa) {
      this.tlsClientCa = clientCa;
      return this;
    }

    /** Turns the reflection service on or off. */
    public Builder reflection(boolean reflection) {
      this.reflection = reflection;
      return this;
    }

    /** Sets how long shutdown waits for in-flight calls. */
    public Builder gracePeriod(Duration gracePeriod) {
      this.gracePeriod = gracePeriod;
      return this;
    }

    /** Sets the longest a call may run; {@link Duration#ZERO} for no limit. */
    public Builder maxCallTime(Duration maxCallTime) {
      this.maxCallTime = maxCallTime;
      return this;
    }

    /** Sets the memory budget in bytes; 0 for the default share of the heap. */
    public Builder memoryBudget(long memoryBudget) {
      this.memoryBudget = memoryBudget;
      return this;
    }

    /** Validates and returns the configuration. */
    public ServerConfig build() {
      return new ServerConfig(
          host,
          port,
          threads,
          queueSize,
          maxMessageBytes,
          maxTextChars,
          maxDocuments,
          maxStreamChars,
          Optional.ofNullable(tlsCert),
          Optional.ofNullable(tlsKey),
          Optional.ofNullable(tlsClientCa),
          reflection,
          gracePeriod,
          maxCallTime,
          memoryBudget);
    }
  }
}
