package io.textsim.core.lsh;

import java.util.Arrays;

/**
 * An open-addressing hash map from a 64-bit bucket key to an int (the first ordinal of the
 * bucket's chain), with linear probing and backward-shift deletion. 12 bytes a slot, load factor
 * at most 3/4. Not thread-safe; {@link LshIndex} guards it.
 */
final class BucketTable {
  static final int ABSENT = -1;

  private long[] keys;
  private int[] values; // ABSENT marks a free slot
  private int mask;
  private int size;

  BucketTable() {
    allocate(16);
  }

  private void allocate(int capacity) {
    keys = new long[capacity];
    values = new int[capacity];
    Arrays.fill(values, ABSENT);
    mask = capacity - 1;
  }

  /** The number of keys. */
  int size() {
    return size;
  }

  /** The slots allocated, for memory accounting. */
  int capacity() {
    return keys.length;
  }

  private int home(long key) {
    return (int) (key ^ (key >>> 32)) & mask;
  }

  /** The value for {@code key}, or {@link #ABSENT}. */
  int get(long key) {
    for (int i = home(key); ; i = (i + 1) & mask) {
      int v = values[i];
      if (v == ABSENT || keys[i] == key) {
        return v;
      }
    }
  }

  /** Maps {@code key} to {@code value} ({@code value >= 0}), replacing any previous value. */
  void put(long key, int value) {
    int i = home(key);
    while (values[i] != ABSENT) {
      if (keys[i] == key) {
        values[i] = value;
        return;
      }
      i = (i + 1) & mask;
    }
    keys[i] = key;
    values[i] = value;
    if (++size > keys.length - (keys.length >>> 2)) {
      grow();
    }
  }

  /** Removes {@code key} if present. */
  void remove(long key) {
    int hole = home(key);
    while (true) {
      if (values[hole] == ABSENT) {
        return;
      }
      if (keys[hole] == key) {
        break;
      }
      hole = (hole + 1) & mask;
    }
    // Backward-shift deletion: move later entries of the probe run into the hole unless that
    // would put them before their home slot.
    for (int j = (hole + 1) & mask; values[j] != ABSENT; j = (j + 1) & mask) {
      int home = home(keys[j]);
      if (((j - home) & mask) >= ((j - hole) & mask)) {
        keys[hole] = keys[j];
        values[hole] = values[j];
        hole = j;
      }
    }
    values[hole] = ABSENT;
    size--;
  }

  private void grow() {
    long[] oldKeys = keys;
    int[] oldValues = values;
    allocate(oldKeys.length * 2);
    for (int i = 0; i < oldKeys.length; i++) {
      if (oldValues[i] != ABSENT) {
        int j = home(oldKeys[i]);
        while (values[j] != ABSENT) {
          j = (j + 1) & mask;
        }
        keys[j] = oldKeys[i];
        values[j] = oldValues[i];
      }
    }
  }
}
