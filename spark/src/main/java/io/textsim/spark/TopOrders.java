package io.textsim.spark;

import java.io.Serializable;
import java.util.Arrays;

/**
 * A count of documents and the smallest few of their order numbers: the document frequency of one
 * shingle within one source, and its first documents in the furniture learner's fixed order. An
 * order number is a pair {@code (rank, tie)} compared in that order (see {@link FurnitureStage}).
 * Mutable, for Spark's combiners; not thread-safe.
 */
final class TopOrders implements Serializable {
  private static final long serialVersionUID = 1L;

  private final int keep;
  private int count;
  private long[] ranks;
  private long[] ties;
  private int filled;

  TopOrders(int keep, long rank, long tie) {
    this.keep = keep;
    this.count = 1;
    this.ranks = new long[] {rank};
    this.ties = new long[] {tie};
    this.filled = 1;
  }

  TopOrders add(long rank, long tie) {
    count++;
    insert(rank, tie);
    return this;
  }

  TopOrders merge(TopOrders other) {
    count += other.count;
    for (int i = 0; i < other.filled; i++) {
      insert(other.ranks[i], other.ties[i]);
    }
    return this;
  }

  private static int compare(long rankA, long tieA, long rankB, long tieB) {
    int c = Long.compare(rankA, rankB);
    return c != 0 ? c : Long.compare(tieA, tieB);
  }

  private void insert(long rank, long tie) {
    if (filled == keep && compare(rank, tie, ranks[filled - 1], ties[filled - 1]) >= 0) {
      return;
    }
    if (filled == ranks.length && filled < keep) {
      int size = Math.min(keep, Math.max(2, filled * 2));
      ranks = Arrays.copyOf(ranks, size);
      ties = Arrays.copyOf(ties, size);
    }
    int at = filled < keep ? filled++ : filled - 1;
    while (at > 0 && compare(ranks[at - 1], ties[at - 1], rank, tie) > 0) {
      ranks[at] = ranks[at - 1];
      ties[at] = ties[at - 1];
      at--;
    }
    ranks[at] = rank;
    ties[at] = tie;
  }

  int count() {
    return count;
  }

  /** The ranks of the smallest {@code min(count, keep)} order numbers, ascending. */
  long[] ranks() {
    return Arrays.copyOf(ranks, filled);
  }

  /** Their ties, in the same order. */
  long[] ties() {
    return Arrays.copyOf(ties, filled);
  }
}
