package io.textsim.cli;

import io.textsim.index.RemoveResult;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code index remove ID...}: removes documents by id. */
@Command(
    name = "remove",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    sortOptions = false,
    description = {
      "Removes the documents of the given ids, in one atomic write.",
      "Ids the index does not hold are listed as not found; that is not an error."
    })
final class IndexRemoveCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(paramLabel = "ID", arity = "1..*", description = "The ids of the documents.")
  List<String> ids;

  @Mixin FormatOption format;

  @Mixin IndexPlace place;

  @Mixin ServerOptions server;

  @Override
  public Integer call() {
    place.validate(server);
    RemoveResult result;
    String name;
    try (IndexBackend backend = place.open(server, false)) {
      name = backend.name();
      result = backend.remove(ids);
    }
    IndexOutput.remove(name, result, format.format, spec.commandLine().getOut());
    return Main.OK;
  }
}
