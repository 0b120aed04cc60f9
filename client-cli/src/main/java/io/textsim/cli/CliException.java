package io.textsim.cli;

/**
 * A failure the user can act on: bad input or a runtime error, reported as one line on stderr (the
 * message) with exit code 1. Never shown with a stack trace.
 */
final class CliException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  CliException(String message) {
    super(message);
  }

  CliException(String message, Throwable cause) {
    super(message, cause);
  }

  /** A problem with one input: {@code "SOURCE: PROBLEM"}. */
  static CliException input(String source, String problem) {
    return new CliException(source + ": " + problem);
  }
}
