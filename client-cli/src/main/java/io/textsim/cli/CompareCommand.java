package io.textsim.cli;

import io.textsim.core.furniture.FurnitureOptions;
import io.textsim.core.measure.Measure;
import io.textsim.core.shingle.ShingleConfig;
import java.io.PrintWriter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.TypeConversionException;

/** {@code compare A B}: every score, the verdict, and the passages that differ. */
@Command(
    name = "compare",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    sortOptions = false,
    description = {
      "Compares two texts: every score, the exact edit distance, containment both ways, a verdict"
          + " (near-duplicate, related, different) against the threshold, and the passages only"
          + " one side has.",
      "A file name of - reads standard input."
    })
final class CompareCommand implements Callable<Integer> {
  @ParentCommand Main main;

  @Spec CommandSpec spec;

  // A and B are checked in call(), so that a list of --furniture-from that took them gets a message
  // saying so rather than picocli's "Missing required parameters".
  @Parameters(
      index = "0",
      arity = "0..1",
      paramLabel = "A",
      description = "The first text file (UTF-8; *.html and *.htm: a web page).")
  String a;

  @Parameters(
      index = "1",
      arity = "0..1",
      paramLabel = "B",
      description = "The second text file (UTF-8; *.html and *.htm: a web page).")
  String b;

  private Set<Measure> measures = Measure.defaults();

  @Option(
      names = "--threshold",
      order = 1,
      paramLabel = "T",
      defaultValue = "0.5",
      converter = Units.UnitInterval.class,
      description =
          "Jaccard at or above this makes a near-duplicate, in [0, 1] (default: ${DEFAULT-VALUE}).")
  double threshold;

  @Option(
      names = "--explain",
      order = 3,
      description = "Show every passage of both texts in full, shared ones included.")
  boolean explain;

  @Option(
      names = "--format",
      order = 4,
      paramLabel = "FORMAT",
      defaultValue = "text",
      converter = Choices.TextJsonOrHtml.class,
      completionCandidates = Choices.TextJsonOrHtml.class,
      description =
          "text, json (default: ${DEFAULT-VALUE}), or html: one self-contained page, the two"
              + " texts side by side (redirect it to a file).")
  Choices.Format format;

  @Option(
      names = "--furniture-from",
      order = 5,
      arity = "1..*",
      paramLabel = "PATH",
      description = {
        "Other pages of the same outlets (files, directories, or JSONL files named *.jsonl):"
            + " their page furniture is learned, passages only one side has are marked as"
            + " furniture or content, and the pair is also scored on its content.",
        "Sources: a JSONL source or url field, else the directory a page sits in; at least 3"
            + " pages of a source are needed. Takes every path after it: give A and B first."
      })
  List<String> furnitureFrom = List.of();

  @Mixin ProfileOptions profile;

  @Mixin ServerOptions server;

  @Option(
      names = "--measures",
      order = 2,
      paramLabel = "LIST",
      completionCandidates = Choices.MeasureName.class,
      description = {
        "Comma list of measures: ${COMPLETION-CANDIDATES}, or all (default: all but"
            + " jaro_winkler, damerau_osa, dice and lcs).",
        "Jaccard and containment are always computed: the verdict needs them."
      })
  void setMeasures(String list) {
    try {
      measures = Choices.measures(list);
    } catch (TypeConversionException e) {
      throw new ParameterException(
          spec.commandLine(), "Invalid value for option '--measures': " + e.getMessage());
    }
  }

  @Override
  public Integer call() {
    if (b == null) {
      throw new ParameterException(
          spec.commandLine(),
          (a == null ? "Missing required parameters: 'A', 'B'" : "Missing required parameter: 'B'")
              + (furnitureFrom.isEmpty()
                  ? ""
                  : " (--furniture-from takes every path after it: give A and B before it)"));
    }
    server.validate();
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    Inputs inputs = new Inputs(profile.maxBytes(), main.stdin());
    Input x = inputs.file(a);
    Input y = inputs.file(b);
    for (Input in : new Input[] {x, y}) {
      if (in.isBlank()) {
        err.println("client-cli: " + in.blankNote());
      }
      in.malformedNote().ifPresent(note -> err.println("client-cli: " + note));
    }
    List<Input> examples =
        furnitureFrom.isEmpty() ? List.of() : inputs.furnitureExamples(furnitureFrom);
    if (!furnitureFrom.isEmpty() && !anySourceHasEnoughPages(examples)) {
      err.println(
          "client-cli: note: no source has "
              + FurnitureOptions.defaults().minDocuments()
              + " or more pages in --furniture-from, so no furniture can be learned");
    }
    err.flush();
    Reports.Compare report;
    try (Backend backend = server.open(profile.maxBytes())) {
      report =
          backend.compare(
              x,
              y,
              new Backend.CompareSettings(
                  measures, profile.shingleSize(ShingleConfig.DEFAULT), threshold, examples));
    }
    report = report.withInputs(x, y);
    if (format == Choices.Format.HTML) {
      CompareHtml.write(report, x, y, out);
    } else if (format == Choices.Format.JSON) {
      CompareOutput.json(report, out);
    } else {
      CompareOutput.text(report, explain, out);
    }
    return Main.OK;
  }

  static boolean anySourceHasEnoughPages(List<Input> examples) {
    Map<String, Integer> pages = new HashMap<>();
    for (Input in : examples) {
      pages.merge(in.source(), 1, Integer::sum);
    }
    int needed = FurnitureOptions.defaults().minDocuments();
    return pages.values().stream().anyMatch(n -> n >= needed);
  }
}
