package io.textsim.spark;

import io.textsim.core.shingle.ShingleHashing;
import java.io.Serializable;
import java.util.Iterator;
import java.util.List;
import java.util.function.LongConsumer;
import org.apache.spark.api.java.JavaRDD;

/**
 * Saturating counts of 64-bit keys in two hashed byte counters each (a count-min sketch): an
 * overestimate of how often each key occurs, so a key whose estimate is below {@code n} certainly
 * occurs fewer than {@code n} times. The job uses it to drop, before a shuffle, the keys that
 * cannot matter: shingles that cannot recur in {@code minDocuments} documents of their source, band
 * keys that no other document shares. Nothing that matters is dropped, so the result is the same;
 * only the shuffles shrink (most shingles and band keys occur once).
 *
 * <p>Size: {@code 2^bits} bytes, about four counters a distinct key, whatever the input (at most 64
 * MB).
 */
final class CountSketch implements Serializable {
  private static final long serialVersionUID = 1L;
  private static final long SEED = 0x9E3779B97F4A7C15L;

  /** Emits the keys of one item. */
  @FunctionalInterface
  interface Keys<T> extends Serializable {
    void emit(T item, LongConsumer out);
  }

  private final int bits;
  private final byte cap;
  private final byte[] counters;

  private CountSketch(int bits, int cap) {
    this.bits = bits;
    this.cap = (byte) cap;
    this.counters = new byte[1 << bits];
  }

  /**
   * The counts, up to {@code cap} (at most 127), of the keys {@code keys} emits for every item of
   * {@code items}, in counters sized for about {@code expected} distinct keys.
   */
  static <T> CountSketch of(JavaRDD<T> items, Keys<T> keys, long expected, int cap) {
    int bits = 64 - Long.numberOfLeadingZeros(Math.max(1, expected));
    int b = Math.max(16, Math.min(26, bits + 2));
    int c = Math.max(1, Math.min(127, cap));
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

  /*
   * A key's two counters are in one 64-byte line (the line from the hash's top bits, the two
   * places in it from its low bits), so that counting a key costs one cache miss, not two; one
   * hash gives both. Two counters that fall on the same byte are one row: still an overestimate.
   */

  private int slotA(long h) {
    return (int) (h >>> (64 - bits));
  }

  private int slotB(long h) {
    return (slotA(h) & ~63) | (int) (h & 63);
  }

  private static long hash(long key) {
    return ShingleHashing.fmix64(key ^ SEED);
  }

  private void add(long key) {
    long h = hash(key);
    int i = slotA(h);
    if (counters[i] < cap) {
      counters[i]++;
    }
    int j = slotB(h);
    if (j != i && counters[j] < cap) {
      counters[j]++;
    }
  }

  private CountSketch merge(CountSketch other) {
    byte[] a = counters;
    byte[] b = other.counters;
    for (int i = 0; i < a.length; i++) {
      a[i] = (byte) Math.min(cap, a[i] + b[i]);
    }
    return this;
  }

  /** False if {@code key} certainly occurs fewer than {@code n} times. */
  boolean mayReach(long key, int n) {
    int at = Math.min(n, cap);
    long h = hash(key);
    return counters[slotA(h)] >= at && counters[slotB(h)] >= at;
  }
}
