package io.textsim.core.lsh;

import java.util.Arrays;

/**
 * The buckets of one band: an open-addressing hash table (linear probing, backward-shift deletion,
 * load factor at most 3/4) from a 64-bit bucket key to the first ordinal of the bucket's chain.
 *
 * <p>To save memory a slot holds only that ordinal, 4 bytes: the bucket key is read from the
 * index's per-ordinal key array ({@code bucketKeys[ordinal * stride + band]}), which every caller
 * passes in and which must already hold the key of every ordinal in the table. Not thread-safe;
 * {@link LshIndex} guards it.
 */
final class BucketTable {
  static final int ABSENT = -1;

  private final int band;
  private final int stride;
  private int[] heads; // ABSENT marks a free slot
  private int mask;
  private int size;

  BucketTable(int band, int stride) {
    this.band = band;
    this.stride = stride;
    allocate(16);
  }

  private void allocate(int capacity) {
    heads = new int[capacity];
    Arrays.fill(heads, ABSENT);
    mask = capacity - 1;
  }

  /** The number of buckets. */
  int size() {
    return size;
  }

  /** The slots allocated, for memory accounting. */
  int capacity() {
    return heads.length;
  }

  private long keyOf(int ordinal, long[] bucketKeys) {
    return bucketKeys[ordinal * stride + band];
  }

  private int home(long key) {
    return (int) (key ^ (key >>> 32)) & mask;
  }

  /** The first ordinal of bucket {@code key}, or {@link #ABSENT}. */
  int get(long key, long[] bucketKeys) {
    for (int i = home(key); ; i = (i + 1) & mask) {
      int o = heads[i];
      if (o == ABSENT || keyOf(o, bucketKeys) == key) {
        return o;
      }
    }
  }

  /**
   * Makes {@code ordinal} the first of bucket {@code key}, creating the bucket if needed. The
   * ordinal's bucket key for this band must already be {@code key}.
   */
  void put(long key, int ordinal, long[] bucketKeys) {
    int i = home(key);
    while (heads[i] != ABSENT) {
      if (keyOf(heads[i], bucketKeys) == key) {
        heads[i] = ordinal;
        return;
      }
      i = (i + 1) & mask;
    }
    heads[i] = ordinal;
    if (++size > heads.length - (heads.length >>> 2)) {
      grow(bucketKeys);
    }
  }

  /** Removes bucket {@code key} if present. */
  void remove(long key, long[] bucketKeys) {
    int hole = home(key);
    while (true) {
      int o = heads[hole];
      if (o == ABSENT) {
        return;
      }
      if (keyOf(o, bucketKeys) == key) {
        break;
      }
      hole = (hole + 1) & mask;
    }
    // Backward-shift deletion: move later entries of the probe run into the hole unless that
    // would put them before their home slot.
    for (int j = (hole + 1) & mask; heads[j] != ABSENT; j = (j + 1) & mask) {
      int home = home(keyOf(heads[j], bucketKeys));
      if (((j - home) & mask) >= ((j - hole) & mask)) {
        heads[hole] = heads[j];
        hole = j;
      }
    }
    heads[hole] = ABSENT;
    size--;
  }

  private void grow(long[] bucketKeys) {
    int[] old = heads;
    allocate(old.length * 2);
    for (int o : old) {
      if (o != ABSENT) {
        int j = home(keyOf(o, bucketKeys));
        while (heads[j] != ABSENT) {
          j = (j + 1) & mask;
        }
        heads[j] = o;
      }
    }
  }
}
