package io.textsim.spark;

import io.textsim.core.cluster.BandKeys;
import io.textsim.core.cluster.CandidateStrategy;
import io.textsim.core.cluster.ClusterOptions;
import io.textsim.core.cluster.PassageKeys;
import io.textsim.core.shingle.ShingleHashing;
import io.textsim.core.shingle.ShingleSet;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.storage.StorageLevel;
import org.apache.spark.util.LongAccumulator;
import scala.Tuple2;

/**
 * Candidate pairs from the core's LSH buckets ({@link BandKeys}) and passage keys ({@link
 * PassageKeys}), with a bound on what one bucket can cost.
 *
 * <p>Within a bucket, members with the same content (and blank flag) are counted once: the first of
 * them (by input position) is paired with the others in the bucket, and each of the others only
 * with it. Such members share every band key, so they meet in every bucket any of them is in, and
 * the first is the same everywhere; they score alike against everyone, so the clusters are those
 * the core makes from all pairs ({@link io.textsim.core.cluster.ComponentClusterer}). Ten thousand
 * copies of one page cost 9,999 pairs, not fifty million.
 *
 * <p>Passage buckets ({@link PassageKeys}, band {@link #PASSAGE_BAND}) follow the core's rule
 * exactly: one held by more than {@link PassageKeys#MAX_DOCUMENTS} documents makes no pairs, one
 * held by fewer pairs all its members.
 *
 * <p>A bucket of more than {@code maxBucket} different members pairs each with the bucket's first
 * member and with the one before it (by position) instead of with all: {@code 2m} pairs instead of
 * {@code m(m-1)/2}. That is the one place the job may link less than the core, which pairs such a
 * bucket all with all; the job counts these buckets. All pairs ({@link
 * CandidateStrategy#ALL_PAIRS}, or AUTO on a small input) is one bucket with no cap.
 */
final class CandidateStage {
  private CandidateStage() {}

  /** The band of the buckets of passage keys. */
  static final int PASSAGE_BAND = -2;

  /**
   * A bucket: a band and its key. Band -1 is the one bucket of all pairs, band {@link
   * #PASSAGE_BAND} a passage key's.
   */
  record Bucket(int band, long key) implements Serializable {
    private static final long serialVersionUID = 1L;
  }

  /** A document in a bucket: its position and a hash of its content. */
  record Member(long position, long contentHash, boolean blank) implements Serializable {
    private static final long serialVersionUID = 1L;
  }

  /**
   * A candidate pair, {@code first < second} by position; {@code same} if the two were taken to
   * have the same content (which verification checks).
   */
  record Pair(long first, long second, boolean same) implements Serializable {
    private static final long serialVersionUID = 1L;
  }

  /** The strategy the core would use for {@code n} documents. */
  static CandidateStrategy strategy(long n, SparkClusterSettings settings) {
    CandidateStrategy s = settings.candidates();
    if (s == CandidateStrategy.AUTO) {
      return n <= settings.allPairsLimit() ? CandidateStrategy.ALL_PAIRS : CandidateStrategy.LSH;
    }
    return s;
  }

  /**
   * The distinct candidate pairs of {@code docs}, of which there are {@code n}; {@code capped}
   * counts the buckets over the cap.
   */
  static JavaRDD<Pair> pairs(
      JavaRDD<ContentDocument> docs,
      long n,
      SparkClusterSettings settings,
      LongAccumulator capped) {
    CandidateStrategy strategy = strategy(n, settings);
    boolean allPairs = strategy == CandidateStrategy.ALL_PAIRS;
    if (allPairs && n * (n - 1) / 2 > Integer.MAX_VALUE - 8) {
      throw new IllegalArgumentException(
          "all pairs of " + n + " documents are too many; use the LSH candidate strategy");
    }
    int cap = allPairs ? Integer.MAX_VALUE : settings.maxBucket();
    JavaRDD<Tuple2<Bucket, Member>> entries =
        docs.filter(ContentDocument::linkable)
            .mapPartitions(
                it -> {
                  ClusterOptions options = settings.options();
                  BandKeys keys =
                      allPairs
                          ? null
                          : BandKeys.forClustering(n, options.profiler().shingles(), options);
                  PassageKeys passages = allPairs ? null : PassageKeys.forClustering(n, options);
                  return new BucketEntries(it, keys, passages);
                });
    if (!allPairs) {
      // Most band keys are a document's own: a sketch of the keys drops the entries of buckets
      // that certainly hold one document, before the shuffle that groups them.
      entries = entries.persist(StorageLevel.MEMORY_AND_DISK());
      CountSketch sketch =
          CountSketch.of(entries, (e, out) -> out.accept(bucketKey(e._1())), n * 64, 2);
      Broadcast<CountSketch> counted =
          JavaSparkContext.fromSparkContext(docs.context()).broadcast(sketch);
      entries = entries.filter(e -> counted.value().mayReach(bucketKey(e._1()), 2));
    }
    return entries
        .mapToPair(e -> e)
        .groupByKey()
        .flatMap(
            bucket -> {
              List<Member> members = new ArrayList<>();
              bucket._2().forEach(members::add);
              return bucket._1().band() == PASSAGE_BAND
                  ? pairsInPassageBucket(members).iterator()
                  : pairsInBucket(members, cap, capped).iterator();
            })
        .distinct();
  }

  private static long bucketKey(Bucket b) {
    return ShingleHashing.fmix64(b.band() * 0x9E3779B97F4A7C15L) ^ b.key();
  }

  /**
   * The bucket entries of a partition's documents: one per band and one per passage key, or one for
   * all pairs.
   */
  private static final class BucketEntries implements Iterator<Tuple2<Bucket, Member>> {
    private final Iterator<ContentDocument> docs;
    private final BandKeys keys;
    private final PassageKeys passages;
    private long[] pending = new long[0];
    private int bands;
    private int next;
    private Member member;

    BucketEntries(Iterator<ContentDocument> docs, BandKeys keys, PassageKeys passages) {
      this.docs = docs;
      this.keys = keys;
      this.passages = passages;
    }

    @Override
    public boolean hasNext() {
      while (next == pending.length && docs.hasNext()) {
        load(docs.next());
      }
      return next < pending.length;
    }

    // The band keys first, then the passage keys, in one array.
    private void load(ContentDocument d) {
      member = new Member(d.position(), contentHash(d.content()), d.blank());
      next = 0;
      if (keys == null) {
        pending = new long[] {0};
        bands = 1;
        return;
      }
      ShingleSet content = ShingleSet.of(d.content());
      long[] bandKeys = keys.keys(content);
      long[] passageKeys = passages.keys(content);
      pending = Arrays.copyOf(bandKeys, bandKeys.length + passageKeys.length);
      System.arraycopy(passageKeys, 0, pending, bandKeys.length, passageKeys.length);
      bands = bandKeys.length;
    }

    @Override
    public Tuple2<Bucket, Member> next() {
      if (!hasNext()) {
        throw new NoSuchElementException();
      }
      int band = keys == null ? -1 : next < bands ? next : PASSAGE_BAND;
      return new Tuple2<>(new Bucket(band, pending[next++]), member);
    }
  }

  /** A 64-bit hash of a content set: equal sets hash alike; verification checks the converse. */
  static long contentHash(long[] content) {
    return ShingleHashing.combine(content, 0, content.length);
  }

  /**
   * The pairs of one passage bucket: none if more than {@link PassageKeys#MAX_DOCUMENTS} hold it,
   * all of them otherwise, as the core pairs it.
   */
  static List<Pair> pairsInPassageBucket(List<Member> members) {
    List<Pair> out = new ArrayList<>();
    if (members.size() < 2 || members.size() > PassageKeys.MAX_DOCUMENTS) {
      return out;
    }
    members.sort(Comparator.comparingLong(Member::position));
    for (int i = 0; i < members.size(); i++) {
      Member a = members.get(i);
      for (int j = i + 1; j < members.size(); j++) {
        Member b = members.get(j);
        // The same flag as a band bucket gives the pair, so that distinct() keeps one record.
        boolean same = a.contentHash() == b.contentHash() && a.blank() == b.blank();
        out.add(new Pair(a.position(), b.position(), same));
      }
    }
    return out;
  }

  /** The pairs of one bucket, by the rule in the class comment. */
  static List<Pair> pairsInBucket(List<Member> members, int cap, LongAccumulator capped) {
    List<Pair> out = new ArrayList<>();
    if (members.size() < 2) {
      return out;
    }
    members.sort(Comparator.comparingLong(Member::position));
    Map<List<Object>, Long> firstOf = new HashMap<>();
    List<Long> distinct = new ArrayList<>();
    for (Member m : members) {
      List<Object> key = List.of(m.contentHash(), m.blank());
      Long first = firstOf.putIfAbsent(key, m.position());
      if (first == null) {
        distinct.add(m.position());
      } else {
        out.add(new Pair(first, m.position(), true));
      }
    }
    int d = distinct.size();
    if (d <= cap) {
      for (int i = 0; i < d; i++) {
        for (int j = i + 1; j < d; j++) {
          out.add(new Pair(distinct.get(i), distinct.get(j), false));
        }
      }
    } else {
      capped.add(1);
      for (int i = 1; i < d; i++) {
        out.add(new Pair(distinct.get(0), distinct.get(i), false));
        if (i > 1) {
          out.add(new Pair(distinct.get(i - 1), distinct.get(i), false));
        }
      }
    }
    return out;
  }
}
