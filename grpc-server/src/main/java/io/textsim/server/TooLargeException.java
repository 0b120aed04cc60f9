package io.textsim.server;

/**
 * A request larger in total than the server accepts (for example a ClusterStream over the stream
 * limit). Answered RESOURCE_EXHAUSTED.
 */
final class TooLargeException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** Creates the exception with a message that says the limit and how to raise it. */
  TooLargeException(String message) {
    super(message, null, false, false);
  }
}
