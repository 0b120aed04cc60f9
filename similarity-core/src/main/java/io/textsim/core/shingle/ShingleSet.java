package io.textsim.core.shingle;

import java.util.Arrays;
import java.util.Objects;
import java.util.function.LongPredicate;

/**
 * An immutable set of 64-bit shingle hashes, stored as a sorted array of distinct values.
 *
 * <p>Set operations are linear merges; {@link #contains(long)} is a binary search. Immutable and
 * thread-safe.
 */
public final class ShingleSet {
  private static final ShingleSet EMPTY = new ShingleSet(new long[0]);

  private final long[] hashes;

  private ShingleSet(long[] sortedDistinct) {
    this.hashes = sortedDistinct;
  }

  /** The empty set. */
  public static ShingleSet empty() {
    return EMPTY;
  }

  /** A set of the given hashes, in any order, duplicates allowed; the array is copied. */
  public static ShingleSet of(long... hashes) {
    Objects.requireNonNull(hashes, "hashes");
    return ofOwned(hashes.clone());
  }

  /** Takes ownership of {@code hashes}: sorts it in place and drops duplicates. */
  static ShingleSet ofOwned(long[] hashes) {
    if (hashes.length == 0) {
      return EMPTY;
    }
    Arrays.sort(hashes);
    int distinct = 1;
    for (int i = 1; i < hashes.length; i++) {
      if (hashes[i] != hashes[distinct - 1]) {
        hashes[distinct++] = hashes[i];
      }
    }
    return new ShingleSet(distinct == hashes.length ? hashes : Arrays.copyOf(hashes, distinct));
  }

  /** The number of distinct shingles. */
  public int size() {
    return hashes.length;
  }

  /** True if the set has no shingles. */
  public boolean isEmpty() {
    return hashes.length == 0;
  }

  /** The {@code i}-th smallest hash (signed order). */
  public long get(int i) {
    return hashes[i];
  }

  /** True if {@code hash} is in the set. */
  public boolean contains(long hash) {
    return Arrays.binarySearch(hashes, hash) >= 0;
  }

  /** A copy of the hashes, sorted ascending. */
  public long[] toArray() {
    return hashes.clone();
  }

  /** |this ∩ other|, by a linear merge of the two sorted arrays. */
  public int intersectionSize(ShingleSet other) {
    Objects.requireNonNull(other, "other");
    long[] a = hashes;
    long[] b = other.hashes;
    int i = 0;
    int j = 0;
    int common = 0;
    while (i < a.length && j < b.length) {
      long x = a[i];
      long y = b[j];
      if (x < y) {
        i++;
      } else if (x > y) {
        j++;
      } else {
        common++;
        i++;
        j++;
      }
    }
    return common;
  }

  /**
   * The shingles of this set that are not in {@code removed}, by one linear merge; this set itself
   * when nothing is removed.
   */
  public ShingleSet without(ShingleSet removed) {
    Objects.requireNonNull(removed, "removed");
    long[] a = hashes;
    long[] b = removed.hashes;
    if (a.length == 0 || b.length == 0) {
      return this;
    }
    if (b.length / 16 > a.length) {
      // A document's few hundred shingles against a model of many thousands: looking each up is
      // O(n log m), where a merge would be O(m) for every document.
      return without((LongPredicate) x -> Arrays.binarySearch(b, x) >= 0);
    }
    long[] out = new long[a.length];
    int kept = 0;
    int j = 0;
    for (long x : a) {
      while (j < b.length && b[j] < x) {
        j++;
      }
      if (j == b.length || b[j] != x) {
        out[kept++] = x;
      }
    }
    if (kept == a.length) {
      return this;
    }
    return kept == 0 ? EMPTY : new ShingleSet(Arrays.copyOf(out, kept));
  }

  /** This set without the shingles {@code removed} accepts; this set itself if it accepts none. */
  public ShingleSet without(LongPredicate removed) {
    Objects.requireNonNull(removed, "removed");
    long[] out = null;
    int kept = 0;
    for (int i = 0; i < hashes.length; i++) {
      if (removed.test(hashes[i])) {
        if (out == null) {
          out = Arrays.copyOf(hashes, hashes.length);
          kept = i;
        }
      } else if (out != null) {
        out[kept++] = hashes[i];
      }
    }
    if (out == null) {
      return this;
    }
    return kept == 0 ? EMPTY : new ShingleSet(Arrays.copyOf(out, kept));
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ShingleSet s && Arrays.equals(hashes, s.hashes);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(hashes);
  }

  @Override
  public String toString() {
    return "ShingleSet[size=" + hashes.length + "]";
  }
}
