package io.textsim.cli;

import io.textsim.core.furniture.FurnitureOptions;
import io.textsim.core.measure.Measure;
import io.textsim.core.shingle.ShingleConfig;
import java.io.PrintWriter;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.TypeConversionException;

/** {@code search QUERY PATH...}: the documents most like QUERY, best first. */
@Command(
    name = "search",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    sortOptions = false,
    description = {
      "Finds the documents most similar to the QUERY text, best first.",
      "Reads files and directories (recursively; hidden files are skipped; a query file itself"
          + " is left out), or JSONL with --jsonl.",
      "A query shorter than the shingle size (a phrase of a few words) is found wherever it"
          + " occurs word for word; with it, and with --measure containment_a_in_b, each match"
          + " says where in the document the query sits.",
      "Page furniture (navigation, legal lines, comment forms) is learned from the documents"
          + " searched, per source, and taken out of the query and the documents before scoring:"
          + " scores are on content. Offsets still point into the documents as given."
    })
final class SearchCommand implements Callable<Integer> {
  @ParentCommand Main main;

  @Spec CommandSpec spec;

  @Parameters(
      index = "0",
      paramLabel = "QUERY",
      description =
          "The text to look for, as given; @FILE reads it from FILE, and - from standard input.")
  String query;

  @Parameters(
      index = "1..*",
      arity = "0..*",
      paramLabel = "PATH",
      description = "Text files and directories to search.")
  List<String> paths = List.of();

  @Option(
      names = "--jsonl",
      order = 1,
      paramLabel = "FILE",
      description = "Search the documents of this JSONL file instead (- for standard input).")
  String jsonl;

  @Option(
      names = "--top",
      order = 2,
      paramLabel = "N",
      defaultValue = "10",
      converter = Units.PositiveInt.class,
      description = "Show at most N matches (default: ${DEFAULT-VALUE}).")
  int top;

  @Option(
      names = "--min-score",
      order = 3,
      paramLabel = "S",
      defaultValue = "0",
      converter = Units.UnitInterval.class,
      description = "Show only matches scoring at least S, in [0, 1] (default: ${DEFAULT-VALUE}).")
  double minScore;

  @Option(
      names = "--measure",
      order = 4,
      paramLabel = "MEASURE",
      defaultValue = "jaccard",
      converter = Choices.MeasureName.class,
      description =
          "Rank by this measure: jaccard, containment_a_in_b (how much of the query a document"
              + " holds), cosine (TF-IDF over the documents searched), ... (default:"
              + " ${DEFAULT-VALUE}).")
  Measure measure;

  @Option(
      names = "--format",
      order = 5,
      paramLabel = "FORMAT",
      defaultValue = "text",
      converter = Choices.TextJsonOrCsv.class,
      completionCandidates = Choices.TextJsonOrCsv.class,
      description = "${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
  Choices.Format format;

  @Option(
      names = "--furniture",
      order = 6,
      paramLabel = "learn|none",
      converter = FurnitureChoice.class,
      completionCandidates = FurnitureChoice.class,
      description = {
        "learn (the default): learn page furniture from the documents searched, per source (a"
            + " JSONL source or url field, else the directory a file sits in when the files come"
            + " from several), and score on content; too few pages of a source learn nothing"
            + " (at least 3 are needed).",
        "none: score the texts as given."
      })
  FurnitureMode furnitureMode;

  @Option(
      names = "--furniture-from",
      order = 7,
      arity = "1..*",
      paramLabel = "PATH",
      description = {
        "Learn the furniture from these pages instead (files, directories, or JSONL files named"
            + " *.jsonl), as compare --furniture-from does: a JSONL source or url field, else the"
            + " directory a page sits in, is its source.",
        "Takes every path after it: give QUERY and PATH... first."
      })
  List<String> furnitureFrom = List.of();

  @Mixin ProfileOptions profile;

  @Mixin ServerOptions server;

  @Override
  public Integer call() {
    server.validate();
    if ((jsonl == null) == paths.isEmpty()) {
      throw new ParameterException(
          spec.commandLine(),
          jsonl == null
              ? "Missing documents to search: give PATH... or --jsonl FILE"
                  + (furnitureFrom.isEmpty()
                      ? ""
                      : " (--furniture-from takes every path after it: give PATH... before it)")
              : "Give either PATH... or --jsonl FILE, not both");
    }
    if (furnitureMode != null && !furnitureFrom.isEmpty()) {
      throw new ParameterException(
          spec.commandLine(), "Give either --furniture or --furniture-from, not both");
    }
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    Inputs inputs = new Inputs(profile.maxBytes(), main.stdin());
    Input q = query(inputs, err);
    List<Input> docs = jsonl != null ? inputs.jsonl(jsonl) : withoutQuery(inputs.files(paths));
    inputs.noteSkipped(err, ClusterCommand.MAX_NOTES);
    if (docs.isEmpty()) {
      throw new CliException(
          "no documents to search: the paths hold only the query " + queryFile());
    }
    if (q.isBlank()) {
      err.println("client-cli: " + q.blankNote());
    }
    ClusterCommand.noteBlank(docs, err);
    Optional<SearchFurniture> furniture = Optional.empty();
    if (!furnitureFrom.isEmpty()) {
      List<Input> examples = inputs.furnitureExamples(furnitureFrom);
      if (!CompareCommand.anySourceHasEnoughPages(examples)) {
        err.println(
            "client-cli: note: no source has "
                + FurnitureOptions.defaults().minDocuments()
                + " or more pages in --furniture-from, so no furniture can be learned");
      }
      furniture = Optional.of(new SearchFurniture(SearchFurniture.FURNITURE_FROM, examples));
    } else if (furnitureMode != FurnitureMode.NONE) {
      furniture = Optional.of(new SearchFurniture(SearchFurniture.DOCUMENTS, docs));
    }
    err.flush();
    Reports.Search report;
    try (Backend backend = server.open(profile.maxBytes())) {
      report =
          backend.search(
              q,
              docs,
              new Backend.SearchSettings(
                  measure, top, minScore, profile.shingleSize(ShingleConfig.DEFAULT), furniture));
    }
    switch (format) {
      case JSON -> SearchOutput.json(report, out);
      case CSV -> SearchOutput.csv(report, out);
      default -> SearchOutput.text(report, out);
    }
    return Main.OK;
  }

  /**
   * The query: {@code @FILE} read from the file (its id the path), {@code -} from standard input,
   * anything else the text itself (its id the text). A text that names an existing file gets a
   * note: before this version QUERY was always a file.
   */
  private Input query(Inputs inputs, PrintWriter err) {
    if (Inputs.STDIN.equals(query)) {
      return inputs.file(query);
    }
    if (query.startsWith("@") && query.length() > 1) {
      return inputs.file(query.substring(1));
    }
    Path named = absolute(query);
    if (named != null && java.nio.file.Files.isRegularFile(named)) {
      err.println(
          "client-cli: note: QUERY is searched as text; to search with the contents of the file "
              + query
              + ", give @"
              + query);
    }
    return new Input(query, query);
  }

  /** The query file's path, if the query was read from a file. */
  private String queryFile() {
    return query.startsWith("@") && query.length() > 1 ? query.substring(1) : null;
  }

  /** The documents without the query file itself (a directory search may find it). */
  private List<Input> withoutQuery(List<Input> docs) {
    String file = queryFile();
    if (file == null) {
      return docs;
    }
    Path self = absolute(file);
    List<Input> out = new ArrayList<>(docs.size());
    for (Input d : docs) {
      if (!d.id().equals(file) && (self == null || !self.equals(absolute(d.id())))) {
        out.add(d);
      }
    }
    return out;
  }

  /** The values of {@code --furniture}. */
  enum FurnitureMode {
    LEARN,
    NONE
  }

  /** {@code --furniture}: {@code learn} or {@code none}, in any case. */
  static final class FurnitureChoice implements ITypeConverter<FurnitureMode>, Iterable<String> {
    @Override
    public FurnitureMode convert(String value) {
      String v = value.strip().toLowerCase(Locale.ROOT);
      if (v.equals("learn") || v.equals("none")) {
        return FurnitureMode.valueOf(v.toUpperCase(Locale.ROOT));
      }
      throw new TypeConversionException("'" + value + "' is not one of learn, none");
    }

    @Override
    public Iterator<String> iterator() {
      return List.of("learn", "none").iterator();
    }
  }

  private static Path absolute(String path) {
    try {
      return Path.of(path).toAbsolutePath().normalize();
    } catch (InvalidPathException e) {
      return null;
    }
  }
}
