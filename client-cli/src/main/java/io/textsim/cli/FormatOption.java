package io.textsim.cli;

import picocli.CommandLine.Option;

/** {@code --format text|json}, shared as a mixin by the commands that print either. */
final class FormatOption {
  @Option(
      names = "--format",
      order = 9,
      paramLabel = "FORMAT",
      defaultValue = "text",
      converter = Choices.TextOrJson.class,
      completionCandidates = Choices.TextOrJson.class,
      description = "${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
  Choices.Format format;
}
