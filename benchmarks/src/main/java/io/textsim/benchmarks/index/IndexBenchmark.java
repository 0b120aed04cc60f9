package io.textsim.benchmarks.index;

import io.textsim.benchmarks.CorpusGenerator;
import io.textsim.benchmarks.CorpusGenerator.Article;
import io.textsim.core.lsh.LshParameters;
import io.textsim.core.sketch.MinHashParameters;
import io.textsim.index.IndexDocument;
import io.textsim.index.IndexMatch;
import io.textsim.index.IndexOptions;
import io.textsim.index.IndexStats;
import io.textsim.index.NearDuplicateIndex;
import io.textsim.index.PreparedDocument;
import io.textsim.index.PreparedQuery;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.HdrHistogram.Histogram;

/**
 * The persistent index against the store a user would otherwise reach for, on the same documents:
 * add throughput, query latency, bytes per document and reopen time of textsim's {@link
 * NearDuplicateIndex} (RocksDB, every batch fsynced), and the same for the same banded index kept
 * in Redis through Jedis ({@link RedisBandedIndex}) when a Redis server is named.
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar io.textsim.benchmarks.index.IndexBenchmark \
 *     --articles 100000 --queries 2000 --dir /tmp/index-bench [--redis 127.0.0.1:6390] [--threads 2]
 * </pre>
 *
 * <p>The documents are {@link CorpusGenerator#defaults()}{@code .articles(articles + queries)}: the
 * first {@code articles} are added in batches of {@value #BATCH} by {@code threads} threads (each
 * with its own Redis connection), the rest are the queries, new articles as a feed brings them
 * (many copies of stories already held). Add time is wall time from the first batch to the last
 * acknowledgement, profiling and signing included (both stores profile alike); the store's own part
 * is timed too, after the profiling and signing ({@link NearDuplicateIndex#prepare} then {@link
 * NearDuplicateIndex#addPrepared} for textsim, the pipeline for Redis), and reported as documents
 * per second of store time added up over the threads. Each query asks for the best {@value #TOP_K},
 * one at a time on one thread, after a warm-up pass over the first {@value #WARMUP} queries;
 * latency is recorded per query in an HdrHistogram, end to end and from the signature to the answer
 * (the store alone, verification included). Bytes per document are the index directory's files
 * after a clean close (as the reopened index's stats count them) for textsim, and the growth of
 * Redis's {@code used_memory} for Redis (it holds everything in memory; what it writes to disk
 * depends on its persistence settings). Reopen is {@code open} plus {@code stats} of the closed
 * directory; the reopened index is then timed on the same queries again (once its background
 * compaction is over) and must give the same answers. The run also checks that both stores give the
 * same top-{@value #TOP_K} ids for every query.
 *
 * <p>The Redis database must be empty: the benchmark refuses to write into one that holds keys.
 */
public final class IndexBenchmark {
  static final int BATCH = 256;
  static final int TOP_K = 10;
  static final int WARMUP = 500;

  /** The targets: add at least this many documents per second. */
  static final double ADD_TARGET = 5_000;

  /** Query p99 at most this many milliseconds. */
  static final double P99_TARGET_MS = 5.0;

  /** Both at least this many times better than the Redis peer. */
  static final double PEER_FACTOR = 10.0;

  private IndexBenchmark() {}

  /** Where one thread adds its batches; closed when the thread is done. */
  interface BatchSink extends AutoCloseable {
    /**
     * Profiles, signs and adds {@code batch}; returns the nanoseconds spent in the store, that is
     * after the profiling and signing (which both stores do alike, in the client).
     */
    long add(List<IndexDocument> batch);

    @Override
    default void close() {}
  }

  /** The textsim run's result and the signing and banding the peer must use too. */
  private record TextsimRun(Result result, MinHashParameters minHash, LshParameters lsh) {}

  /** What to run. */
  record Settings(int articles, int queries, Path dir, Optional<String> redis, int threads) {
    Settings {
      if (articles < 1 || queries < 1 || threads < 1) {
        throw new IllegalArgumentException("articles, queries and threads must be >= 1");
      }
    }

    static Settings parse(String... args) {
      int articles = 100_000;
      int queries = 2_000;
      Path dir = null;
      Optional<String> redis = Optional.empty();
      int threads = Runtime.getRuntime().availableProcessors();
      for (int i = 0; i < args.length; i += 2) {
        String value = i + 1 < args.length ? args[i + 1] : "";
        switch (args[i]) {
          case "--articles" -> articles = Integer.parseInt(value);
          case "--queries" -> queries = Integer.parseInt(value);
          case "--dir" -> dir = Path.of(value);
          case "--redis" -> redis = Optional.of(value);
          case "--threads" -> threads = Integer.parseInt(value);
          default ->
              throw new IllegalArgumentException(
                  "unknown argument '"
                      + args[i]
                      + "'; use --articles N --queries N --dir DIR [--redis HOST:PORT]"
                      + " [--threads N]");
        }
      }
      if (dir == null) {
        throw new IllegalArgumentException("--dir DIR is needed: where the textsim index goes");
      }
      return new Settings(articles, queries, dir, redis, threads);
    }
  }

  /** A query's answer and the part of its time spent in the store, after profiling and signing. */
  record Answer(List<String> ids, long storeNanos) {}

  /** One store's numbers; the store-only figures leave out the profiling both stores do alike. */
  record Result(
      String store,
      long documents,
      double addSeconds,
      double addStoreSeconds,
      Histogram latencyMicros,
      Histogram storeLatencyMicros,
      double bytesPerDocument,
      String bytesWhere,
      Optional<Double> reopenSeconds,
      List<List<String>> answers,
      Optional<Histogram> reopenedLatencyMicros) {

    double addPerSecond() {
      return documents / addSeconds;
    }

    double p50Millis() {
      return latencyMicros.getValueAtPercentile(50) / 1000.0;
    }

    double p99Millis() {
      return latencyMicros.getValueAtPercentile(99) / 1000.0;
    }

    /** Documents per second of store time, the time of every thread's store calls added up. */
    double addPerStoreSecond() {
      return documents / addStoreSeconds;
    }

    double storeP50Millis() {
      return storeLatencyMicros.getValueAtPercentile(50) / 1000.0;
    }

    double storeP99Millis() {
      return storeLatencyMicros.getValueAtPercentile(99) / 1000.0;
    }
  }

  public static void main(String[] args) throws Exception {
    Settings settings;
    try {
      settings = Settings.parse(args);
    } catch (IllegalArgumentException e) {
      System.err.println("IndexBenchmark: " + e.getMessage());
      System.exit(2);
      return;
    }
    List<Result> results = run(settings, System.err);
    report(settings, results, System.out);
  }

  /** Runs textsim, then Redis if named; progress goes to {@code log}. */
  static List<Result> run(Settings s, PrintStream log) throws Exception {
    long t0 = System.nanoTime();
    List<Article> all = CorpusGenerator.defaults().articles(s.articles() + s.queries());
    List<IndexDocument> documents = new ArrayList<>(s.articles());
    for (Article a : all.subList(0, s.articles())) {
      documents.add(IndexDocument.of(a.id(), a.text()));
    }
    List<String> queries =
        all.subList(s.articles(), all.size()).stream().map(Article::text).toList();
    log.printf(
        Locale.ROOT,
        "generated %,d articles in %.1f s%n",
        all.size(),
        seconds(t0, System.nanoTime()));
    List<List<IndexDocument>> batches = new ArrayList<>();
    for (int i = 0; i < documents.size(); i += BATCH) {
      batches.add(documents.subList(i, Math.min(documents.size(), i + BATCH)));
    }
    TextsimRun textsim = textsim(s, batches, queries, log);
    List<Result> results = new ArrayList<>();
    results.add(textsim.result());
    if (s.redis().isPresent()) {
      results.add(redis(s, batches, queries, textsim, log));
    }
    return results;
  }

  private static TextsimRun textsim(
      Settings s, List<List<IndexDocument>> batches, List<String> queries, PrintStream log)
      throws Exception {
    if (Files.exists(s.dir())) {
      try (Stream<Path> entries = Files.list(s.dir())) {
        if (entries.findAny().isPresent()) {
          throw new IllegalArgumentException(s.dir() + " is not empty: give a new directory");
        }
      }
    }
    IndexOptions options = IndexOptions.defaults();
    Histogram latency;
    Histogram storeLatency;
    List<List<String>> answers;
    double addSeconds;
    double addStoreSeconds;
    long documents;
    MinHashParameters minHash;
    LshParameters lsh;
    try (NearDuplicateIndex index = NearDuplicateIndex.open(s.dir(), options)) {
      minHash = index.minHashParameters();
      lsh = index.lshParameters();
      long start = System.nanoTime();
      BatchSink sink =
          batch -> {
            List<PreparedDocument> prepared = new ArrayList<>(batch.size());
            for (IndexDocument d : batch) {
              prepared.add(index.prepare(d));
            }
            long t = System.nanoTime();
            index.addPrepared(prepared);
            return System.nanoTime() - t;
          };
      addStoreSeconds = inParallel(batches, s.threads(), () -> sink) / 1e9;
      addSeconds = seconds(start, System.nanoTime());
      documents = index.stats().documents();
      log.printf(
          Locale.ROOT,
          "textsim: added %,d documents in %.1f s (%.1f s in the store)%n",
          documents,
          addSeconds,
          addStoreSeconds);
      latency = new Histogram(60_000_000L, 3);
      storeLatency = new Histogram(60_000_000L, 3);
      answers = timeQueries(queries, textsimAsker(index), latency, storeLatency);
    }
    long start = System.nanoTime();
    double reopen;
    long bytes;
    Histogram reopenedLatency = new Histogram(60_000_000L, 3);
    Histogram reopenedStoreLatency = new Histogram(60_000_000L, 3);
    try (NearDuplicateIndex reopened = NearDuplicateIndex.open(s.dir(), options)) {
      IndexStats stats = reopened.stats();
      reopen = seconds(start, System.nanoTime());
      if (stats.documents() != documents) {
        throw new IllegalStateException("the reopened index holds another number of documents");
      }
      bytes = stats.diskBytes(); // the files of the closed index, and what opening it wrote
      // The same queries on the closed and reopened directory: the latency once the background
      // compaction of the adds is over, and the same answers after a restart.
      List<List<String>> again =
          timeQueries(queries, textsimAsker(reopened), reopenedLatency, reopenedStoreLatency);
      if (!again.equals(answers)) {
        throw new IllegalStateException("the reopened index answers differently");
      }
    }
    Result result =
        new Result(
            "textsim NearDuplicateIndex (RocksDB, each batch fsynced)",
            documents,
            addSeconds,
            addStoreSeconds,
            latency,
            storeLatency,
            (double) bytes / documents,
            "on disk",
            Optional.of(reopen),
            answers,
            Optional.of(reopenedLatency));
    return new TextsimRun(result, minHash, lsh);
  }

  /** Asks textsim for the best {@value #TOP_K}, timing the store apart from the profiling. */
  private static Function<String, Answer> textsimAsker(NearDuplicateIndex index) {
    return q -> {
      PreparedQuery prepared = index.prepareQuery(q, Optional.empty());
      long t = System.nanoTime();
      List<IndexMatch> matches = index.query(prepared, TOP_K, 0.0);
      long storeNanos = System.nanoTime() - t;
      return new Answer(matches.stream().map(IndexMatch::id).toList(), storeNanos);
    };
  }

  private static Result redis(
      Settings s,
      List<List<IndexDocument>> batches,
      List<String> queries,
      TextsimRun textsim,
      PrintStream log)
      throws Exception {
    String[] hostPort = s.redis().orElseThrow().split(":", 2);
    String host = hostPort[0];
    int port = Integer.parseInt(hostPort[1]);
    try (RedisBandedIndex redis =
        new RedisBandedIndex(host, port, textsim.minHash(), textsim.lsh())) {
      if (redis.keys() != 0) {
        throw new IllegalArgumentException(
            "Redis at " + s.redis().get() + " holds " + redis.keys() + " keys: give an empty one");
      }
      long before = redis.usedMemory();
      long start = System.nanoTime();
      double addStoreSeconds =
          inParallel(
                  batches,
                  s.threads(),
                  () -> new RedisBandedIndex(host, port, textsim.minHash(), textsim.lsh()))
              / 1e9;
      double addSeconds = seconds(start, System.nanoTime());
      long documents = 0;
      for (List<IndexDocument> b : batches) {
        documents += b.size();
      }
      log.printf(
          Locale.ROOT,
          "redis: added %,d documents in %.1f s (%.1f s in the store)%n",
          documents,
          addSeconds,
          addStoreSeconds);
      long memory = redis.usedMemory() - before;
      Histogram latency = new Histogram(60_000_000L, 3);
      Histogram storeLatency = new Histogram(60_000_000L, 3);
      List<List<String>> answers =
          timeQueries(
              queries,
              q -> {
                RedisBandedIndex.Query prepared = redis.prepare(q);
                long t = System.nanoTime();
                List<RedisBandedIndex.Match> matches = redis.query(prepared, TOP_K);
                long storeNanos = System.nanoTime() - t;
                return new Answer(
                    matches.stream().map(RedisBandedIndex.Match::id).toList(), storeNanos);
              },
              latency,
              storeLatency);
      return new Result(
          "Redis via Jedis (the same banded index, pipelined)",
          documents,
          addSeconds,
          addStoreSeconds,
          latency,
          storeLatency,
          (double) memory / documents,
          "in memory",
          Optional.empty(),
          answers,
          Optional.empty());
    }
  }

  /**
   * Runs {@code batches} on {@code threads} threads, each with its own consumer; returns the
   * nanoseconds the consumers spent in the store, added up over the threads.
   */
  private static long inParallel(
      List<List<IndexDocument>> batches, int threads, Supplier<BatchSink> perThread)
      throws InterruptedException, ExecutionException {
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      List<Future<Long>> done = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        int first = t;
        done.add(
            pool.submit(
                () -> {
                  long store = 0;
                  try (BatchSink sink = perThread.get()) {
                    for (int i = first; i < batches.size(); i += threads) {
                      store += sink.add(batches.get(i));
                    }
                  }
                  return store;
                }));
      }
      long store = 0;
      for (Future<Long> f : done) {
        store += f.get();
      }
      return store;
    } finally {
      pool.shutdownNow();
    }
  }

  private static List<List<String>> timeQueries(
      List<String> queries,
      Function<String, Answer> ask,
      Histogram latency,
      Histogram storeLatency) {
    long found = 0; // used below, so that the warm-up is not optimized away
    for (String q : queries.subList(0, Math.min(WARMUP, queries.size()))) {
      found += ask.apply(q).ids().size();
    }
    List<List<String>> answers = new ArrayList<>(queries.size());
    for (String q : queries) {
      long start = System.nanoTime();
      Answer answer = ask.apply(q);
      latency.recordValue(Math.max(1, (System.nanoTime() - start) / 1000));
      storeLatency.recordValue(Math.max(1, answer.storeNanos() / 1000));
      answers.add(answer.ids());
    }
    if (found < 0) {
      throw new AssertionError("unreachable");
    }
    return answers;
  }

  /** The results as the Markdown of {@code docs/BENCHMARKS.md}. */
  static void report(Settings s, List<Result> results, PrintStream out) {
    out.printf(
        Locale.ROOT,
        "%,d articles added by %d threads in batches of %d; %,d queries (top %d, one at a"
            + " time)%n%n",
        s.articles(),
        s.threads(),
        BATCH,
        s.queries(),
        TOP_K);
    out.println(
        "| store | add, documents/s | query p50, ms | query p99, ms | bytes per document |"
            + " reopen, s |");
    out.println("|---|---:|---:|---:|---:|---:|");
    for (Result r : results) {
      out.printf(
          Locale.ROOT,
          "| %s | %,.0f | %.2f | %.2f | %,.0f %s | %s |%n",
          r.store(),
          r.addPerSecond(),
          r.p50Millis(),
          r.p99Millis(),
          r.bytesPerDocument(),
          r.bytesWhere(),
          r.reopenSeconds().map(x -> String.format(Locale.ROOT, "%.2f", x)).orElse("n/a"));
    }
    out.println();
    out.println(
        "The store alone (after profiling and signing, which both do alike in the client): add"
            + " in documents per second of store time (the store calls of all threads added up),"
            + " query latency from the signature to the answer.");
    out.println();
    out.println(
        "| store | add, documents per store-second | query p50, ms | query p99, ms |"
            + " profiling share of the add wall time |");
    out.println("|---|---:|---:|---:|---:|");
    for (Result r : results) {
      out.printf(
          Locale.ROOT,
          "| %s | %,.0f | %.3f | %.3f | %.0f%% |%n",
          r.store(),
          r.addPerStoreSecond(),
          r.storeP50Millis(),
          r.storeP99Millis(),
          100 * Math.max(0, 1 - r.addStoreSeconds() / (s.threads() * r.addSeconds())));
    }
    Result t = results.get(0);
    t.reopenedLatencyMicros()
        .ifPresent(
            h ->
                out.printf(
                    Locale.ROOT,
                    "%ntextsim after reopening (the adds' background compaction over): query p50"
                        + " %.2f ms, p99 %.2f ms, the same answers%n",
                    h.getValueAtPercentile(50) / 1000.0,
                    h.getValueAtPercentile(99) / 1000.0));
    out.println();
    out.printf(
        Locale.ROOT,
        "targets: add >= %,.0f documents/s: %s (%,.0f); query p99 <= %.0f ms: %s (%.2f)%n",
        ADD_TARGET,
        t.addPerSecond() >= ADD_TARGET ? "met" : "missed",
        t.addPerSecond(),
        P99_TARGET_MS,
        t.p99Millis() <= P99_TARGET_MS ? "met" : "missed",
        t.p99Millis());
    if (results.size() > 1) {
      Result r = results.get(1);
      double add = t.addPerSecond() / r.addPerSecond();
      double p99 = r.p99Millis() / t.p99Millis();
      int same = 0;
      for (int i = 0; i < t.answers().size(); i++) {
        if (t.answers().get(i).equals(r.answers().get(i))) {
          same++;
        }
      }
      out.printf(
          Locale.ROOT,
          "against Redis: add %.1fx, query p99 %.1fx (target %.0fx on both: %s); the same top-%d"
              + " ids for %,d of %,d queries%n",
          add,
          p99,
          PEER_FACTOR,
          add >= PEER_FACTOR && p99 >= PEER_FACTOR ? "met" : "missed",
          TOP_K,
          same,
          t.answers().size());
      double storeAdd = t.addPerStoreSecond() / r.addPerStoreSecond();
      double storeP50 = r.storeP50Millis() / t.storeP50Millis();
      double storeP99 = r.storeP99Millis() / t.storeP99Millis();
      out.printf(
          Locale.ROOT,
          "against Redis, the store alone: add %.1fx, query p50 %.1fx, p99 %.1fx (target %.0fx:"
              + " %s)%n",
          storeAdd,
          storeP50,
          storeP99,
          PEER_FACTOR,
          storeAdd >= PEER_FACTOR && storeP99 >= PEER_FACTOR ? "met" : "missed");
    }
  }

  private static double seconds(long from, long to) {
    return (to - from) / 1e9;
  }
}
