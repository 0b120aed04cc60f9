package io.textsim.benchmarks;

import io.textsim.benchmarks.CorpusGenerator.Article;
import io.textsim.core.TextProfile;
import io.textsim.core.TextProfiler;
import io.textsim.core.cluster.ClusterOptions;
import io.textsim.core.cluster.Clusterer;
import io.textsim.core.cluster.Clustering;
import io.textsim.core.cluster.Document;
import io.textsim.core.furniture.Furniture;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.infra.IterationParams;
import org.openjdk.jmh.runner.IterationType;

/**
 * Near-duplicate clustering of {@link #articles} simulated news articles ({@link
 * CorpusGenerator#defaults()}), beside the time to build their profiles alone.
 *
 * <ul>
 *   <li>{@code profiles}: every article's {@link TextProfile} with {@link TextProfiler#defaults()},
 *       in parallel on all cores the way {@link Clusterer} does it ({@code IntStream.range(0,
 *       n).parallel()}): the part of clustering no strategy can avoid.
 *   <li>{@code cluster}: {@link Clusterer#cluster(List, ClusterOptions)} with {@link
 *       ClusterOptions#defaults()} (page furniture learned per source, Jaccard of the content word
 *       4-shingles at 0.3, representative linkage; AUTO picks LSH candidates above 300 documents),
 *       end to end: profiles, furniture, one-permutation signatures and band keys, candidate pairs,
 *       exact verification, union-find, representatives, the representative split. With {@code
 *       furniture=none} the same without furniture, so that the two rows of one run give what
 *       learning and taking out the furniture costs.
 * </ul>
 *
 * <p>Single-shot: each iteration is one complete run (seconds to tens of seconds), two warm-up and
 * three measured iterations in one fork with {@code -Xmx4g}. Run with {@code -gc true} so that each
 * iteration starts from a collected heap. The peak heap, CPU time and collector time of each
 * iteration are measured by an {@link IterationWatch} (started before, read after the iteration,
 * outside the timing) and printed as {@code "# iteration ..."} lines; the corpus summary and the
 * clustering's counts are printed too.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = "-Xmx4g")
@Warmup(iterations = 2)
@Measurement(iterations = 3)
public class ClusteringBenchmark {
  /** The number of articles. */
  @Param({"10000", "100000"})
  public int articles;

  /** {@code learn}: the defaults; {@code none}: the defaults without page furniture. */
  @Param({"learn", "none"})
  public String furniture;

  /**
   * The shared-passage rule's size ({@link ClusterOptions#passageShingles}): 40, the default; 0
   * switches the rule and its sampled candidate keys off, to measure what they cost.
   */
  @Param({"40"})
  public int passage;

  private List<Document> documents;
  private String[] texts;
  private TextProfiler profiler;
  private ClusterOptions options;
  private IterationWatch watch;
  private IterationType iterationType;
  private int iteration;
  private volatile Clustering last;

  /** Generates the corpus and prints its size. */
  @Setup(Level.Trial)
  public void setUp() {
    long start = System.nanoTime();
    List<Article> corpus = CorpusGenerator.defaults().articles(articles);
    documents = corpus.stream().map(Article::document).toList();
    texts = documents.stream().map(Document::text).toArray(String[]::new);
    profiler = TextProfiler.defaults();
    ClusterOptions.Builder builder = ClusterOptions.builder().passageShingles(passage);
    options =
        furniture.equals("none") ? builder.furniture(Furniture.none()).build() : builder.build();
    watch = new IterationWatch();
    long chars = 0;
    for (String t : texts) {
      chars += t.length();
    }
    long copies = corpus.stream().filter(a -> a.copy() > 0).count();
    long stories = corpus.stream().mapToInt(Article::story).distinct().count();
    System.out.printf(
        Locale.ROOT,
        "# corpus: %d articles (%d stories, %d copies), %.1f MB of text (%.0f chars per article),"
            + " generated in %.1f s; %d cores%n",
        articles,
        stories,
        copies,
        chars / 1e6,
        (double) chars / articles,
        (System.nanoTime() - start) / 1e9,
        Runtime.getRuntime().availableProcessors());
  }

  /** Starts watching the heap, CPU and GC time. */
  @Setup(Level.Iteration)
  public void startIterationWatch() {
    watch.start();
  }

  /** Reports the heap, CPU and GC time the iteration needed, and the last clustering's counts. */
  @TearDown(Level.Iteration)
  public void stopIterationWatch(BenchmarkParams benchmark, IterationParams params) {
    if (params.getType() != iterationType) {
      iterationType = params.getType();
      iteration = 0;
    }
    iteration++;
    String name = benchmark.getBenchmark();
    watch.stop(
        String.format(
            Locale.ROOT,
            "%s\tarticles=%d\tfurniture=%s\t%s-%d",
            name.substring(name.lastIndexOf('.') + 1),
            articles,
            furniture,
            params.getType().toString().toLowerCase(Locale.ROOT),
            iteration));
    Clustering c = last;
    if (c != null) {
      System.out.printf(
          Locale.ROOT,
          "# clustering: %d clusters, %d with more than one article; %s%n",
          c.clusters().size(),
          c.clusters().stream().filter(x -> x.size() > 1).count(),
          c.stats());
      last = null;
    }
  }

  /** Profiles of all articles, in parallel, as {@link Clusterer} builds them. */
  @Benchmark
  public TextProfile[] profiles() {
    TextProfile[] out = new TextProfile[texts.length];
    IntStream.range(0, texts.length).parallel().forEach(i -> out[i] = profiler.profile(texts[i]));
    return out;
  }

  /** Clustering of all articles with the default options, end to end. */
  @Benchmark
  public Clustering cluster() {
    Clustering c = Clusterer.cluster(documents, options);
    last = c;
    return c;
  }
}
