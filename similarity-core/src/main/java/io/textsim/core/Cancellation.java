package io.textsim.core;

import java.util.Objects;
import java.util.function.BooleanSupplier;

/**
 * A hook through which a caller stops long computations (edit distance, clustering) early.
 *
 * <p>The core polls {@link #isCancelled()} from its long loops, every few microseconds of work, and
 * then throws {@link OperationCancelledException}. The core knows nothing about who cancels: a gRPC
 * server adapts its call context's deadline and cancellation to this interface, a CLI may adapt an
 * interrupt. Implementations must be thread-safe and cheap to call.
 */
@FunctionalInterface
public interface Cancellation {

  /** Returns true once the computation should stop. */
  boolean isCancelled();

  /**
   * Throws {@link OperationCancelledException} if {@link #isCancelled()} is true.
   *
   * @throws OperationCancelledException if cancelled
   */
  default void throwIfCancelled() {
    if (isCancelled()) {
      throw new OperationCancelledException("operation cancelled");
    }
  }

  /** A cancellation that never fires; the default for every library call. */
  static Cancellation never() {
    return NeverCancelled.INSTANCE;
  }

  /** Adapts a boolean supplier, for example {@code Thread.currentThread()::isInterrupted}. */
  static Cancellation of(BooleanSupplier cancelled) {
    Objects.requireNonNull(cancelled, "cancelled");
    return cancelled::getAsBoolean;
  }

  /** The singleton behind {@link #never()}; lets loops skip polling entirely. */
  enum NeverCancelled implements Cancellation {
    INSTANCE;

    @Override
    public boolean isCancelled() {
      return false;
    }

    @Override
    public String toString() {
      return "Cancellation.never()";
    }
  }
}
