package io.textsim.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Checks one JMH run of the scale suite against the performance targets of issue 3 ("Done when"
 * item 5) and prints the tables of {@code docs/BENCHMARKS.md} in Markdown.
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar io.textsim.benchmarks.TargetReport scale.json [iterations.tsv]
 * </pre>
 *
 * <p>{@code scale.json} is the JMH result file ({@code -rf json -rff scale.json}) of a run that
 * includes {@link MinHashBenchmark} and {@link ClusteringBenchmark}; {@code iterations.tsv} is the
 * file {@link IterationWatch} appended to ({@code TEXTSIM_HEAP_LOG}), with the peak heap, CPU and
 * GC time of every clustering iteration. Each time ratio is given from the mean scores and, as a
 * worst case, from the least favourable pair of measured iterations (for single-shot runs, single
 * runs; for average-time runs, one-second iteration means).
 *
 * <p>Targets: textsim's MinHash signature at least {@value #MINHASH_SPEEDUP} times faster than
 * java-LSH's; clustering 100,000 articles at most {@value #CLUSTER_OVER_PROFILES} times the time of
 * building their profiles alone; clustering time growing at most {@value #GROWTH}-fold from 10,000
 * to 100,000 articles; all within a 4 GB heap.
 */
public final class TargetReport {
  static final double MINHASH_SPEEDUP = 10.0;
  static final double CLUSTER_OVER_PROFILES = 2.5;
  static final double GROWTH = 12.0;
  static final double HEAP_LIMIT_MIB = 4096.0;

  private static final String PACKAGE = "io.textsim.benchmarks.";

  private final JsonNode results;

  private TargetReport(JsonNode results) {
    this.results = results;
  }

  /**
   * Prints the report.
   *
   * @param args the JMH JSON result file, and optionally the iteration log
   * @throws IOException if a file cannot be read
   */
  public static void main(String[] args) throws IOException {
    if (args.length < 1 || args.length > 2) {
      System.err.println("usage: TargetReport <jmh-result.json> [iterations.tsv]");
      System.exit(2);
    }
    JsonNode results = new ObjectMapper().readTree(Path.of(args[0]).toFile());
    List<String> iterations =
        args.length == 2 ? Files.readAllLines(Path.of(args[1]), StandardCharsets.UTF_8) : null;
    report(results, iterations, System.out);
  }

  /**
   * Prints the tables for JMH {@code results} and, if not null, the {@link IterationWatch} log
   * lines {@code iterations}.
   */
  static void report(JsonNode results, List<String> iterations, PrintStream out) {
    TargetReport report = new TargetReport(results);
    report.minHash(out);
    report.clustering(out);
    if (iterations != null) {
      List<Watched> watched = new ArrayList<>();
      for (String line : iterations) {
        Watched w = Watched.parse(line);
        if (w != null) {
          watched.add(w);
        }
      }
      cpu(watched, out);
      heap(watched, out);
    }
  }

  /**
   * One benchmark's result.
   *
   * @param score the mean
   * @param error the half-width of JMH's 99.9% confidence interval (NaN with too few iterations)
   * @param unit the unit of the scores
   * @param best the most favourable measured iteration
   * @param worst the least favourable measured iteration
   */
  private record Result(double score, double error, String unit, double best, double worst) {}

  private Result find(String benchmark, String articles) {
    for (JsonNode r : results) {
      if (!r.path("benchmark").asText().equals(PACKAGE + benchmark)) {
        continue;
      }
      if (articles != null && !r.path("params").path("articles").asText().equals(articles)) {
        continue;
      }
      JsonNode m = r.path("primaryMetric");
      double best = Double.POSITIVE_INFINITY;
      double worst = 0;
      for (JsonNode fork : m.path("rawData")) {
        for (JsonNode v : fork) {
          best = Math.min(best, v.asDouble());
          worst = Math.max(worst, v.asDouble());
        }
      }
      return new Result(
          m.path("score").asDouble(),
          m.path("scoreError").asDouble(),
          m.path("scoreUnit").asText(),
          best,
          worst);
    }
    return null;
  }

  private void minHash(PrintStream out) {
    Result peer = find("MinHashBenchmark.javaLsh", null);
    Result classic = find("MinHashBenchmark.textsimClassic", null);
    Result oph = find("MinHashBenchmark.textsimOnePermutation", null);
    if (peer == null || classic == null || oph == null) {
      out.println("(no MinHashBenchmark results)");
      return;
    }
    out.println(
        "| MinHash signature, k = 128 | score | java-LSH / textsim (means) | worst case |"
            + " target | met? |");
    out.println("|---|---:|---:|---:|---:|---|");
    out.printf(Locale.ROOT, "| java-LSH `MinHash.signature` | %s | | | | |%n", score(peer));
    speedup(out, "textsim classic", classic, peer);
    speedup(out, "textsim one-permutation", oph, peer);
    out.println();
  }

  private static void speedup(PrintStream out, String name, Result textsim, Result peer) {
    double mean = peer.score() / textsim.score();
    double worst = peer.best() / textsim.worst();
    out.printf(
        Locale.ROOT,
        "| %s | %s | %.1fx | %.1fx | >= %.0fx | %s |%n",
        name,
        score(textsim),
        mean,
        worst,
        MINHASH_SPEEDUP,
        verdict(mean >= MINHASH_SPEEDUP, worst >= MINHASH_SPEEDUP));
  }

  private void clustering(PrintStream out) {
    Result p10 = find("ClusteringBenchmark.profiles", "10000");
    Result p100 = find("ClusteringBenchmark.profiles", "100000");
    Result c10 = find("ClusteringBenchmark.cluster", "10000");
    Result c100 = find("ClusteringBenchmark.cluster", "100000");
    if (p10 == null || p100 == null || c10 == null || c100 == null) {
      out.println("(no complete ClusteringBenchmark results)");
      return;
    }
    out.println("| wall-time ratio | mean | worst case | target | met? |");
    out.println("|---|---:|---:|---:|---|");
    ratio(out, "cluster(100k) / profiles(100k)", c100, p100, CLUSTER_OVER_PROFILES);
    ratio(out, "cluster(100k) / cluster(10k)", c100, c10, GROWTH);
    ratio(out, "(reference) cluster(10k) / profiles(10k)", c10, p10, 0);
    ratio(out, "(reference) profiles(100k) / profiles(10k)", p100, p10, 0);
    out.println();
  }

  private static void ratio(PrintStream out, String name, Result a, Result b, double target) {
    double mean = a.score() / b.score();
    double worst = a.worst() / b.best();
    out.printf(
        Locale.ROOT,
        "| %s | %.2f | %.2f | %s | %s |%n",
        name,
        mean,
        worst,
        target > 0 ? String.format(Locale.ROOT, "<= %.1f", target) : "",
        target > 0 ? verdict(mean <= target, worst <= target) : "");
  }

  /**
   * One line of the iteration log.
   *
   * @param benchmark the benchmark method
   * @param articles the number of articles
   * @param measured true for a measured iteration, false for warm-up
   * @param sampledPeak MiB
   * @param poolPeaks MiB
   * @param afterGc MiB
   * @param maxHeap MiB
   * @param cpu process CPU seconds
   * @param gc collector seconds
   * @param wall elapsed seconds
   */
  private record Watched(
      String benchmark,
      String articles,
      boolean measured,
      double sampledPeak,
      double poolPeaks,
      double afterGc,
      double maxHeap,
      double cpu,
      double gc,
      double wall) {
    static Watched parse(String line) {
      String[] f = line.split("\t", -1);
      if (f.length != 10) {
        return null;
      }
      return new Watched(
          f[0],
          f[1].replace("articles=", ""),
          f[2].startsWith("measurement"),
          Double.parseDouble(f[3]),
          Double.parseDouble(f[4]),
          Double.parseDouble(f[5]),
          Double.parseDouble(f[6]),
          Double.parseDouble(f[7]),
          Double.parseDouble(f[8]),
          Double.parseDouble(f[9]));
    }
  }

  /** Means of CPU, GC and wall seconds over the measured iterations of one benchmark, or null. */
  private static double[] cpuOf(List<Watched> watched, String benchmark, String articles) {
    double cpu = 0;
    double gc = 0;
    double wall = 0;
    int n = 0;
    for (Watched w : watched) {
      if (w.measured() && w.benchmark().equals(benchmark) && w.articles().equals(articles)) {
        cpu += w.cpu();
        gc += w.gc();
        wall += w.wall();
        n++;
      }
    }
    return n == 0 ? null : new double[] {cpu / n, gc / n, wall / n};
  }

  private static void cpu(List<Watched> watched, PrintStream out) {
    out.println(
        "| benchmark | articles | wall (s) | process CPU (s) | CPU / wall | GC pauses (s) |");
    out.println("|---|---:|---:|---:|---:|---:|");
    for (String benchmark : List.of("profiles", "cluster")) {
      for (String articles : List.of("10000", "100000")) {
        double[] c = cpuOf(watched, benchmark, articles);
        if (c != null) {
          out.printf(
              Locale.ROOT,
              "| %s | %s | %.2f | %.2f | %.2f | %.2f |%n",
              benchmark,
              articles,
              c[2],
              c[0],
              c[0] / c[2],
              c[1]);
        }
      }
    }
    out.println();
    double[] p10 = cpuOf(watched, "profiles", "10000");
    double[] p100 = cpuOf(watched, "profiles", "100000");
    double[] c10 = cpuOf(watched, "cluster", "10000");
    double[] c100 = cpuOf(watched, "cluster", "100000");
    if (p10 != null && p100 != null && c10 != null && c100 != null) {
      out.println(
          "| CPU-time ratio (means of measured iterations) | ratio | target (on wall time) |");
      out.println("|---|---:|---:|");
      out.printf(
          Locale.ROOT,
          "| cluster(100k) / profiles(100k) | %.2f | <= %.1f |%n",
          c100[0] / p100[0],
          CLUSTER_OVER_PROFILES);
      out.printf(
          Locale.ROOT,
          "| cluster(100k) / cluster(10k) | %.2f | <= %.0f |%n",
          c100[0] / c10[0],
          GROWTH);
      out.printf(Locale.ROOT, "| cluster(10k) / profiles(10k) | %.2f | |%n", c10[0] / p10[0]);
      out.printf(Locale.ROOT, "| profiles(100k) / profiles(10k) | %.2f | |%n", p100[0] / p10[0]);
      out.println();
    }
  }

  private static void heap(List<Watched> watched, PrintStream out) {
    out.println(
        "| benchmark | articles | iterations (all) | sampled peak (MiB) | pool peaks (MiB) |"
            + " after GC (MiB) | heap limit (MiB) | within 4 GB? |");
    out.println("|---|---:|---:|---:|---:|---:|---:|---|");
    for (String benchmark : List.of("profiles", "cluster")) {
      for (String articles : List.of("10000", "100000")) {
        double sampled = 0;
        double pools = 0;
        double afterGc = 0;
        double max = 0;
        int n = 0;
        for (Watched w : watched) {
          if (w.benchmark().equals(benchmark) && w.articles().equals(articles)) {
            sampled = Math.max(sampled, w.sampledPeak());
            pools = Math.max(pools, w.poolPeaks());
            afterGc = Math.max(afterGc, w.afterGc());
            max = Math.max(max, w.maxHeap());
            n++;
          }
        }
        if (n > 0) {
          out.printf(
              Locale.ROOT,
              "| %s | %s | %d | %.0f | %.0f | %.0f | %.0f | %s |%n",
              benchmark,
              articles,
              n,
              sampled,
              pools,
              afterGc,
              max,
              max <= HEAP_LIMIT_MIB && sampled <= HEAP_LIMIT_MIB ? "yes" : "**no**");
        }
      }
    }
    out.println();
  }

  private static String score(Result r) {
    return String.format(Locale.ROOT, "%.3f ± %.3f %s", r.score(), r.error(), r.unit());
  }

  private static String verdict(boolean mean, boolean worst) {
    if (mean && worst) {
      return "yes";
    }
    return mean ? "yes (means), not in the worst case" : "**no**";
  }
}
