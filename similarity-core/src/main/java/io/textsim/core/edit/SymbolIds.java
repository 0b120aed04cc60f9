package io.textsim.core.edit;

/**
 * Maps the distinct symbols of a pattern (arbitrary {@code int}s) to dense ids {@code 1..size()},
 * in order of first occurrence; {@link #idOf(int)} answers {@code 0} for a symbol the pattern does
 * not contain.
 *
 * <p>When the pattern's symbols span a small range (ASCII, one script, its punctuation) the map is
 * a direct table indexed by {@code symbol - min}; otherwise it is an open-addressing hash table
 * with linear probing over primitive arrays, so no symbol is ever boxed. Single-use, not
 * thread-safe.
 */
final class SymbolIds {

  /** Largest symbol range served by a direct table regardless of the pattern length. */
  private static final int DIRECT_RANGE = 1 << 14;

  private static final int MIN_HASH_CAPACITY = 16;

  /** Direct mode: ids by {@code symbol - min}, or null in hash mode. */
  private final int[] direct;

  private final int min;
  private final int max;

  /** Hash mode: keys and ids (0 marks an empty slot, since ids start at 1). */
  private int[] keys;

  private int[] ids;
  private int shift;
  private int size;

  /**
   * Assigns ids to {@code symbols[from, from + length)} and writes each position's id to {@code
   * idsOut[0, length)}.
   */
  SymbolIds(int[] symbols, int from, int length, int[] idsOut) {
    int lo = Integer.MAX_VALUE;
    int hi = Integer.MIN_VALUE;
    for (int i = from; i < from + length; i++) {
      lo = Math.min(lo, symbols[i]);
      hi = Math.max(hi, symbols[i]);
    }
    this.min = lo;
    this.max = hi;
    long range = (long) hi - lo + 1;
    if (length > 0 && range <= Math.max(DIRECT_RANGE, 4L * length)) {
      direct = new int[(int) range];
      int next = 0;
      for (int i = 0; i < length; i++) {
        int offset = symbols[from + i] - lo;
        int id = direct[offset];
        if (id == 0) {
          id = ++next;
          direct[offset] = id;
        }
        idsOut[i] = id;
      }
      size = next;
    } else {
      direct = null;
      int capacity = Integer.highestOneBit(Math.max(MIN_HASH_CAPACITY, Math.min(length, 1 << 12)));
      keys = new int[capacity];
      ids = new int[capacity];
      shift = 32 - Integer.numberOfTrailingZeros(capacity);
      for (int i = 0; i < length; i++) {
        idsOut[i] = idOrAdd(symbols[from + i]);
      }
    }
  }

  /** Returns the number of distinct symbols, which is also the largest id. */
  int size() {
    return size;
  }

  /** Returns the id of {@code symbol}, or 0 if the pattern does not contain it. */
  int idOf(int symbol) {
    if (symbol < min || symbol > max) {
      return 0;
    }
    if (direct != null) {
      return direct[symbol - min];
    }
    int mask = keys.length - 1;
    for (int slot = slot(symbol); ; slot = (slot + 1) & mask) {
      int id = ids[slot];
      if (id == 0 || keys[slot] == symbol) {
        return id;
      }
    }
  }

  private int idOrAdd(int symbol) {
    int mask = keys.length - 1;
    int slot = slot(symbol);
    while (true) {
      int id = ids[slot];
      if (id == 0) {
        break;
      }
      if (keys[slot] == symbol) {
        return id;
      }
      slot = (slot + 1) & mask;
    }
    int id = ++size;
    keys[slot] = symbol;
    ids[slot] = id;
    if (2 * size > keys.length) {
      grow();
    }
    return id;
  }

  private void grow() {
    int[] oldKeys = keys;
    int[] oldIds = ids;
    keys = new int[oldKeys.length * 2];
    ids = new int[oldKeys.length * 2];
    shift--;
    int mask = keys.length - 1;
    for (int i = 0; i < oldKeys.length; i++) {
      if (oldIds[i] != 0) {
        int slot = slot(oldKeys[i]);
        while (ids[slot] != 0) {
          slot = (slot + 1) & mask;
        }
        keys[slot] = oldKeys[i];
        ids[slot] = oldIds[i];
      }
    }
  }

  /** Fibonacci hashing: the high bits of the product mix every bit of the key. */
  private int slot(int symbol) {
    return (symbol * 0x9E3779B9) >>> shift;
  }
}
