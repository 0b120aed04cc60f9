package io.textsim.core.lsh;

import io.textsim.core.TextProfile;
import io.textsim.core.sketch.MinHashParameters;
import io.textsim.core.sketch.MinHashSignature;
import io.textsim.core.sketch.MinHasher;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.ToDoubleFunction;

/**
 * A banded locality-sensitive hashing index over MinHash signatures: finds the indexed keys whose
 * sets are probably similar to a query set without comparing it with every one.
 *
 * <p>Each signature's first {@code bands * rows} slots are cut into {@link LshParameters#bands()}
 * bands of {@link LshParameters#rows()} slots; each band is hashed to a 64-bit bucket key, and a
 * key is filed in one bucket per band. The <em>candidates</em> of a query are the keys that share
 * at least one bucket with it, that is, agree with it on every slot of some band. A set of Jaccard
 * similarity {@code s} to the query is a candidate with probability {@link
 * LshParameters#candidateProbability 1 - (1 - s^r)^b}; choose the banding for a threshold with
 * {@link LshParameters#forThreshold}. Candidates are only probably similar: {@link #query} verifies
 * each with an exact score. Reference: Leskovec, Rajaraman, Ullman, <i>Mining of Massive
 * Datasets</i>, section 3.4; Indyk and Motwani (1998).
 *
 * <p>Cost: {@link #add} and {@link #remove} O(b) expected (plus, for remove, the length of the
 * key's buckets); {@link #candidates} O(b + c) for {@code c} candidates. Memory: the index keeps no
 * signature, only per key and band a 64-bit bucket key, a 4-byte link to the next key of the same
 * bucket and its share of the band's bucket table (4-byte slots, at most 3/4 full): 17 to 23 bytes
 * per key and band, plus up to half as much again while the arrays grow, plus a hash map from key
 * to an internal ordinal. For 100,000 keys and 25 bands that is about 60 MB. Buckets are chains of
 * ordinals through shared arrays, so a bucket of one key costs no object at all.
 *
 * <p>Signatures must have exactly the index's {@link MinHashParameters} (and the current format
 * version); any other throws {@link IllegalArgumentException}. The empty set's signature is a valid
 * entry: empty sets are candidates of each other and of nothing else.
 *
 * <p>Thread-safe: lookups ({@link #candidates}, {@link #query}, {@link #contains}, {@link #size})
 * share a read lock and run in parallel; {@link #add} and {@link #remove} take the write lock for
 * their O(b) update, so readers always see each add or remove entirely or not at all. {@code
 * query}'s verifier runs outside the lock.
 *
 * @param <K> the key type, for example a document id; keys need proper {@code equals} and {@code
 *     hashCode}, and are ordered by the index's comparator to break score ties
 */
public final class LshIndex<K> {
  private static final int END = BucketTable.ABSENT;
  private static final int INITIAL_CAPACITY = 16;
  // The longest array every JVM allocates.
  private static final int MAX_ARRAY = Integer.MAX_VALUE - 8;

  private final MinHashParameters minHash;
  private final LshParameters lsh;
  private final Comparator<? super K> keyOrder;
  private final MinHasher hasher;
  private final int bands;
  private final int rows;

  private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
  // Guarded by lock. Per ordinal o: keys[o] (null if free), and for band j, at o * bands + j, the
  // bucket key and the next ordinal of the same bucket (END at the end of the chain).
  private final BucketTable[] tables;
  private final Map<K, Integer> ordinals = new HashMap<>();
  private Object[] keys = new Object[INITIAL_CAPACITY];
  private long[] bucketKeys;
  private int[] next;
  private int[] free = new int[INITIAL_CAPACITY];
  private int freeCount;
  private int highWater;

  private LshIndex(MinHashParameters minHash, LshParameters lsh, Comparator<? super K> keyOrder) {
    this.minHash = Objects.requireNonNull(minHash, "minHash");
    this.lsh = Objects.requireNonNull(lsh, "lsh");
    this.keyOrder = Objects.requireNonNull(keyOrder, "keyOrder");
    if (lsh.slotsUsed() > minHash.numHashes()) {
      throw new IllegalArgumentException(
          "lsh bands * rows = "
              + lsh.slotsUsed()
              + " exceeds the "
              + minHash.numHashes()
              + " slots of "
              + minHash);
    }
    this.hasher = MinHasher.of(minHash);
    this.bands = lsh.bands();
    this.rows = lsh.rows();
    this.tables = new BucketTable[bands];
    for (int j = 0; j < bands; j++) {
      tables[j] = new BucketTable(j, bands);
    }
    this.bucketKeys = new long[INITIAL_CAPACITY * bands];
    this.next = new int[INITIAL_CAPACITY * bands];
  }

  /**
   * An empty index for signatures with parameters {@code minHash}, banded by {@code lsh}; score
   * ties in {@link #query} are broken by the keys' natural order.
   *
   * @throws NullPointerException if an argument is null
   * @throws IllegalArgumentException if {@code lsh} uses more slots than the signatures have
   */
  public static <K extends Comparable<? super K>> LshIndex<K> create(
      MinHashParameters minHash, LshParameters lsh) {
    return new LshIndex<>(minHash, lsh, Comparator.naturalOrder());
  }

  /**
   * An empty index whose score ties in {@link #query} are broken by {@code keyOrder}.
   *
   * @throws NullPointerException if an argument is null
   * @throws IllegalArgumentException if {@code lsh} uses more slots than the signatures have
   */
  public static <K> LshIndex<K> create(
      MinHashParameters minHash, LshParameters lsh, Comparator<? super K> keyOrder) {
    return new LshIndex<>(minHash, lsh, keyOrder);
  }

  /**
   * An empty index banded for Jaccard {@code threshold} with {@link
   * LshParameters#forThreshold(double, int)} over all of the signatures' slots.
   *
   * @throws IllegalArgumentException if {@code threshold} is not in [0, 1]
   */
  public static <K extends Comparable<? super K>> LshIndex<K> forThreshold(
      MinHashParameters minHash, double threshold) {
    Objects.requireNonNull(minHash, "minHash");
    return create(minHash, LshParameters.forThreshold(threshold, minHash.numHashes()));
  }

  /** The parameters every indexed signature has. */
  public MinHashParameters minHashParameters() {
    return minHash;
  }

  /** The banding. */
  public LshParameters lshParameters() {
    return lsh;
  }

  /**
   * Indexes {@code key} under {@code signature}, replacing the key's previous signature if it was
   * already indexed.
   *
   * @throws NullPointerException if an argument is null
   * @throws IllegalArgumentException if the signature's parameters are not the index's
   * @throws IllegalStateException if the index holds {@code (2^31 - 9) / bands} keys already
   */
  public void add(K key, MinHashSignature signature) {
    Objects.requireNonNull(key, "key");
    long[] bk = bucketKeys(signature);
    lock.writeLock().lock();
    try {
      Integer old = ordinals.get(key);
      if (old != null) {
        unlink(old);
      } else {
        ensureCapacity();
      }
      int o = old != null ? old : allocate();
      keys[o] = key;
      int base = o * bands;
      for (int j = 0; j < bands; j++) {
        bucketKeys[base + j] = bk[j];
        next[base + j] = tables[j].get(bk[j], bucketKeys);
        tables[j].put(bk[j], o, bucketKeys);
      }
      ordinals.put(key, o);
    } finally {
      lock.writeLock().unlock();
    }
  }

  /**
   * Signs {@code profile} with the index's {@link MinHasher} and indexes it under {@code key}.
   *
   * @throws NullPointerException if an argument is null
   * @throws IllegalArgumentException if the profile's shingle configuration is not the index's
   */
  public void add(K key, TextProfile profile) {
    Objects.requireNonNull(key, "key");
    add(key, hasher.sign(profile));
  }

  /**
   * Removes {@code key}.
   *
   * @return true if the key was indexed
   * @throws NullPointerException if {@code key} is null
   */
  public boolean remove(K key) {
    Objects.requireNonNull(key, "key");
    lock.writeLock().lock();
    try {
      Integer o = ordinals.remove(key);
      if (o == null) {
        return false;
      }
      unlink(o);
      keys[o] = null;
      if (freeCount == free.length) {
        free = Arrays.copyOf(free, free.length * 2);
      }
      free[freeCount++] = o;
      return true;
    } finally {
      lock.writeLock().unlock();
    }
  }

  /** True if {@code key} is indexed. */
  public boolean contains(K key) {
    Objects.requireNonNull(key, "key");
    lock.readLock().lock();
    try {
      return ordinals.containsKey(key);
    } finally {
      lock.readLock().unlock();
    }
  }

  /** The number of indexed keys. */
  public int size() {
    lock.readLock().lock();
    try {
      return ordinals.size();
    } finally {
      lock.readLock().unlock();
    }
  }

  /**
   * The keys that share at least one band with {@code signature}: probably similar, to be verified.
   * The set is a snapshot, unmodifiable, in a deterministic order for a given history of adds and
   * removes. Cost: O(b) lookups plus the candidates.
   *
   * @throws NullPointerException if {@code signature} is null
   * @throws IllegalArgumentException if the signature's parameters are not the index's
   */
  public Set<K> candidates(MinHashSignature signature) {
    long[] bk = bucketKeys(signature);
    int[] found = new int[16];
    int count = 0;
    Set<K> result;
    lock.readLock().lock();
    try {
      for (int j = 0; j < bands; j++) {
        for (int o = tables[j].get(bk[j], bucketKeys); o != END; o = next[o * bands + j]) {
          if (count == found.length) {
            found = Arrays.copyOf(found, count * 2);
          }
          found[count++] = o;
        }
      }
      Arrays.sort(found, 0, count);
      result = new LinkedHashSet<>(Math.max(16, count * 2));
      for (int i = 0; i < count; i++) {
        if (i == 0 || found[i] != found[i - 1]) {
          result.add(key(found[i]));
        }
      }
    } finally {
      lock.readLock().unlock();
    }
    return Collections.unmodifiableSet(result);
  }

  /**
   * {@link #candidates(MinHashSignature)} of the signature of {@code profile}.
   *
   * @throws IllegalArgumentException if the profile's shingle configuration is not the index's
   */
  public Set<K> candidates(TextProfile profile) {
    return candidates(hasher.sign(profile));
  }

  /**
   * The best verified matches of {@code signature}: each {@linkplain #candidates candidate} is
   * scored by {@code verifier} (for example the exact Jaccard similarity of the candidate's stored
   * profile to the query's), those scoring at least {@code minScore} are kept, sorted by score,
   * best first, ties in key order, and the first {@code topK} returned. Candidates the LSH misses
   * are never scored, so a true match is found with the banding's candidate probability.
   *
   * <p>The verifier is called once per candidate, outside the index's lock, from the calling
   * thread.
   *
   * @param signature the query's signature
   * @param topK the most matches to return, at least 1
   * @param verifier the exact score of a candidate key against the query
   * @param minScore the lowest score kept, in [0, 1]
   * @return at most {@code topK} matches, best first
   * @throws NullPointerException if an argument is null
   * @throws IllegalArgumentException if {@code topK < 1}, {@code minScore} is outside [0, 1], the
   *     signature's parameters are not the index's, or the verifier returns NaN
   */
  public List<Match<K>> query(
      MinHashSignature signature, int topK, ToDoubleFunction<? super K> verifier, double minScore) {
    Objects.requireNonNull(signature, "signature");
    Objects.requireNonNull(verifier, "verifier");
    if (topK < 1) {
      throw new IllegalArgumentException("topK must be >= 1, got " + topK);
    }
    if (!(minScore >= 0.0 && minScore <= 1.0)) {
      throw new IllegalArgumentException("minScore must be in [0, 1], got " + minScore);
    }
    List<Match<K>> matches = new ArrayList<>();
    for (K key : candidates(signature)) {
      double score = verifier.applyAsDouble(key);
      if (Double.isNaN(score)) {
        throw new IllegalArgumentException("verifier returned NaN for key " + key);
      }
      if (score >= minScore) {
        matches.add(new Match<>(key, score));
      }
    }
    matches.sort(
        Comparator.<Match<K>>comparingDouble(Match::score)
            .reversed()
            .thenComparing(Match::key, keyOrder));
    return List.copyOf(matches.subList(0, Math.min(topK, matches.size())));
  }

  /**
   * {@link #query(MinHashSignature, int, ToDoubleFunction, double)} for the signature of {@code
   * profile}.
   */
  public List<Match<K>> query(
      TextProfile profile, int topK, ToDoubleFunction<? super K> verifier, double minScore) {
    return query(hasher.sign(profile), topK, verifier, minScore);
  }

  /** The band bucket keys of a signature, after checking its parameters. */
  private long[] bucketKeys(MinHashSignature signature) {
    Objects.requireNonNull(signature, "signature");
    if (signature.formatVersion() != MinHashSignature.FORMAT_VERSION
        || !signature.parameters().equals(minHash)) {
      throw new IllegalArgumentException(
          "signature with v"
              + signature.formatVersion()
              + " "
              + signature.parameters()
              + " does not match the index's v"
              + MinHashSignature.FORMAT_VERSION
              + " "
              + minHash);
    }
    long[] bk = new long[bands];
    for (int j = 0; j < bands; j++) {
      bk[j] = signature.bandKey(j, rows);
    }
    return bk;
  }

  @SuppressWarnings("unchecked") // keys only ever holds Ks
  private K key(int ordinal) {
    return (K) keys[ordinal];
  }

  private void ensureCapacity() {
    if (freeCount == 0 && highWater == keys.length) {
      int limit = MAX_ARRAY / bands;
      if (keys.length >= limit) {
        throw new IllegalStateException(
            "LshIndex is full: at most " + limit + " keys with " + bands + " bands");
      }
      int capacity = (int) Math.min(limit, (long) keys.length + (keys.length >> 1));
      keys = Arrays.copyOf(keys, capacity);
      bucketKeys = Arrays.copyOf(bucketKeys, capacity * bands);
      next = Arrays.copyOf(next, capacity * bands);
    }
  }

  private int allocate() {
    return freeCount > 0 ? free[--freeCount] : highWater++;
  }

  /** Takes ordinal {@code o} out of its bucket chain in every band. */
  private void unlink(int o) {
    int base = o * bands;
    for (int j = 0; j < bands; j++) {
      long bk = bucketKeys[base + j];
      int head = tables[j].get(bk, bucketKeys);
      int after = next[base + j];
      if (head == o) {
        if (after == END) {
          tables[j].remove(bk, bucketKeys);
        } else {
          tables[j].put(bk, after, bucketKeys);
        }
      } else {
        int prev = head;
        while (next[prev * bands + j] != o) {
          prev = next[prev * bands + j];
        }
        next[prev * bands + j] = after;
      }
    }
  }

  /**
   * An estimate of the bytes held by the index's own structures, excluding the key objects and the
   * key map's entries; for tests and capacity planning.
   */
  long structureBytes() {
    lock.readLock().lock();
    try {
      long bytes = 4L * keys.length + 8L * bucketKeys.length + 4L * next.length + 4L * free.length;
      for (BucketTable t : tables) {
        bytes += 4L * t.capacity();
      }
      return bytes;
    } finally {
      lock.readLock().unlock();
    }
  }

  @Override
  public String toString() {
    return "LshIndex[size=" + size() + ", " + minHash + ", " + lsh + "]";
  }
}
