package io.textsim.core.edit;

import io.textsim.core.Cancellation;

/**
 * How often the set-up loops of the edit distances (code points, common prefix and suffix, symbol
 * ids, match tables) poll their {@link Cancellation}. Why: on two texts of a million code points
 * those loops take tens of milliseconds each, and unpolled they kept a worker busy for most of a
 * second after a deadline had fired. A loop polls at every element whose index is a multiple of
 * {@link #ELEMENTS}, including the first, so that an already cancelled call does no set-up at all.
 */
final class SetupPolls {
  /** Elements between two polls: 64K steps of a few nanoseconds, well under a millisecond. */
  static final int ELEMENTS = 1 << 16;

  private static final int MASK = ELEMENTS - 1;

  private SetupPolls() {}

  /** Polls {@code cancellation} if {@code index} is a multiple of {@link #ELEMENTS}. */
  static void at(int index, Cancellation cancellation) {
    if ((index & MASK) == 0 && cancellation != Cancellation.never()) {
      cancellation.throwIfCancelled();
    }
  }
}
