package io.textsim.evaluation;

import io.textsim.core.TextProfile;
import io.textsim.core.TextProfiler;
import io.textsim.core.cluster.CandidateStrategy;
import io.textsim.core.cluster.ClusterMeasure;
import io.textsim.core.cluster.ClusterOptions;
import io.textsim.core.cluster.Clusterer;
import io.textsim.core.cluster.Clustering;
import io.textsim.core.cluster.Document;
import io.textsim.core.cluster.Linkage;
import io.textsim.core.furniture.Furniture;
import io.textsim.core.shingle.ShingleConfig;
import io.textsim.core.shingle.ShingleSet;
import io.textsim.evaluation.SimulatedCorpus.Entry;
import io.textsim.evaluation.SimulatedCorpus.Kind;
import io.textsim.evaluation.SyndicationSimulator.Change;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.IntStream;

/**
 * The quality evaluation of near-duplicate clustering, documented in {@code docs/QUALITY.md}.
 *
 * <ol>
 *   <li>Builds simulated corpora from the Reuters-21578 stories, one per seed: base stories, the
 *       copies other outlets make of them ({@link SyndicationSimulator}), hard negatives and the
 *       rest of the collection as background ({@link SimulatedCorpus}).
 *   <li>Clusters them for every measure (Jaccard and overlap over word 3-, 4- and 5-shingles,
 *       optionally character k-grams; TF-IDF cosine), linkage and threshold (0.10 to 0.90), and
 *       reports pairwise precision, recall, F1 and the adjusted Rand index ({@link
 *       ClusteringMetrics}), averaged over the seeds. The clusterings are exact: every pair at or
 *       above the lowest threshold is found by an {@link ExactJoin} and the thresholds are swept
 *       over it ({@link ThresholdSweep}); the library's own {@link Clusterer} is then run on the
 *       best and the default configurations as a check.
 *   <li>Clusters all 19,043 Reuters stories with the best configuration, the best of another
 *       measure and the current defaults, and reports what each finds.
 *   <li>On 20,000 simulated documents, measures which fraction of the pairs that exact clustering
 *       links the library's LSH clustering links too, at the same threshold.
 * </ol>
 *
 * <p>Usage: {@code --help} lists the options. Writes Markdown to standard output (and to {@code
 * --out}), progress to standard error. Exits 0, with a message, when the corpus is not found; 2 for
 * bad arguments.
 */
public final class QualityEvaluation {
  /** The targets for the chosen defaults. */
  static final double TARGET_F1 = 0.97;

  static final double TARGET_ARI = 0.95;

  /**
   * The most cross-pair scores one average-linkage clustering of the sweep may take; beyond it
   * (very low thresholds, where clusters grow large) the cell is skipped and shown as "-".
   */
  static final long AVERAGE_BUDGET = 10_000_000L;

  /** The target for LSH recall. */
  static final double TARGET_LSH_RECALL = 0.98;

  private final Arguments args;
  private final PrintStream out;
  private final PrintStream log;
  private final StringBuilder report = new StringBuilder();

  private QualityEvaluation(Arguments args, PrintStream out, PrintStream log) {
    this.args = args;
    this.out = out;
    this.log = log;
  }

  /** Runs the evaluation; see the class comment for the arguments. */
  public static void main(String[] argv) throws IOException {
    int code = run(argv, System.out, System.err, Path.of(""));
    if (code != 0) {
      System.exit(code);
    }
  }

  /** Runs the evaluation and returns the exit code: 0 when done or skipped, 2 for bad arguments. */
  static int run(String[] argv, PrintStream out, PrintStream err, Path workingDir)
      throws IOException {
    Arguments args;
    try {
      args = Arguments.parse(argv);
    } catch (IllegalArgumentException e) {
      err.println("QualityEvaluation: " + e.getMessage());
      err.println(Arguments.USAGE);
      return 2;
    }
    if (args.help) {
      out.println(Arguments.USAGE);
      return 0;
    }
    Optional<Path> file = ReutersCorpus.locate(args.devdata, workingDir);
    if (file.isEmpty()) {
      out.println(
          "Quality evaluation skipped: "
              + ReutersCorpus.FILE_NAME
              + " not found (looked at "
              + ReutersCorpus.candidates(args.devdata, workingDir)
              + "). Pass --devdata PATH to point at it.");
      return 0;
    }
    new QualityEvaluation(args, out, err).evaluate(file.get());
    return 0;
  }

  // ---------------------------------------------------------------------------------------------

  private void evaluate(Path file) throws IOException {
    long start = System.nanoTime();
    progress("reading " + file);
    List<Story> stories = ReutersCorpus.read(file);
    emit("# textsim quality evaluation\n\n");
    emit(
        "Corpus: "
            + Markdown.count(stories.size())
            + " Reuters-21578 stories (Distribution 1.0). Machine: "
            + Runtime.getRuntime().availableProcessors()
            + " cores, Java "
            + Runtime.version()
            + ", max heap "
            + Runtime.getRuntime().maxMemory() / (1 << 20)
            + " MB. Arguments: "
            + args
            + ".\n\n");

    progress("grouping near-duplicate stories");
    StoryPool pool = StoryPool.of(stories);
    List<SimulatedCorpus> corpora = new ArrayList<>();
    List<Sweep> sweeps = new ArrayList<>();
    for (long seed : args.seeds) {
      progress("simulating, seed " + seed);
      SimulatedCorpus corpus = SimulatedCorpus.build(pool, args.settings.withSeed(seed));
      corpora.add(corpus);
      sweeps.add(sweep(corpus, sweeps.isEmpty()));
    }
    describeCorpus(pool, corpora);
    Map<Config, List<Mean>> means = means(sweeps);
    Choice choice = reportSweep(sweeps, means);
    diagnose(corpora.get(0), sweeps.get(0), choice);
    libraryCheck(corpora.get(0), sweeps.get(0), choice);
    if (!args.skipReuters) {
      List<Choice> compared = new ArrayList<>();
      compared.add(choice);
      runnerUp(means, choice).ifPresent(compared::add);
      if (!compared.contains(Choice.currentDefault())) {
        compared.add(Choice.currentDefault());
      }
      reuters(stories, compared);
    }
    if (args.lshDocs > 0) {
      lshRecall(pool, choice);
    }
    emit(
        String.format(
            Locale.ROOT, "_Total run time: %.0f s._\n", (System.nanoTime() - start) / 1e9));
    if (args.out.isPresent()) {
      Files.writeString(args.out.get(), report.toString(), StandardCharsets.UTF_8);
      progress("wrote " + args.out.get());
    }
  }

  // ---- 1. the simulated corpus -----------------------------------------------------------------

  private void describeCorpus(StoryPool pool, List<SimulatedCorpus> corpora) {
    SimulatedCorpus corpus = corpora.get(0);
    Map<Kind, Integer> kinds = new EnumMap<>(Kind.class);
    Map<Change, Integer> changes = new EnumMap<>(Change.class);
    Map<Integer, Integer> clusterSizes = new HashMap<>();
    int copies = 0;
    for (Entry e : corpus.entries()) {
      kinds.merge(e.kind(), 1, Integer::sum);
      clusterSizes.merge(e.truth(), 1, Integer::sum);
      if (e.kind() == Kind.COPY) {
        copies++;
        for (Change c : e.changes()) {
          changes.merge(c, 1, Integer::sum);
        }
      }
    }
    int bases = corpus.settings().bases();
    int present = kinds.getOrDefault(Kind.BASE, 0);
    TreeMap<Integer, Integer> sizeHistogram = new TreeMap<>();
    for (int s : clusterSizes.values()) {
      sizeHistogram.merge(s, 1, Integer::sum);
    }
    ClusteringMetrics.Scores self = ClusteringMetrics.compare(corpus.truth(), corpus.truth());
    emit("## 1. The simulated corpus\n\n");
    emit(
        "The "
            + Markdown.count(pool.size())
            + " stories fall into "
            + Markdown.count(pool.groups())
            + " groups of near-duplicates ("
            + StoryPool.DEDUP_RULE
            + "; "
            + Markdown.count(pool.nearDuplicatePairs())
            + " linked pairs); at most one story per group is used. "
            + Markdown.count(corpus.eligibleBases())
            + " groups have a story of at least "
            + corpus.settings().minWords()
            + " words, from which "
            + Markdown.count(bases)
            + " base stories were drawn. Each copy comes from one of "
            + SyndicationSimulator.outlets()
            + " simulated outlets, whose page furniture (headline, dateline, licence, share links,"
            + " other headlines, comment form, quotes, line breaks) is fixed per outlet, so that"
            + " different stories from one outlet share it. The evaluation runs on "
            + corpora.size()
            + " corpora simulated with seeds "
            + args.seedList()
            + "; the tables below describe the first.\n\n");
    Markdown t = new Markdown("documents", "count");
    t.row("base stories present", Markdown.count(present));
    t.row("base stories left out (only their copies are there)", Markdown.count(bases - present));
    t.row("simulated copies", Markdown.count(copies));
    t.row("topic negatives", Markdown.count(kinds.getOrDefault(Kind.TOPIC_NEGATIVE, 0)));
    t.row("template negatives", Markdown.count(kinds.getOrDefault(Kind.TEMPLATE_NEGATIVE, 0)));
    t.row(
        "other Reuters stories (background)",
        Markdown.count(kinds.getOrDefault(Kind.BACKGROUND, 0)));
    t.row("**total documents**", Markdown.count(corpus.size()));
    t.row("true clusters", Markdown.count(clusterSizes.size()));
    t.row("true pairs", Markdown.count(self.truePairs()));
    emit(t + "\n");
    StringBuilder sizes = new StringBuilder();
    for (Map.Entry<Integer, Integer> e : sizeHistogram.entrySet()) {
      sizes.append(sizes.length() == 0 ? "" : ", ").append(e.getKey()).append(": ");
      sizes.append(Markdown.count(e.getValue()));
    }
    emit("True cluster sizes (size: clusters): " + sizes + ".\n\n");
    Markdown c = new Markdown("change", "copies", "share of copies");
    for (Change ch : Change.values()) {
      int k = changes.getOrDefault(ch, 0);
      if (k == 0) {
        continue;
      }
      c.row("`" + ch + "`", Markdown.count(k), Markdown.percent((double) k / copies, 0));
    }
    emit("What the simulated outlets did (a copy usually has several changes):\n\n" + c + "\n");
  }

  // ---- 2. the sweep ----------------------------------------------------------------------------

  /**
   * One measure with one shingle configuration (ignored by cosine, which uses words) and one
   * linkage.
   */
  record Config(ClusterMeasure measure, ShingleConfig shingles, Linkage linkage) {
    /** "overlap w4, average". */
    String label() {
      return shortLabel() + ", " + linkage.name().toLowerCase(Locale.ROOT);
    }

    /** "overlap w4", without the linkage. */
    String shortLabel() {
      if (measure == ClusterMeasure.COSINE) {
        return "cosine (TF-IDF)";
      }
      return measure.wireName()
          + " "
          + (shingles.kind() == ShingleConfig.Kind.WORDS ? "w" : "c")
          + shingles.size();
    }

    Config withLinkage(Linkage l) {
      return new Config(measure, shingles, l);
    }
  }

  /** A configuration at a threshold. */
  record Choice(Config config, double threshold) {
    String label() {
      return config.label() + " @ " + Markdown.fixed(threshold, 2);
    }

    /**
     * The library's default measure, shingles and threshold. This sweep models single and average
     * linkage on whole texts only; the representative split and furniture learning are evaluated by
     * {@link ShapesEvaluation}, so the default's linkage is read here as single.
     */
    static Choice currentDefault() {
      ClusterOptions d = ClusterOptions.defaults();
      Linkage linkage = d.linkage() == Linkage.AVERAGE ? Linkage.AVERAGE : Linkage.SINGLE;
      return new Choice(new Config(d.measure(), d.profiler().shingles(), linkage), d.threshold());
    }

    boolean isCurrentDefault() {
      return equals(currentDefault());
    }

    /**
     * The library's options for this choice, on whole texts: this evaluation sweeps the measures as
     * they were before page furniture was learned (its fast sweep reimplements exactly that), so
     * furniture is off and any shared shingle may carry a link.
     */
    ClusterOptions.Builder options() {
      return ClusterOptions.builder()
          .measure(config.measure())
          .threshold(threshold)
          .linkage(config.linkage())
          .furniture(Furniture.none())
          .minSharedShingles(1)
          .profiler(TextProfiler.defaults().withShingles(config.shingles()));
    }
  }

  /**
   * The sweep of one corpus: rows per configuration, and (if kept) the scored pairs and pair
   * scorers of each measure and shingle configuration, keyed by its single-linkage configuration.
   */
  static final class Sweep {
    final List<Double> thresholds;
    final Map<Config, List<Optional<ThresholdSweep.Row>>> rows = new LinkedHashMap<>();
    final Map<Config, ExactJoin.Scored> pairs = new LinkedHashMap<>();
    final Map<Config, ThresholdSweep.PairScore> scorers = new LinkedHashMap<>();
    final Map<Config, Double> seconds = new LinkedHashMap<>();

    Sweep(double[] thresholds) {
      List<Double> t = new ArrayList<>();
      for (double x : thresholds) {
        t.add(x);
      }
      this.thresholds = List.copyOf(t);
    }

    /** The exact clustering of {@code choice}; needs the pairs kept. */
    int[] labels(int n, Choice choice) {
      Config join = choice.config().withLinkage(Linkage.SINGLE);
      return choice.config().linkage() == Linkage.SINGLE
          ? ThresholdSweep.labels(n, pairs.get(join), choice.threshold())
          : ThresholdSweep.averageLabels(n, pairs.get(join), choice.threshold(), scorers.get(join));
    }

    ThresholdSweep.Row row(Choice choice) {
      return rows.get(choice.config()).get(index(choice.threshold())).orElseThrow();
    }

    /** True if {@code threshold} is one of the sweep's. */
    boolean has(double threshold) {
      for (double t : thresholds) {
        if (Math.abs(t - threshold) < 1e-9) {
          return true;
        }
      }
      return false;
    }

    /** True if the kept pairs include every pair at or above {@code threshold}. */
    boolean covers(double threshold) {
      return threshold >= thresholds.get(0) - 1e-9;
    }

    int index(double threshold) {
      for (int i = 0; i < thresholds.size(); i++) {
        if (Math.abs(thresholds.get(i) - threshold) < 1e-9) {
          return i;
        }
      }
      throw new IllegalArgumentException("threshold " + threshold + " not in the sweep");
    }
  }

  private Sweep sweep(SimulatedCorpus corpus, boolean keepPairs) {
    double[] thresholds = ThresholdSweep.thresholds(args.from, args.to, args.step);
    double min = thresholds[0];
    int[] truth = corpus.truth();
    List<String> texts = new ArrayList<>();
    for (Document d : corpus.documents()) {
      texts.add(d.text());
    }
    List<ShingleConfig> shingleConfigs = new ArrayList<>();
    shingleConfigs.add(ShingleConfig.words(3));
    shingleConfigs.add(ShingleConfig.words(4));
    shingleConfigs.add(ShingleConfig.words(5));
    if (args.charShingles > 0) {
      shingleConfigs.add(ShingleConfig.characters(args.charShingles));
    }
    Sweep sweep = new Sweep(thresholds);
    for (ShingleConfig sc : shingleConfigs) {
      long t0 = System.nanoTime();
      progress("profiling and exact join, " + sc);
      TextProfile[] profiles = profile(texts, TextProfiler.defaults().withShingles(sc));
      ShingleSet[] sets = shingles(profiles);
      ExactJoin.Overlaps o = ExactJoin.overlaps(sets, min);
      double joinSeconds = (System.nanoTime() - t0) / 1e9;
      for (ClusterMeasure m : List.of(ClusterMeasure.JACCARD, ClusterMeasure.OVERLAP)) {
        Config single = new Config(m, sc, Linkage.SINGLE);
        ExactJoin.Scored scored = score(o, sets, m, min);
        ThresholdSweep.PairScore scorer =
            m == ClusterMeasure.JACCARD
                ? (i, j) ->
                    ExactJoin.jaccard(
                        sets[i].intersectionSize(sets[j]), sets[i].size(), sets[j].size())
                : (i, j) ->
                    ExactJoin.overlap(
                        sets[i].intersectionSize(sets[j]), sets[i].size(), sets[j].size());
        sweep.rows.put(single, computed(ThresholdSweep.sweep(truth, scored, thresholds)));
        sweep.seconds.put(single, joinSeconds);
        long a0 = System.nanoTime();
        progress("average linkage, " + single.shortLabel());
        sweep.rows.put(
            single.withLinkage(Linkage.AVERAGE),
            ThresholdSweep.sweepAverage(truth, scored, thresholds, scorer, AVERAGE_BUDGET));
        sweep.seconds.put(
            single.withLinkage(Linkage.AVERAGE), joinSeconds + (System.nanoTime() - a0) / 1e9);
        if (keepPairs) {
          sweep.pairs.put(single, scored);
          sweep.scorers.put(single, scorer);
        }
      }
      if (sc.equals(ShingleConfig.words(4))) {
        long c0 = System.nanoTime();
        progress("exact join, cosine");
        Config single = new Config(ClusterMeasure.COSINE, sc, Linkage.SINGLE);
        ExactJoin.Scored scored = ExactJoin.cosine(profiles, min);
        sweep.rows.put(single, computed(ThresholdSweep.sweep(truth, scored, thresholds)));
        sweep.seconds.put(single, (System.nanoTime() - c0) / 1e9);
        if (keepPairs) {
          sweep.pairs.put(single, scored);
        }
      }
    }
    return sweep;
  }

  /** The exact Jaccard or overlap score of two of {@code sets}. */
  static ThresholdSweep.PairScore scorer(ClusterMeasure m, ShingleSet[] sets) {
    if (m == ClusterMeasure.JACCARD) {
      return (i, j) ->
          ExactJoin.jaccard(sets[i].intersectionSize(sets[j]), sets[i].size(), sets[j].size());
    }
    if (m == ClusterMeasure.OVERLAP) {
      return (i, j) ->
          ExactJoin.overlap(sets[i].intersectionSize(sets[j]), sets[i].size(), sets[j].size());
    }
    throw new IllegalArgumentException("not a shingle measure: " + m);
  }

  private static List<Optional<ThresholdSweep.Row>> computed(List<ThresholdSweep.Row> rows) {
    List<Optional<ThresholdSweep.Row>> out = new ArrayList<>(rows.size());
    for (ThresholdSweep.Row r : rows) {
      out.add(Optional.of(r));
    }
    return out;
  }

  private static ShingleSet[] shingles(TextProfile[] profiles) {
    ShingleSet[] sets = new ShingleSet[profiles.length];
    for (int i = 0; i < sets.length; i++) {
      sets[i] = profiles[i].shingles();
    }
    return sets;
  }

  private static ExactJoin.Scored score(
      ExactJoin.Overlaps o, ShingleSet[] sets, ClusterMeasure m, double min) {
    long[] ps = new long[o.pairs().length];
    double[] ss = new double[o.pairs().length];
    int k = 0;
    for (int p = 0; p < o.pairs().length; p++) {
      int a = sets[ExactJoin.first(o.pairs()[p])].size();
      int b = sets[ExactJoin.second(o.pairs()[p])].size();
      int c = o.intersections()[p];
      double s =
          m == ClusterMeasure.JACCARD ? ExactJoin.jaccard(c, a, b) : ExactJoin.overlap(c, a, b);
      if (s >= min) {
        ps[k] = o.pairs()[p];
        ss[k] = s;
        k++;
      }
    }
    return new ExactJoin.Scored(java.util.Arrays.copyOf(ps, k), java.util.Arrays.copyOf(ss, k));
  }

  private static TextProfile[] profile(List<String> texts, TextProfiler profiler) {
    TextProfile[] out = new TextProfile[texts.size()];
    IntStream.range(0, out.length).parallel().forEach(i -> out[i] = profiler.profile(texts.get(i)));
    return out;
  }

  /**
   * The scores of one configuration at one threshold over all seeds.
   *
   * @param threshold the threshold
   * @param precision mean pairwise precision
   * @param recall mean pairwise recall
   * @param f1 mean pairwise F1
   * @param ari mean adjusted Rand index
   * @param minF1 the lowest F1 of any seed
   * @param minAri the lowest ARI of any seed
   * @param computed false if a clustering was skipped as too slow (the scores are then 0)
   */
  record Mean(
      double threshold,
      double precision,
      double recall,
      double f1,
      double ari,
      double minF1,
      double minAri,
      boolean computed) {}

  static Map<Config, List<Mean>> means(List<Sweep> sweeps) {
    Map<Config, List<Mean>> out = new LinkedHashMap<>();
    Sweep first = sweeps.get(0);
    for (Config c : first.rows.keySet()) {
      List<Mean> means = new ArrayList<>();
      for (int t = 0; t < first.thresholds.size(); t++) {
        double p = 0;
        double r = 0;
        double f = 0;
        double a = 0;
        double minF = 1;
        double minA = 1;
        boolean computed = true;
        for (Sweep s : sweeps) {
          Optional<ThresholdSweep.Row> row = s.rows.get(c).get(t);
          if (row.isEmpty()) {
            computed = false;
            break;
          }
          ClusteringMetrics.Scores x = row.get().scores();
          p += x.precision();
          r += x.recall();
          f += x.f1();
          a += x.adjustedRand();
          minF = Math.min(minF, x.f1());
          minA = Math.min(minA, x.adjustedRand());
        }
        int k = sweeps.size();
        double threshold = first.thresholds.get(t);
        means.add(
            computed
                ? new Mean(threshold, p / k, r / k, f / k, a / k, minF, minA, true)
                : new Mean(threshold, 0, 0, 0, 0, 0, 0, false));
      }
      out.put(c, List.copyOf(means));
    }
    return out;
  }

  /** The best threshold of a configuration: highest mean F1, ties to the higher mean ARI. */
  static Mean best(List<Mean> rows) {
    Mean best = rows.get(0);
    for (Mean r : rows) {
      if (!r.computed()) {
        continue;
      }
      if (!best.computed() || r.f1() > best.f1() || (r.f1() == best.f1() && r.ari() > best.ari())) {
        best = r;
      }
    }
    return best;
  }

  /** Reports the sweep and returns the configuration and threshold with the best mean F1. */
  private Choice reportSweep(List<Sweep> sweeps, Map<Config, List<Mean>> means) {
    List<Config> configs = new ArrayList<>(means.keySet());
    Sweep first = sweeps.get(0);
    emit("## 2. Measure, shingles and threshold\n\n");
    emit(
        "Each simulated corpus clustered exactly as `Clusterer` with `ALL_PAIRS` would, with"
            + " single linkage and with the library's greedy average linkage: every pair at or"
            + " above the threshold is a link (section 4 checks this against the library itself)."
            + " Configurations: measure and shingles (w4 = word"
            + " 4-shingles, c5 = character 5-grams; cosine is TF-IDF over words and has no"
            + " shingles). Values are means over the "
            + sweeps.size()
            + " seeds. Average linkage is computed for the shingle measures only; \"-\" marks"
            + " thresholds where it would take over "
            + Markdown.count(AVERAGE_BUDGET)
            + " cross-pair scores, far from the best. The current default"
            + " is "
            + Choice.currentDefault().label()
            + ". With clusters this small, pairs in one cluster are a tiny fraction of all pairs,"
            + " and the adjusted Rand index comes out within a few thousandths of pairwise F1.\n\n");
    for (Linkage linkage : List.of(Linkage.SINGLE, Linkage.AVERAGE)) {
      List<Config> columns = new ArrayList<>();
      for (Config c : configs) {
        if (c.linkage() == linkage) {
          columns.add(c);
        }
      }
      String[] header = new String[columns.size() + 1];
      header[0] = "threshold";
      for (int c = 0; c < columns.size(); c++) {
        header[c + 1] = columns.get(c).shortLabel();
      }
      Markdown f1 = new Markdown(header);
      Markdown ari = new Markdown(header);
      for (int t = 0; t < first.thresholds.size(); t++) {
        Object[] f = new Object[header.length];
        Object[] a = new Object[header.length];
        f[0] = Markdown.fixed(first.thresholds.get(t), 2);
        a[0] = f[0];
        for (int c = 0; c < columns.size(); c++) {
          Mean m = means.get(columns.get(c)).get(t);
          String mark = m.threshold() == best(means.get(columns.get(c))).threshold() ? "**" : "";
          f[c + 1] = m.computed() ? mark + Markdown.fixed(m.f1(), 3) + mark : "-";
          a[c + 1] = m.computed() ? mark + Markdown.fixed(m.ari(), 3) + mark : "-";
        }
        f1.row(f);
        ari.row(a);
      }
      String name = linkage.name().toLowerCase(Locale.ROOT);
      emit(
          "### Pairwise F1, "
              + name
              + " linkage (bold: best threshold of each configuration)\n\n"
              + f1
              + "\n");
      emit(
          "<details><summary>Adjusted Rand index, "
              + name
              + " linkage</summary>\n\n"
              + ari
              + "\n</details>\n\n");
    }

    Markdown summary =
        new Markdown(
            "configuration",
            "best threshold",
            "precision",
            "recall",
            "F1",
            "ARI",
            "lowest F1 / ARI of a seed",
            "thresholds with F1 >= " + TARGET_F1,
            "join time (s)");
    for (Config c : configs) {
      Mean b = best(means.get(c));
      summary.row(
          c.label(),
          Markdown.fixed(b.threshold(), 2),
          Markdown.fixed(b.precision(), 4),
          Markdown.fixed(b.recall(), 4),
          Markdown.fixed(b.f1(), 4),
          Markdown.fixed(b.ari(), 4),
          Markdown.fixed(b.minF1(), 4) + " / " + Markdown.fixed(b.minAri(), 4),
          range(means.get(c), TARGET_F1),
          Markdown.fixed(first.seconds.get(c), 1));
    }
    emit("### Best threshold of each configuration\n\n" + summary + "\n");

    Choice best = null;
    Mean bestMean = null;
    for (Config c : configs) {
      Mean b = best(means.get(c));
      if (bestMean == null
          || b.f1() > bestMean.f1()
          || (b.f1() == bestMean.f1() && b.ari() > bestMean.ari())) {
        best = new Choice(c, b.threshold());
        bestMean = b;
      }
    }
    Choice current = Choice.currentDefault();
    String currentScores = " (not in this sweep)";
    if (first.has(current.threshold()) && means.containsKey(current.config())) {
      Mean cur = means.get(current.config()).get(first.index(current.threshold()));
      currentScores =
          ": mean F1 " + Markdown.fixed(cur.f1(), 4) + ", mean ARI " + Markdown.fixed(cur.ari(), 4);
    }
    emit(
        "Best overall: **"
            + best.label()
            + "**, mean F1 "
            + Markdown.fixed(bestMean.f1(), 4)
            + " (lowest seed "
            + Markdown.fixed(bestMean.minF1(), 4)
            + "), mean ARI "
            + Markdown.fixed(bestMean.ari(), 4)
            + " (lowest seed "
            + Markdown.fixed(bestMean.minAri(), 4)
            + "). Current default "
            + current.label()
            + currentScores
            + ". Targets: F1 >= "
            + TARGET_F1
            + ", ARI >= "
            + TARGET_ARI
            + ".\n\n");
    List<Config> detailed = new ArrayList<>();
    detailed.add(best.config());
    if (!detailed.contains(Choice.currentDefault().config())
        && means.containsKey(Choice.currentDefault().config())) {
      detailed.add(Choice.currentDefault().config());
    }
    for (Config c : detailed) {
      Markdown d =
          new Markdown("threshold", "precision", "recall", "F1", "ARI", "lowest F1 of a seed");
      for (Mean m : means.get(c)) {
        if (m.computed()) {
          d.row(
              Markdown.fixed(m.threshold(), 2),
              Markdown.fixed(m.precision(), 4),
              Markdown.fixed(m.recall(), 4),
              Markdown.fixed(m.f1(), 4),
              Markdown.fixed(m.ari(), 4),
              Markdown.fixed(m.minF1(), 4));
        }
      }
      emit(
          "### "
              + c.label()
              + (c.equals(best.config()) ? " (best)" : "")
              + (c.equals(Choice.currentDefault().config()) ? " (current default)" : "")
              + ", every threshold\n\n"
              + d
              + "\n");
    }

    return best;
  }

  /** The best configuration whose measure differs from {@code choice}'s, if any. */
  private static Optional<Choice> runnerUp(Map<Config, List<Mean>> means, Choice choice) {
    Optional<Choice> best = Optional.empty();
    Mean bestMean = null;
    for (Map.Entry<Config, List<Mean>> e : means.entrySet()) {
      if (e.getKey().measure() == choice.config().measure()) {
        continue;
      }
      Mean b = best(e.getValue());
      if (b.computed()
          && (bestMean == null
              || b.f1() > bestMean.f1()
              || (b.f1() == bestMean.f1() && b.ari() > bestMean.ari()))) {
        best = Optional.of(new Choice(e.getKey(), b.threshold()));
        bestMean = b;
      }
    }
    return best;
  }

  /** The thresholds at which mean F1 reaches {@code min}, as "0.35-0.60" (or "none"). */
  private static String range(List<Mean> rows, double min) {
    List<String> runs = new ArrayList<>();
    int i = 0;
    while (i < rows.size()) {
      if (rows.get(i).computed() && rows.get(i).f1() >= min) {
        int j = i;
        while (j + 1 < rows.size() && rows.get(j + 1).computed() && rows.get(j + 1).f1() >= min) {
          j++;
        }
        runs.add(
            i == j
                ? Markdown.fixed(rows.get(i).threshold(), 2)
                : Markdown.fixed(rows.get(i).threshold(), 2)
                    + "-"
                    + Markdown.fixed(rows.get(j).threshold(), 2));
        i = j + 1;
      } else {
        i++;
      }
    }
    return runs.isEmpty() ? "none" : String.join(", ", runs);
  }

  // ---- 3. where the errors are -----------------------------------------------------------------

  private void diagnose(SimulatedCorpus corpus, Sweep sweep, Choice choice) {
    emit("## 3. Where the errors are (first seed)\n\n");
    Map<String, int[]> chosen = new LinkedHashMap<>();
    Markdown scores =
        new Markdown(
            "configuration", "precision", "recall", "F1", "ARI", "predicted pairs", "true pairs");
    List<Choice> choices = new ArrayList<>();
    choices.add(choice);
    if (!choice.isCurrentDefault() && sweep.has(Choice.currentDefault().threshold())) {
      choices.add(Choice.currentDefault());
    }
    for (Choice c : choices) {
      String label = c.label() + (c.equals(Choice.currentDefault()) ? " (current default)" : "");
      chosen.put(label, sweep.labels(corpus.size(), c));
      ClusteringMetrics.Scores s = sweep.row(c).scores();
      scores.row(
          label,
          Markdown.fixed(s.precision(), 4),
          Markdown.fixed(s.recall(), 4),
          Markdown.fixed(s.f1(), 4),
          Markdown.fixed(s.adjustedRand(), 4),
          Markdown.count(s.predictedPairs()),
          Markdown.count(s.truePairs()));
    }
    emit(scores + "\n");

    // Copies found, by change and by base length.
    List<String> labels = new ArrayList<>(chosen.keySet());
    String[] header = new String[labels.size() + 2];
    header[0] = "copies with";
    header[1] = "copies";
    for (int i = 0; i < labels.size(); i++) {
      header[i + 2] = "found: " + labels.get(i);
    }
    Markdown byChange = new Markdown(header);
    List<String> rowNames = new ArrayList<>();
    rowNames.add("any change");
    for (Change c : Change.values()) {
      rowNames.add("`" + c + "`");
    }
    rowNames.add("base of 50-99 words");
    rowNames.add("base of 100-199 words");
    rowNames.add("base of 200-399 words");
    rowNames.add("base of 400+ words");
    int[] truth = corpus.truth();
    Map<Integer, Integer> trueSize = new HashMap<>();
    for (int t : truth) {
      trueSize.merge(t, 1, Integer::sum);
    }
    StoryWords words = new StoryWords(corpus);
    for (String name : rowNames) {
      Object[] row = new Object[header.length];
      row[0] = name;
      int total = 0;
      for (int l = 0; l < labels.size(); l++) {
        int[] predicted = chosen.get(labels.get(l));
        int copies = 0;
        int found = 0;
        Map<Long, Integer> together = new HashMap<>();
        for (int i = 0; i < truth.length; i++) {
          together.merge(((long) truth[i] << 32) | (predicted[i] & 0xFFFF_FFFFL), 1, Integer::sum);
        }
        for (int i = 0; i < truth.length; i++) {
          Entry e = corpus.entries().get(i);
          if (e.kind() != Kind.COPY || trueSize.get(truth[i]) < 2 || !matches(name, e, words)) {
            continue;
          }
          copies++;
          if (together.get(((long) truth[i] << 32) | (predicted[i] & 0xFFFF_FFFFL)) > 1) {
            found++;
          }
        }
        total = copies;
        row[l + 2] = copies == 0 ? "-" : Markdown.percent((double) found / copies, 1);
      }
      row[1] = Markdown.count(total);
      if (total > 0) {
        byChange.row(row);
      }
    }
    emit(
        "A copy counts as found when it shares its predicted cluster with at least one other"
            + " member of its true cluster.\n\n"
            + byChange
            + "\n");

    // False links, by the kinds of documents they join.
    for (Map.Entry<String, int[]> e : chosen.entrySet()) {
      emit("False links of " + e.getKey() + ": " + falseLinks(corpus, e.getValue()) + "\n\n");
    }
  }

  /** The number of words of each document's story. */
  private static final class StoryWords {
    private final Map<Integer, Integer> words = new HashMap<>();

    StoryWords(SimulatedCorpus corpus) {
      TextProfiler p = TextProfiler.defaults();
      for (int i = 0; i < corpus.size(); i++) {
        Entry e = corpus.entries().get(i);
        if (e.kind() == Kind.BASE) {
          words.put(e.truth(), p.profile(corpus.documents().get(i).text()).tokenCount());
        }
      }
    }

    /** Words of the base story of true cluster {@code truth}; -1 if the base is left out. */
    int of(int truth) {
      return words.getOrDefault(truth, -1);
    }
  }

  private static boolean matches(String row, Entry e, StoryWords words) {
    if (row.equals("any change")) {
      return true;
    }
    if (row.startsWith("`")) {
      return e.changes().contains(Change.valueOf(row.substring(1, row.length() - 1)));
    }
    int w = words.of(e.truth());
    if (w < 0) {
      return false;
    }
    return switch (row) {
      case "base of 50-99 words" -> w < 100;
      case "base of 100-199 words" -> w >= 100 && w < 200;
      case "base of 200-399 words" -> w >= 200 && w < 400;
      default -> w >= 400;
    };
  }

  /** Predicted pairs that are not true pairs, counted by the kinds of their two documents. */
  private static String falseLinks(SimulatedCorpus corpus, int[] predicted) {
    int[] truth = corpus.truth();
    Map<Integer, List<Integer>> clusters = new HashMap<>();
    for (int i = 0; i < predicted.length; i++) {
      clusters.computeIfAbsent(predicted[i], k -> new ArrayList<>()).add(i);
    }
    TreeMap<String, Long> byKind = new TreeMap<>();
    long total = 0;
    int merged = 0;
    for (List<Integer> members : clusters.values()) {
      if (members.size() > 2000) {
        return "a cluster of " + members.size() + " documents (not broken down)";
      }
      boolean mixed = false;
      for (int x = 0; x < members.size(); x++) {
        for (int y = x + 1; y < members.size(); y++) {
          int a = members.get(x);
          int b = members.get(y);
          if (truth[a] != truth[b]) {
            mixed = true;
            Entry ea = corpus.entries().get(a);
            Entry eb = corpus.entries().get(b);
            String ka = ea.kind().name().toLowerCase(Locale.ROOT);
            String kb = eb.kind().name().toLowerCase(Locale.ROOT);
            String key = ka.compareTo(kb) <= 0 ? ka + "+" + kb : kb + "+" + ka;
            if (ea.kind() == Kind.COPY && eb.kind() == Kind.COPY) {
              key += ea.outlet().equals(eb.outlet()) ? " (same outlet)" : " (other outlets)";
            }
            byKind.merge(key, 1L, Long::sum);
            total++;
          }
        }
      }
      if (mixed) {
        merged++;
      }
    }
    if (total == 0) {
      return "none.";
    }
    StringBuilder sb = new StringBuilder();
    sb.append(Markdown.count(total)).append(" false pairs in ").append(merged);
    sb.append(" predicted clusters that mix true clusters (");
    boolean first = true;
    for (Map.Entry<String, Long> e : byKind.entrySet()) {
      sb.append(first ? "" : ", ").append(e.getKey().replace('_', ' ')).append(": ");
      sb.append(Markdown.count(e.getValue()));
      first = false;
    }
    return sb.append(").").toString();
  }

  // ---- 4. the library itself -------------------------------------------------------------------

  private void libraryCheck(SimulatedCorpus corpus, Sweep sweep, Choice choice) {
    emit("## 4. The library's clusterer on the same corpus\n\n");
    emit(
        "`Clusterer.cluster` run end to end (profiles, candidates, verification, linkage) with"
            + " `CandidateStrategy.AUTO`, which picks LSH for this many documents; `vs exact` is the"
            + " adjusted Rand index between its clustering and the exact one of section 2 (1 ="
            + " identical).\n\n");
    List<Choice> runs = new ArrayList<>();
    runs.add(choice);
    if (choice.config().measure() != ClusterMeasure.COSINE) {
      Linkage other =
          choice.config().linkage() == Linkage.SINGLE ? Linkage.AVERAGE : Linkage.SINGLE;
      runs.add(new Choice(choice.config().withLinkage(other), choice.threshold()));
    }
    if (!runs.contains(Choice.currentDefault())) {
      runs.add(Choice.currentDefault());
    }
    Markdown t =
        new Markdown(
            "configuration",
            "strategy",
            "precision",
            "recall",
            "F1",
            "ARI",
            "vs exact",
            "time (s)");
    int[] truth = corpus.truth();
    for (Choice run : runs) {
      progress("Clusterer: " + run.label());
      long t0 = System.nanoTime();
      Clustering clustering = Clusterer.cluster(corpus.documents(), run.options().build());
      double seconds = (System.nanoTime() - t0) / 1e9;
      int[] labels = labels(corpus.documents(), clustering);
      ClusteringMetrics.Scores s = ClusteringMetrics.compare(truth, labels);
      String vsExact =
          sweep.covers(run.threshold())
              ? Markdown.fixed(
                  ClusteringMetrics.compare(sweep.labels(corpus.size(), run), labels)
                      .adjustedRand(),
                  4)
              : "-";
      t.row(
          run.label(),
          clustering.stats().strategy().name().toLowerCase(Locale.ROOT),
          Markdown.fixed(s.precision(), 4),
          Markdown.fixed(s.recall(), 4),
          Markdown.fixed(s.f1(), 4),
          Markdown.fixed(s.adjustedRand(), 4),
          vsExact,
          Markdown.fixed(seconds, 1));
    }
    emit(t + "\n");
  }

  /** A clustering as one label per document, in the order of {@code documents}. */
  static int[] labels(List<Document> documents, Clustering clustering) {
    Map<String, Integer> index = new HashMap<>();
    for (int i = 0; i < documents.size(); i++) {
      index.put(documents.get(i).id(), i);
    }
    int[] labels = new int[documents.size()];
    for (Clustering.Cluster c : clustering.clusters()) {
      for (Clustering.Member m : c.members()) {
        labels[index.get(m.id())] = c.id();
      }
    }
    return labels;
  }

  // ---- 5. Reuters-21578 ------------------------------------------------------------------------

  /** What clustering the Reuters stories with one configuration found. */
  private static final class ReutersRun {
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

  private void reuters(List<Story> stories, List<Choice> choices) {
    emit("## 5. Reuters-21578 as it is\n\n");
    List<Document> docs = new ArrayList<>(stories.size());
    Map<String, Story> byId = new HashMap<>();
    for (Story s : stories) {
      docs.add(new Document(s.id(), s.text()));
      byId.put(s.id(), s);
    }
    // Exact duplicate bodies.
    Map<String, List<Integer>> byText = new HashMap<>();
    for (int i = 0; i < stories.size(); i++) {
      byText.computeIfAbsent(stories.get(i).text(), k -> new ArrayList<>()).add(i);
    }
    List<List<Integer>> duplicates = new ArrayList<>();
    int redundant = 0;
    for (List<Integer> g : byText.values()) {
      if (g.size() > 1) {
        duplicates.add(g);
        redundant += g.size() - 1;
      }
    }
    List<ReutersRun> runs = new ArrayList<>();
    for (Choice c : choices) {
      runs.add(reutersRun(stories, docs, byId, duplicates, c));
    }
    String[] header = new String[runs.size() + 1];
    header[0] = "finding";
    for (int k = 0; k < runs.size(); k++) {
      header[k + 1] =
          runs.get(k).choice.label()
              + (runs.get(k).choice.isCurrentDefault() ? " (current default)" : "");
    }
    Markdown t = new Markdown(header);
    addRow(t, runs, "clusters of size > 1", r -> Markdown.count(r.multi));
    addRow(t, runs, "stories in them", r -> Markdown.count(r.inMulti));
    addRow(t, runs, "largest cluster", r -> Markdown.count(r.largest));
    addRow(t, runs, "pairs in one cluster", r -> Markdown.count(r.pairs));
    addRow(t, runs, "... with identical texts", r -> Markdown.count(r.identicalPairs));
    addRow(
        t,
        runs,
        "... filed under different tickers (likely false)",
        r ->
            Markdown.count(r.differentTickers)
                + " ("
                + Markdown.percent(r.pairs == 0 ? 0 : (double) r.differentTickers / r.pairs, 1)
                + ")");
    addRow(
        t, runs, "clusters whose texts are not all identical", r -> Markdown.count(r.notIdentical));
    addRow(
        t,
        runs,
        "exact-duplicate groups kept whole (of " + duplicates.size() + ")",
        r -> Markdown.count(r.duplicateGroupsTogether));
    addRow(t, runs, "cluster sizes (size: clusters)", r -> sizes(r.sizes));
    addRow(
        t,
        runs,
        "candidate strategy",
        r -> r.clustering.stats().strategy().name().toLowerCase(Locale.ROOT));
    addRow(
        t,
        runs,
        "candidate pairs verified",
        r -> Markdown.count(r.clustering.stats().candidatePairs()));
    addRow(t, runs, "linked pairs", r -> Markdown.count(r.clustering.stats().linkedPairs()));
    addRow(t, runs, "linked pairs, exact all-pairs reference", r -> Markdown.count(r.exactLinked));
    addRow(
        t,
        runs,
        "share of the exact linked pairs linked",
        r ->
            Markdown.percent(
                r.exactLinked == 0
                    ? 1.0
                    : (double) r.clustering.stats().linkedPairs() / r.exactLinked,
                2));
    addRow(t, runs, "ARI vs the exact clustering", r -> Markdown.fixed(r.ariVsExact, 4));
    addRow(t, runs, "wall time, profiles + clustering", r -> Markdown.fixed(r.seconds, 1) + " s");
    emit(
        Markdown.count(stories.size())
            + " stories clustered by `Clusterer.cluster` with `CandidateStrategy.AUTO`; the"
            + " corpus has "
            + duplicates.size()
            + " groups of exactly equal bodies ("
            + redundant
            + " redundant copies). There is no ground truth here, but two stories whose titles"
            + " carry different tickers (`<ABC>`) are news about different companies: such pairs"
            + " in one cluster are mostly false links, a few are identical notices or one story"
            + " filed under two tickers.\n\n"
            + t
            + "\n");

    // Examples from the first configuration: the two largest clusters and three whose texts differ.
    ReutersRun main = runs.get(0);
    List<Clustering.Cluster> examples = new ArrayList<>();
    for (Clustering.Cluster c : main.clustering.clusters()) {
      if (examples.size() < 2 && c.size() > 1) {
        examples.add(c);
      }
    }
    SplittableRandom r = new SplittableRandom(args.seeds.get(0));
    List<Clustering.Cluster> candidates = new ArrayList<>(main.withEdits);
    for (int k = 0; k < 3 && !candidates.isEmpty(); k++) {
      Clustering.Cluster c = candidates.remove(r.nextInt(candidates.size()));
      if (!examples.contains(c)) {
        examples.add(c);
      }
    }
    emit(
        "Example clusters of "
            + main.choice.label()
            + " (id, score to the representative, date, title):\n\n");
    for (Clustering.Cluster c : examples) {
      StringBuilder line = new StringBuilder("- " + c.size() + " stories:");
      int shown = 0;
      for (Clustering.Member m : c.members()) {
        if (shown++ == 4) {
          line.append(" ... and ").append(c.size() - 4).append(" more");
          break;
        }
        Story s = byId.get(m.id());
        line.append(shown == 1 ? " " : "; ")
            .append(s.id())
            .append(" (")
            .append(Markdown.fixed(m.score(), 2))
            .append(", ")
            .append(day(s.date()))
            .append(") \"")
            .append(shortTitle(s.title()))
            .append('"');
      }
      emit(line + "\n");
    }
    emit("\n");
  }

  private static final List<String> SIZE_BUCKETS = List.of("2", "3", "4", "5-9", "10+");

  private ReutersRun reutersRun(
      List<Story> stories,
      List<Document> docs,
      Map<String, Story> byId,
      List<List<Integer>> duplicates,
      Choice choice) {
    ReutersRun run = new ReutersRun();
    run.choice = choice;
    for (String bucket : SIZE_BUCKETS) {
      run.sizes.put(bucket, 0);
    }
    ClusterOptions options = choice.options().build();
    progress("clustering Reuters: " + choice.label());
    long t0 = System.nanoTime();
    run.clustering = Clusterer.cluster(docs, options);
    run.seconds = (System.nanoTime() - t0) / 1e9;
    run.labels = labels(docs, run.clustering);
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
    progress("exact join on Reuters: " + choice.label());
    List<String> texts = new ArrayList<>(stories.size());
    for (Story s : stories) {
      texts.add(s.text());
    }
    TextProfile[] profiles = profile(texts, options.profiler());
    ExactJoin.Scored exact;
    if (choice.config().measure() == ClusterMeasure.COSINE) {
      exact = ExactJoin.cosine(profiles, choice.threshold());
    } else {
      ShingleSet[] sets = shingles(profiles);
      exact =
          score(
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

  private static void addRow(
      Markdown t, List<ReutersRun> runs, String name, Function<ReutersRun, String> cell) {
    Object[] row = new Object[runs.size() + 1];
    row[0] = name;
    for (int k = 0; k < runs.size(); k++) {
      row[k + 1] = cell.apply(runs.get(k));
    }
    t.row(row);
  }

  private static String sizes(Map<String, Integer> sizes) {
    StringBuilder sz = new StringBuilder();
    for (Map.Entry<String, Integer> e : sizes.entrySet()) {
      sz.append(sz.length() == 0 ? "" : ", ").append(e.getKey()).append(": ");
      sz.append(Markdown.count(e.getValue()));
    }
    return sz.toString();
  }

  /** The day part of a Reuters date ("26-FEB-1987"). */
  private static String day(String date) {
    String d = date.strip();
    int space = d.indexOf(' ');
    return space < 0 ? d : d.substring(0, space);
  }

  private static String sizeBucket(int size) {
    if (size <= 4) {
      return String.valueOf(size);
    }
    return size <= 9 ? "5-9" : "10+";
  }

  private static String shortTitle(String title) {
    String t = title.strip();
    return t.length() <= 48 ? t : t.substring(0, 45) + "...";
  }

  // ---- 6. LSH recall ---------------------------------------------------------------------------

  private void lshRecall(StoryPool pool, Choice choice) {
    emit("## 6. LSH recall on " + Markdown.count(args.lshDocs) + " simulated documents\n\n");
    // The evaluation's first corpus, cut to size; if it is too small, one with more bases and all
    // of the pool as background.
    SimulatedCorpus.Settings settings = args.settings.withSeed(args.seeds.get(0));
    SimulatedCorpus full = SimulatedCorpus.build(pool, settings);
    if (full.size() < args.lshDocs) {
      int bases = Math.min((int) Math.ceil(args.lshDocs / 3.0), full.eligibleBases());
      full =
          SimulatedCorpus.build(
              pool, settings.withBases(bases).withBackground(SimulatedCorpus.Settings.ALL));
    }
    SimulatedCorpus corpus = full.firstDocuments(args.lshDocs);
    // The chosen configuration at its threshold and at others (the banding depends on the
    // threshold), and the current default.
    List<Choice> choices = new ArrayList<>();
    if (choice.config().measure() != ClusterMeasure.COSINE) {
      choices.add(choice);
      for (double other : ThresholdSweep.thresholds(0.3, 0.9, 0.1)) {
        if (Math.abs(other - choice.threshold()) > 1e-9) {
          choices.add(new Choice(choice.config(), other));
        }
      }
    }
    if (!choices.contains(Choice.currentDefault())) {
      choices.add(Choice.currentDefault());
    }
    Map<ShingleConfig, TextProfile[]> profiled = new HashMap<>();
    Markdown t =
        new Markdown(
            "configuration",
            "documents",
            "exact linked pairs",
            "LSH linked pairs",
            "recall",
            "exact pairs in one LSH cluster",
            "ARI LSH vs exact",
            "exact join (s)",
            "LSH clustering (s)");
    List<String> texts = new ArrayList<>();
    String[] ids = new String[corpus.size()];
    for (int i = 0; i < corpus.size(); i++) {
      texts.add(corpus.documents().get(i).text());
      ids[i] = corpus.documents().get(i).id();
    }
    for (Choice choiceK : choices) {
      Config c = choiceK.config();
      double threshold = choiceK.threshold();
      TextProfile[] profiles =
          profiled.computeIfAbsent(
              c.shingles(), sc -> profile(texts, TextProfiler.defaults().withShingles(sc)));
      ShingleSet[] sets = shingles(profiles);
      progress("LSH recall: exact join " + c.label() + " @ " + threshold);
      long t0 = System.nanoTime();
      ExactJoin.Scored exact =
          score(ExactJoin.overlaps(sets, threshold), sets, c.measure(), threshold);
      double exactSeconds = (System.nanoTime() - t0) / 1e9;
      progress("LSH recall: clustering");
      ClusterOptions options = choiceK.options().candidates(CandidateStrategy.LSH).build();
      long t1 = System.nanoTime();
      Clustering clustering = Clusterer.cluster(ids, profiles, options);
      double lshSeconds = (System.nanoTime() - t1) / 1e9;
      int[] labels = labels(corpus.documents(), clustering);
      long together = 0;
      for (long p : exact.pairs()) {
        if (labels[ExactJoin.first(p)] == labels[ExactJoin.second(p)]) {
          together++;
        }
      }
      int[] exactLabels =
          c.linkage() == Linkage.SINGLE
              ? ThresholdSweep.labels(corpus.size(), exact, threshold)
              : ThresholdSweep.averageLabels(
                  corpus.size(), exact, threshold, scorer(c.measure(), sets));
      double recall =
          exact.size() == 0 ? 1.0 : (double) clustering.stats().linkedPairs() / exact.size();
      String label = choiceK.label();
      t.row(
          choiceK.equals(choice) ? "**" + label + "**" : label,
          Markdown.count(corpus.size()),
          Markdown.count(exact.size()),
          Markdown.count(clustering.stats().linkedPairs()),
          choiceK.equals(choice)
              ? "**" + Markdown.percent(recall, 2) + "**"
              : Markdown.percent(recall, 2),
          Markdown.percent(exact.size() == 0 ? 1.0 : (double) together / exact.size(), 2),
          Markdown.fixed(ClusteringMetrics.compare(exactLabels, labels).adjustedRand(), 4),
          Markdown.fixed(exactSeconds, 1),
          Markdown.fixed(lshSeconds, 1));
    }
    emit(
        "Every LSH candidate is verified with the exact measure, so the pairs LSH links are a"
            + " subset of the exact linked pairs, and recall is their ratio. The exact pairs come"
            + " from a prefix-filter join (exact, no pair missed) instead of 200 million"
            + " comparisons. `exact pairs in one LSH cluster` counts the exact linked pairs whose"
            + " documents the LSH clustering puts in one cluster (through other links if not"
            + " directly). The chosen configuration is in bold; the other thresholds show how the"
            + " banding holds up. Target: recall >= "
            + Markdown.percent(TARGET_LSH_RECALL, 0)
            + ".\n\n"
            + t
            + "\n");
  }

  // ---------------------------------------------------------------------------------------------

  private void emit(String markdown) {
    report.append(markdown);
    out.print(markdown);
    out.flush();
  }

  private void progress(String message) {
    log.println("[quality] " + message);
    log.flush();
  }

  /** The command line. */
  static final class Arguments {
    static final String USAGE =
        "Usage: QualityEvaluation [--devdata PATH] [--bases N] [--max-copies N] [--min-words N]"
            + " [--background N|all]"
            + " [--seeds N,N,..] [--from X] [--to X] [--step X] [--char-shingles K] [--lsh-docs N]"
            + " [--skip-reuters]"
            + " [--out FILE] [--help]\n"
            + "  --devdata PATH     directory holding "
            + ReutersCorpus.FILE_NAME
            + " (default: ../shared/devdata from the working directory or the repository root)\n"
            + "  --bases N          base stories of the simulated corpus (default 2000)\n"
            + "  --max-copies N     most copies per base story, uniform from 0, at most "
            + SyndicationSimulator.outlets()
            + " (default 4)\n"
            + "  --min-words N      fewest words of a base story (default 50)\n"
            + "  --background N|all other Reuters stories added as background (default all)\n"
            + "  --seeds N,N,..     seeds of the simulated corpora; tables average over them"
            + " (default 42,43,44)\n"
            + "  --from X, --to X   the thresholds swept (default 0.10 to 0.90)\n"
            + "  --step X           the step between them (default 0.05)\n"
            + "  --char-shingles K  also sweep character K-grams (slow: minutes per seed); 0 to"
            + " skip (default 0)\n"
            + "  --lsh-docs N       documents of the LSH recall check; 0 to skip (default 20000)\n"
            + "  --skip-reuters     skip clustering the Reuters stories themselves\n"
            + "  --out FILE         also write the Markdown report to FILE";

    private static final Pattern COMMA = Pattern.compile(",");

    Optional<Path> devdata = Optional.empty();
    SimulatedCorpus.Settings settings = SimulatedCorpus.Settings.DEFAULT;
    List<Long> seeds = List.of(42L, 43L, 44L);
    double from = 0.10;
    double to = 0.90;
    double step = 0.05;
    int charShingles = 0;
    int lshDocs = 20_000;
    int background = SimulatedCorpus.Settings.ALL;
    boolean skipReuters;
    Optional<Path> out = Optional.empty();
    boolean help;
    private final List<String> given = new ArrayList<>();

    static Arguments parse(String[] argv) {
      Arguments a = new Arguments();
      SimulatedCorpus.Settings s = a.settings;
      int bases = s.bases();
      int maxCopies = s.maxCopies();
      int minWords = s.minWords();
      for (int i = 0; i < argv.length; i++) {
        String name = argv[i];
        switch (name) {
          case "--help", "-h" -> a.help = true;
          case "--skip-reuters" -> a.skipReuters = true;
          case "--devdata" -> a.devdata = Optional.of(Path.of(value(argv, ++i, name)));
          case "--out" -> a.out = Optional.of(Path.of(value(argv, ++i, name)));
          case "--bases" -> bases = positive(value(argv, ++i, name), name);
          case "--max-copies" -> maxCopies = nonNegative(value(argv, ++i, name), name);
          case "--min-words" -> minWords = nonNegative(value(argv, ++i, name), name);
          case "--char-shingles" -> a.charShingles = nonNegative(value(argv, ++i, name), name);
          case "--lsh-docs" -> a.lshDocs = nonNegative(value(argv, ++i, name), name);
          case "--background" -> {
            String v = value(argv, ++i, name);
            a.background = v.equals("all") ? SimulatedCorpus.Settings.ALL : nonNegative(v, name);
          }
          case "--seeds" -> a.seeds = parseSeeds(value(argv, ++i, name));
          case "--step" -> a.step = parseStep(value(argv, ++i, name));
          case "--from" -> a.from = parseThreshold(value(argv, ++i, name), name);
          case "--to" -> a.to = parseThreshold(value(argv, ++i, name), name);
          default -> throw new IllegalArgumentException("unknown argument '" + name + "'");
        }
      }
      if (a.from > a.to) {
        throw new IllegalArgumentException(
            "--from must not be above --to, got " + a.from + " and " + a.to);
      }
      a.given.addAll(List.of(argv));
      a.settings =
          new SimulatedCorpus.Settings(
              bases,
              maxCopies,
              minWords,
              s.baseMissingRate(),
              s.topicNegativeRate(),
              s.templateNegativeRate(),
              a.background,
              a.seeds.get(0));
      return a;
    }

    private static String value(String[] argv, int i, String name) {
      if (i >= argv.length) {
        throw new IllegalArgumentException(name + " needs a value");
      }
      return argv[i];
    }

    private static int positive(String v, String name) {
      int x = nonNegative(v, name);
      if (x == 0) {
        throw new IllegalArgumentException(name + " must be > 0, got " + v);
      }
      return x;
    }

    private static int nonNegative(String v, String name) {
      try {
        int x = Integer.parseInt(v);
        if (x < 0) {
          throw new IllegalArgumentException(name + " must be >= 0, got " + v);
        }
        return x;
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException(name + " must be a whole number, got '" + v + "'", e);
      }
    }

    private static List<Long> parseSeeds(String v) {
      List<Long> out = new ArrayList<>();
      for (String part : COMMA.split(v, -1)) {
        if (part.isBlank()) {
          continue;
        }
        try {
          out.add(Long.parseLong(part.strip()));
        } catch (NumberFormatException e) {
          throw new IllegalArgumentException(
              "--seeds must be whole numbers separated by commas, got '" + v + "'", e);
        }
      }
      if (out.isEmpty()) {
        throw new IllegalArgumentException("--seeds needs at least one seed");
      }
      return List.copyOf(out);
    }

    /** The seeds as "42, 43 and 44". */
    String seedList() {
      List<String> names = new ArrayList<>();
      for (long x : seeds) {
        names.add(Long.toString(x));
      }
      if (names.size() == 1) {
        return names.get(0);
      }
      return String.join(", ", names.subList(0, names.size() - 1))
          + " and "
          + names.get(names.size() - 1);
    }

    private static double parseThreshold(String v, String name) {
      try {
        double x = Double.parseDouble(v);
        if (!(x >= 0.01 && x <= 1)) {
          throw new IllegalArgumentException(name + " must be in [0.01, 1], got " + v);
        }
        return x;
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException(name + " must be a number, got '" + v + "'", e);
      }
    }

    private static double parseStep(String v) {
      try {
        double x = Double.parseDouble(v);
        if (!(x >= 0.01 && x <= 0.8)) {
          throw new IllegalArgumentException("--step must be in [0.01, 0.8], got " + v);
        }
        return x;
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("--step must be a number, got '" + v + "'", e);
      }
    }

    @Override
    public String toString() {
      return given.isEmpty() ? "(defaults)" : "`" + String.join(" ", given) + "`";
    }
  }
}
