package io.textsim.index;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.textsim.core.TextProfiler;
import io.textsim.core.lsh.LshParameters;
import io.textsim.core.sketch.MinHashSignature;
import io.textsim.core.sketch.MinHasher;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.rocksdb.RocksIterator;

/**
 * The bucket lists, which adds append to by merge operands and replacements, removals and the
 * expiry sweep rewrite, checked against an oracle: after a seeded random run of adds (new ids and
 * replacements, some with a TTL), removals and expiries, every bucket holds exactly the ids of the
 * live documents whose signature falls in it (computed afresh from their texts), each once, and
 * every live document's shingles are stored.
 */
class BucketConsistencyTest {
  @TempDir Path dir;

  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3})
  void bucketsHoldExactlyTheLiveDocumentsAfterRandomAddsReplacesRemovesAndExpiries(long seed) {
    TestTexts.ManualClock clock = new TestTexts.ManualClock(Instant.parse("2026-01-01T00:00:00Z"));
    IndexOptions options =
        IndexOptions.defaults().withClock(clock).withDurability(Durability.PROCESS_CRASH);
    Random random = new Random(seed);
    Map<String, String> live = new LinkedHashMap<>();
    Map<String, Long> expiresAt = new HashMap<>();
    LshParameters lsh;
    MinHasher hasher;
    TextProfiler profiler;
    try (NearDuplicateIndex index = NearDuplicateIndex.open(dir, options)) {
      lsh = index.lshParameters();
      hasher = MinHasher.of(index.minHashParameters());
      profiler = TextProfiler.defaults().withShingles(index.minHashParameters().shingles());
      for (int round = 0; round < 40; round++) {
        int op = random.nextInt(10);
        if (op < 6) {
          List<IndexDocument> batch = new ArrayList<>();
          Set<String> ids = new HashSet<>();
          for (int i = 0; i < 1 + random.nextInt(12); i++) {
            String id = "d" + random.nextInt(60);
            if (!ids.add(id)) {
              continue;
            }
            // Some replacements keep the text (the same buckets), some are near copies (most
            // buckets the same), some are new texts; a few documents are empty (all one bucket).
            int kind = random.nextInt(8);
            String text =
                switch (kind) {
                  case 0 -> live.getOrDefault(id, "");
                  case 1 -> TestTexts.copy(live.getOrDefault(id, TestTexts.article(7, 80)), round);
                  case 2 -> "";
                  default -> TestTexts.article(random.nextInt(30), 40 + random.nextInt(80));
                };
            IndexDocument d = IndexDocument.of(id, text);
            if (random.nextInt(4) == 0) {
              Duration ttl = Duration.ofMinutes(1 + random.nextInt(30));
              d = d.withTtl(ttl);
              expiresAt.put(id, clock.millis() + ttl.toMillis());
            } else {
              expiresAt.remove(id);
            }
            batch.add(d);
            live.put(id, text);
          }
          index.add(batch);
        } else if (op < 8) {
          List<String> ids = new ArrayList<>();
          for (int i = 0; i < 1 + random.nextInt(5); i++) {
            ids.add("d" + random.nextInt(60));
          }
          index.remove(ids);
          ids.forEach(live::remove);
          ids.forEach(expiresAt::remove);
        } else {
          clock.advance(Duration.ofMinutes(random.nextInt(10)));
          index.expire();
          expiresAt
              .entrySet()
              .removeIf(
                  e -> {
                    boolean gone = e.getValue() <= clock.millis();
                    if (gone) {
                      live.remove(e.getKey());
                    }
                    return gone;
                  });
        }
      }
      index.expire();
      expiresAt.forEach(
          (id, at) -> {
            if (at <= clock.millis()) {
              live.remove(id);
            }
          });
      assertEquals(live.size(), index.stats().documents());
    }

    Map<String, Set<String>> expected = new HashMap<>();
    for (Map.Entry<String, String> d : live.entrySet()) {
      MinHashSignature signature = hasher.sign(profiler.profile(d.getValue()).shingles());
      for (int b = 0; b < lsh.bands(); b++) {
        String key = hex(IndexLayout.bucketKey(b, signature.bandKey(b, lsh.rows())));
        expected.computeIfAbsent(key, k -> new HashSet<>()).add(d.getKey());
      }
    }
    Map<String, Set<String>> actual = new HashMap<>();
    Set<String> withShingles = new HashSet<>();
    try (RocksStore store = RocksStore.open(dir, false)) {
      try (RocksIterator it = store.db.newIterator(store.buckets)) {
        for (it.seekToFirst(); it.isValid(); it.next()) {
          List<String> ids = IndexLayout.bucketIds(it.value());
          assertEquals(ids.size(), new HashSet<>(ids).size(), "an id twice in one bucket: " + ids);
          actual.put(hex(it.key()), new HashSet<>(ids));
        }
      }
      try (RocksIterator it = store.db.newIterator(store.shingles)) {
        for (it.seekToFirst(); it.isValid(); it.next()) {
          withShingles.add(IndexLayout.idOfDocumentKey(it.key()));
        }
      }
    }
    assertEquals(expected, actual);
    assertEquals(live.keySet(), withShingles);
  }

  private static String hex(byte[] bytes) {
    StringBuilder sb = new StringBuilder();
    for (byte b : bytes) {
      sb.append(String.format("%02x", b));
    }
    return sb.toString();
  }
}
