package io.textsim.cli;

import java.io.InputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.HelpCommand;

/**
 * The top command, {@code client-cli}: compare, cluster and search texts, and keep a near-duplicate
 * index, locally through the core or remotely through the gRPC API with {@code --server}.
 *
 * <p>Exit codes: 0 done, 1 bad input or a runtime error (one line on stderr, never a stack trace),
 * 2 usage error. Output is UTF-8 whatever the platform's default charset.
 */
@Command(
    name = "client-cli",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = {
      "How alike are two texts, and which texts in a collection are the same story?",
      "Runs locally, or against a textsim server with --server host:port; the output is the same"
          + " either way."
    },
    subcommands = {
      CompareCommand.class,
      ClusterCommand.class,
      SearchCommand.class,
      IndexCommand.class,
      HealthCommand.class,
      HelpCommand.class
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:done",
      "1:bad input (missing, binary, non-UTF-8, too large) or a runtime error",
      "2:usage error (unknown option, bad option value)"
    },
    footerHeading = "%nExamples:%n",
    footer = {
      "  client-cli compare a.txt b.txt",
      "  client-cli cluster --format json articles/",
      "  client-cli search query.txt articles/",
      "  client-cli index add --index ./idx articles/",
      "  client-cli index query --index ./idx new-article.txt",
      "  client-cli compare --server localhost:50051 a.txt b.txt"
    })
public final class Main implements Runnable {
  /** Exit code: done. */
  public static final int OK = 0;

  /** Exit code: bad input or a runtime error. */
  public static final int FAILED = 1;

  /** Exit code: usage error. */
  public static final int USAGE = 2;

  private final InputStream stdin;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  /** A command that reads standard input from {@link System#in}. */
  public Main() {
    this(System.in);
  }

  /** A command that reads standard input ({@code -} as a file name) from {@code stdin}. */
  public Main(InputStream stdin) {
    this.stdin = Objects.requireNonNull(stdin, "stdin");
  }

  InputStream stdin() {
    return stdin;
  }

  @Override
  public void run() {
    // No subcommand: say what there is.
    throw new CommandLine.ParameterException(
        spec.commandLine(), "Missing subcommand: compare, cluster, search, index, health or help");
  }

  /** Runs the command line and exits with its exit code. */
  public static void main(String[] args) {
    PrintWriter out =
        new PrintWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), true);
    PrintWriter err =
        new PrintWriter(new OutputStreamWriter(System.err, StandardCharsets.UTF_8), true);
    int code;
    try {
      code = commandLine(new Main()).setOut(out).setErr(err).execute(args);
    } catch (Throwable t) { // OutOfMemoryError and friends: still one line, no stack trace
      err.println("client-cli: " + Errors.describe(t));
      code = FAILED;
    }
    out.flush();
    err.flush();
    System.exit(code);
  }

  /**
   * The configured command line for {@code main}: lowercase option values accepted in any case,
   * one-line errors, the exit codes above. Tests call this with their own writers.
   */
  public static CommandLine commandLine(Main main) {
    CommandLine cl = new CommandLine(main);
    cl.setCaseInsensitiveEnumValuesAllowed(true);
    // search's QUERY takes @FILE itself; picocli's own argument files would read it as options.
    cl.setExpandAtFiles(false);
    cl.setDefaultValueProvider(new ProfileOptions.ShingleDefaults());
    cl.setExecutionExceptionHandler(Errors::handleExecution);
    cl.setParameterExceptionHandler(Errors::handleParameter);
    cl.setExitCodeExceptionMapper(Errors::exitCode);
    return cl;
  }
}
