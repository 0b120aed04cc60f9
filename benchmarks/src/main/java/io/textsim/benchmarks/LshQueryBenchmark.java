package io.textsim.benchmarks;

import io.textsim.benchmarks.CorpusGenerator.Article;
import io.textsim.core.TextProfile;
import io.textsim.core.TextProfiler;
import io.textsim.core.lsh.LshIndex;
import io.textsim.core.lsh.Match;
import io.textsim.core.measure.Measures;
import io.textsim.core.measure.SimilarityMeasure;
import io.textsim.core.sketch.MinHashParameters;
import io.textsim.core.sketch.MinHashSignature;
import io.textsim.core.sketch.MinHasher;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Querying an {@link LshIndex} that holds {@value #INDEXED} signatures, by signature.
 *
 * <p>The corpus is {@link CorpusGenerator#defaults()}{@code .articles(101,024)}: the first {@value
 * #INDEXED} articles are profiled, signed (default {@link MinHashParameters}: classic, k = 128,
 * word 4-shingles) and indexed under their position, with the banding {@link LshIndex#forThreshold}
 * chooses for Jaccard 0.5 (25 bands of 5 rows); the last {@value #QUERIES} are the queries, new
 * articles as a feed would bring them: most are copies or bases of stories that already have
 * articles in the index, the rest new stories. All of this happens once, in {@link #setUp()}, which
 * also prints how many candidates and verified matches the queries get. Each invocation takes the
 * next query, round robin; the query's signature and profile are prebuilt, so only the index and
 * the verification are timed.
 *
 * <ul>
 *   <li>{@code candidates}: {@link LshIndex#candidates(MinHashSignature)}: 25 bucket lookups and
 *       the set of keys found.
 *   <li>{@code topK}: {@link LshIndex#query}: the candidates, each verified by the exact Jaccard
 *       similarity of its stored profile to the query's ({@link Measures#jaccard()}, a merge of two
 *       sorted shingle arrays), the ones at {@value #MIN_SCORE} or more sorted, the best {@value
 *       #TOP_K} returned.
 * </ul>
 *
 * <p>The index and the 100,000 profiles take about 2 GB, so the fork runs with {@code -Xmx4g}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(value = 1, jvmArgsAppend = "-Xmx4g")
@Warmup(iterations = 3, time = 1, timeUnit = TimeUnit.SECONDS)
@Measurement(iterations = 5, time = 1, timeUnit = TimeUnit.SECONDS)
public class LshQueryBenchmark {
  /** The number of indexed signatures. */
  static final int INDEXED = 100_000;

  /** The number of distinct queries, used round robin. */
  static final int QUERIES = 1024;

  /** The most matches {@code topK} returns. */
  static final int TOP_K = 10;

  /** The least verified Jaccard similarity {@code topK} keeps. */
  static final double MIN_SCORE = 0.5;

  private static final SimilarityMeasure JACCARD = Measures.jaccard();

  private LshIndex<Integer> index;
  private TextProfile[] profiles;
  private MinHashSignature[] querySignatures;
  private TextProfile[] queryProfiles;
  private int next;

  /** Generates, profiles, signs and indexes the corpus; prints what the queries find. */
  @Setup(Level.Trial)
  public void setUp() {
    long start = System.nanoTime();
    List<Article> articles = CorpusGenerator.defaults().articles(INDEXED + QUERIES);
    TextProfiler profiler = TextProfiler.defaults();
    MinHasher hasher = MinHasher.defaults();
    TextProfile[] all = new TextProfile[articles.size()];
    MinHashSignature[] signatures = new MinHashSignature[articles.size()];
    IntStream.range(0, all.length)
        .parallel()
        .forEach(
            i -> {
              all[i] = profiler.profile(articles.get(i).text());
              signatures[i] = hasher.sign(all[i]);
            });
    index = LshIndex.forThreshold(hasher.parameters(), MIN_SCORE);
    for (int i = 0; i < INDEXED; i++) {
      index.add(i, signatures[i]);
    }
    profiles = new TextProfile[INDEXED];
    System.arraycopy(all, 0, profiles, 0, INDEXED);
    querySignatures = new MinHashSignature[QUERIES];
    queryProfiles = new TextProfile[QUERIES];
    System.arraycopy(signatures, INDEXED, querySignatures, 0, QUERIES);
    System.arraycopy(all, INDEXED, queryProfiles, 0, QUERIES);

    // What the queries find, for the report.
    long candidates = 0;
    long matches = 0;
    int withMatch = 0;
    int withSibling = 0;
    Map<Integer, Integer> storyCount = new HashMap<>();
    for (int i = 0; i < INDEXED; i++) {
      storyCount.merge(articles.get(i).story(), 1, Integer::sum);
    }
    for (int q = 0; q < QUERIES; q++) {
      candidates += candidates(q).size();
      int found = topK(q).size();
      matches += found;
      withMatch += found > 0 ? 1 : 0;
      withSibling += storyCount.containsKey(articles.get(INDEXED + q).story()) ? 1 : 0;
    }
    System.out.printf(
        Locale.ROOT,
        "# %s; setup %.1f s; per query: %.2f candidates, %.2f matches at Jaccard >= %.1f;"
            + " %d of %d queries have a match, %d have an article of their story indexed%n",
        index,
        (System.nanoTime() - start) / 1e9,
        (double) candidates / QUERIES,
        (double) matches / QUERIES,
        MIN_SCORE,
        withMatch,
        QUERIES,
        withSibling);
  }

  private int nextQuery() {
    int q = next;
    next = q + 1 == QUERIES ? 0 : q + 1;
    return q;
  }

  /** The keys sharing a band with the next query: probable near-duplicates, unverified. */
  @Benchmark
  public Set<Integer> candidates() {
    return candidates(nextQuery());
  }

  /** The best verified matches of the next query, by exact Jaccard of the stored profiles. */
  @Benchmark
  public List<Match<Integer>> topK() {
    return topK(nextQuery());
  }

  private Set<Integer> candidates(int q) {
    return index.candidates(querySignatures[q]);
  }

  private List<Match<Integer>> topK(int q) {
    TextProfile query = queryProfiles[q];
    return index.query(
        querySignatures[q], TOP_K, key -> JACCARD.similarity(profiles[key], query), MIN_SCORE);
  }
}
