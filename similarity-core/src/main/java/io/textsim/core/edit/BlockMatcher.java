package io.textsim.core.edit;

import io.textsim.core.Cancellation;
import java.util.Arrays;

/**
 * {@link Levenshtein}'s multi-word computation, for patterns longer than 64 elements: the pattern
 * is split into blocks of 64 rows, and each column of the matrix is advanced block by block, a
 * horizontal difference carried from one block into the next. Single-use; holds the per-call
 * tables, taken from the calling thread's {@link Workspace}.
 */
final class BlockMatcher {

  /** Smallest band tried when no cutoff is given. */
  private static final int INITIAL_BAND = 32;

  /** Width of the fixed band that bounds the distance of dissimilar sequences from above. */
  private static final int UPPER_BOUND_BAND = 64;

  /** Columns between two attempts to narrow the band: {@code (j & SHRINK_MASK) == 0}. */
  private static final int SHRINK_MASK = 7;

  /** Block steps (about 1 ns each) between two cancellation polls in the multi-word case. */
  private static final int BLOCK_POLL_WORK = 1 << 16;

  /**
   * Smallest budget, in longs, for the dense match table (512 KB); above it the budget is 4 longs
   * per pattern element, enough for every symbol of ordinary text.
   */
  private static final long DENSE_TABLE_LONGS = 1L << 16;

  private final int m;
  private final int n;
  private final int blocks;
  private final Cancellation cancellation;
  private final boolean poll;

  /** Text as symbol ids; ids below {@link #denseRows} have a row in {@link #peq}. */
  private final int[] textIds;

  /**
   * Match masks: {@code peq[id * blocks + b]} has bit {@code i} set when pattern element {@code 64
   * * b + i} is symbol {@code id}. Row 0 (symbols absent from the pattern) is all zero.
   */
  private final long[] peq;

  private final int denseRows;

  /** Rare symbols ({@code id >= denseRows}): pattern positions, CSR by {@code id - denseRows}. */
  private final int[] rareStart;

  private final int[] rarePositions;

  /** Match masks of the current column when its symbol is rare. */
  private final long[] scratch;

  /** Vertical differences of the current column, per block: +1 ({@code pv}) and -1 ({@code mv}). */
  private final long[] pv;

  private final long[] mv;

  /** Multiset ("bag") distance of pattern and text, a lower bound on the edit distance. */
  private final int lowerBound;

  /** The column at which the last failed {@link #bounded} call gave up. */
  private int failColumn;

  BlockMatcher(
      int[] pattern,
      int[] text,
      int offset,
      int m,
      int n,
      Cancellation cancellation,
      Workspace ws) {
    this.m = m;
    this.n = n;
    this.blocks = (m + Long.SIZE - 1) >>> 6;
    this.cancellation = cancellation;
    this.poll = cancellation != Cancellation.never();

    int[] patternIds = ws.patternIds = Workspace.ints(ws.patternIds, m);
    SymbolIds symbols =
        new SymbolIds(pattern, offset, m, patternIds, ws.symbolTable(), cancellation);
    int sigma = symbols.size();
    int[] textCount = ws.counts = Workspace.ints(ws.counts, sigma + 1);
    Arrays.fill(textCount, 0, sigma + 1, 0);
    textIds = ws.textIds = Workspace.ints(ws.textIds, n);
    for (int j = 0; j < n; j++) {
      SetupPolls.at(j, cancellation);
      int id = symbols.idOf(text[offset + j]);
      textIds[j] = id;
      textCount[id]++;
    }

    long denseBudget = Math.min(Math.max(DENSE_TABLE_LONGS, 4L * m), Integer.MAX_VALUE / 2);
    if ((long) (sigma + 1) * blocks <= denseBudget) {
      denseRows = sigma + 1;
      rareStart = new int[0];
      rarePositions = new int[0];
      scratch = new long[0];
    } else {
      // Too many distinct symbols (large token vocabularies, CJK) for sigma * blocks words: give
      // dense rows to the symbols that occur most often in the text, where a row saves the most,
      // and keep the others as sorted position lists expanded per column.
      denseRows = (int) Math.max(2, denseBudget / blocks);
      long[] order = new long[sigma];
      for (int id = 1; id <= sigma; id++) {
        order[id - 1] = ((long) textCount[id] << 32) | id;
      }
      Arrays.sort(order);
      int[] rank = new int[sigma + 1];
      int[] rankedCount = new int[sigma + 1];
      rankedCount[0] = textCount[0];
      for (int r = 0; r < sigma; r++) {
        int id = (int) order[sigma - 1 - r];
        rank[id] = r + 1;
        rankedCount[r + 1] = textCount[id];
      }
      textCount = rankedCount;
      for (int i = 0; i < m; i++) {
        SetupPolls.at(i, cancellation);
        patternIds[i] = rank[patternIds[i]];
      }
      for (int j = 0; j < n; j++) {
        SetupPolls.at(j, cancellation);
        textIds[j] = rank[textIds[j]];
      }
      int rare = sigma + 1 - denseRows;
      rareStart = new int[rare + 1];
      for (int i = 0; i < m; i++) {
        if (patternIds[i] >= denseRows) {
          rareStart[patternIds[i] - denseRows + 1]++;
        }
      }
      for (int r = 0; r < rare; r++) {
        rareStart[r + 1] += rareStart[r];
      }
      rarePositions = new int[rareStart[rare]];
      int[] fill = Arrays.copyOf(rareStart, rare);
      for (int i = 0; i < m; i++) {
        if (patternIds[i] >= denseRows) {
          rarePositions[fill[patternIds[i] - denseRows]++] = i;
        }
      }
      scratch = new long[blocks];
    }
    peq = ws.peq = Workspace.longs(ws.peq, denseRows * blocks);
    int tableLongs = denseRows * blocks;
    for (int from = 0; from < tableLongs; from += SetupPolls.ELEMENTS) {
      SetupPolls.at(from, cancellation);
      Arrays.fill(peq, from, Math.min(tableLongs, from + SetupPolls.ELEMENTS), 0L);
    }
    // The match masks and, in the same pass, the pattern's count of each symbol: each edit
    // removes at most one element from either side of the multiset difference, so the larger
    // side of that difference (the bag distance) bounds the edit distance from below.
    int[] balance = textCount;
    for (int i = 0; i < m; i++) {
      SetupPolls.at(i, cancellation);
      int id = patternIds[i];
      balance[id]--;
      if (id < denseRows) {
        peq[id * blocks + (i >>> 6)] |= 1L << i;
      }
    }
    int textExcess = balance[0];
    int patternExcess = 0;
    for (int id = 1; id <= sigma; id++) {
      int surplus = balance[id];
      if (surplus > 0) {
        textExcess += surplus;
      } else {
        patternExcess -= surplus;
      }
    }
    lowerBound = Math.max(textExcess, patternExcess);
    pv = ws.pv = Workspace.longs(ws.pv, blocks);
    mv = ws.mv = Workspace.longs(ws.mv, blocks);
  }

  /**
   * Returns the distance if it is at most {@code limit}, otherwise a value greater than {@code
   * limit}; {@code limit = n} asks for the exact distance. Bands of growing width are tried, so
   * that the cost follows the distance rather than the limit.
   */
  int distanceAtMost(int limit) {
    if (lowerBound > limit) {
      return lowerBound;
    }
    int k = Math.max(INITIAL_BAND, Math.max(n - m, lowerBound));
    while (true) {
      if (k >= limit || bandCoversMostBlocks(k)) {
        return limit >= n ? dissimilar() : bounded(limit);
      }
      int d = bounded(k);
      if (d <= k) {
        return d;
      }
      // The failed band gave up at failColumn; if the distance kept growing at the same rate,
      // the whole text would need about k * n / failColumn. Aim a little above that, so that
      // evenly spread differences take one more attempt, but at least double (the band may have
      // failed by a hair) and at most grow fivefold: differences bunched at the start (a
      // headline, a dateline) make the rate overshoot, and an oversized band costs in proportion.
      // Dissimilar texts, whose bag distance is already a sizable fraction of their length,
      // reach the dissimilar() threshold within one jump.
      long estimate = (long) k * n / Math.max(1, failColumn);
      long next = Math.min(5L * k, Math.max(2L * k, estimate + estimate / 10));
      k = (int) Math.min(next, limit);
    }
  }

  private boolean bandCoversMostBlocks(int k) {
    // A band of k + 1 rows touches about (k + 1) / 64 + 1 blocks per column. Past about half of
    // the blocks, the distance is a large fraction of the length and growing the band further
    // costs more than dissimilar(), which never needs more than one pass over the matrix.
    return ((long) k + 1) / Long.SIZE + 1 >= blocks / 2;
  }

  /**
   * The exact distance of sequences whose distance is a large fraction of their length. The best
   * path inside a narrow fixed band around the main diagonal is rarely much worse than the optimum
   * for such pairs, and its cost {@code u} is an upper bound on the distance; the cutoff band for
   * {@code u} then prunes the corners of the matrix that cannot hold a path that cheap, typically
   * half of it. Falls back to the full matrix where the fixed band would be wide.
   */
  private int dissimilar() {
    int width = Math.max(UPPER_BOUND_BAND, n - m);
    if (((long) width + 1) / Long.SIZE + 1 >= blocks / 4) {
      return full();
    }
    int bound = fixedBand(width);
    int d = bounded(bound);
    // d > bound cannot happen, bound being the cost of an actual path; but should it, the full
    // matrix is the answer, not a wrong distance.
    return d <= bound ? d : full();
  }

  /**
   * Computes the matrix inside the fixed diagonal band of cutoff {@code k} (the cells with {@code
   * |j - i| + |(n - m) - (j - i)| <= k}, which contain both corners) and returns its value at
   * {@code (m, n)}: the cost of the cheapest path inside the band, an upper bound on the distance
   * that is exact if the distance is at most {@code k}. {@code O(n * k / 64)}, no early exit.
   */
  private int fixedBand(int k) {
    int diagonalLow = -((k - (n - m)) / 2); // j - i of the band's lower edge
    int diagonalHigh = (k + (n - m)) / 2; // j - i of its upper edge
    int first = 0;
    int last = 0;
    pv[0] = -1L;
    mv[0] = 0L;
    int lastScore = Long.SIZE;
    int work = 0;
    for (int j = 0; j <= n; j++) {
      int previousLastScore = lastScore;
      long[] eqs = peq;
      int base = 0;
      int id = 0;
      int hout = 0;
      if (j > 0) {
        if (poll) {
          work += last - first + 1;
          if (work >= BLOCK_POLL_WORK) {
            cancellation.throwIfCancelled();
            work = 0;
          }
        }
        id = textIds[j - 1];
        if (id < denseRows) {
          base = id * blocks;
        } else {
          expandRare(id, first, last);
          eqs = scratch;
        }
        hout = advance(eqs, base, first, last, 1);
        lastScore += hout;
      }
      // Add the blocks whose first row has entered the band, 64 * (last + 1) + 1 <= j - low,
      // their previous column assumed +1 per row as in bounded().
      while (last + 1 < blocks && Long.SIZE * (last + 1) + 1 <= j - diagonalLow) {
        last++;
        pv[last] = -1L;
        mv[last] = 0L;
        int assumed = previousLastScore + Long.SIZE;
        previousLastScore = assumed;
        if (j == 0) {
          lastScore = assumed;
          continue;
        }
        if (eqs == scratch) {
          expandRare(id, last, last);
        }
        hout = advance(eqs, base, last, last, hout);
        lastScore = assumed + hout;
      }
      // Drop the blocks whose last row has left the band, 64 * (first + 1) < j - high; the row
      // above the first block is then assumed to grow by +1 per column, an upper bound.
      while (first < last && Long.SIZE * (first + 1) < j - diagonalHigh) {
        first++;
      }
    }
    return lastScore - padding(pv[last], mv[last]);
  }

  /** Every block of every column, with no band: {@code O(n * m / 64)}, always exact. */
  private int full() {
    Arrays.fill(pv, 0, blocks, -1L);
    Arrays.fill(mv, 0, blocks, 0L);
    int last = blocks - 1;
    int score = blocks * Long.SIZE; // D[64 * blocks][0], the padded last row
    int pollColumns = Math.max(1, BLOCK_POLL_WORK / blocks);
    for (int j = 0; j < n; j++) {
      if (poll && j % pollColumns == 0) {
        cancellation.throwIfCancelled();
      }
      int id = textIds[j];
      if (id < denseRows) {
        score += advance(peq, id * blocks, 0, last, 1);
      } else {
        expandRare(id, 0, last);
        score += advance(scratch, 0, 0, last, 1);
      }
    }
    return score - padding(pv[last], mv[last]);
  }

  /**
   * Ukkonen's cutoff on blocks: returns the distance if it is at most {@code k}, otherwise a value
   * greater than {@code k} (and sets {@link #failColumn}). Requires {@code n - m <= k}.
   *
   * <p>Only the blocks {@code first..last} are advanced in a column. A cell {@code (i, j)} can lie
   * on a path of cost at most {@code k} only if {@code D[i][j] + |(n - j) - (m - i)| <= k}: the
   * rest of the path needs at least that many insertions or deletions to reach {@code (m, n)}.
   * Blocks are dropped at either end when none of their cells can meet this, and added below when
   * the last block's bottom cell still can. Cells outside {@code first..last} are taken to be as
   * large as their neighbours allow (+1 per row below the last block, +1 per column above the
   * first), never smaller than their true values; so every computed value is an upper bound, and it
   * is exact on any path of cost at most {@code k}, since such a path never leaves the computed
   * blocks.
   */
  int bounded(int k) {
    int first = 0;
    int last = 0;
    pv[0] = -1L;
    mv[0] = 0L;
    int lastScore = Long.SIZE; // D[r][j] at the last block's bottom row r = 64 * (last + 1)
    int topScore = 0; // D[64 * first][j], the row just above the first block
    while (last + 1 < blocks && lastScore + Math.abs(n - m + Long.SIZE * (last + 1)) <= k) {
      last++;
      pv[last] = -1L;
      mv[last] = 0L;
      lastScore += Long.SIZE;
    }
    int work = 0;
    for (int j = 1; j <= n; j++) {
      if (poll) {
        work += last - first + 1;
        if (work >= BLOCK_POLL_WORK) {
          cancellation.throwIfCancelled();
          work = 0;
        }
      }
      int id = textIds[j - 1];
      long[] eqs;
      int base;
      if (id < denseRows) {
        eqs = peq;
        base = id * blocks;
      } else {
        expandRare(id, first, last);
        eqs = scratch;
        base = 0;
      }
      int previousLastScore = lastScore;
      int hout = advance(eqs, base, first, last, 1);
      lastScore += hout;
      topScore++;
      int remaining = n - j;

      // Grow downwards while the bottom cell of the last block can still be on a path of cost
      // <= k: that path may continue into the next block. The new block's previous column is
      // assumed to be +1 per row below the old bottom cell, an upper bound.
      while (last + 1 < blocks
          && lastScore + Math.abs(remaining - m + Long.SIZE * (last + 1)) <= k) {
        last++;
        pv[last] = -1L;
        mv[last] = 0L;
        int assumed = previousLastScore + Long.SIZE;
        previousLastScore = assumed;
        if (eqs == scratch) {
          expandRare(id, last, last);
        }
        hout = advance(eqs, base, last, last, hout);
        lastScore = assumed + hout;
      }

      // Shrinking is optional (extra blocks cost time, never correctness), so it is only tried
      // every few columns, where it also detects that the band has emptied.
      if ((j & SHRINK_MASK) != 0) {
        continue;
      }
      // A block's cells are at least (bottom score - 63) at its top row, and the remaining
      // length difference only grows further down, so that bound plus the remaining difference
      // at the top row bounds every path through the block in this column. The block must stay,
      // though, while the bottom cell of the block above could be on such a path: the path may
      // step diagonally into this block in the next column. (Row 0 is real, D[0][j] = j, and the
      // only boundary row a path can run along.)
      while (last >= first
          && lastScore - (Long.SIZE - 1) + Math.abs(Long.SIZE * last + 1 - m + remaining) > k) {
        int aboveScore = lastScore - (Long.bitCount(pv[last]) - Long.bitCount(mv[last]));
        if ((last > first || first == 0)
            && aboveScore + Math.abs(remaining - m + Long.SIZE * last) <= k) {
          break;
        }
        lastScore = aboveScore;
        last--;
      }
      while (first <= last) {
        int firstScore = topScore + Long.bitCount(pv[first]) - Long.bitCount(mv[first]);
        if (firstScore - (Long.SIZE - 1) + Math.abs(Long.SIZE * first + 1 - m + remaining) <= k
            || (first == 0 && topScore + Math.abs(remaining - m) <= k)) {
          break;
        }
        // Paths only move down, so a block dropped from the top is never needed again.
        topScore = firstScore;
        first++;
      }
      if (first > last) {
        failColumn = j;
        return k + 1;
      }
    }
    if (last != blocks - 1) {
      failColumn = n;
      return k + 1;
    }
    return lastScore - padding(pv[last], mv[last]);
  }

  /**
   * Advances blocks {@code first..last} by one column (Myers 1999, block-based, with Hyyrö's
   * global-distance boundary) and returns the horizontal difference leaving the last block.
   *
   * @param eqs match masks of the column's symbol, block {@code b} at {@code base + b}
   * @param hin horizontal difference (-1, 0, +1) entering the first block from above
   */
  private int advance(long[] eqs, int base, int first, int last, int hin) {
    long[] pv = this.pv;
    long[] mv = this.mv;
    // The horizontal difference crosses block boundaries as two one-bit flags, ready to be
    // shifted into bit 0 of the next block's Ph/Mh.
    long hp = hin > 0 ? 1L : 0L;
    long hm = hin < 0 ? 1L : 0L;
    for (int b = first; b <= last; b++) {
      long p = pv[b];
      long mm = mv[b];
      long eq = eqs[base + b];
      long xv = eq | mm;
      // A -1 entering from above gives the block's first row a diagonal difference of 0, the
      // same effect a match has, so it is folded into Eq; but only for Xh: Xv is about the
      // vertical difference coming in from the previous column (Myers 1999, block version).
      eq |= hm;
      long xh = (((eq & p) + p) ^ p) | eq;
      long ph = mm | ~(xh | p);
      long mh = p & xh;
      long outP = ph >>> 63;
      long outM = mh >>> 63;
      ph = (ph << 1) | hp;
      mh = (mh << 1) | hm;
      pv[b] = mh | ~(xv | ph);
      mv[b] = ph & xv;
      hp = outP;
      hm = outM;
    }
    return (int) (hp - hm);
  }

  /** Fills {@code scratch[lo..hi]} with the match masks of rare symbol {@code id}. */
  private void expandRare(int id, int lo, int hi) {
    Arrays.fill(scratch, lo, hi + 1, 0L);
    int r = id - denseRows;
    for (int q = rareStart[r], end = rareStart[r + 1]; q < end; q++) {
      int position = rarePositions[q];
      int block = position >>> 6;
      if (block > hi) {
        break;
      }
      if (block >= lo) {
        scratch[block] |= 1L << position;
      }
    }
  }

  /**
   * The last block's rows beyond {@code m} are padding that matches nothing; scores there are taken
   * at row {@code 64 * blocks}. Returns the sum of the padding rows' vertical differences, to
   * subtract for {@code D[m][j]}.
   */
  private int padding(long lastPv, long lastMv) {
    int used = m & (Long.SIZE - 1);
    if (used == 0) {
      return 0;
    }
    long pad = -1L << used;
    return Long.bitCount(lastPv & pad) - Long.bitCount(lastMv & pad);
  }
}
