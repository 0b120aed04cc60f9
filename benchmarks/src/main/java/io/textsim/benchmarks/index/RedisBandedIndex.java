package io.textsim.benchmarks.index;

import io.textsim.core.TextProfiler;
import io.textsim.core.lsh.LshParameters;
import io.textsim.core.measure.Measures;
import io.textsim.core.shingle.ShingleSet;
import io.textsim.core.sketch.MinHashParameters;
import io.textsim.core.sketch.MinHashSignature;
import io.textsim.core.sketch.MinHasher;
import io.textsim.index.IndexDocument;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.Pipeline;
import redis.clients.jedis.Response;

/**
 * The index benchmark's peer: the same banded index as {@link io.textsim.index.NearDuplicateIndex}
 * (the same profiles, MinHash signatures, bands and exact Jaccard verification) kept in Redis
 * through Jedis, the way a user reaching for a shared store would keep it: per document one string
 * key {@code d:ID} holding its shingle set (8 bytes a shingle, big-endian), per band bucket one set
 * {@code b[band u16][band key i64]} of document ids. The profiling and verification run here; only
 * the storage differs.
 *
 * <p>An add sends a batch in one pipeline (one round trip); a query reads its buckets in one
 * pipeline, then the candidates' shingles in one {@code MGET}. Adds insert: they do not read and
 * clear the postings of a document they replace (the benchmark's ids are distinct), which spares
 * Redis a round trip the textsim index pays.
 *
 * <p>One connection: not thread-safe; give each thread its own.
 */
final class RedisBandedIndex implements IndexBenchmark.BatchSink {
  private final Jedis jedis;
  private final TextProfiler profiler;
  private final MinHasher hasher;
  private final LshParameters lsh;

  /**
   * @param minHash and {@code lsh}: those of the textsim index compared with, so that both sign and
   *     band alike
   */
  RedisBandedIndex(String host, int port, MinHashParameters minHash, LshParameters lsh) {
    this.jedis = new Jedis(host, port);
    this.profiler = TextProfiler.defaults().withShingles(minHash.shingles());
    this.hasher = MinHasher.of(minHash);
    this.lsh = lsh;
  }

  /** The number of keys in the connection's database. */
  long keys() {
    return jedis.dbSize();
  }

  /** The bytes Redis reports in use ({@code INFO memory}, {@code used_memory}). */
  long usedMemory() {
    for (String line : jedis.info("memory").lines().toList()) {
      if (line.startsWith("used_memory:")) {
        return Long.parseLong(line.substring("used_memory:".length()).strip());
      }
    }
    throw new IllegalStateException("INFO memory has no used_memory line");
  }

  /**
   * Profiles and signs a batch, then adds it in one pipeline; returns the nanoseconds of the
   * pipeline (encoding, sending, Redis's work and the replies), the profiling left out.
   */
  @Override
  public long add(List<IndexDocument> batch) {
    List<ShingleSet> sets = new ArrayList<>(batch.size());
    List<MinHashSignature> signatures = new ArrayList<>(batch.size());
    for (IndexDocument d : batch) {
      ShingleSet shingles = profiler.profile(d.text()).shingles();
      sets.add(shingles);
      signatures.add(hasher.sign(shingles));
    }
    long start = System.nanoTime();
    Pipeline p = jedis.pipelined();
    for (int i = 0; i < batch.size(); i++) {
      byte[] id = batch.get(i).id().getBytes(StandardCharsets.UTF_8);
      p.set(documentKey(id), encode(sets.get(i)));
      for (int b = 0; b < lsh.bands(); b++) {
        p.sadd(bucketKey(b, signatures.get(i).bandKey(b, lsh.rows())), id);
      }
    }
    p.sync();
    return System.nanoTime() - start;
  }

  /** A verified match: the id and the Jaccard similarity of the shingle sets. */
  record Match(String id, double score) {}

  /** A query text profiled and signed, as textsim's {@code PreparedQuery}. */
  record Query(ShingleSet shingles, MinHashSignature signature) {}

  /** Profiles and signs a query text. */
  Query prepare(String text) {
    ShingleSet query = profiler.profile(text).shingles();
    return new Query(query, hasher.sign(query));
  }

  /** The stored documents most like {@code text}, best first, ties by id; at most {@code topK}. */
  List<Match> query(String text, int topK) {
    return query(prepare(text), topK);
  }

  /** As {@link #query(String, int)} for a prepared query: the part that reads the store. */
  List<Match> query(Query prepared, int topK) {
    ShingleSet query = prepared.shingles();
    MinHashSignature signature = prepared.signature();
    Pipeline p = jedis.pipelined();
    List<Response<Set<byte[]>>> buckets = new ArrayList<>(lsh.bands());
    for (int b = 0; b < lsh.bands(); b++) {
      buckets.add(p.smembers(bucketKey(b, signature.bandKey(b, lsh.rows()))));
    }
    p.sync();
    Set<String> candidates = new LinkedHashSet<>();
    for (Response<Set<byte[]>> bucket : buckets) {
      for (byte[] id : bucket.get()) {
        candidates.add(new String(id, StandardCharsets.UTF_8));
      }
    }
    if (candidates.isEmpty()) {
      return List.of();
    }
    List<String> ids = new ArrayList<>(candidates);
    byte[][] keys = new byte[ids.size()][];
    for (int i = 0; i < keys.length; i++) {
      keys[i] = documentKey(ids.get(i).getBytes(StandardCharsets.UTF_8));
    }
    List<byte[]> values = jedis.mget(keys);
    List<Match> scored = new ArrayList<>(ids.size());
    for (int i = 0; i < ids.size(); i++) {
      if (values.get(i) != null) {
        scored.add(new Match(ids.get(i), Measures.jaccard(query, decode(values.get(i)))));
      }
    }
    scored.sort(Comparator.comparingDouble(Match::score).reversed().thenComparing(Match::id));
    return List.copyOf(scored.subList(0, Math.min(topK, scored.size())));
  }

  private static byte[] documentKey(byte[] id) {
    return ByteBuffer.allocate(2 + id.length).put((byte) 'd').put((byte) ':').put(id).array();
  }

  private static byte[] bucketKey(int band, long key) {
    return ByteBuffer.allocate(11).put((byte) 'b').putShort((short) band).putLong(key).array();
  }

  private static byte[] encode(ShingleSet shingles) {
    ByteBuffer out = ByteBuffer.allocate(8 * shingles.size());
    for (int i = 0; i < shingles.size(); i++) {
      out.putLong(shingles.get(i));
    }
    return out.array();
  }

  private static ShingleSet decode(byte[] value) {
    long[] hashes = new long[value.length / 8];
    ByteBuffer.wrap(value).asLongBuffer().get(hashes);
    return ShingleSet.of(hashes);
  }

  @Override
  public void close() {
    jedis.close();
  }
}
