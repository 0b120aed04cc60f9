package io.textsim.spark;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.HelpCommand;

/**
 * {@code textsim-spark}: near-duplicate clustering on Spark. Run by {@code bin/textsim-spark} in
 * local mode, or by {@code spark-submit --class io.textsim.spark.Main textsim-spark.jar cluster
 * ...} on a cluster.
 */
@Command(
    name = "textsim-spark",
    mixinStandardHelpOptions = true,
    version = "textsim-spark 0.1.0",
    description = "Near-duplicate clustering on Apache Spark, with the clusters client-cli gives.",
    subcommands = {ClusterJob.class, HelpCommand.class})
public final class Main {
  /** Exit code of a run that went well. */
  static final int OK = 0;

  /** Exit code of a bad input or setting. */
  static final int BAD_INPUT = 2;

  private Main() {}

  /** Runs the command line and exits with its code. */
  public static void main(String[] args) {
    System.exit(run(args));
  }

  /** Runs the command line; returns the exit code. */
  static int run(String... args) {
    CommandLine cli = new CommandLine(new Main());
    cli.setExecutionExceptionHandler(
        (e, line, parsed) -> {
          Throwable cause = e;
          while (cause.getCause() != null && !(cause instanceof IllegalArgumentException)) {
            cause = cause.getCause();
          }
          if (cause instanceof IllegalArgumentException) {
            line.getErr().println("textsim-spark: " + cause.getMessage());
            return BAD_INPUT;
          }
          throw e;
        });
    return cli.execute(args);
  }
}
