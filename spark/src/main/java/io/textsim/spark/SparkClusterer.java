package io.textsim.spark;

import io.textsim.core.cluster.CandidateStrategy;
import io.textsim.core.cluster.ClusterOptions;
import io.textsim.core.cluster.ComponentClusterer;
import io.textsim.core.furniture.FurnitureModel;
import io.textsim.core.shingle.ShingleSet;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.HashPartitioner;
import org.apache.spark.api.java.JavaPairRDD;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.api.java.Optional;
import org.apache.spark.storage.StorageLevel;
import org.apache.spark.util.LongAccumulator;
import scala.Tuple2;

/**
 * Near-duplicate clustering on Spark with the core's own steps, giving the clusters {@link
 * io.textsim.core.cluster.Clusterer} gives on one machine for the same documents and options.
 *
 * <p>Stages, each distributed: (1) profiles in {@code mapPartitions}, with the core's profiler and
 * frozen hashes; (2) furniture learned per source as a distributed count ({@link FurnitureStage})
 * and taken out; (3) candidate pairs from the core's LSH band keys, with a bound on large buckets
 * ({@link CandidateStage}); (4) each candidate verified by the exact measure as the core links
 * ({@link ComponentClusterer#links}); (5) connected components by large-star/small-star ({@link
 * ConnectedComponents}); (6) each component split and given representatives by the core ({@link
 * ComponentClusterer#cluster}), which needs the component's members on one executor; (7) clusters
 * ordered as the core orders them (by size, then by first member) and numbered.
 *
 * <p>Nothing that grows with the input is collected to the driver; the output is an RDD.
 */
public final class SparkClusterer {
  private SparkClusterer() {}

  /**
   * One cluster of the output.
   *
   * @param id 1-based position in the core's order
   * @param representative the representative's id
   * @param members the members, as in {@link io.textsim.core.cluster.Clustering.Cluster}
   */
  public record Cluster(long id, String representative, List<Member> members)
      implements Serializable {
    private static final long serialVersionUID = 1L;
  }

  /**
   * A member of a cluster.
   *
   * @param id the document's id
   * @param score its score against the representative
   */
  public record Member(String id, double score) implements Serializable {
    private static final long serialVersionUID = 1L;
  }

  /**
   * The job's result.
   *
   * @param documents the number of documents
   * @param clusters the clusters, ordered by id
   * @param furniture each source's furniture (empty without furniture learning)
   * @param strategy the candidate strategy used
   * @param candidatePairs the candidate pairs verified (after duplicates were counted once)
   * @param linkedPairs the verified pairs that link
   * @param cappedBuckets the buckets over the cap
   */
  public record Result(
      long documents,
      JavaRDD<Cluster> clusters,
      JavaPairRDD<String, long[]> furniture,
      CandidateStrategy strategy,
      long candidatePairs,
      long linkedPairs,
      long cappedBuckets) {

    /** The furniture model, collected: for tests and small collections. */
    public FurnitureModel furnitureModel(SparkClusterSettings settings) {
      Map<String, ShingleSet> bySource = new TreeMap<>();
      for (Tuple2<String, long[]> f : furniture.collect()) {
        bySource.put(f._1(), ShingleSet.of(f._2()));
      }
      ClusterOptions options = settings.options();
      return FurnitureModel.of(
          options.profiler().shingles(), settings.furniture().options(), bySource);
    }
  }

  /** A part of a component, before numbering. */
  private record Part(int size, long firstPosition, String representative, List<Member> members)
      implements Serializable {
    private static final long serialVersionUID = 1L;
  }

  /** The output order of parts: larger first, then by first member. */
  record PartOrder(int size, long firstPosition) implements Serializable, Comparable<PartOrder> {
    private static final long serialVersionUID = 1L;

    @Override
    public int compareTo(PartOrder o) {
      int c = Integer.compare(o.size, size);
      return c != 0 ? c : Long.compare(firstPosition, o.firstPosition);
    }
  }

  /** A document as verification and the last stage read it. */
  private record Content(String id, long[] content, boolean blank) implements Serializable {
    private static final long serialVersionUID = 1L;
  }

  /**
   * Clusters {@code documents} with {@code settings} over {@code partitions} partitions.
   *
   * @throws IllegalArgumentException if a text is over the profiler's length limit, naming the
   *     document
   */
  public static Result cluster(
      JavaSparkContext spark,
      JavaRDD<InputDocument> documents,
      SparkClusterSettings settings,
      int partitions) {
    JavaRDD<ProfiledDocument> profiled =
        documents
            .mapPartitions(
                it -> {
                  ClusterOptions options = settings.options();
                  List<ProfiledDocument> out = new ArrayList<>();
                  while (it.hasNext()) {
                    InputDocument d = it.next();
                    long[] shingles;
                    try {
                      shingles = options.profiler().profile(d.text()).shingles().toArray();
                    } catch (IllegalArgumentException e) {
                      throw new IllegalArgumentException(
                          "document '" + d.id() + "': " + e.getMessage(), e);
                    }
                    out.add(new ProfiledDocument(d.position(), d.id(), d.source(), shingles));
                  }
                  return out.iterator();
                })
            .persist(StorageLevel.MEMORY_AND_DISK());
    Timings timings = new Timings();
    long n = profiled.count();
    timings.lap("profiles");
    JavaRDD<ContentDocument> content;
    JavaPairRDD<String, long[]> furniture;
    if (settings.learnFurniture()) {
      FurnitureStage.Result f =
          FurnitureStage.run(profiled, settings.furniture().options(), partitions);
      content = f.content();
      furniture = f.furniture();
    } else {
      content =
          profiled.map(
              d ->
                  new ContentDocument(
                      d.position(), d.id(), d.shingles(), d.shingles().length == 0));
      furniture = JavaPairRDD.fromJavaRDD(spark.<Tuple2<String, long[]>>emptyRDD());
    }
    HashPartitioner byPosition = new HashPartitioner(partitions);
    JavaPairRDD<Long, Content> byId =
        content
            .mapToPair(d -> new Tuple2<>(d.position(), new Content(d.id(), d.content(), d.blank())))
            .partitionBy(byPosition)
            .persist(StorageLevel.MEMORY_AND_DISK());
    byId.count();
    // From here on only byId is read: the stages before it are not computed again.
    profiled.unpersist(false);
    timings.lap("furniture");

    LongAccumulator capped = spark.sc().longAccumulator("capped buckets");
    JavaRDD<CandidateStage.Pair> pairs =
        CandidateStage.pairs(
                byId.map(
                    t ->
                        new ContentDocument(t._1(), t._2().id(), t._2().content(), t._2().blank())),
                n,
                settings,
                capped)
            .persist(StorageLevel.MEMORY_AND_DISK());
    long candidates = pairs.count();
    timings.lap("candidates");
    JavaPairRDD<Long, Long> links = verify(pairs, byId, settings, partitions);
    long linked = links.count();
    pairs.unpersist(false);
    timings.lap("verify");

    JavaPairRDD<Long, Long> labels =
        ConnectedComponents.labels(links, partitions)
            .partitionBy(byPosition)
            .persist(StorageLevel.MEMORY_AND_DISK());
    labels.count();
    timings.lap("components");
    JavaRDD<Part> parts = parts(byId, links, labels, settings, partitions);
    JavaRDD<Cluster> clusters =
        parts
            .mapToPair(p -> new Tuple2<>(new PartOrder(p.size(), p.firstPosition()), p))
            .sortByKey(true, partitions)
            .values()
            .zipWithIndex()
            .map(t -> new Cluster(t._2() + 1, t._1().representative(), t._1().members()));
    return new Result(
        n,
        clusters,
        furniture,
        CandidateStage.strategy(n, settings),
        candidates,
        linked,
        capped.value());
  }

  /** The candidate pairs that link, as the core links them. */
  private static JavaPairRDD<Long, Long> verify(
      JavaRDD<CandidateStage.Pair> pairs,
      JavaPairRDD<Long, Content> byId,
      SparkClusterSettings settings,
      int partitions) {
    return pairs
        .mapToPair(p -> new Tuple2<>(p.first(), p))
        .join(byId)
        .mapToPair(t -> new Tuple2<>(t._2()._1().second(), t._2()))
        .join(byId)
        .mapPartitionsToPair(
            it -> {
              ClusterOptions options = settings.options();
              List<Tuple2<Long, Long>> out = new ArrayList<>();
              while (it.hasNext()) {
                Tuple2<Long, Tuple2<Tuple2<CandidateStage.Pair, Content>, Content>> t = it.next();
                CandidateStage.Pair p = t._2()._1()._1();
                Content a = t._2()._1()._2();
                Content b = t._2()._2();
                if (p.same()
                    && (!Arrays.equals(a.content(), b.content()) || a.blank() != b.blank())) {
                  throw new IllegalStateException(
                      "documents '"
                          + a.id()
                          + "' and '"
                          + b.id()
                          + "' have different content with the same 64-bit hash");
                }
                if (ComponentClusterer.links(
                    ShingleSet.of(a.content()),
                    a.blank(),
                    ShingleSet.of(b.content()),
                    b.blank(),
                    options)) {
                  out.add(new Tuple2<>(p.first(), p.second()));
                }
              }
              return out.iterator();
            })
        .persist(StorageLevel.MEMORY_AND_DISK());
  }

  /** Every document's cluster: singletons directly, components through the core. */
  private static JavaRDD<Part> parts(
      JavaPairRDD<Long, Content> byId,
      JavaPairRDD<Long, Long> links,
      JavaPairRDD<Long, Long> labels,
      SparkClusterSettings settings,
      int partitions) {
    JavaPairRDD<Long, Tuple2<Content, Optional<Long>>> labelled = byId.leftOuterJoin(labels);
    JavaRDD<Part> singletons =
        labelled
            .filter(t -> !t._2()._2().isPresent())
            .map(
                t ->
                    new Part(
                        1, t._1(), t._2()._1().id(), List.of(new Member(t._2()._1().id(), 1.0))));
    JavaPairRDD<Long, Tuple2<Long, Content>> members =
        labelled
            .filter(t -> t._2()._2().isPresent())
            .mapToPair(t -> new Tuple2<>(t._2()._2().get(), new Tuple2<>(t._1(), t._2()._1())));
    JavaPairRDD<Long, Tuple2<Long, Long>> componentLinks =
        links
            .join(labels)
            .mapToPair(t -> new Tuple2<>(t._2()._2(), new Tuple2<>(t._1(), t._2()._1())));
    JavaRDD<Part> components =
        members
            .cogroup(componentLinks, partitions)
            .flatMap(
                g -> {
                  ClusterOptions options = settings.options();
                  return component(g._2()._1(), g._2()._2(), options).iterator();
                });
    return singletons.union(components);
  }

  private static List<Part> component(
      Iterable<Tuple2<Long, Content>> members,
      Iterable<Tuple2<Long, Long>> links,
      ClusterOptions options) {
    List<Tuple2<Long, Content>> sorted = new ArrayList<>();
    members.forEach(sorted::add);
    sorted.sort(Comparator.comparingLong(Tuple2::_1));
    int s = sorted.size();
    long[] positions = new long[s];
    ShingleSet[] sets = new ShingleSet[s];
    boolean[] blank = new boolean[s];
    for (int k = 0; k < s; k++) {
      positions[k] = sorted.get(k)._1();
      sets[k] = ShingleSet.of(sorted.get(k)._2().content());
      blank[k] = sorted.get(k)._2().blank();
    }
    List<int[]> local = new ArrayList<>();
    for (Tuple2<Long, Long> l : links) {
      local.add(
          new int[] {
            Arrays.binarySearch(positions, l._1()), Arrays.binarySearch(positions, l._2())
          });
    }
    int[] from = local.stream().mapToInt(l -> l[0]).toArray();
    int[] to = local.stream().mapToInt(l -> l[1]).toArray();
    List<Part> out = new ArrayList<>();
    for (ComponentClusterer.Part p : ComponentClusterer.cluster(sets, blank, from, to, options)) {
      List<Member> ms = new ArrayList<>(p.members().size());
      long first = Long.MAX_VALUE;
      for (ComponentClusterer.Member m : p.members()) {
        ms.add(new Member(sorted.get(m.index())._2().id(), m.score()));
        first = Math.min(first, positions[m.index()]);
      }
      out.add(
          new Part(ms.size(), first, sorted.get(p.representative())._2().id(), List.copyOf(ms)));
    }
    return out;
  }
}
