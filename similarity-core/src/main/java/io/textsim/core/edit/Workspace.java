package io.textsim.core.edit;

import java.util.Arrays;

/**
 * Arrays reused by the {@link Levenshtein} calls on one thread. Why: one distance of two
 * 3,000-character texts needs about 85 KB of tables, and allocating them per call costs more than
 * the distance itself once zeroing, garbage collection and, on machines that reclaim idle memory,
 * page faults are paid for. Arrays longer than {@link #MAX_KEPT} elements are used once and not
 * kept, so a thread never holds more than a few megabytes. Reentrant calls (a cancellation hook
 * that itself computes a distance) get a fresh workspace.
 */
final class Workspace {
  /** The longest array a workspace keeps (elements). */
  private static final int MAX_KEPT = 1 << 18;

  private static final ThreadLocal<Workspace> OF_THREAD = ThreadLocal.withInitial(Workspace::new);

  private boolean inUse;
  private final int[] symbolTable = new int[SymbolIds.TABLE_SIZE];
  int[] codePointsA = new int[0];
  int[] codePointsB = new int[0];
  int[] patternIds = new int[0];
  int[] textIds = new int[0];
  int[] counts = new int[0];
  long[] peq = new long[0];
  long[] pv = new long[0];
  long[] mv = new long[0];

  static Workspace acquire() {
    Workspace ws = OF_THREAD.get();
    if (ws.inUse) {
      return new Workspace(); // reentrant call: leave the outer call's arrays alone
    }
    ws.inUse = true;
    return ws;
  }

  void release() {
    inUse = false;
    // Do not keep what one huge call needed.
    if (codePointsA.length > MAX_KEPT) {
      codePointsA = new int[0];
    }
    if (codePointsB.length > MAX_KEPT) {
      codePointsB = new int[0];
    }
    if (patternIds.length > MAX_KEPT) {
      patternIds = new int[0];
    }
    if (textIds.length > MAX_KEPT) {
      textIds = new int[0];
    }
    if (counts.length > MAX_KEPT) {
      counts = new int[0];
    }
    if (peq.length > MAX_KEPT) {
      peq = new long[0];
    }
  }

  /** The symbol table for a {@link SymbolIds}, all zero. */
  int[] symbolTable() {
    Arrays.fill(symbolTable, 0);
    return symbolTable;
  }

  /** {@code current} if it has at least {@code size} elements (contents undefined), else new. */
  static int[] ints(int[] current, int size) {
    return current.length >= size ? current : new int[Math.max(size, current.length * 3 / 2)];
  }

  /** {@code current} if it has at least {@code size} elements (contents undefined), else new. */
  static long[] longs(long[] current, int size) {
    return current.length >= size ? current : new long[Math.max(size, current.length * 3 / 2)];
  }
}
