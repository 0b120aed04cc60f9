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
import java.util.Arrays;
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
 *   <li>documents are partitioned by source and sorted within their partition in the fixed order
 *       (one shuffle of the documents), so each document gets an order number that is increasing
 *       within its source, and each source a number made of its partition and its place there;
 *   <li>every (source, shingle) occurrence is counted with a combiner that keeps the count and the
 *       smallest {@code sample} order numbers (one shuffle of the occurrences, combined on the map
 *       side, spread over all partitions), and the recurring shingles are sent to their source's
 *       partition;
 *   <li>each partition then reads the shingle sets of the sampled documents of its sources and
 *       finishes each source with {@link FurnitureLearner#learnSource(SourceCounts, boolean,
 *       FurnitureOptions, Cancellation)}, the learner's own decision.
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

  /**
   * Places a {@link SourceShingle} in the partition of its source, which the high half of the
   * source number names.
   */
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
      return (int) (((SourceShingle) key).source() >>> 32);
    }
  }

  /** A shingle of a source, the source by its number. */
  record SourceShingle(long source, long shingle) implements Serializable {
    private static final long serialVersionUID = 1L;
  }

  /** A document with its source's number and its order number within the source. */
  record Numbered(long source, long order, ProfiledDocument document) implements Serializable {
    private static final long serialVersionUID = 1L;
  }

  /** A recurring shingle of a source: its frequency and first documents. */
  record Recurring(long source, long shingle, int frequency, long[] first) implements Serializable {
    private static final long serialVersionUID = 1L;
  }

  /** One source's furniture. */
  record SourceFurniture(long source, String name, long[] shingles) implements Serializable {
    private static final long serialVersionUID = 1L;
  }

  /** Learns each source's furniture from {@code documents} and takes it out of them. */
  static Result run(JavaRDD<ProfiledDocument> documents, FurnitureOptions options, int partitions) {
    int sample = options.sample();
    int minDocuments = options.minDocuments();
    JavaRDD<Numbered> numbered =
        documents
            .mapToPair(
                d ->
                    new Tuple2<>(
                        new OrderKey(
                            d.source(), ShingleHashing.token(d.id()), d.id(), d.position()),
                        d))
            .repartitionAndSortWithinPartitions(
                new SourcePartitioner(partitions), new OrderKeyComparator())
            .mapPartitionsWithIndex(FurnitureStage::number, true)
            .persist(StorageLevel.MEMORY_AND_DISK());
    JavaRDD<Recurring> recurring =
        numbered
            .flatMapToPair(FurnitureStage::occurrences)
            .combineByKey(
                order -> new TopOrders(sample, order), TopOrders::add, TopOrders::merge, partitions)
            .filter(e -> e._2().count() >= minDocuments)
            // Counted spread over all partitions; only the few recurring shingles go to their
            // source's partition, so one large source does not make one task count everything.
            .partitionBy(new SourceNumberPartitioner(partitions))
            .map(
                e ->
                    new Recurring(
                        e._1().source(), e._1().shingle(), e._2().count(), e._2().first()));
    // The core's options are not serializable: they travel as their settings.
    SparkClusterSettings.FurnitureSettings settings =
        SparkClusterSettings.FurnitureSettings.of(options);
    JavaRDD<SourceFurniture> furniture =
        numbered.zipPartitions(
            recurring, (docs, counts) -> learn(docs, counts, settings.options()).iterator());
    JavaRDD<ContentDocument> content = numbered.zipPartitions(furniture, FurnitureStage::content);
    return new Result(content, furniture.mapToPair(f -> new Tuple2<>(f.name(), f.shingles())));
  }

  /** Numbers the sources of partition {@code p} and the documents of each source, in order. */
  private static Iterator<Numbered> number(
      int p, Iterator<Tuple2<OrderKey, ProfiledDocument>> sorted) {
    return new Iterator<>() {
      private String source;
      private long sourceNumber = ((long) p << 32) - 1;
      private long order;

      @Override
      public boolean hasNext() {
        return sorted.hasNext();
      }

      @Override
      public Numbered next() {
        ProfiledDocument d = sorted.next()._2();
        if (!d.source().equals(source)) {
          source = d.source();
          sourceNumber++;
        }
        return new Numbered(sourceNumber, order++, d);
      }
    };
  }

  private static Iterator<Tuple2<SourceShingle, Long>> occurrences(Numbered d) {
    long[] shingles = d.document().shingles();
    List<Tuple2<SourceShingle, Long>> out = new ArrayList<>(shingles.length);
    for (long h : shingles) {
      out.add(new Tuple2<>(new SourceShingle(d.source(), h), d.order()));
    }
    return out.iterator();
  }

  /**
   * Finishes the furniture of the sources of one partition: {@code counts} are their recurring
   * shingles; {@code docs} their documents, source by source, in order.
   */
  private static List<SourceFurniture> learn(
      Iterator<Numbered> docs, Iterator<Recurring> counts, FurnitureOptions options) {
    Map<Long, List<Recurring>> bySource = new HashMap<>();
    Set<Long> wanted = new HashSet<>();
    while (counts.hasNext()) {
      Recurring r = counts.next();
      bySource.computeIfAbsent(r.source(), s -> new ArrayList<>()).add(r);
      for (long o : r.first()) {
        wanted.add(o);
      }
    }
    List<SourceFurniture> out = new ArrayList<>();
    Numbered current = null;
    List<Long> sampledOrders = new ArrayList<>();
    List<ShingleSet> sampledSets = new ArrayList<>();
    int documents = 0;
    while (true) {
      Numbered d = docs.hasNext() ? docs.next() : null;
      if (current != null && (d == null || d.source() != current.source())) {
        List<Recurring> recurring = bySource.get(current.source());
        if (recurring != null) {
          ShingleSet learned =
              learnSource(documents, recurring, sampledOrders, sampledSets, current, options);
          if (!learned.isEmpty()) {
            out.add(
                new SourceFurniture(
                    current.source(), current.document().source(), learned.toArray()));
          }
        }
        sampledOrders.clear();
        sampledSets.clear();
        documents = 0;
      }
      if (d == null) {
        break;
      }
      if (documents == 0) {
        current = d;
      }
      if (documents < options.sample() || wanted.contains(d.order())) {
        sampledOrders.add(d.order());
        sampledSets.add(ShingleSet.of(d.document().shingles()));
      }
      documents++;
    }
    return out;
  }

  private static ShingleSet learnSource(
      int documents,
      List<Recurring> recurring,
      List<Long> sampledOrders,
      List<ShingleSet> sampledSets,
      Numbered first,
      FurnitureOptions options) {
    recurring.sort(Comparator.comparingLong(Recurring::shingle));
    Map<Long, Integer> index = new HashMap<>();
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
      firstDocuments[k] = Arrays.stream(r.first()).mapToInt(index::get).toArray();
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
    boolean known = !first.document().source().equals(FurnitureModel.UNKNOWN_SOURCE);
    return FurnitureLearner.learnSource(counts, known, options, Cancellation.never());
  }

  /** Takes each source's furniture out of its documents (both of one partition). */
  private static Iterator<ContentDocument> content(
      Iterator<Numbered> docs, Iterator<SourceFurniture> furniture) {
    Map<Long, ShingleSet> bySource = new HashMap<>();
    while (furniture.hasNext()) {
      SourceFurniture f = furniture.next();
      bySource.put(f.source(), ShingleSet.of(f.shingles()));
    }
    return new Iterator<>() {
      @Override
      public boolean hasNext() {
        return docs.hasNext();
      }

      @Override
      public ContentDocument next() {
        Numbered n = docs.next();
        ProfiledDocument d = n.document();
        ShingleSet full = ShingleSet.of(d.shingles());
        ShingleSet f = bySource.get(n.source());
        long[] content = f == null ? d.shingles() : full.without(f).toArray();
        return new ContentDocument(d.position(), d.id(), content, d.shingles().length == 0);
      }
    };
  }
}
