package io.textsim.core;

/**
 * Thrown when a {@link Cancellation} fired during a long computation. Callers that pass a
 * cancellation catch it to answer "cancelled" or "deadline exceeded"; nothing partial is returned.
 */
public final class OperationCancelledException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** Creates the exception with a message that says what was cancelled. */
  public OperationCancelledException(String message) {
    super(message);
  }
}
