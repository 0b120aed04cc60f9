package io.textsim.evaluation;

import io.textsim.core.TextProfile;
import io.textsim.core.cluster.ClusterMeasure;
import io.textsim.core.cluster.ClusterOptions;
import io.textsim.core.cluster.Clusterer;
import io.textsim.core.cluster.Clustering;
import io.textsim.core.cluster.Document;
import io.textsim.core.shingle.ShingleSet;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Consumer;

/**
 * The Reuters-21578 stories as they are, clustered by the library with a few configurations. There
 * is no ground truth, so each run is described: its cluster sizes, how many of its pairs are
 * identical texts or carry different tickers, which exact-duplicate groups it keeps whole, and how
 * it compares with the exact all-pairs clustering.
 */
final class ReutersClustering {
  /** The buckets of cluster sizes, in report order. */
  static final List<String> SIZE_BUCKETS = List.of("2", "3", "4", "5-9", "10+");

  /** What clustering the Reuters stories with one configuration found. */
  static final class Run {
    Choice choice;
    Clustering clustering;
    double seconds;
    int[] labels;
    long exactLinked;
    double ariVsExact;
    int multi;
    int inMulti;
    int largest;
    int notIdentical;
    int duplicateGroupsTogether;
    long pairs;
    long identicalPairs;
    long differentTickers;
    final Map<String, Integer> sizes = new LinkedHashMap<>();
    final List<Clustering.Cluster> withEdits = new ArrayList<>();
  }

  final List<Story> stories;
  final Map<String, Story> byId = new HashMap<>();

  /** The groups of stories with exactly equal bodies, by index. */
  final List<List<Integer>> duplicates = new ArrayList<>();

  /** The stories beyond the first of each group of equal bodies. */
  int redundant;

  final List<Run> runs = new ArrayList<>();

  /** Example clusters of the first run: its two largest and three whose texts differ. */
  final List<Clustering.Cluster> examples = new ArrayList<>();

  private final Consumer<String> progress;

  private ReutersClustering(List<Story> stories, Consumer<String> progress) {
    this.stories = List.copyOf(stories);
    this.progress = progress;
  }

  /**
   * Clusters {@code stories} with each of {@code choices}.
   *
   * @param exampleSeed the seed of the random pick of example clusters
   */
  static ReutersClustering run(
      List<Story> stories, List<Choice> choices, long exampleSeed, Consumer<String> progress) {
    ReutersClustering r = new ReutersClustering(stories, progress);
    List<Document> docs = new ArrayList<>(stories.size());
    for (Story s : stories) {
      docs.add(new Document(s.id(), s.text()));
      r.byId.put(s.id(), s);
    }
    Map<String, List<Integer>> byText = new HashMap<>();
    for (int i = 0; i < stories.size(); i++) {
      byText.computeIfAbsent(stories.get(i).text(), k -> new ArrayList<>()).add(i);
    }
    for (List<Integer> g : byText.values()) {
      if (g.size() > 1) {
        r.duplicates.add(g);
        r.redundant += g.size() - 1;
      }
    }
    for (Choice c : choices) {
      r.runs.add(r.cluster(docs, c));
    }
    Run main = r.runs.get(0);
    for (Clustering.Cluster c : main.clustering.clusters()) {
      if (r.examples.size() < 2 && c.size() > 1) {
        r.examples.add(c);
      }
    }
    SplittableRandom random = new SplittableRandom(exampleSeed);
    List<Clustering.Cluster> candidates = new ArrayList<>(main.withEdits);
    for (int k = 0; k < 3 && !candidates.isEmpty(); k++) {
      Clustering.Cluster c = candidates.remove(random.nextInt(candidates.size()));
      if (!r.examples.contains(c)) {
        r.examples.add(c);
      }
    }
    return r;
  }

  private Run cluster(List<Document> docs, Choice choice) {
    Run run = new Run();
    run.choice = choice;
    for (String bucket : SIZE_BUCKETS) {
      run.sizes.put(bucket, 0);
    }
    ClusterOptions options = choice.options().build();
    progress.accept("clustering Reuters: " + choice.label());
    long t0 = System.nanoTime();
    run.clustering = Clusterer.cluster(docs, options);
    run.seconds = (System.nanoTime() - t0) / 1e9;
    run.labels = ClusteringMetrics.labels(docs, run.clustering);
    for (List<Integer> g : duplicates) {
      boolean together = true;
      for (int i : g) {
        together &= run.labels[i] == run.labels[g.get(0)];
      }
      if (together) {
        run.duplicateGroupsTogether++;
      }
    }
    for (Clustering.Cluster c : run.clustering.clusters()) {
      if (c.size() < 2) {
        continue;
      }
      run.multi++;
      run.inMulti += c.size();
      run.largest = Math.max(run.largest, c.size());
      run.sizes.merge(sizeBucket(c.size()), 1, Integer::sum);
      String first = byId.get(c.members().get(0).id()).text();
      boolean allSame = true;
      for (Clustering.Member m : c.members()) {
        allSame &= byId.get(m.id()).text().equals(first);
      }
      if (!allSame) {
        run.notIdentical++;
        run.withEdits.add(c);
      }
      for (int x = 0; x < c.size(); x++) {
        Story a = byId.get(c.members().get(x).id());
        for (int y = x + 1; y < c.size(); y++) {
          Story b = byId.get(c.members().get(y).id());
          run.pairs++;
          if (a.text().equals(b.text())) {
            run.identicalPairs++;
          }
          if (StoryPool.differentCompanies(a.title(), b.title())) {
            run.differentTickers++;
          }
        }
      }
    }
    // The exact reference: what all pairs would link.
    progress.accept("exact join on Reuters: " + choice.label());
    List<String> texts = new ArrayList<>(stories.size());
    for (Story s : stories) {
      texts.add(s.text());
    }
    TextProfile[] profiles = ExactScoring.profile(texts, options.profiler());
    ExactJoin.Scored exact;
    if (choice.config().measure() == ClusterMeasure.COSINE) {
      exact = ExactJoin.cosine(profiles, choice.threshold());
    } else {
      ShingleSet[] sets = ExactScoring.shingles(profiles);
      exact =
          ExactScoring.score(
              ExactJoin.overlaps(sets, choice.threshold()),
              sets,
              choice.config().measure(),
              choice.threshold());
    }
    run.exactLinked = exact.size();
    int[] exactLabels = ThresholdSweep.labels(profiles.length, exact, choice.threshold());
    run.ariVsExact = ClusteringMetrics.compare(exactLabels, run.labels).adjustedRand();
    return run;
  }

  private static String sizeBucket(int size) {
    if (size <= 4) {
      return String.valueOf(size);
    }
    return size <= 9 ? "5-9" : "10+";
  }
}
