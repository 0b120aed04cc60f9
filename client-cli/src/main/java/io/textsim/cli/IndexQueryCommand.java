package io.textsim.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code index query QUERY...}: the stored documents most like each query, best first. */
@Command(
    name = "query",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    sortOptions = false,
    description = {
      "Finds, for each query text, the stored documents most like it, best first: candidates"
          + " from the index's MinHash bands, each verified by exact Jaccard of the shingle sets"
          + " and given a verdict (near-duplicate, related, different).",
      "Reads files and directories (recursively; hidden files are skipped), or JSONL with"
          + " --jsonl; a query's id is its path as given, or its JSONL id."
    })
final class IndexQueryCommand implements Callable<Integer> {
  @ParentCommand IndexCommand parent;

  @Spec CommandSpec spec;

  @Mixin DocumentSource input;

  @Option(
      names = "--top",
      order = 2,
      paramLabel = "N",
      defaultValue = "10",
      converter = Units.PositiveInt.class,
      description = "Show at most N matches per query (default: ${DEFAULT-VALUE}).")
  int top;

  @Option(
      names = "--min-score",
      order = 3,
      paramLabel = "S",
      defaultValue = "0",
      converter = Units.UnitInterval.class,
      description = "Show only matches scoring at least S, in [0, 1] (default: ${DEFAULT-VALUE}).")
  double minScore;

  @Mixin FormatOption format;

  @Mixin IndexPlace place;

  @Mixin ServerOptions server;

  @Override
  public Integer call() {
    place.validate(server);
    input.validate("queries");
    Inputs inputs = new Inputs(place.maxBytes(), parent.main.stdin());
    List<Input> queries = input.read(inputs);
    PrintWriter err = spec.commandLine().getErr();
    ClusterCommand.noteBlank(queries, err);
    List<Reports.IndexResult> results = new ArrayList<>(queries.size());
    try (IndexBackend backend = place.open(server, false)) {
      for (List<Input> batch : IndexCommand.batches(queries, q -> q.text().length())) {
        results.addAll(backend.query(batch, top, minScore));
      }
    }
    IndexOutput.query(results, format.format, spec.commandLine().getOut());
    return Main.OK;
  }
}
