package io.textsim.core.cluster;

/**
 * Told how many candidate pairs the LSH candidate search is about to hold, before it allocates room
 * for them, so that a caller with a memory budget can reserve it or stop the clustering. The
 * candidate count depends on the data, not on the input's size: a collection of copies of one text
 * makes quadratically many pairs, more than any heap, and only the search itself can tell.
 *
 * <p>Called from worker threads (the bands are searched in parallel); implementations must be
 * thread-safe and quick. A call that throws stops the clustering with that exception (or, from a
 * parallel stream, with a new exception of its type whose cause it is, if the type has a public
 * constructor taking a cause).
 */
@FunctionalInterface
public interface PairBudget {
  /**
   * Called before the search holds room for {@code pairs} pairs in all (counted over every band,
   * before duplicates are removed; the count only grows).
   *
   * @throws RuntimeException (of the implementation's choosing) to stop the clustering
   */
  void reserve(long pairs);

  /** A budget that admits any number of pairs. */
  static PairBudget unlimited() {
    return pairs -> {};
  }
}
