package io.textsim.cli;

import java.util.List;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * Where a command's documents come from: {@code PATH...} (files and directories) or {@code --jsonl
 * FILE}, exactly one of them. Shared as a mixin by the commands that read a collection.
 */
final class DocumentSource {
  @Spec(Spec.Target.MIXEE)
  CommandSpec mixee;

  @Parameters(
      paramLabel = "PATH",
      arity = "0..*",
      description = "Text files and directories; - reads one text from standard input.")
  List<String> paths = List.of();

  @Option(
      names = "--jsonl",
      order = 1,
      paramLabel = "FILE",
      description = "Read the documents from JSONL instead (- for standard input).")
  String jsonl;

  /**
   * Checks that exactly one of PATH... and --jsonl was given.
   *
   * @param what what the documents are to the command, for the message ("documents", "queries")
   * @throws ParameterException (a usage error) otherwise
   */
  void validate(String what) {
    if ((jsonl == null) == paths.isEmpty()) {
      throw new ParameterException(
          mixee.commandLine(),
          jsonl == null
              ? "Missing " + what + ": give PATH... or --jsonl FILE"
              : "Give either PATH... or --jsonl FILE, not both");
    }
  }

  /** Reads and checks the documents with {@code inputs}. */
  List<Input> read(Inputs inputs) {
    return jsonl != null ? inputs.jsonl(jsonl) : inputs.files(paths);
  }
}
