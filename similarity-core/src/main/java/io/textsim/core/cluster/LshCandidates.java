package io.textsim.core.cluster;

import io.textsim.core.shingle.ShingleConfig;
import io.textsim.core.shingle.ShingleSet;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.IntStream;

/**
 * Candidate pairs for a clustering from banded MinHash LSH and from shared passage keys ({@link
 * PassageKeys}), built for a whole batch at once.
 *
 * <p>Batch clustering does not need an index that answers queries: for each band it sorts the
 * documents by band key and emits the pairs within each run of equal keys; pairs from all bands are
 * then sorted and deduplicated. Everything is primitive arrays, so 100,000 documents cost tens of
 * megabytes, not the gigabyte a map of boxed bucket sets would.
 *
 * <p>The pairs depend on the data: a run of r equal keys makes r (r - 1) / 2 of them, so a
 * collection of copies of one text makes quadratically many. Room for them is announced to {@link
 * ClusterOptions#pairBudget()} before it is allocated, so that a caller can stop the search before
 * the heap runs out.
 */
final class LshCandidates {
  private LshCandidates() {}

  /**
   * @param shingles every document's shingle set
   * @param config the shingle settings the sets were made with
   */
  static long[] pairs(ShingleSet[] shingles, ShingleConfig config, ClusterOptions options) {
    int n = shingles.length;
    if (n < 2) {
      return new long[0];
    }
    BandKeys banding = BandKeys.forClustering(n, config, options);
    int bands = banding.bands();
    // bandKeys[b * n + i]: the key of document i in band b, with the document index packed into
    // the low bits so that one primitive sort groups equal keys. The truncated key bits can only
    // add false candidates, which verification removes.
    long indexMask = BandKeys.indexMask(n);
    long[] keys = new long[bands * n];
    AtomicLong done = new AtomicLong();
    IntStream.range(0, n)
        .parallel()
        .forEach(
            i -> {
              if ((i & 255) == 0) {
                options.cancellation().throwIfCancelled();
              }
              long[] bandKeys = banding.keys(shingles[i]);
              for (int b = 0; b < bands; b++) {
                keys[b * n + i] = bandKeys[b] | i;
              }
              long d = done.incrementAndGet();
              if (d % 4096 == 0 || d == n) {
                options.progress().update("signatures", d, n);
              }
            });
    long[][] perBand = new long[bands][];
    AtomicLong room = new AtomicLong();
    IntStream.range(0, bands)
        .parallel()
        .forEach(
            b -> {
              options.cancellation().throwIfCancelled();
              long[] band = Arrays.copyOfRange(keys, b * n, (b + 1) * n);
              Arrays.sort(band);
              perBand[b] = pairsInRuns(band, indexMask, room, options.pairBudget());
              options.progress().update("candidates", b + 1, bands);
            });
    long[] passages = passagePairs(shingles, PassageKeys.forClustering(n, options), options, room);
    long total = passages.length;
    for (long[] p : perBand) {
      total += p.length;
    }
    if (total > MAX_PAIRS) {
      throw new IllegalArgumentException(
          n + " documents make " + total + " LSH candidate pairs, more than " + MAX_PAIRS);
    }
    long[] all = new long[(int) total];
    int at = 0;
    for (long[] p : perBand) {
      System.arraycopy(p, 0, all, at, p.length);
      at += p.length;
    }
    System.arraycopy(passages, 0, all, at, passages.length);
    Arrays.parallelSort(all);
    int distinct = 0;
    for (int i = 0; i < all.length; i++) {
      if (i == 0 || all[i] != all[i - 1]) {
        all[distinct++] = all[i];
      }
    }
    return Arrays.copyOf(all, distinct);
  }

  /**
   * The pairs that share a passage key held by at most {@link PassageKeys#MAX_DOCUMENTS} documents,
   * possibly repeated.
   */
  static long[] passagePairs(ShingleSet[] shingles, PassageKeys passages, ClusterOptions options) {
    return passagePairs(shingles, passages, options, new AtomicLong());
  }

  private static long[] passagePairs(
      ShingleSet[] shingles, PassageKeys passages, ClusterOptions options, AtomicLong room) {
    int n = shingles.length;
    if (!passages.enabled() || n < 2) {
      return new long[0];
    }
    long[][] perDocument = new long[n][];
    IntStream.range(0, n)
        .parallel()
        .forEach(
            i -> {
              if ((i & 255) == 0) {
                options.cancellation().throwIfCancelled();
              }
              perDocument[i] = passages.keys(shingles[i]);
            });
    long count = 0;
    for (long[] k : perDocument) {
      count += k.length;
    }
    if (count > Integer.MAX_VALUE - 8) {
      throw new IllegalArgumentException(
          "the passage keys of these " + n + " documents are too many: " + count);
    }
    // As for the bands: the document's index in the low bits, which the keys leave clear.
    long[] keys = new long[(int) count];
    int at = 0;
    for (int i = 0; i < n; i++) {
      for (long k : perDocument[i]) {
        keys[at++] = k | i;
      }
      perDocument[i] = null;
    }
    Arrays.parallelSort(keys);
    options.cancellation().throwIfCancelled();
    return pairsInRuns(
        keys, BandKeys.indexMask(n), PassageKeys.MAX_DOCUMENTS, room, options.pairBudget());
  }

  /** The most pairs one array holds. */
  private static final int MAX_PAIRS = Integer.MAX_VALUE - 8;

  private static long[] pairsInRuns(
      long[] sorted, long indexMask, AtomicLong room, PairBudget budget) {
    return pairsInRuns(sorted, indexMask, Integer.MAX_VALUE, room, budget);
  }

  /**
   * The pairs within each run of equal keys of {@code sorted} of at most {@code maxRun} entries;
   * every growth of the result's room is added to {@code room} and announced to {@code budget}
   * first.
   */
  private static long[] pairsInRuns(
      long[] sorted, long indexMask, int maxRun, AtomicLong room, PairBudget budget) {
    long[] out = new long[16];
    int count = 0;
    int runStart = 0;
    for (int i = 1; i <= sorted.length; i++) {
      if (i == sorted.length || (sorted[i] & ~indexMask) != (sorted[runStart] & ~indexMask)) {
        int end = i - runStart <= maxRun ? i : runStart;
        for (int x = runStart; x < end; x++) {
          for (int y = x + 1; y < end; y++) {
            int p = (int) (sorted[x] & indexMask);
            int q = (int) (sorted[y] & indexMask);
            if (count == out.length) {
              if (count == MAX_PAIRS) {
                throw new IllegalArgumentException(
                    "more than "
                        + MAX_PAIRS
                        + " LSH candidate pairs in one band or in the passage keys");
              }
              int grown = (int) Math.min(MAX_PAIRS, 2L * count);
              budget.reserve(room.addAndGet(grown - count));
              out = Arrays.copyOf(out, grown);
            }
            out[count++] = p < q ? Clusterer.pair(p, q) : Clusterer.pair(q, p);
          }
        }
        runStart = i;
      }
    }
    return Arrays.copyOf(out, count);
  }
}
