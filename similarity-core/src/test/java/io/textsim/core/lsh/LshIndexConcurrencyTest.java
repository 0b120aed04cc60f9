package io.textsim.core.lsh;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.textsim.core.shingle.ShingleSet;
import io.textsim.core.sketch.MinHashFamily;
import io.textsim.core.sketch.MinHashParameters;
import io.textsim.core.sketch.MinHashSignature;
import io.textsim.core.sketch.MinHasher;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * One writer adds and removes while several readers query: no exceptions, every reader sees every
 * add that completed before its query began, and the final state is consistent.
 */
class LshIndexConcurrencyTest {

  @Test
  @Timeout(60)
  void oneWriterManyReaders() throws Exception {
    MinHashParameters p = MinHashParameters.defaults().withFamily(MinHashFamily.ONE_PERMUTATION);
    MinHasher hasher = MinHasher.of(p);
    int n = 5_000;
    List<MinHashSignature> signatures = new ArrayList<>(n);
    SplittableRandom random = new SplittableRandom(17);
    for (int i = 0; i < n; i++) {
      long[] set = new long[100];
      for (int j = 0; j < set.length; j++) {
        set[j] = random.nextLong();
      }
      signatures.add(hasher.sign(ShingleSet.of(set)));
    }
    LshIndex<Integer> index = LshIndex.forThreshold(p, 0.5);
    AtomicInteger added = new AtomicInteger(); // keys [0, added) have been added
    AtomicBoolean done = new AtomicBoolean();
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      Future<?> writer =
          pool.submit(
              () -> {
                for (int i = 0; i < n; i++) {
                  index.add(i, signatures.get(i));
                  added.set(i + 1);
                  // Churn: every 10th key is removed and put back.
                  if (i % 10 == 9) {
                    index.remove(i - 5);
                    index.add(i - 5, signatures.get(i - 5));
                  }
                }
                done.set(true);
                return null;
              });
      List<Future<Integer>> readers = new ArrayList<>();
      for (int r = 0; r < 3; r++) {
        int seed = r;
        readers.add(
            pool.submit(
                () -> {
                  SplittableRandom rnd = new SplittableRandom(seed);
                  int queries = 0;
                  while (!done.get() || queries < 1000) {
                    int visible = added.get();
                    if (visible == 0) {
                      continue;
                    }
                    int key = rnd.nextInt(visible);
                    boolean churned = key % 10 == 4 && key + 5 >= visible - 1;
                    Set<Integer> candidates = index.candidates(signatures.get(key));
                    for (int c : candidates) {
                      assertTrue(c >= 0 && c < n, "unknown key " + c);
                    }
                    if (!churned) {
                      assertTrue(candidates.contains(key), "key " + key + " of " + visible);
                      assertTrue(index.contains(key));
                    }
                    index.query(signatures.get(key), 3, k -> 1.0, 0.0);
                    index.size();
                    queries++;
                  }
                  return queries;
                }));
      }
      writer.get(60, TimeUnit.SECONDS);
      for (Future<Integer> reader : readers) {
        assertTrue(reader.get(60, TimeUnit.SECONDS) >= 1000);
      }
    } finally {
      pool.shutdownNow();
    }
    assertEquals(n, index.size());
    for (int i = 0; i < n; i++) {
      assertTrue(index.candidates(signatures.get(i)).contains(i), "key " + i);
    }
  }
}
