package io.textsim.benchmarks.load;

import io.textsim.core.Durations;
import io.textsim.server.ServerConfig;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What a {@link LoadGenerator} run does. Build with {@link #builder()} or parse command-line
 * arguments with {@link #parse}; every setting has a default, validated at {@link Builder#build()}.
 *
 * <table>
 *   <caption>Settings, flags and defaults</caption>
 *   <tr><th>setting</th><th>flag</th><th>default</th></tr>
 *   <tr><td>target</td><td>--target host:port</td><td>none: a TextsimServer started in this
 *       process on 127.0.0.1, any free port, plaintext</td></tr>
 *   <tr><td>levels</td><td>--levels 1,16,64</td><td>1, 16, 64 calls in flight</td></tr>
 *   <tr><td>warmup</td><td>--warmup 10s</td><td>10 s per level and path, not measured</td></tr>
 *   <tr><td>measure</td><td>--measure 20s</td><td>20 s per level and path</td></tr>
 *   <tr><td>rounds</td><td>--rounds 4</td><td>the measured time of a level is cut into 4
 *       windows per path, library and gRPC alternating (ABBA)</td></tr>
 *   <tr><td>clusterDocuments</td><td>--cluster-docs N</td><td>1,000 articles of {@link
 *       io.textsim.benchmarks.CorpusGenerator#defaults()}; 0 skips Cluster</td></tr>
 *   <tr><td>clusterWarmups</td><td>--cluster-warmups N</td><td>1 call per path, not
 *       measured</td></tr>
 *   <tr><td>clusterRuns</td><td>--cluster-runs N</td><td>5 calls per path, one at a time</td></tr>
 *   <tr><td>explain</td><td>--explain</td><td>off: Compare asks for no passages</td></tr>
 *   <tr><td>serverThreads</td><td>--server-threads N</td><td>the server's default, the number of
 *       cores</td></tr>
 *   <tr><td>serverQueue</td><td>--server-queue N</td><td>the server's default ({@value
 *       ServerConfig#DEFAULT_QUEUE_SIZE}), raised to the highest level if that is larger</td></tr>
 *   <tr><td>callLog</td><td>--call-log</td><td>off: the server's one log line per call is
 *       silenced for the run</td></tr>
 * </table>
 *
 * <p>The server settings apply only to the server started in this process, not to a {@code
 * --target}.
 *
 * @param target the server to load, {@code host:port}; empty to start one in this process
 * @param levels the numbers of calls in flight measured for Compare, each at least 1
 * @param warmup how long each level runs before measuring starts
 * @param measure how long each level is measured, per path
 * @param rounds the number of windows {@code measure} is cut into, the two paths alternating
 * @param clusterDocuments the number of generated articles in each Cluster call; 0 for no Cluster
 * @param clusterWarmups unmeasured Cluster calls before the measured ones
 * @param clusterRuns measured Cluster calls
 * @param explain whether Compare asks for the passages (and the library computes them)
 * @param serverThreads the in-process server's worker threads
 * @param serverQueue the in-process server's queue of calls waiting for a worker
 * @param callLog whether the in-process server writes its log line per call
 */
public record LoadSettings(
    Optional<String> target,
    List<Integer> levels,
    Duration warmup,
    Duration measure,
    int rounds,
    int clusterDocuments,
    int clusterWarmups,
    int clusterRuns,
    boolean explain,
    int serverThreads,
    int serverQueue,
    boolean callLog) {

  /** The default concurrency levels. */
  public static final List<Integer> DEFAULT_LEVELS = List.of(1, 16, 64);

  /** The default warm-up per level. */
  public static final Duration DEFAULT_WARMUP = Duration.ofSeconds(10);

  /** The default measurement per level. */
  public static final Duration DEFAULT_MEASURE = Duration.ofSeconds(20);

  /** The default number of alternating windows per level and path. */
  public static final int DEFAULT_ROUNDS = 4;

  /** The default number of articles clustered per call. */
  public static final int DEFAULT_CLUSTER_DOCUMENTS = 1000;

  /** The usage text of {@link #parse}. */
  public static final String USAGE =
      """
      Usage: java -cp benchmarks.jar io.textsim.benchmarks.load.LoadGenerator [options]
        --target HOST:PORT     load a running server (plaintext) instead of starting one
        --levels 1,16,64       Compare calls in flight, one measured level each
        --warmup 10s           unmeasured run per level and path (500ms, 1.5s, 2m, PT30S)
        --measure 20s          measured run per level and path (500ms, 1.5s, 2m, PT30S)
        --rounds 4             windows per level and path, library and gRPC alternating
        --cluster-docs 1000    articles per Cluster call (0: no Cluster)
        --cluster-warmups 1    unmeasured Cluster calls per path
        --cluster-runs 5       measured Cluster calls per path
        --explain              Compare asks for the passages
        --server-threads N     workers of the in-process server (default: cores)
        --server-queue N       queue of the in-process server (default: max(64, levels))
        --call-log             keep the in-process server's log line per call
        --help                 this text""";

  /** Validates the settings; messages name the setting and the value. */
  public LoadSettings {
    Objects.requireNonNull(target, "target");
    Objects.requireNonNull(warmup, "warmup");
    Objects.requireNonNull(measure, "measure");
    levels = List.copyOf(Objects.requireNonNull(levels, "levels"));
    if (levels.isEmpty()) {
      throw new IllegalArgumentException("levels must name at least one level");
    }
    for (int level : levels) {
      if (level < 1) {
        throw new IllegalArgumentException("levels must be >= 1, got " + level);
      }
    }
    target.ifPresent(LoadSettings::checkTarget);
    if (warmup.isNegative()) {
      throw new IllegalArgumentException("warmup must not be negative, got " + warmup);
    }
    if (measure.isNegative() || measure.isZero()) {
      throw new IllegalArgumentException("measure must be positive, got " + measure);
    }
    requireAtLeast("rounds", rounds, 1);
    requireAtLeast("clusterDocuments", clusterDocuments, 0);
    requireAtLeast("clusterWarmups", clusterWarmups, 0);
    requireAtLeast("clusterRuns", clusterRuns, 1);
    requireAtLeast("serverThreads", serverThreads, 1);
    requireAtLeast("serverQueue", serverQueue, 0);
  }

  private static void requireAtLeast(String name, int value, int min) {
    if (value < min) {
      throw new IllegalArgumentException(name + " must be >= " + min + ", got " + value);
    }
  }

  private static void checkTarget(String target) {
    int colon = target.lastIndexOf(':');
    if (colon <= 0 || colon == target.length() - 1) {
      throw new IllegalArgumentException("target must be host:port, got '" + target + "'");
    }
    try {
      int port = Integer.parseInt(target.substring(colon + 1));
      if (port < 1 || port > 65535) {
        throw new IllegalArgumentException("target port must be in [1, 65535], got " + port);
      }
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("target must be host:port, got '" + target + "'", e);
    }
  }

  /** The highest level. */
  public int maxLevel() {
    return levels.stream().mapToInt(Integer::intValue).max().orElseThrow();
  }

  /** The defaults of the table above. */
  public static LoadSettings defaults() {
    return builder().build();
  }

  /** A builder holding the defaults. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Parses the flags of {@link #USAGE}.
   *
   * @throws IllegalArgumentException naming the flag if one is unknown, lacks its value or has a
   *     bad one
   */
  public static LoadSettings parse(String... args) {
    Builder b = builder();
    for (int i = 0; i < args.length; i++) {
      String flag = args[i];
      String value = null;
      int eq = flag.indexOf('=');
      if (flag.startsWith("--") && eq > 0) {
        value = flag.substring(eq + 1);
        flag = flag.substring(0, eq);
      }
      if (flag.equals("--explain")) {
        b.explain(true);
        continue;
      }
      if (flag.equals("--call-log")) {
        b.callLog(true);
        continue;
      }
      if (value == null) {
        if (i + 1 >= args.length) {
          throw new IllegalArgumentException(flag + " needs a value");
        }
        value = args[++i];
      }
      switch (flag) {
        case "--target" -> b.target(value);
        case "--levels" -> b.levels(levels(value));
        case "--warmup" -> b.warmup(duration(flag, value));
        case "--measure" -> b.measure(duration(flag, value));
        case "--rounds" -> b.rounds(integer(flag, value));
        case "--cluster-docs" -> b.clusterDocuments(integer(flag, value));
        case "--cluster-warmups" -> b.clusterWarmups(integer(flag, value));
        case "--cluster-runs" -> b.clusterRuns(integer(flag, value));
        case "--server-threads" -> b.serverThreads(integer(flag, value));
        case "--server-queue" -> b.serverQueue(integer(flag, value));
        default -> throw new IllegalArgumentException("unknown option " + flag);
      }
    }
    return b.build();
  }

  private static List<Integer> levels(String value) {
    List<Integer> out = new ArrayList<>();
    for (String part : value.split(",", -1)) {
      out.add(integer("--levels", part.trim()));
    }
    return out;
  }

  private static int integer(String flag, String value) {
    try {
      return Integer.parseInt(value);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(flag + " must be an integer, got '" + value + "'", e);
    }
  }

  /**
   * A duration in the grammar of {@link Durations}, which every textsim program shares: {@code
   * 10s}, {@code 500ms}, {@code 1.5s}, {@code 2m}, a bare number of seconds, or ISO-8601.
   */
  static Duration duration(String flag, String value) {
    try {
      return Durations.parse(value);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(flag + ": " + e.getMessage(), e);
    }
  }

  /** Builds {@link LoadSettings}; validation happens in {@link #build()}. Not thread-safe. */
  public static final class Builder {
    private String target;
    private List<Integer> levels = DEFAULT_LEVELS;
    private Duration warmup = DEFAULT_WARMUP;
    private Duration measure = DEFAULT_MEASURE;
    private int rounds = DEFAULT_ROUNDS;
    private int clusterDocuments = DEFAULT_CLUSTER_DOCUMENTS;
    private int clusterWarmups = 1;
    private int clusterRuns = 5;
    private boolean explain;
    private int serverThreads = Runtime.getRuntime().availableProcessors();
    private Integer serverQueue;
    private boolean callLog;

    private Builder() {}

    /** Sets the server to load, {@code host:port}; null to start one in this process. */
    public Builder target(String target) {
      this.target = target;
      return this;
    }

    /** Sets the Compare concurrency levels. */
    public Builder levels(List<Integer> levels) {
      this.levels = levels;
      return this;
    }

    /** Sets the unmeasured run per level. */
    public Builder warmup(Duration warmup) {
      this.warmup = warmup;
      return this;
    }

    /** Sets the measured run per level. */
    public Builder measure(Duration measure) {
      this.measure = measure;
      return this;
    }

    /** Sets the number of alternating windows per level and path. */
    public Builder rounds(int rounds) {
      this.rounds = rounds;
      return this;
    }

    /** Sets the articles per Cluster call; 0 for no Cluster. */
    public Builder clusterDocuments(int clusterDocuments) {
      this.clusterDocuments = clusterDocuments;
      return this;
    }

    /** Sets the unmeasured Cluster calls per path. */
    public Builder clusterWarmups(int clusterWarmups) {
      this.clusterWarmups = clusterWarmups;
      return this;
    }

    /** Sets the measured Cluster calls per path. */
    public Builder clusterRuns(int clusterRuns) {
      this.clusterRuns = clusterRuns;
      return this;
    }

    /** Sets whether Compare asks for the passages. */
    public Builder explain(boolean explain) {
      this.explain = explain;
      return this;
    }

    /** Sets the in-process server's worker threads. */
    public Builder serverThreads(int serverThreads) {
      this.serverThreads = serverThreads;
      return this;
    }

    /** Sets the in-process server's queue; by default max(64, the highest level). */
    public Builder serverQueue(int serverQueue) {
      this.serverQueue = serverQueue;
      return this;
    }

    /** Sets whether the in-process server writes its log line per call. */
    public Builder callLog(boolean callLog) {
      this.callLog = callLog;
      return this;
    }

    /** Validates and returns the settings. */
    public LoadSettings build() {
      int queue = ServerConfig.DEFAULT_QUEUE_SIZE;
      if (serverQueue != null) {
        queue = serverQueue;
      } else if (levels != null) {
        for (int level : levels) {
          queue = Math.max(queue, level);
        }
      }
      return new LoadSettings(
          Optional.ofNullable(target),
          levels,
          warmup,
          measure,
          rounds,
          clusterDocuments,
          clusterWarmups,
          clusterRuns,
          explain,
          serverThreads,
          queue,
          callLog);
    }
  }
}
