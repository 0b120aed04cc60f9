package io.textsim.core.shingle;

import java.util.Arrays;
import java.util.Objects;

/**
 * A {@link ShingleSet} with a directory over the top bits of its hashes, for looking up many
 * shingles in one large set: the positions of a collection's millions of recurring shingles, or a
 * furniture model's shingles in every document of a collection.
 *
 * <p>Shingle hashes are uniform over the 64-bit range, so the set's {@code n} hashes fall about 4
 * to 8 to each of the directory's {@code 2^(floor(log2 n) - 2)} buckets, and a lookup reads the
 * bucket's bounds (from a directory small enough to stay in cache for longer) and then the bucket's
 * hashes, which share one or two cache lines: where a search of the sorted array ({@link
 * ShingleSet#indexOf}) takes several cache misses in a set of millions, this takes one or two. A
 * bucket of more than a few hashes (hashes are public input, so a set can be made of one bucket) is
 * bisected, so a lookup stays O(log n) for any set. Answers are those of {@link ShingleSet#indexOf}
 * by construction.
 *
 * <p>Memory: 4 bytes per bucket, at most 4 bytes per shingle of the set (whose array is shared, not
 * copied). Immutable and thread-safe.
 */
public final class ShingleLookup {
  /** Buckets of at most this many hashes are scanned; larger ones are bisected. */
  private static final int SCAN = 24;

  private final ShingleSet set;
  private final long[] hashes;
  private final int bits;
  private final int[] start;

  private ShingleLookup(ShingleSet set) {
    this.set = set;
    this.hashes = set.array();
    int n = hashes.length;
    // About 4 to 8 hashes a bucket: a bucket's hashes share one or two cache lines, and the
    // directory (at most a quarter as many ints as the set has hashes) stays in cache for longer.
    this.bits = n < 8 ? 0 : 29 - Integer.numberOfLeadingZeros(n);
    int buckets = 1 << bits;
    int[] bounds = new int[buckets + 1];
    for (long h : hashes) {
      bounds[bucket(h) + 1]++;
    }
    for (int b = 0; b < buckets; b++) {
      bounds[b + 1] += bounds[b];
    }
    this.start = bounds;
  }

  /** A lookup over {@code set}; O(size) to build. */
  public static ShingleLookup of(ShingleSet set) {
    Objects.requireNonNull(set, "set");
    return new ShingleLookup(set);
  }

  /** The set looked in. */
  public ShingleSet set() {
    return set;
  }

  /**
   * The bucket of {@code hash}: its top {@code bits} bits, with the sign bit flipped so that
   * buckets follow the signed order of the sorted array.
   */
  private int bucket(long hash) {
    return bits == 0 ? 0 : (int) ((hash ^ Long.MIN_VALUE) >>> (64 - bits));
  }

  /** The index of {@code hash} in the set ({@link ShingleSet#get} order), or -1 if absent. */
  public int indexOf(long hash) {
    int b = bucket(hash);
    int lo = start[b];
    int hi = start[b + 1];
    if (hi - lo > SCAN) {
      int found = Arrays.binarySearch(hashes, lo, hi, hash);
      return found >= 0 ? found : -1;
    }
    for (int i = lo; i < hi; i++) {
      long h = hashes[i];
      if (h >= hash) {
        return h == hash ? i : -1;
      }
    }
    return -1;
  }

  /** True if {@code hash} is in the set. */
  public boolean contains(long hash) {
    return indexOf(hash) >= 0;
  }

  /**
   * {@code shingles} without the shingles of this set; {@code shingles} itself if none is in it.
   */
  public ShingleSet removeFrom(ShingleSet shingles) {
    Objects.requireNonNull(shingles, "shingles");
    if (hashes.length == 0) {
      return shingles;
    }
    long[] a = shingles.array();
    return shingles.withoutIndices(i -> indexOf(a[i]) >= 0);
  }

  @Override
  public String toString() {
    return "ShingleLookup[size=" + hashes.length + ", buckets=" + (1 << bits) + "]";
  }
}
