package io.textsim.spark;

import io.textsim.core.Cancellation;
import io.textsim.core.furniture.FurnitureLearner;
import io.textsim.core.furniture.FurnitureModel;
import io.textsim.core.furniture.FurnitureOptions;
import io.textsim.core.furniture.SourceCounts;
import io.textsim.core.shingle.ShingleHashing;
import io.textsim.core.shingle.ShingleSet;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
 *   <li>every other (source, shingle) occurrence is counted with a combiner that keeps the count
 *       and the smallest {@code sample} order numbers (one shuffle of the occurrences, combined on
 *       the map side, spread over all partitions), and the recurring shingles are sent to their
 *       source's partition;
 *   <li>documents are partitioned by source and sorted within their partition in the fixed order
 *       (one shuffle of the documents); each partition then reads the shingle sets of the sampled
 *       documents of its sources and finishes each source with {@link
 *       FurnitureLearner#learnSource(SourceCounts, boolean, FurnitureOptions, Cancellation)}, the
 *       learner's own decision.
 * </ol>
 *
 * <p>Memory per task: the counts of the recurring shingles of its sources and the sets of their
 * sampled documents; no source's documents are held at once, so a source larger than an executor's
 * memory is still learned.
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

  /** Places an {@link OrderKey} by its source. */
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
      return Math.floorMod(((OrderKey) key).source().hashCode(), partitions);
    }
  }

  /** Places a {@link SourceShingle} in the partition of its source. */
  static final class SourceNumberPartitioner extends Partitioner {
    private static final long serialVersionUID = 1L;
    private final int partitions;

    SourceNumberPartitioner(int partitions) {
      this.partitions = partitions;
    }

    @Override
    public int numPartitions() {
      return partitions;
    }

    @Override
    public int getPartition(Object key) {
      return ((SourceShingle) key).partition();
    }
  }

  /**
   * A shingle of a source, the source by a 64-bit hash of its name (checked to be distinct) and the
   * partition {@link SourcePartitioner} puts it in.
   */
  record SourceShingle(long source, int partition, long shingle) implements Serializable {
    private static final long serialVersionUID = 1L;
  }

  /** A document's order number: its rank, then its tie (see {@link #run}). */
  record Order(long rank, long tie) implements Serializable {
    private static final long serialVersionUID = 1L;
  }

  /** A recurring shingle of a source: its frequency and first documents. */
  record Recurring(long source, long shingle, int frequency, long[] ranks, long[] ties)
      implements Serializable {
    private static final long serialVersionUID = 1L;
  }

  /** One source's furniture. */
  record SourceFurniture(String name, long[] shingles) implements Serializable {
    private static final long serialVersionUID = 1L;
  }

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
    JavaRDD<Recurring> recurring =
        documents
            .flatMapToPair(
                d -> occurrences(d, ties.value(), counted.value(), minDocuments, partitions))
            .combineByKey(
                order -> new TopOrders(sample, order.rank(), order.tie()),
                (t, order) -> t.add(order.rank(), order.tie()),
                TopOrders::merge,
                partitions)
            .filter(e -> e._2().count() >= minDocuments)
            // Counted spread over all partitions; only the recurring shingles go to their source's
            // partition, so one large source does not make one task count everything.
            .partitionBy(new SourceNumberPartitioner(partitions))
            .map(
                e ->
                    new Recurring(
                        e._1().source(),
                        e._1().shingle(),
                        e._2().count(),
                        e._2().ranks(),
                        e._2().ties()));
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
            .values()
            .persist(StorageLevel.MEMORY_AND_DISK());
    // The core's options are not serializable: they travel as their settings.
    SparkClusterSettings.FurnitureSettings settings =
        SparkClusterSettings.FurnitureSettings.of(options);
    JavaRDD<SourceFurniture> furniture =
        bySource.zipPartitions(
            recurring,
            (docs, counts) -> learn(docs, counts, ties.value(), settings.options()).iterator());
    JavaRDD<ContentDocument> content = bySource.zipPartitions(furniture, FurnitureStage::content);
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

  /** The order number of document {@code d} (see {@link #run}). */
  static Order order(ProfiledDocument d, Map<Long, List<String>> ties) {
    if (d.position() < 0 || d.position() > MAX_POSITION) {
      throw new IllegalArgumentException(
          "document '" + d.id() + "': input position " + d.position() + " is over 2^40 - 1");
    }
    long rank = ShingleHashing.token(d.id());
    List<String> sharing = ties.get(rank);
    long tie = sharing == null ? 0 : (long) sharing.indexOf(d.id()) << 40;
    return new Order(rank, tie | d.position());
  }

  /** The key of a shingle of a source in the {@link CountSketch}. */
  private static long sourceShingleKey(long source, long shingle) {
    return ShingleHashing.fmix64(source * 0x9E3779B97F4A7C15L) ^ shingle;
  }

  /** The occurrences of {@code d}'s shingles that may recur in {@code minDocuments} documents. */
  private static Iterator<Tuple2<SourceShingle, Order>> occurrences(
      ProfiledDocument d,
      Map<Long, List<String>> ties,
      CountSketch counted,
      int minDocuments,
      int partitions) {
    long[] shingles = d.shingles();
    Order order = order(d, ties);
    long source = sourceHash(d.source());
    int partition = Math.floorMod(d.source().hashCode(), partitions);
    List<Tuple2<SourceShingle, Order>> out = new ArrayList<>();
    for (long h : shingles) {
      if (counted.mayReach(sourceShingleKey(source, h), minDocuments)) {
        out.add(new Tuple2<>(new SourceShingle(source, partition, h), order));
      }
    }
    return out.iterator();
  }

  /**
   * Finishes the furniture of the sources of one partition: {@code counts} are their recurring
   * shingles; {@code docs} their documents, source by source, in the learner's order.
   */
  private static List<SourceFurniture> learn(
      Iterator<ProfiledDocument> docs,
      Iterator<Recurring> counts,
      Map<Long, List<String>> ties,
      FurnitureOptions options) {
    Map<Long, List<Recurring>> bySource = new HashMap<>();
    Set<Order> wanted = new HashSet<>();
    while (counts.hasNext()) {
      Recurring r = counts.next();
      bySource.computeIfAbsent(r.source(), s -> new ArrayList<>()).add(r);
      for (int i = 0; i < r.ranks().length; i++) {
        wanted.add(new Order(r.ranks()[i], r.ties()[i]));
      }
    }
    List<SourceFurniture> out = new ArrayList<>();
    String source = null;
    List<Order> sampledOrders = new ArrayList<>();
    List<ShingleSet> sampledSets = new ArrayList<>();
    int documents = 0;
    while (true) {
      ProfiledDocument d = docs.hasNext() ? docs.next() : null;
      if (source != null && (d == null || !d.source().equals(source))) {
        List<Recurring> recurring = bySource.get(sourceHash(source));
        if (recurring != null) {
          ShingleSet learned =
              learnSource(documents, recurring, sampledOrders, sampledSets, source, options);
          if (!learned.isEmpty()) {
            out.add(new SourceFurniture(source, learned.toArray()));
          }
        }
        sampledOrders.clear();
        sampledSets.clear();
        documents = 0;
      }
      if (d == null) {
        break;
      }
      source = d.source();
      Order order = order(d, ties);
      if (documents < options.sample() || wanted.contains(order)) {
        sampledOrders.add(order);
        sampledSets.add(ShingleSet.of(d.shingles()));
      }
      documents++;
    }
    return out;
  }

  private static ShingleSet learnSource(
      int documents,
      List<Recurring> recurring,
      List<Order> sampledOrders,
      List<ShingleSet> sampledSets,
      String source,
      FurnitureOptions options) {
    recurring.sort(Comparator.comparingLong(Recurring::shingle));
    Map<Order, Integer> index = new HashMap<>();
    for (int i = 0; i < sampledOrders.size(); i++) {
      index.put(sampledOrders.get(i), i);
    }
    int c = recurring.size();
    long[] shingles = new long[c];
    int[] frequencies = new int[c];
    int[][] firstDocuments = new int[c][];
    for (int k = 0; k < c; k++) {
      Recurring r = recurring.get(k);
      shingles[k] = r.shingle();
      frequencies[k] = r.frequency();
      firstDocuments[k] = new int[r.ranks().length];
      for (int i = 0; i < r.ranks().length; i++) {
        firstDocuments[k][i] = index.get(new Order(r.ranks()[i], r.ties()[i]));
      }
    }
    int[] frame = new int[Math.min(documents, options.sample())];
    for (int k = 0; k < frame.length; k++) {
      frame[k] = k; // the source's first documents are sampled first
    }
    SourceCounts counts =
        SourceCounts.of(
            documents,
            shingles,
            frequencies,
            firstDocuments,
            frame,
            sampledSets.toArray(new ShingleSet[0]));
    boolean known = !source.equals(FurnitureModel.UNKNOWN_SOURCE);
    return FurnitureLearner.learnSource(counts, known, options, Cancellation.never());
  }

  /** Takes each source's furniture out of its documents (both of one partition). */
  private static Iterator<ContentDocument> content(
      Iterator<ProfiledDocument> docs, Iterator<SourceFurniture> furniture) {
    Map<String, ShingleSet> bySource = new HashMap<>();
    while (furniture.hasNext()) {
      SourceFurniture f = furniture.next();
      bySource.put(f.name(), ShingleSet.of(f.shingles()));
    }
    return new Iterator<>() {
      @Override
      public boolean hasNext() {
        return docs.hasNext();
      }

      @Override
      public ContentDocument next() {
        ProfiledDocument d = docs.next();
        ShingleSet f = bySource.get(d.source());
        long[] content =
            f == null ? d.shingles() : ShingleSet.of(d.shingles()).without(f).toArray();
        return new ContentDocument(d.position(), d.id(), content, d.shingles().length == 0);
      }
    };
  }
}
