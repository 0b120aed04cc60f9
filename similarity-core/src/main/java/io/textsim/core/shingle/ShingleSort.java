package io.textsim.core.shingle;

import java.util.Arrays;
import java.util.Objects;
import java.util.stream.IntStream;

/**
 * Sorts large arrays of shingle hashes, as counting a collection's shingle occurrences needs (tens
 * of millions of them).
 *
 * <p>One pass of a most-significant-digit radix sort spreads the hashes into {@code 2^}{@value
 * #BITS} buckets by their top bits (in parallel, each thread scattering its part of the array to
 * its own places in every bucket), then each bucket is sorted on its own, in parallel. Shingle
 * hashes are uniform, so the buckets are of about equal size, each small enough to be sorted in the
 * processor's cache: the array is read and written about twice instead of the many passes of a
 * parallel merge sort. Any input is sorted correctly; a skewed one (hashes are public input) only
 * makes some buckets larger, each still sorted in O(b log b). Arrays shorter than {@value #SMALL}
 * are sorted by {@link Arrays#sort(long[])}.
 *
 * <p>Memory: a second array of the input's length, transient. Stateless and thread-safe.
 */
public final class ShingleSort {
  /** The top bits that choose a bucket: 4,096 buckets, whose write positions fit in cache. */
  static final int BITS = 12;

  /** Below this many hashes, a plain sort. */
  static final int SMALL = 1 << 16;

  private ShingleSort() {}

  /** Sorts {@code hashes} ascending (signed order), as {@link Arrays#sort(long[])} does. */
  public static void sort(long[] hashes) {
    Objects.requireNonNull(hashes, "hashes");
    int n = hashes.length;
    if (n < SMALL) {
      Arrays.sort(hashes);
      return;
    }
    int buckets = 1 << BITS;
    int parts = Math.max(1, Math.min(64, Runtime.getRuntime().availableProcessors()));
    // Each part counts its own hashes per bucket; from the counts, every part gets its own range
    // in every bucket, so that the parts scatter without sharing a write position.
    int[][] counts = new int[parts][buckets];
    IntStream.range(0, parts)
        .parallel()
        .forEach(
            t -> {
              int[] c = counts[t];
              for (int i = from(t, parts, n); i < from(t + 1, parts, n); i++) {
                c[bucket(hashes[i])]++;
              }
            });
    int[] start = new int[buckets + 1];
    int[][] next = new int[parts][buckets];
    int at = 0;
    for (int b = 0; b < buckets; b++) {
      start[b] = at;
      for (int t = 0; t < parts; t++) {
        next[t][b] = at;
        at += counts[t][b];
      }
    }
    start[buckets] = at;
    long[] spread = new long[n];
    IntStream.range(0, parts)
        .parallel()
        .forEach(
            t -> {
              int[] position = next[t];
              for (int i = from(t, parts, n); i < from(t + 1, parts, n); i++) {
                long h = hashes[i];
                spread[position[bucket(h)]++] = h;
              }
            });
    IntStream.range(0, buckets)
        .parallel()
        .forEach(
            b -> {
              Arrays.sort(spread, start[b], start[b + 1]);
              System.arraycopy(spread, start[b], hashes, start[b], start[b + 1] - start[b]);
            });
  }

  private static int from(int part, int parts, int n) {
    return (int) ((long) part * n / parts);
  }

  /** The top {@link #BITS} bits with the sign bit flipped: buckets in the signed order. */
  private static int bucket(long hash) {
    return (int) ((hash ^ Long.MIN_VALUE) >>> (64 - BITS));
  }
}
