package io.textsim.benchmarks;

import io.textsim.core.cluster.ClusterOptions;
import io.textsim.core.cluster.ClusterProgress;
import io.textsim.core.cluster.Clusterer;
import io.textsim.core.cluster.Clustering;
import io.textsim.core.cluster.Document;
import io.textsim.core.furniture.Furniture;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Where the time of a clustering goes: clusters {@link CorpusGenerator} articles with the default
 * options a few times and prints, for each run, when each stage of {@link Clusterer} finished, as
 * reported to a {@link ClusterProgress} listener (profiles, signatures, candidates, verify,
 * clusters). A quick breakdown to read beside {@link ClusteringBenchmark}, not a benchmark: no
 * warm-up control, one JVM, wall-clock times.
 *
 * <pre>
 * java -Xmx4g -cp benchmarks/target/benchmarks.jar io.textsim.benchmarks.ClusterStages 100000 3 learn
 * </pre>
 *
 * <p>The third argument, {@code learn} (the default) or {@code none}, turns page furniture learning
 * on or off, to measure what it costs.
 */
public final class ClusterStages {
  private ClusterStages() {}

  /**
   * Runs the breakdown.
   *
   * @param args the number of articles (default 100,000), of runs (default 3), and {@code learn} or
   *     {@code none} for furniture (default learn)
   */
  public static void main(String[] args) {
    int n = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
    int runs = args.length > 1 ? Integer.parseInt(args[1]) : 3;
    Furniture furniture =
        args.length > 2 && args[2].equals("none") ? Furniture.none() : Furniture.learned();
    List<Document> documents = CorpusGenerator.defaults().documents(n);
    System.out.printf(
        Locale.ROOT, "%d articles, %d runs, furniture %s%n", n, runs, furniture.wireName());
    System.out.println("| run | stage finished at (s) | total (s) |");
    System.out.println("|---:|---|---:|");
    for (int run = 1; run <= runs; run++) {
      System.gc();
      Map<String, Long> finished = new LinkedHashMap<>();
      long start = System.nanoTime();
      ClusterProgress progress =
          (stage, done, total) -> {
            if (done == total) {
              synchronized (finished) {
                finished.putIfAbsent(stage, System.nanoTime() - start);
              }
            }
          };
      Clustering c =
          Clusterer.cluster(
              documents, ClusterOptions.builder().progress(progress).furniture(furniture).build());
      long total = System.nanoTime() - start;
      List<String> stages = new ArrayList<>();
      synchronized (finished) {
        finished.forEach(
            (stage, at) -> stages.add(String.format(Locale.ROOT, "%s %.2f", stage, at / 1e9)));
      }
      System.out.printf(
          Locale.ROOT, "| %d | %s | %.2f |%n", run, String.join(", ", stages), total / 1e9);
      if (run == runs) {
        System.out.println();
        System.out.println(c.stats() + ", " + c.clusters().size() + " clusters");
      }
    }
  }
}
