package io.textsim.spark;

import io.textsim.core.shingle.ShingleHashing;
import java.io.Serializable;
import java.util.Iterator;
import java.util.List;
import java.util.function.LongConsumer;
import org.apache.spark.api.java.JavaRDD;

/**
 * Saturating counts of 64-bit keys in two rows of hashed byte counters (a count-min sketch): an
 * overestimate of how often each key occurs, so a key whose estimate is below {@code n} certainly
 * occurs fewer than {@code n} times. The job uses it to drop, before a shuffle, the keys that
 * cannot matter: shingles that cannot recur in {@code minDocuments} documents of their source, band
 * keys that no other document shares. Nothing that matters is dropped, so the result is the same;
 * only the shuffles shrink (most shingles and band keys occur once).
 *
 * <p>Size: {@code 2 * 2^bits} bytes, whatever the input (at most 64 MB).
 */
final class CountSketch implements Serializable {
  private static final long serialVersionUID = 1L;
  private static final long SEED_A = 0x9E3779B97F4A7C15L;
  private static final long SEED_B = 0xC2B2AE3D27D4EB4FL;

  /** Emits the keys of one item. */
  @FunctionalInterface
  interface Keys<T> extends Serializable {
    void emit(T item, LongConsumer out);
  }

  private final int bits;
  private final byte cap;
  private final byte[] a;
  private final byte[] b;

  private CountSketch(int bits, int cap) {
    this.bits = bits;
    this.cap = (byte) cap;
    this.a = new byte[1 << bits];
    this.b = new byte[1 << bits];
  }

  /**
   * The counts, up to {@code cap} (at most 127), of the keys {@code keys} emits for every item of
   * {@code items}, in counters sized for about {@code expected} distinct keys.
   */
  static <T> CountSketch of(JavaRDD<T> items, Keys<T> keys, long expected, int cap) {
    int bits = 64 - Long.numberOfLeadingZeros(Math.max(1, expected));
    int b = Math.max(16, Math.min(25, bits + 1));
    int c = Math.min(127, cap);
    return items
        .mapPartitions(
            (Iterator<T> it) -> {
              CountSketch s = new CountSketch(b, c);
              while (it.hasNext()) {
                keys.emit(it.next(), s::add);
              }
              return List.of(s).iterator();
            })
        .treeReduce(CountSketch::merge);
  }

  private int slotA(long key) {
    return (int) (ShingleHashing.fmix64(key ^ SEED_A) >>> (64 - bits));
  }

  private int slotB(long key) {
    return (int) (ShingleHashing.fmix64(key ^ SEED_B) >>> (64 - bits));
  }

  private void add(long key) {
    int i = slotA(key);
    if (a[i] < cap) {
      a[i]++;
    }
    int j = slotB(key);
    if (b[j] < cap) {
      b[j]++;
    }
  }

  private CountSketch merge(CountSketch other) {
    for (int i = 0; i < a.length; i++) {
      a[i] = (byte) Math.min(cap, a[i] + other.a[i]);
      b[i] = (byte) Math.min(cap, b[i] + other.b[i]);
    }
    return this;
  }

  /** False if {@code key} certainly occurs fewer than {@code n} times ({@code n <= cap}). */
  boolean mayReach(long key, int n) {
    return a[slotA(key)] >= n && b[slotB(key)] >= n;
  }
}
