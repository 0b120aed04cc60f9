package io.textsim.cli;

import picocli.CommandLine.Option;

/** The size limit on every text a command reads, shared as a mixin. */
final class SizeOptions {
  /** The default --max-bytes, matching the core's default text length limit. */
  static final String DEFAULT_MAX_BYTES = "10MB";

  @Option(
      names = "--max-bytes",
      order = 21,
      paramLabel = "SIZE",
      converter = Units.ByteSize.class,
      defaultValue = DEFAULT_MAX_BYTES,
      description =
          "Largest text accepted, e.g. 20MB or 500KB (default: ${DEFAULT-VALUE}); larger files"
              + " are an error.")
  long maxBytes;
}
