package io.textsim.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code index stats}: the number of documents and the settings of an index. */
@Command(
    name = "stats",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    sortOptions = false,
    description = {
      "Shows how many documents the index holds (expired ones are deleted first), its size on"
          + " disk, and the settings it was created with."
    })
final class IndexStatsCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Mixin FormatOption format;

  @Mixin IndexPlace place;

  @Mixin ServerOptions server;

  @Override
  public Integer call() {
    Reports.IndexStats stats;
    try (IndexBackend backend = place.open(server, false)) {
      stats = backend.stats();
    }
    IndexOutput.stats(stats, format.format, spec.commandLine().getOut());
    return Main.OK;
  }
}
