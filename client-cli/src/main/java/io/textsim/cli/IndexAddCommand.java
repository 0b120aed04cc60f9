package io.textsim.cli;

import io.textsim.index.AddResult;
import io.textsim.index.IndexDocument;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code index add PATH...}: adds or replaces documents by id. */
@Command(
    name = "add",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    sortOptions = false,
    description = {
      "Adds documents to the index, replacing any stored document of the same id; the index is"
          + " created by the first add.",
      "Reads files and directories (recursively; hidden files are skipped; the id is the path as"
          + " given), or JSONL with --jsonl: one {\"id\", \"text\"} a line, with optional"
          + " \"source\", \"url\" (its host is the source) and \"time\" (ISO-8601, e.g."
          + " 2026-03-01T08:00:00Z, or seconds since 1970).",
      "Documents are written in batches, each atomic and durable when acknowledged."
    })
final class IndexAddCommand implements Callable<Integer> {
  @ParentCommand IndexCommand parent;

  @Spec CommandSpec spec;

  @Mixin DocumentSource input;

  @Option(
      names = "--ttl",
      order = 2,
      paramLabel = "DURATION",
      converter = Units.TtlValue.class,
      description =
          "Expire the documents this long after they are added, e.g. 12h, 7d (default: never).")
  Duration ttl;

  @Mixin FormatOption format;

  @Option(
      names = "--progress",
      order = 4,
      paramLabel = "WHEN",
      defaultValue = "auto",
      description =
          "Progress bar on stderr: auto (when stderr is a terminal and the work takes more than a"
              + " second), always, never (default: ${DEFAULT-VALUE}).")
  Choices.Progress progress;

  @Mixin IndexPlace place;

  @Mixin ServerOptions server;

  @Override
  public Integer call() {
    place.validate(server);
    input.validate("documents");
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    long start = System.nanoTime();
    Inputs inputs = Inputs.forIndex(place.maxBytes(), parent.main.stdin());
    List<Input> read = input.read(inputs);
    inputs.noteSkipped(err, ClusterCommand.MAX_NOTES);
    ClusterCommand.noteBlank(read, err);
    List<IndexDocument> documents = new ArrayList<>(read.size());
    for (Input in : read) {
      documents.add(IndexCommand.document(in, Optional.ofNullable(ttl)));
    }
    ProgressBar bar = ProgressBar.when(progress, err);
    AddResult total = AddResult.none();
    String name;
    boolean drawn = false;
    try (IndexBackend backend = place.open(server, true)) {
      name = backend.name();
      int done = 0;
      for (List<IndexDocument> batch : IndexCommand.batches(documents, d -> d.text().length())) {
        try {
          total = total.plus(backend.add(batch));
        } catch (CliException e) {
          if (done == 0) {
            throw e;
          }
          throw new CliException(
              e.getMessage()
                  + " (the first "
                  + Display.count(done)
                  + " of "
                  + Display.count(documents.size())
                  + " documents were added; adding them again replaces them)");
        }
        done += batch.size();
        if (bar != null) {
          bar.update("add", done, documents.size());
        }
      }
    } finally {
      drawn = bar != null && bar.finish();
    }
    if (drawn) {
      err.println(
          String.format(
              Locale.ROOT,
              "client-cli: added %s documents in %.1f s",
              Display.count(documents.size()),
              (System.nanoTime() - start) / 1e9));
    }
    IndexOutput.add(name, total, format.format, out);
    return Main.OK;
  }
}
