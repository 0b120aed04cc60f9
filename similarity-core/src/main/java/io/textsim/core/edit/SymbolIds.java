package io.textsim.core.edit;

import io.textsim.core.Cancellation;

/**
 * Maps the distinct symbols of a pattern (arbitrary {@code int}s) to dense ids {@code 1..size()},
 * in order of first occurrence; {@link #idOf(int)} answers {@code 0} for a symbol the pattern does
 * not contain.
 *
 * <p>Symbols in {@code [0, 2048)} (Latin, Greek, Cyrillic, Hebrew and Arabic letters, and small
 * token ids) are looked up in a direct table; any other symbol in an open-addressing hash table
 * with linear probing over primitive arrays, so no symbol is ever boxed. Why not a direct table
 * over the pattern's whole range, found by a first pass: for news text that pass costs as much as
 * the mapping itself, and one curly quote (U+2019) stretches the range to thousands of slots; the
 * few symbols above the direct table cost a hash probe each instead. Single-use, not thread-safe.
 */
final class SymbolIds {

  private static final int TABLE_BITS = 11;

  /** Symbols below this have a slot in the direct table. */
  static final int TABLE_SIZE = 1 << TABLE_BITS;

  private static final int MIN_HASH_CAPACITY = 16;

  /** Ids of the symbols below {@link #TABLE_SIZE}, by symbol; 0 for absent ones. */
  private final int[] small;

  /** Keys and ids of the other symbols (0 marks an empty slot, since ids start at 1); lazy. */
  private int[] keys;

  private int[] ids;
  private int shift;

  /** Symbols in the hash table. */
  private int hashed;

  private int size;

  /**
   * Assigns ids to {@code symbols[from, from + length)} and writes each position's id to {@code
   * idsOut[0, length)}.
   *
   * @param table the direct table, {@link #TABLE_SIZE} zeros, lent by the caller so that it can be
   *     reused
   * @param cancellation polled every {@link SetupPolls#ELEMENTS} symbols
   */
  SymbolIds(
      int[] symbols, int from, int length, int[] idsOut, int[] table, Cancellation cancellation) {
    this.small = table;
    int[] small = table;
    for (int i = 0; i < length; i++) {
      SetupPolls.at(i, cancellation);
      int symbol = symbols[from + i];
      int id;
      if (symbol >>> TABLE_BITS == 0) {
        id = small[symbol];
        if (id == 0) {
          id = ++size;
          small[symbol] = id;
        }
      } else {
        id = idOrAdd(symbol);
      }
      idsOut[i] = id;
    }
  }

  /** The number of distinct symbols; ids run from 1 to this. */
  int size() {
    return size;
  }

  /** The id of {@code symbol}, or 0 if the pattern does not contain it. */
  int idOf(int symbol) {
    if (symbol >>> TABLE_BITS == 0) {
      return small[symbol];
    }
    if (keys == null) {
      return 0;
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
    if (keys == null) {
      keys = new int[MIN_HASH_CAPACITY];
      ids = new int[MIN_HASH_CAPACITY];
      shift = 32 - Integer.numberOfTrailingZeros(MIN_HASH_CAPACITY);
    }
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
    if (2 * ++hashed > keys.length) {
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

  /** Fibonacci hashing: the high bits of the product, {@code log2(capacity)} of them. */
  private int slot(int symbol) {
    return (symbol * 0x9E3779B9) >>> shift;
  }
}
