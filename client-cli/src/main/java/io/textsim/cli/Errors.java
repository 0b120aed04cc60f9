package io.textsim.cli;

import io.textsim.core.OperationCancelledException;
import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * Turns every failure into one line on stderr and an exit code: {@link CliException} and other
 * runtime failures exit 1, usage errors exit 2. A stack trace is printed only when the environment
 * variable {@value #DEBUG_ENV} is set, for developers.
 */
final class Errors {
  /** Set this environment variable (to anything) to see stack traces. */
  static final String DEBUG_ENV = "TEXTSIM_DEBUG";

  private Errors() {}

  /** Picocli's execution exception handler: a failure inside a subcommand. */
  static int handleExecution(Exception ex, CommandLine cl, ParseResult parsed) {
    PrintWriter err = cl.getErr();
    if (ex instanceof CliException) {
      err.println("client-cli: " + ex.getMessage());
    } else if (ex instanceof OperationCancelledException) {
      err.println("client-cli: stopped: " + ex.getMessage());
    } else {
      err.println("client-cli: internal error: " + describe(ex));
    }
    if (System.getenv(DEBUG_ENV) != null) {
      ex.printStackTrace(err);
    }
    err.flush();
    return Main.FAILED;
  }

  /**
   * Picocli's parameter exception handler: the message, did-you-mean suggestions, and where to find
   * help; never the whole usage text.
   */
  static int handleParameter(ParameterException ex, String[] args) {
    CommandLine cl = ex.getCommandLine();
    PrintWriter err = cl.getErr();
    String name = cl.getCommandSpec().qualifiedName();
    err.println(name + ": " + ex.getMessage());
    UnmatchedArgumentException.printSuggestions(ex, err);
    err.println("Try '" + name + " --help' for more information.");
    err.flush();
    return Main.USAGE;
  }

  /** Exit codes for exceptions that escape the handlers above. */
  static int exitCode(Throwable t) {
    return t instanceof ParameterException ? Main.USAGE : Main.FAILED;
  }

  /** One line about an unexpected failure: its type and message, never a stack trace. */
  static String describe(Throwable t) {
    if (t instanceof OutOfMemoryError) {
      return "out of memory; give Java more with JAVA_OPTS=-Xmx4g (the launcher passes it on)";
    }
    String message = t.getMessage();
    String type = t.getClass().getSimpleName();
    if (message == null || message.isBlank()) {
      return type;
    }
    return type + ": " + message.lines().findFirst().orElse("").strip();
  }
}
