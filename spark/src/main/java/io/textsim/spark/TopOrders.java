package io.textsim.spark;

import java.io.Serializable;
import java.util.Arrays;

/**
 * A count of documents and the smallest few of their order numbers: the document frequency of one
 * shingle within one source, and its first documents in the furniture learner's fixed order.
 * Mutable, for Spark's combiners; not thread-safe.
 */
final class TopOrders implements Serializable {
  private static final long serialVersionUID = 1L;

  private final int keep;
  private int count;
  private long[] first;
  private int filled;

  TopOrders(int keep, long order) {
    this.keep = keep;
    this.count = 1;
    this.first = new long[] {order};
    this.filled = 1;
  }

  TopOrders add(long order) {
    count++;
    insert(order);
    return this;
  }

  TopOrders merge(TopOrders other) {
    count += other.count;
    for (int i = 0; i < other.filled; i++) {
      insert(other.first[i]);
    }
    return this;
  }

  private void insert(long order) {
    if (filled == keep && order >= first[filled - 1]) {
      return;
    }
    if (filled == first.length) {
      first = Arrays.copyOf(first, Math.min(keep, Math.max(2, filled * 2)));
    }
    int at = filled < keep ? filled++ : filled - 1;
    while (at > 0 && first[at - 1] > order) {
      first[at] = first[at - 1];
      at--;
    }
    first[at] = order;
  }

  int count() {
    return count;
  }

  /** The smallest {@code min(count, keep)} orders, ascending. */
  long[] first() {
    return Arrays.copyOf(first, filled);
  }
}
