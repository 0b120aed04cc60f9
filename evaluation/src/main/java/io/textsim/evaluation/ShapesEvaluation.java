package io.textsim.evaluation;

import io.textsim.core.TextProfiler;
import io.textsim.core.cluster.ClusterMeasure;
import io.textsim.core.cluster.ClusterOptions;
import io.textsim.core.cluster.Clusterer;
import io.textsim.core.cluster.Clustering;
import io.textsim.core.cluster.Document;
import io.textsim.core.cluster.Linkage;
import io.textsim.core.furniture.Furniture;
import io.textsim.core.furniture.FurnitureModel;
import io.textsim.core.shingle.ShingleConfig;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Sweeps clustering settings over collections of several shapes ({@link ShapedCollection}) and
 * prints one Markdown row per (shape, seed, setting): pairwise precision, recall, F1, adjusted Rand
 * index, the largest cluster and how many stories it mixes, and the time. The default settings'
 * rows come first. Needs Reuters-21578 (../shared/devdata) for the story texts.
 *
 * <p>Run: {@code java -cp evaluation/target/evaluation.jar io.textsim.evaluation.ShapesEvaluation}.
 */
@Command(
    name = "shapes-evaluation",
    mixinStandardHelpOptions = true,
    description = "Pairwise F1 of clustering settings on collections of several shapes.")
public final class ShapesEvaluation implements Callable<Integer> {
  @Option(names = "--reuters", description = "reuters21578.jsonl.gz (default: found in devdata)")
  Path reuters;

  @Option(names = "--seeds", split = ",", description = "Seeds (default: 11,12).")
  List<Long> seeds = List.of(11L, 12L);

  @Option(
      names = "--shapes",
      split = ",",
      description = "comments, teasers, short, persian, framed (default: all, worst first).")
  List<String> shapes = List.of("comments", "teasers", "short", "persian", "framed");

  @Option(
      names = "--settings",
      split = " ",
      description =
          "Settings as measure:threshold:furniture(learn|none):minShared:sources(known|unknown)"
              + "[:linkage[:shingle size[:passage shingles]]]; the defaults first when not given.")
  List<String> settings = defaultSettings();

  /** The defaults, then the grid around them and the mechanisms switched off one at a time. */
  static List<String> defaultSettings() {
    List<String> out = new ArrayList<>();
    out.add("default");
    for (String t : List.of("0.25", "0.35", "0.4", "0.5")) {
      out.add("jaccard:" + t + ":learn:8:known:representative:3");
    }
    for (String t : List.of("0.45", "0.5", "0.55", "0.65")) {
      out.add("overlap:" + t + ":learn:8:known:representative:3");
    }
    out.add("jaccard:0.3:learn:8:known:representative:4");
    out.add("jaccard:0.3:learn:8:known:representative:5");
    out.add("jaccard:0.3:learn:8:unknown:representative:3");
    out.add("jaccard:0.3:learn:8:known:single:3");
    out.add("jaccard:0.3:learn:8:known:average:3");
    out.add("jaccard:0.3:learn:1:known:representative:3");
    out.add("jaccard:0.3:none:8:known:representative:3");
    for (String passage : List.of("40", "30", "60")) {
      out.add("jaccard:0.3:learn:8:known:representative:3:" + passage);
    }
    // The round-1 defaults.
    out.add("overlap:0.65:none:1:known:single:4");
    return out;
  }

  public static void main(String[] args) {
    System.exit(new CommandLine(new ShapesEvaluation()).execute(args));
  }

  @Override
  public Integer call() throws Exception {
    Optional<Path> file = ReutersCorpus.locate(Optional.ofNullable(reuters), Path.of(""));
    if (file.isEmpty()) {
      System.err.println("Reuters-21578 not found: pass --reuters FILE");
      return 1;
    }
    List<String> stories = new ArrayList<>();
    for (Story s : ReutersCorpus.read(file.get())) {
      stories.add(s.text());
    }
    System.out.println(
        "| shape | seed | setting | precision | recall | F1 | ARI | largest (stories) | s |");
    System.out.println("|---|---|---|---:|---:|---:|---:|---:|---:|");
    for (String shapeName : shapes) {
      ShapedCollection.Shape shape =
          ShapedCollection.Shape.valueOf(shapeName.strip().toUpperCase(Locale.ROOT));
      for (long seed : seeds) {
        ShapedCollection.Labelled corpus = ShapedCollection.build(shape, stories, seed);
        for (String setting : settings) {
          System.out.println(row(shape, seed, setting, corpus));
        }
      }
    }
    return 0;
  }

  private static String row(
      ShapedCollection.Shape shape, long seed, String setting, ShapedCollection.Labelled corpus) {
    ClusterOptions options;
    boolean knownSources = true;
    if (setting.equals("default")) {
      options = ClusterOptions.defaults();
    } else {
      String[] f = setting.split(":");
      ClusterOptions.Builder b =
          ClusterOptions.builder()
              .measure(ClusterMeasure.fromName(f[0]))
              .threshold(Double.parseDouble(f[1]))
              .furniture(f[2].equals("none") ? Furniture.none() : Furniture.learned())
              .minSharedShingles(Integer.parseInt(f[3]));
      knownSources = f[4].equals("known");
      if (f.length > 5) {
        b.linkage(Linkage.fromName(f[5]));
      }
      if (f.length > 6) {
        b.profiler(
            TextProfiler.defaults().withShingles(ShingleConfig.words(Integer.parseInt(f[6]))));
      }
      if (f.length > 7) {
        b.passageShingles(Integer.parseInt(f[7]));
      }
      options = b.build();
    }
    List<Document> docs = corpus.documents();
    if (!knownSources) {
      List<Document> unknown = new ArrayList<>(docs.size());
      for (Document d : docs) {
        unknown.add(new Document(d.id(), d.text(), FurnitureModel.UNKNOWN_SOURCE));
      }
      docs = unknown;
    }
    long t0 = System.nanoTime();
    Clustering clustering = Clusterer.cluster(docs, options);
    double seconds = (System.nanoTime() - t0) / 1e9;
    Map<String, Integer> index = new HashMap<>();
    for (int i = 0; i < docs.size(); i++) {
      index.put(docs.get(i).id(), i);
    }
    int[] predicted = new int[docs.size()];
    for (Clustering.Cluster c : clustering.clusters()) {
      for (Clustering.Member m : c.members()) {
        predicted[index.get(m.id())] = c.id();
      }
    }
    ClusteringMetrics.Scores s = ClusteringMetrics.compare(corpus.truth(), predicted);
    Clustering.Cluster largest = clustering.clusters().get(0);
    Set<Integer> mixed = new HashSet<>();
    largest.members().forEach(m -> mixed.add(corpus.truth()[index.get(m.id())]));
    return String.format(
        Locale.ROOT,
        "| %s | %d | %s | %.3f | %.3f | %.3f | %.3f | %d (%d) | %.1f |",
        shape.wireName(),
        seed,
        setting,
        s.precision(),
        s.recall(),
        s.f1(),
        s.adjustedRand(),
        largest.size(),
        mixed.size(),
        seconds);
  }
}
