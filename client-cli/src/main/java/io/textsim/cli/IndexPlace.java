package io.textsim.cli;

import io.textsim.index.IndexNames;
import java.nio.file.Path;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * Which index the index commands work on: {@code --index DIR} (the indexes kept under DIR, opened
 * in this process) or a server ({@link ServerOptions}), and {@code --name}. Shared as a mixin.
 */
final class IndexPlace {
  @Spec(Spec.Target.MIXEE)
  CommandSpec mixee;

  @Option(
      names = "--index",
      order = 10,
      paramLabel = "DIR",
      description =
          "Work on the indexes kept under this directory, opened in this process (no server"
              + " needed); the directory a server's --index-dir names. Or give --server.")
  Path root;

  @Option(
      names = "--name",
      defaultValue = IndexNames.DEFAULT,
      paramLabel = "NAME",
      order = 11,
      description =
          "Which index: DIR/NAME locally, the index of that name on a server; 1 to 64 of A-Z a-z"
              + " 0-9 . _ - (default: ${DEFAULT-VALUE}).")
  String name;

  @Mixin SizeOptions size;

  /** The --max-bytes limit. */
  long maxBytes() {
    return size.maxBytes;
  }

  /**
   * Checks the options, with {@code server}'s: exactly one of --index and --server, and a valid
   * name.
   *
   * @throws ParameterException (a usage error) if they do not fit
   */
  void validate(ServerOptions server) {
    server.validate();
    if (root == null && !server.remote()) {
      throw usage(
          "Missing the index: give --index DIR (a local index directory) or --server HOST:PORT");
    }
    if (root != null && server.remote()) {
      throw usage("Give either --index DIR or --server HOST:PORT, not both");
    }
    try {
      IndexNames.resolve(name);
    } catch (IllegalArgumentException e) {
      throw usage("--name: " + e.getMessage());
    }
  }

  private ParameterException usage(String message) {
    return new ParameterException(mixee.commandLine(), message);
  }

  /**
   * Opens the index these options name, in this process or on the server; locally, only {@code
   * create} (an add) creates it.
   */
  IndexBackend open(ServerOptions server, boolean create) {
    validate(server);
    String resolved = IndexNames.resolve(name);
    if (server.remote()) {
      return RemoteIndex.connect(server, resolved);
    }
    return LocalIndex.open(root, resolved, create, maxBytes(), server.deadline());
  }
}
