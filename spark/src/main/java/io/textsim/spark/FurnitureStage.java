package io.textsim.spark;

import io.textsim.core.Cancellation;
import io.textsim.core.furniture.FurnitureLearner;
import io.textsim.core.furniture.FurnitureModel;
import io.textsim.core.furniture.FurnitureOptions;
import io.textsim.core.furniture.SourceCounts;
import io.textsim.core.shingle.ShingleHashing;
import io.textsim.core.shingle.ShingleLookup;
import io.textsim.core.shingle.ShingleSet;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.apache.spark.HashPartitioner;
import org.apache.spark.Partitioner;
import org.apache.spark.api.java.JavaPairRDD;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.storage.StorageLevel;
import scala.Tuple2;

/**
 * Furniture learned per source as a distributed count, with the result {@link FurnitureLearner}
 * gives on one machine.
 *
 * <p>The learner needs, per source: the document frequency of every shingle, the first few
 * documents holding each recurring shingle in a fixed order (by a frozen hash of the id, then the
 * id, then the input position), and the shingle sets of those documents. Here:
 *
 * <ol>
 *   <li>every document gets an order number that orders documents as the learner does (see {@link
 *       #run});
 *   <li>a {@link CountSketch} of the (source, shingle) occurrences drops those that certainly recur
 *       in fewer than {@code minDocuments} documents (most: a story's own shingles);
 *   <li>every other (source, shingle) occurrence is counted, keeping the count and the smallest
 *       {@code sample} order numbers, in {@link CountBlock}s: each task gathers its occurrences in
 *       fixed arrays ({@link CountBlock.Occurrences}), sorts them (a radix sort of primitive
 *       arrays, {@link RadixOrder}), combines equal ones, and sends one block per reducer, not one
 *       record per occurrence; reducers (spread over all partitions by a hash of source and
 *       shingle) combine again, keep the recurring shingles, and send them to their source's
 *       partition, again as blocks;
 *   <li>documents are partitioned by source and sorted within their partition in the fixed order
 *       (one shuffle of the documents); each partition then reads the shingle sets of the sampled
 *       documents of its sources and finishes each source with {@link
 *       FurnitureLearner#learnSource(SourceCounts, boolean, FurnitureOptions, Cancellation)}, the
 *       learner's own decision;
 *   <li>the model, if it has at most {@link #BROADCAST_LIMIT} shingles, is broadcast and taken out
 *       of the documents where they are, every partition in parallel; a larger one is taken out in
 *       each source's partition.
 * </ol>
 *
 * <p>Memory per task: a chunk of occurrences on the map side ({@value #CHUNK} at most), the counts
 * of its reducer's (source, shingle) pairs, and for the decision the counts of the recurring
 * shingles of its sources and the sets of their sampled documents; no source's documents are held
 * at once, so a source larger than an executor's memory is still learned.
 */
final class FurnitureStage {
  private FurnitureStage() {}

  /**
   * The result: the documents without their source's furniture, and the furniture of each source
   * that has any.
   */
  record Result(JavaRDD<ContentDocument> content, JavaPairRDD<String, long[]> furniture) {}

  /** The key that sorts a source's documents in the learner's fixed order. */
  record OrderKey(String source, long rank, String id, long position) implements Serializable {
    private static final long serialVersionUID = 1L;
  }

  /** Orders {@link OrderKey}s by source, then in the learner's order. */
  static final class OrderKeyComparator implements Comparator<OrderKey>, Serializable {
    private static final long serialVersionUID = 1L;

    @Override
    public int compare(OrderKey a, OrderKey b) {
      int c = a.source().compareTo(b.source());
      if (c == 0) {
        c = Long.compare(a.rank(), b.rank());
      }
      if (c == 0) {
        c = a.id().compareTo(b.id());
      }
      return c != 0 ? c : Long.compare(a.position(), b.position());
    }
  }

  /** Places an {@link OrderKey} in the partition {@link #partitionOf} gives its source. */
  static final class SourcePartitioner extends Partitioner {
    private static final long serialVersionUID = 1L;
    private final int partitions;

    SourcePartitioner(int partitions) {
      this.partitions = partitions;
    }

    @Override
    public int numPartitions() {
      return partitions;
    }

    @Override
    public int getPartition(Object key) {
      return partitionOf(sourceHash(((OrderKey) key).source()), partitions);
    }
  }

  /**
   * The partition of the documents of the source with hash {@code source}, and of its recurring
   * shingles: the one where its furniture is decided.
   */
  static int partitionOf(long source, int partitions) {
    return Math.floorMod(Long.hashCode(source), partitions);
  }

  /** The reducer that counts (source, shingle): spread by a hash of both. */
  static int reducerOf(long source, long shingle, int partitions) {
    return (int) ((ShingleHashing.fmix64(sourceShingleKey(source, shingle)) >>> 1) % partitions);
  }

  /** One source's furniture. */
  record SourceFurniture(String name, long[] shingles) implements Serializable {
    private static final long serialVersionUID = 1L;
  }

  /** Occurrences a task sorts and combines at once before it sends them on. */
  static final int CHUNK = 1 << 21;

  /**
   * The most shingles of furniture, over all sources, that are broadcast to every partition (32
   * MB); a larger model is applied in each source's partition instead.
   */
  static final long BROADCAST_LIMIT = 1L << 22;

  /** The largest input position an order number can hold next to a tie. */
  static final long MAX_POSITION = (1L << 40) - 1;

  /**
   * Learns each source's furniture from {@code documents} and takes it out of them.
   *
   * <p>A document's order number is {@code (rank, tie)}: the rank is the learner's frozen hash of
   * the id; the tie is the input position, plus, for the rare ids whose hash another id shares, the
   * id's place among those ids (in bits 40 and up), so that the numbers order documents as the
   * learner does (hash, id, position) without a sort of all documents.
   *
   * @throws IllegalStateException if two source names share a 64-bit hash (never seen; the message
   *     names them)
   */
  static Result run(JavaRDD<ProfiledDocument> documents, FurnitureOptions options, int partitions) {
    return run(documents, options, partitions, BROADCAST_LIMIT);
  }

  /**
   * As {@link #run(JavaRDD, FurnitureOptions, int)}, broadcasting the model to take it out of the
   * documents where they are if it has at most {@code broadcastLimit} shingles in all, and taking
   * it out in each source's partition otherwise.
   */
  static Result run(
      JavaRDD<ProfiledDocument> documents,
      FurnitureOptions options,
      int partitions,
      long broadcastLimit) {
    int sample = options.sample();
    int minDocuments = options.minDocuments();
    requireDistinctSourceHashes(documents);
    Map<Long, List<String>> collisions =
        new HashMap<>(
            documents
                .mapToPair(d -> new Tuple2<>(ShingleHashing.token(d.id()), d.id()))
                .distinct()
                .groupByKey()
                .filter(g -> g._2().iterator().hasNext() && count(g._2()) > 1)
                .mapValues(ids -> sorted(ids))
                .collectAsMap());
    Broadcast<Map<Long, List<String>>> ties =
        JavaSparkContext.fromSparkContext(documents.context()).broadcast(collisions);
    long occurrences = documents.map(d -> (long) d.shingles().length).fold(0L, Long::sum);
    CountSketch sketch =
        CountSketch.of(
            documents,
            (d, out) -> {
              long source = sourceHash(d.source());
              for (long h : d.shingles()) {
                out.accept(sourceShingleKey(source, h));
              }
            },
            occurrences,
            minDocuments);
    Broadcast<CountSketch> counted =
        JavaSparkContext.fromSparkContext(documents.context()).broadcast(sketch);
    // The core's options are not serializable: they travel as their settings.
    SparkClusterSettings.FurnitureSettings settings =
        SparkClusterSettings.FurnitureSettings.of(options);
    HashPartitioner byNumber = new HashPartitioner(partitions);
    // Counted spread over all partitions; only the recurring shingles go to their source's
    // partition, so one large source does not make one task count everything.
    JavaRDD<CountBlock> recurring =
        documents
            .mapPartitionsToPair(
                docs ->
                    occurrences(
                        docs, ties.value(), counted.value(), settings.options(), partitions))
            .partitionBy(byNumber)
            .mapPartitionsToPair(
                blocks -> recurring(blocks, sample, minDocuments, partitions).iterator())
            .partitionBy(byNumber)
            .values();
    // Read once by the learning (and, for a model too large to broadcast, once more to take the
    // furniture out): not cached, since a second read finds the shuffle's files.
    JavaRDD<ProfiledDocument> bySource =
        documents
            .mapToPair(
                d ->
                    new Tuple2<>(
                        new OrderKey(
                            d.source(), ShingleHashing.token(d.id()), d.id(), d.position()),
                        d))
            .repartitionAndSortWithinPartitions(
                new SourcePartitioner(partitions), new OrderKeyComparator())
            .values();
    JavaRDD<SourceFurniture> furniture =
        bySource
            .zipPartitions(
                recurring,
                (docs, blocks) -> learn(docs, blocks, ties.value(), settings.options()).iterator())
            .persist(StorageLevel.MEMORY_AND_DISK());
    long learned = furniture.map(f -> (long) f.shingles().length).fold(0L, Long::sum);
    JavaRDD<ContentDocument> content;
    if (learned <= broadcastLimit) {
      // The usual case: the model is small (thousands of shingles a source), so every partition
      // takes it out of its own documents, in parallel. Taking it out where it was learned, in
      // the source's partition, left one task with all of a large source's documents.
      Map<String, long[]> model = new HashMap<>();
      for (SourceFurniture f : furniture.collect()) {
        model.put(f.name(), f.shingles());
      }
      Broadcast<Map<String, long[]>> bySourceName =
          JavaSparkContext.fromSparkContext(documents.context()).broadcast(model);
      content = documents.mapPartitions(docs -> content(docs, bySourceName.value()));
    } else {
      content = bySource.zipPartitions(furniture, FurnitureStage::content);
    }
    return new Result(content, furniture.mapToPair(f -> new Tuple2<>(f.name(), f.shingles())));
  }

  private static long count(Iterable<String> ids) {
    long n = 0;
    for (String ignored : ids) {
      n++;
    }
    return n;
  }

  private static List<String> sorted(Iterable<String> ids) {
    List<String> out = new ArrayList<>();
    ids.forEach(out::add);
    out.sort(null);
    return out;
  }

  private static void requireDistinctSourceHashes(JavaRDD<ProfiledDocument> documents) {
    List<Tuple2<Long, Iterable<String>>> shared =
        documents
            .map(ProfiledDocument::source)
            .distinct()
            .mapToPair(s -> new Tuple2<>(sourceHash(s), s))
            .groupByKey()
            .filter(g -> count(g._2()) > 1)
            .take(1);
    if (!shared.isEmpty()) {
      throw new IllegalStateException(
          "sources " + sorted(shared.get(0)._2()) + " share a 64-bit hash; rename one");
    }
  }

  static long sourceHash(String source) {
    return ShingleHashing.token(source);
  }

  /** The rank of document {@code d}'s order number: the learner's frozen hash of its id. */
  static long rank(ProfiledDocument d) {
    return ShingleHashing.token(d.id());
  }

  /**
   * The tie of document {@code d}'s order number, whose rank is {@code rank} (see {@link #run}).
   */
  static long tie(ProfiledDocument d, long rank, Map<Long, List<String>> ties) {
    if (d.position() < 0 || d.position() > MAX_POSITION) {
      throw new IllegalArgumentException(
          "document '" + d.id() + "': input position " + d.position() + " is over 2^40 - 1");
    }
    List<String> sharing = ties.get(rank);
    long tie = sharing == null ? 0 : (long) sharing.indexOf(d.id()) << 40;
    return tie | d.position();
  }

  /** The key of a shingle of a source in the {@link CountSketch}. */
  private static long sourceShingleKey(long source, long shingle) {
    return ShingleHashing.fmix64(source * 0x9E3779B97F4A7C15L) ^ shingle;
  }

  /**
   * The occurrences of the shingles of {@code docs} that may recur in {@code minDocuments}
   * documents of their source, counted chunk by chunk: one block per reducer and chunk.
   */
  private static Iterator<Tuple2<Integer, CountBlock>> occurrences(
      Iterator<ProfiledDocument> docs,
      Map<Long, List<String>> ties,
      CountSketch counted,
      FurnitureOptions options,
      int partitions) {
    int minDocuments = options.minDocuments();
    int sample = options.sample();
    List<Tuple2<Integer, CountBlock>> out = new ArrayList<>();
    CountBlock.Occurrences chunk = null;
    while (docs.hasNext()) {
      ProfiledDocument d = docs.next();
      long source = sourceHash(d.source());
      long rank = rank(d);
      long tie = tie(d, rank, ties);
      for (long h : d.shingles()) {
        if (counted.mayReach(sourceShingleKey(source, h), minDocuments)) {
          if (chunk == null) {
            chunk = new CountBlock.Occurrences(CHUNK);
          } else if (chunk.full()) {
            send(chunk, sample, partitions, out);
          }
          chunk.add(source, h, rank, tie);
        }
      }
    }
    if (chunk != null && chunk.size() > 0) {
      send(chunk, sample, partitions, out);
    }
    return out.iterator();
  }

  /** Adds to {@code out} the occurrences of {@code chunk}, combined, a block per reducer. */
  private static void send(
      CountBlock.Occurrences chunk,
      int sample,
      int partitions,
      List<Tuple2<Integer, CountBlock>> out) {
    CountBlock[] blocks = chunk.combine(sample, (s, h) -> reducerOf(s, h, partitions), partitions);
    for (int p = 0; p < partitions; p++) {
      if (blocks[p] != null) {
        out.add(new Tuple2<>(p, blocks[p]));
      }
    }
  }

  /** Adds to {@code out} the groups of {@code block}, one block per destination that has any. */
  private static void split(
      CountBlock block,
      CountBlock.Destination destination,
      int partitions,
      List<Tuple2<Integer, CountBlock>> out) {
    CountBlock.Builder[] parts = new CountBlock.Builder[partitions];
    for (int g = 0; g < block.groups(); g++) {
      int p = destination.of(block.sources()[g], block.shingles()[g]);
      if (parts[p] == null) {
        parts[p] = new CountBlock.Builder();
      }
      parts[p].add(block, g);
    }
    for (int p = 0; p < partitions; p++) {
      if (parts[p] != null) {
        out.add(new Tuple2<>(p, parts[p].build()));
      }
    }
  }

  /**
   * A reducer's counts combined, only the recurring shingles kept, as blocks for their sources'
   * partitions.
   */
  private static List<Tuple2<Integer, CountBlock>> recurring(
      Iterator<Tuple2<Integer, CountBlock>> blocks, int sample, int minDocuments, int partitions) {
    List<CountBlock> all = new ArrayList<>();
    blocks.forEachRemaining(b -> all.add(b._2()));
    CountBlock combined = CountBlock.combine(all, sample, minDocuments);
    all.clear();
    List<Tuple2<Integer, CountBlock>> out = new ArrayList<>();
    split(combined, (s, h) -> partitionOf(s, partitions), partitions, out);
    return out;
  }

  /**
   * Finishes the furniture of the sources of one partition: {@code blocks} hold their recurring
   * shingles; {@code docs} are their documents, source by source, in the learner's order.
   */
  private static List<SourceFurniture> learn(
      Iterator<ProfiledDocument> docs,
      Iterator<CountBlock> blocks,
      Map<Long, List<String>> ties,
      FurnitureOptions options) {
    List<CountBlock> all = new ArrayList<>();
    blocks.forEachRemaining(all::add);
    // Disjoint (each (source, shingle) was counted by one reducer): this only orders them, by
    // source and then shingle, as the learner lists them.
    CountBlock counts = CountBlock.combine(all, options.sample(), options.minDocuments());
    all.clear();
    Map<Long, int[]> groupsOf = new HashMap<>();
    for (int g = 0; g < counts.groups(); ) {
      int h = g;
      while (h < counts.groups() && counts.sources()[h] == counts.sources()[g]) {
        h++;
      }
      groupsOf.put(counts.sources()[g], new int[] {g, h});
      g = h;
    }
    List<SourceFurniture> out = new ArrayList<>();
    ProfiledDocument d = docs.hasNext() ? docs.next() : null;
    while (d != null) {
      String source = d.source();
      int[] groups = groupsOf.get(sourceHash(source));
      SourceSample sampled =
          groups == null ? null : new SourceSample(counts, groups[0], groups[1], options.sample());
      int documents = 0;
      for (; d != null && d.source().equals(source); d = docs.hasNext() ? docs.next() : null) {
        if (sampled != null) {
          long rank = rank(d);
          sampled.offer(d, rank, tie(d, rank, ties), documents);
        }
        documents++;
      }
      if (sampled != null) {
        SourceCounts sourceCounts = sampled.counts(documents);
        boolean known = !source.equals(FurnitureModel.UNKNOWN_SOURCE);
        ShingleSet learned =
            FurnitureLearner.learnSource(sourceCounts, known, options, Cancellation.never());
        if (!learned.isEmpty()) {
          out.add(new SourceFurniture(source, learned.toArray()));
        }
      }
    }
    return out;
  }

  /**
   * The documents one source's counts name, picked from its documents as they pass in the learner's
   * order: the first {@code sample} and every one among a recurring shingle's first documents. Both
   * lists are in that order, so picking them is a merge, without a lookup per document.
   */
  private static final class SourceSample {
    private final CountBlock counts;
    private final int from;
    private final int to;
    private final int sample;

    /** The distinct order numbers of the first documents, ascending. */
    private final long[] wantedRanks;

    private final long[] wantedTies;

    /** For each first document of the groups (from {@code counts.firstsFrom(from)}), its place. */
    private final int[] wantedOf;

    /** For each wanted order number, the index of its document among the sampled. */
    private final int[] sampleOf;

    private final List<ShingleSet> sets = new ArrayList<>();
    private int next;

    SourceSample(CountBlock counts, int from, int to, int sample) {
      this.counts = counts;
      this.from = from;
      this.to = to;
      this.sample = sample;
      int first = counts.firstsFrom(from);
      int m = counts.ends()[to - 1] - first;
      long[] ranks = Arrays.copyOfRange(counts.ranks(), first, first + m);
      long[] ties = Arrays.copyOfRange(counts.ties(), first, first + m);
      int[] order = RadixOrder.order(ranks, ties, m);
      long[] uniqueRanks = new long[m];
      long[] uniqueTies = new long[m];
      int[] of = new int[m];
      int u = -1;
      for (int k = 0; k < m; k++) {
        int e = order[k];
        if (u < 0 || ranks[e] != uniqueRanks[u] || ties[e] != uniqueTies[u]) {
          u++;
          uniqueRanks[u] = ranks[e];
          uniqueTies[u] = ties[e];
        }
        of[e] = u;
      }
      this.wantedRanks = Arrays.copyOf(uniqueRanks, u + 1);
      this.wantedTies = Arrays.copyOf(uniqueTies, u + 1);
      this.wantedOf = of;
      this.sampleOf = new int[u + 1];
    }

    /** Document {@code d}, the {@code ordinal}-th of the source, whose order is (rank, tie). */
    void offer(ProfiledDocument d, long rank, long tie, int ordinal) {
      boolean wanted =
          next < wantedRanks.length && wantedRanks[next] == rank && wantedTies[next] == tie;
      if (next < wantedRanks.length
          && CountBlock.compare(wantedRanks[next], wantedTies[next], rank, tie) < 0) {
        throw new IllegalStateException(
            "source '" + d.source() + "': a counted document is missing from its documents");
      }
      if (wanted) {
        sampleOf[next++] = sets.size();
      }
      if (wanted || ordinal < sample) {
        sets.add(ShingleSet.of(d.shingles()));
      }
    }

    /** The counts of the source, which has {@code documents} documents. */
    SourceCounts counts(int documents) {
      if (next != wantedRanks.length) {
        throw new IllegalStateException(
            "a counted document is missing from its source's documents ("
                + (wantedRanks.length - next)
                + " of "
                + wantedRanks.length
                + ")");
      }
      int c = to - from;
      long[] shingles = Arrays.copyOfRange(counts.shingles(), from, to);
      int[] frequencies = Arrays.copyOfRange(counts.counts(), from, to);
      int[][] firstDocuments = new int[c][];
      int base = counts.firstsFrom(from);
      for (int g = from; g < to; g++) {
        int a = counts.firstsFrom(g);
        int[] first = new int[counts.ends()[g] - a];
        for (int i = 0; i < first.length; i++) {
          first[i] = sampleOf[wantedOf[a + i - base]];
        }
        firstDocuments[g - from] = first;
      }
      int[] frame = new int[Math.min(documents, sample)];
      for (int k = 0; k < frame.length; k++) {
        frame[k] = k; // the source's first documents are sampled first
      }
      return SourceCounts.of(
          documents, shingles, frequencies, firstDocuments, frame, sets.toArray(new ShingleSet[0]));
    }
  }

  /** Takes each source's furniture out of its documents (both of one partition). */
  private static Iterator<ContentDocument> content(
      Iterator<ProfiledDocument> docs, Iterator<SourceFurniture> furniture) {
    Map<String, long[]> bySource = new HashMap<>();
    while (furniture.hasNext()) {
      SourceFurniture f = furniture.next();
      bySource.put(f.name(), f.shingles());
    }
    return content(docs, bySource);
  }

  /** Takes from {@code docs} the furniture of their sources, {@code furniture} by source name. */
  private static Iterator<ContentDocument> content(
      Iterator<ProfiledDocument> docs, Map<String, long[]> furniture) {
    Map<String, ShingleLookup> lookups = new HashMap<>();
    return new Iterator<>() {
      @Override
      public boolean hasNext() {
        return docs.hasNext();
      }

      @Override
      public ContentDocument next() {
        ProfiledDocument d = docs.next();
        long[] shingles = d.shingles();
        long[] content = shingles;
        long[] f = furniture.get(d.source());
        if (f != null) {
          // A lookup a shingle (two cache misses), not a binary search of the model.
          ShingleLookup lookup =
              lookups.computeIfAbsent(d.source(), x -> ShingleLookup.of(ShingleSet.of(f)));
          long[] kept = new long[shingles.length];
          int k = 0;
          for (long h : shingles) {
            if (lookup.indexOf(h) < 0) {
              kept[k++] = h;
            }
          }
          content = k == shingles.length ? shingles : Arrays.copyOf(kept, k);
        }
        return new ContentDocument(d.position(), d.id(), content, shingles.length == 0);
      }
    };
  }
}
