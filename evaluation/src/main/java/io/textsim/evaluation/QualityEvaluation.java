package io.textsim.evaluation;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

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
 *       over it ({@link SweepRunner}, {@link ThresholdSweep}); the library's own clusterer is then
 *       run on the best and the default configurations as a check ({@link LibraryCheck}).
 *   <li>Clusters all 19,043 Reuters stories with the best configuration, the best of another
 *       measure and the current defaults, and reports what each finds ({@link ReutersClustering}).
 *   <li>On 20,000 simulated documents, measures which fraction of the pairs that exact clustering
 *       links the library's LSH clustering links too, at the same threshold ({@link LshRecall}).
 * </ol>
 *
 * <p>This class runs those steps in order; each step computes its results and a {@code ...Section}
 * class writes them as Markdown. Usage: {@code --help} lists the options ({@link
 * QualityArguments}). Writes Markdown to standard output (and to {@code --out}), progress to
 * standard error. Exits 0, with a message, when the corpus is not found; 2 for bad arguments.
 */
@Command(
    name = "QualityEvaluation",
    sortOptions = false,
    sortSynopsis = false,
    description = {
      "The quality evaluation of near-duplicate clustering (docs/QUALITY.md): simulated corpora"
          + " from Reuters-21578, exact clusterings swept over measures and thresholds, the"
          + " library's clusterer, Reuters as it is, LSH recall.",
      "Writes Markdown to standard output (and to --out), progress to standard error. Exits 0"
          + " with a message when the corpus is not found, 2 for bad arguments."
    })
public final class QualityEvaluation implements Callable<Integer> {
  @Mixin private final QualityArguments args = new QualityArguments();

  @Spec private CommandSpec spec;

  private final PrintStream out;
  private final PrintStream log;
  private final Path workingDir;

  private QualityEvaluation(PrintStream out, PrintStream log, Path workingDir) {
    this.out = Objects.requireNonNull(out, "out");
    this.log = Objects.requireNonNull(log, "log");
    this.workingDir = Objects.requireNonNull(workingDir, "workingDir");
  }

  /** Runs the evaluation; {@code --help} lists the arguments. */
  public static void main(String[] argv) {
    int code = run(argv, System.out, System.err, Path.of(""));
    if (code != 0) {
      System.exit(code);
    }
  }

  /**
   * Runs the evaluation and returns the exit code: 0 when done or skipped, 2 for bad arguments, 1
   * if the corpus cannot be read or the report not written.
   */
  static int run(String[] argv, PrintStream out, PrintStream err, Path workingDir) {
    PrintWriter outWriter =
        new PrintWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), true);
    PrintWriter errWriter =
        new PrintWriter(new OutputStreamWriter(err, StandardCharsets.UTF_8), true);
    int code =
        new CommandLine(new QualityEvaluation(out, err, workingDir))
            .setOut(outWriter)
            .setErr(errWriter)
            .execute(argv);
    outWriter.flush();
    errWriter.flush();
    return code;
  }

  @Override
  public Integer call() throws IOException {
    args.validate(spec.commandLine());
    Optional<Path> file = ReutersCorpus.locate(args.devdata(), workingDir);
    if (file.isEmpty()) {
      out.println(
          "Quality evaluation skipped: "
              + ReutersCorpus.FILE_NAME
              + " not found (looked at "
              + ReutersCorpus.candidates(args.devdata(), workingDir)
              + "). Pass --devdata PATH to point at it.");
      return 0;
    }
    evaluate(file.get(), spec.commandLine().getParseResult().originalArgs());
    return 0;
  }

  private void evaluate(Path file, List<String> given) throws IOException {
    long start = System.nanoTime();
    QualityReport report = new QualityReport(out);
    progress("reading " + file);
    List<Story> stories = ReutersCorpus.read(file);
    report.emit(QualityReport.title(stories.size(), given));

    progress("grouping near-duplicate stories");
    StoryPool pool = StoryPool.of(stories);
    SweepRunner runner =
        new SweepRunner(
            ThresholdSweep.thresholds(args.from(), args.to(), args.step()),
            args.charShingles(),
            this::progress);
    List<SimulatedCorpus> corpora = new ArrayList<>();
    List<Sweep> sweeps = new ArrayList<>();
    for (long seed : args.seeds()) {
      progress("simulating, seed " + seed);
      SimulatedCorpus corpus = SimulatedCorpus.build(pool, args.settings().withSeed(seed));
      corpora.add(corpus);
      sweeps.add(runner.sweep(corpus, sweeps.isEmpty()));
    }
    // Sections 1, 3 and 4 describe the first corpus, whose sweep kept its pairs.
    SimulatedCorpus first = corpora.get(0);
    Sweep firstSweep = sweeps.get(0);
    report.emit(CorpusSection.markdown(pool, first, CorpusSummary.of(first), args.seeds()));
    Map<Config, List<Mean>> means = SweepStatistics.means(sweeps);
    Choice choice = SweepStatistics.bestOverall(means);
    report.emit(SweepSection.markdown(sweeps, means, choice));
    report.emit(ErrorSection.markdown(ErrorAnalysis.of(first, firstSweep, choice)));
    report.emit(
        LibrarySection.markdown(LibraryCheck.run(first, firstSweep, choice, this::progress)));
    if (!args.skipReuters()) {
      List<Choice> compared = new ArrayList<>();
      compared.add(choice);
      SweepStatistics.runnerUp(means, choice).ifPresent(compared::add);
      if (!compared.contains(Choice.currentDefault())) {
        compared.add(Choice.currentDefault());
      }
      report.emit(
          ReutersSection.markdown(
              ReutersClustering.run(stories, compared, args.seeds().get(0), this::progress)));
    }
    if (args.lshDocs() > 0) {
      List<LshRecall.Row> rows =
          LshRecall.run(
              pool,
              args.settings().withSeed(args.seeds().get(0)),
              args.lshDocs(),
              choice,
              this::progress);
      report.emit(LshRecallSection.markdown(args.lshDocs(), choice, rows));
    }
    report.emit(QualityReport.totalTime((System.nanoTime() - start) / 1e9));
    if (args.out().isPresent()) {
      Files.writeString(args.out().get(), report.text(), StandardCharsets.UTF_8);
      progress("wrote " + args.out().get());
    }
  }

  private void progress(String message) {
    log.println("[quality] " + message);
    log.flush();
  }
}
