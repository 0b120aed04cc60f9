package io.textsim.evaluation;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import picocli.CommandLine;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/**
 * The options of {@link QualityEvaluation}. Picocli checks the types; {@link #validate} checks the
 * ranges and builds the corpus settings. Mutable until validated.
 */
final class QualityArguments {
  private static final Pattern COMMA = Pattern.compile(",");

  @Option(
      names = "--devdata",
      paramLabel = "PATH",
      description =
          "directory holding "
              + ReutersCorpus.FILE_NAME
              + " (default: ../shared/devdata from the working directory or the repository root)")
  private Path devdata;

  @Option(
      names = "--bases",
      paramLabel = "N",
      description = "base stories of the simulated corpus (default ${DEFAULT-VALUE})")
  private int bases = SimulatedCorpus.Settings.DEFAULT.bases();

  @Option(
      names = "--max-copies",
      paramLabel = "N",
      description =
          "most copies per base story, uniform from 0, at most one per simulated outlet"
              + " (default ${DEFAULT-VALUE})")
  private int maxCopies = SimulatedCorpus.Settings.DEFAULT.maxCopies();

  @Option(
      names = "--min-words",
      paramLabel = "N",
      description = "fewest words of a base story (default ${DEFAULT-VALUE})")
  private int minWords = SimulatedCorpus.Settings.DEFAULT.minWords();

  @Option(
      names = "--background",
      paramLabel = "N|all",
      description = "other Reuters stories added as background (default ${DEFAULT-VALUE})")
  private String background = "all";

  @Option(
      names = "--seeds",
      paramLabel = "N,N,..",
      description =
          "seeds of the simulated corpora; tables average over them (default ${DEFAULT-VALUE})")
  private String seeds = "42,43,44";

  @Option(
      names = "--from",
      paramLabel = "X",
      description = "the lowest threshold swept (default 0.10)")
  private double from = 0.10;

  @Option(
      names = "--to",
      paramLabel = "X",
      description = "the highest threshold swept (default 0.90)")
  private double to = 0.90;

  @Option(
      names = "--step",
      paramLabel = "X",
      description = "the step between the thresholds (default 0.05)")
  private double step = 0.05;

  @Option(
      names = "--char-shingles",
      paramLabel = "K",
      description =
          "also sweep character K-grams (slow: minutes per seed); 0 to skip (default"
              + " ${DEFAULT-VALUE})")
  private int charShingles = 0;

  @Option(
      names = "--lsh-docs",
      paramLabel = "N",
      description = "documents of the LSH recall check; 0 to skip (default ${DEFAULT-VALUE})")
  private int lshDocs = 20_000;

  @Option(names = "--skip-reuters", description = "skip clustering the Reuters stories themselves")
  private boolean skipReuters;

  @Option(
      names = "--out",
      paramLabel = "FILE",
      description = "also write the Markdown report to FILE")
  private Path out;

  // Read by picocli, which prints the usage when it is set.
  @SuppressWarnings("UnusedVariable")
  @Option(
      names = {"-h", "--help"},
      usageHelp = true,
      description = "show this help and exit")
  private boolean help;

  private List<Long> seedList;
  private SimulatedCorpus.Settings settings;

  /**
   * Checks what the option types do not and builds the corpus settings.
   *
   * @throws ParameterException naming the option and the value
   */
  void validate(CommandLine cmd) {
    try {
      positive(bases, "--bases");
      if (maxCopies < 0 || maxCopies > SyndicationSimulator.outlets()) {
        throw new IllegalArgumentException(
            "--max-copies must be in [0, "
                + SyndicationSimulator.outlets()
                + "], got "
                + maxCopies);
      }
      nonNegative(minWords, "--min-words");
      nonNegative(charShingles, "--char-shingles");
      nonNegative(lshDocs, "--lsh-docs");
      int backgroundStories =
          background.equals("all")
              ? SimulatedCorpus.Settings.ALL
              : nonNegative(wholeNumber(background, "--background"), "--background");
      threshold(from, "--from");
      threshold(to, "--to");
      if (!(step >= 0.01 && step <= 0.8)) {
        throw new IllegalArgumentException("--step must be in [0.01, 0.8], got " + step);
      }
      if (from > to) {
        throw new IllegalArgumentException(
            "--from must not be above --to, got " + from + " and " + to);
      }
      List<Long> parsed = parseSeeds(seeds);
      SimulatedCorpus.Settings d = SimulatedCorpus.Settings.DEFAULT;
      settings =
          new SimulatedCorpus.Settings(
              bases,
              maxCopies,
              minWords,
              d.baseMissingRate(),
              d.topicNegativeRate(),
              d.templateNegativeRate(),
              backgroundStories,
              parsed.get(0));
      seedList = parsed;
    } catch (IllegalArgumentException e) {
      throw new ParameterException(cmd, e.getMessage(), e);
    }
  }

  /** Where the corpus was pointed at, if it was. */
  Optional<Path> devdata() {
    return Optional.ofNullable(devdata);
  }

  /** The corpus settings, with the first seed. */
  SimulatedCorpus.Settings settings() {
    return validated(settings);
  }

  List<Long> seeds() {
    return validated(seedList);
  }

  double from() {
    return from;
  }

  double to() {
    return to;
  }

  double step() {
    return step;
  }

  int charShingles() {
    return charShingles;
  }

  int lshDocs() {
    return lshDocs;
  }

  boolean skipReuters() {
    return skipReuters;
  }

  Optional<Path> out() {
    return Optional.ofNullable(out);
  }

  private static <T> T validated(T value) {
    if (value == null) {
      throw new IllegalStateException("the arguments were not validated");
    }
    return value;
  }

  private static int positive(int x, String name) {
    if (x <= 0) {
      throw new IllegalArgumentException(name + " must be > 0, got " + x);
    }
    return x;
  }

  private static int nonNegative(int x, String name) {
    if (x < 0) {
      throw new IllegalArgumentException(name + " must be >= 0, got " + x);
    }
    return x;
  }

  private static int wholeNumber(String v, String name) {
    try {
      return Integer.parseInt(v);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          name + " must be a whole number or 'all', got '" + v + "'", e);
    }
  }

  private static void threshold(double x, String name) {
    if (!(x >= 0.01 && x <= 1)) {
      throw new IllegalArgumentException(name + " must be in [0.01, 1], got " + x);
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
}
