package io.textsim.cli;

import io.textsim.core.cluster.CandidateStrategy;
import io.textsim.core.cluster.ClusterMeasure;
import io.textsim.core.cluster.ClusterOptions;
import io.textsim.core.cluster.ClusterProgress;
import io.textsim.core.cluster.Linkage;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code cluster PATH...}: which texts of a collection are the same story. */
@Command(
    name = "cluster",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    sortOptions = false,
    description = {
      "Groups near-duplicate texts: every document ends up in exactly one cluster (singletons"
          + " included), each cluster with a representative and every member's score against it.",
      "Reads files and directories (recursively; hidden files are skipped), or JSONL with one"
          + " {\"id\": ..., \"text\": ...} a line."
    })
final class ClusterCommand implements Callable<Integer> {
  /** Below this threshold, LSH recall for overlap and cosine falls under the 98% target. */
  static final double LSH_RECALL_THRESHOLD = 0.5;

  /** At most this many "empty text" notes; then one line with the rest's count. */
  static final int MAX_NOTES = 10;

  @ParentCommand Main main;

  @Spec CommandSpec spec;

  @Mixin DocumentSource documents;

  @Option(
      names = "--threshold",
      order = 2,
      paramLabel = "T",
      defaultValue = "" + ClusterOptions.DEFAULT_THRESHOLD,
      converter = Units.UnitInterval.class,
      description =
          "Link documents scoring at or above this, in [0, 1] (default: ${DEFAULT-VALUE}).")
  double threshold;

  @Option(
      names = "--measure",
      order = 3,
      paramLabel = "MEASURE",
      defaultValue = ClusterOptions.DEFAULT_MEASURE_NAME,
      converter = Choices.ClusterMeasureName.class,
      completionCandidates = Choices.ClusterMeasureName.class,
      description =
          "${COMPLETION-CANDIDATES}: overlap links a story to a copy wrapped in page furniture;"
              + " cosine is TF-IDF weighted (default: ${DEFAULT-VALUE}).")
  ClusterMeasure measure;

  @Option(
      names = "--linkage",
      order = 4,
      paramLabel = "LINKAGE",
      defaultValue = ClusterOptions.DEFAULT_LINKAGE_NAME,
      converter = Choices.LinkageName.class,
      completionCandidates = Choices.LinkageName.class,
      description =
          "${COMPLETION-CANDIDATES}: single links through any chain of pairs; representative"
              + " then keeps in each cluster only the members that reach the threshold against"
              + " its representative, so a bridge cannot chain two stories; average merges two"
              + " clusters only if their mean score reaches the threshold (default:"
              + " ${DEFAULT-VALUE}).")
  Linkage linkage;

  @Option(
      names = "--candidates",
      order = 5,
      paramLabel = "STRATEGY",
      defaultValue = "auto",
      converter = Choices.CandidatesName.class,
      completionCandidates = Choices.CandidatesName.class,
      description =
          "${COMPLETION-CANDIDATES}: which pairs are scored; all-pairs is exact and quadratic, lsh"
              + " (MinHash buckets) near-linear and finds almost every linked pair, auto takes"
              + " all-pairs up to "
              + ClusterOptions.DEFAULT_ALL_PAIRS_LIMIT
              + " documents (default: ${DEFAULT-VALUE}).")
  CandidateStrategy candidates;

  @Option(
      names = "--format",
      order = 6,
      paramLabel = "FORMAT",
      defaultValue = "text",
      converter = Choices.TextJsonCsvOrHtml.class,
      completionCandidates = Choices.TextJsonCsvOrHtml.class,
      description =
          "${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}); html is one self-contained page"
              + " with each member's difference from its representative.")
  Choices.Format format;

  @Option(
      names = "--progress",
      order = 7,
      paramLabel = "WHEN",
      defaultValue = "auto",
      description =
          "Progress bar on stderr: auto (when stderr is a terminal and the work takes more than a"
              + " second), always, never (default: ${DEFAULT-VALUE}).")
  Choices.Progress progress;

  @Mixin ProfileOptions profile;

  @Mixin ServerOptions server;

  @Override
  public Integer call() {
    server.validate();
    documents.validate("documents");
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    long start = System.nanoTime();
    ProgressBar bar = ProgressBar.when(progress, err);
    Inputs inputs = new Inputs(profile.maxBytes(), main.stdin());
    List<Input> docs = documents.read(inputs);
    inputs.noteSkipped(err, MAX_NOTES);
    noteBlank(docs, err);
    Reports.Cluster report;
    try (Backend backend = server.open(profile.maxBytes())) {
      report =
          backend.cluster(
              docs,
              new Backend.ClusterSettings(
                  measure,
                  linkage,
                  candidates,
                  threshold,
                  profile.shingleSize(ClusterOptions.DEFAULT_SHINGLES)),
              bar == null ? ClusterProgress.none() : bar);
    } finally {
      if (bar != null && bar.finish()) {
        err.println(
            String.format(
                Locale.ROOT,
                "client-cli: clustered %s documents in %.1f s",
                Display.count(docs.size()),
                (System.nanoTime() - start) / 1e9));
      }
    }
    noteLshRecall(report, err);
    switch (format) {
      case JSON -> ClusterOutput.json(report, out);
      case CSV -> ClusterOutput.csv(report, out);
      case HTML -> ClusterHtml.write(report, docs, profile.shingleSize, out);
      default -> ClusterOutput.text(report, out);
    }
    return Main.OK;
  }

  /**
   * A note when LSH candidates are known to miss links. MinHash buckets follow the Jaccard
   * similarity of the shingle sets, so pairs that overlap or cosine link at a low threshold while
   * sharing few shingles can miss each other: for overlap below 0.5 LSH found 95% to 99.5% of the
   * links all pairs would give (a short text inside a long one; docs/QUALITY.md), for cosine at 0.4
   * 62% (texts sharing words but few phrases; simulated news, 4,000 articles).
   */
  static void noteLshRecall(Reports.Cluster report, PrintWriter err) {
    if (report.strategy() == CandidateStrategy.LSH
        && report.measure() != ClusterMeasure.JACCARD
        && report.threshold() < LSH_RECALL_THRESHOLD) {
      err.println(
          "client-cli: note: LSH candidates with "
              + report.measure().wireName()
              + " below "
              + LSH_RECALL_THRESHOLD
              + " can miss links that all pairs would give (MinHash buckets follow shingle"
              + " Jaccard); --candidates all-pairs is exact, but quadratic");
    }
  }

  /**
   * One note per empty text and per page with malformed bytes, at most {@link #MAX_NOTES} of each,
   * then a count of the rest.
   */
  static void noteBlank(List<Input> docs, PrintWriter err) {
    int blank = 0;
    int malformed = 0;
    for (Input in : docs) {
      if (in.isBlank()) {
        if (++blank <= MAX_NOTES) {
          err.println("client-cli: " + in.blankNote());
        }
      }
      if (in.malformedNote().isPresent() && ++malformed <= MAX_NOTES) {
        err.println("client-cli: " + in.malformedNote().get());
      }
    }
    if (malformed > MAX_NOTES) {
      err.println(
          "client-cli: note: "
              + (malformed - MAX_NOTES)
              + " more pages have bytes not valid in their character set");
    }
    if (blank > MAX_NOTES) {
      err.println(
          "client-cli: note: " + (blank - MAX_NOTES) + " more texts are empty or white space only");
    }
    err.flush();
  }
}
