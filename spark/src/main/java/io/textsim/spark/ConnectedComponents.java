package io.textsim.spark;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.api.java.JavaPairRDD;
import org.apache.spark.storage.StorageLevel;
import scala.Tuple2;

/**
 * Connected components of an undirected graph given as an RDD of edges, by the alternating
 * large-star and small-star rounds of Kiveris et al., "Connected Components in MapReduce and
 * Beyond" (SoCC 2014), the algorithm GraphFrames uses: O(log^2 n) rounds, each a few shuffles of
 * the edges, and no step collects edges to the driver.
 *
 * <p>Large-star links every neighbour larger than a node to the smallest node of its neighbourhood;
 * small-star links a node and its smaller neighbours to the smallest of them. Both keep the
 * components and lower the labels; they are repeated until the graph is a set of stars, each node
 * pointing at the smallest node of its component.
 */
final class ConnectedComponents {
  private ConnectedComponents() {}

  /**
   * The smallest node of each node's component, for every node that has an edge ({@code (u, v)},
   * {@code u != v}); the components' smallest nodes map to themselves.
   */
  static JavaPairRDD<Long, Long> labels(JavaPairRDD<Long, Long> edges, int partitions) {
    JavaPairRDD<Long, Long> e =
        edges
            .mapToPair(t -> t._1() > t._2() ? t : new Tuple2<>(t._2(), t._1()))
            .distinct(partitions)
            .persist(StorageLevel.MEMORY_AND_DISK());
    while (true) {
      JavaPairRDD<Long, Long> large =
          largeStar(e, partitions).persist(StorageLevel.MEMORY_AND_DISK());
      JavaPairRDD<Long, Long> small =
          smallStar(large, partitions).persist(StorageLevel.MEMORY_AND_DISK());
      e.unpersist(false);
      large.unpersist(false);
      e = small;
      if (isStars(e, partitions)) {
        break;
      }
    }
    JavaPairRDD<Long, Long> parents = e;
    return parents.union(parents.values().distinct(partitions).mapToPair(r -> new Tuple2<>(r, r)));
  }

  /** Edges as (larger, smaller) both ways; for each node, its larger neighbours to its minimum. */
  private static JavaPairRDD<Long, Long> largeStar(JavaPairRDD<Long, Long> e, int partitions) {
    return e.flatMapToPair(t -> List.of(t, new Tuple2<>(t._2(), t._1())).iterator())
        .groupByKey(partitions)
        .flatMapToPair(
            g -> {
              long u = g._1();
              long m = u;
              for (long v : g._2()) {
                m = Math.min(m, v);
              }
              List<Tuple2<Long, Long>> out = new ArrayList<>();
              for (long v : g._2()) {
                if (v > u) {
                  out.add(new Tuple2<>(v, m));
                }
              }
              return out.iterator();
            })
        .distinct(partitions);
  }

  /** For each node, itself and its smaller neighbours to the smallest of them. */
  private static JavaPairRDD<Long, Long> smallStar(JavaPairRDD<Long, Long> e, int partitions) {
    return e.mapToPair(t -> t._1() > t._2() ? t : new Tuple2<>(t._2(), t._1()))
        .groupByKey(partitions)
        .flatMapToPair(
            g -> {
              long u = g._1();
              long m = u;
              for (long v : g._2()) {
                m = Math.min(m, v);
              }
              List<Tuple2<Long, Long>> out = new ArrayList<>();
              if (u != m) {
                out.add(new Tuple2<>(u, m));
              }
              for (long v : g._2()) {
                if (v != m) {
                  out.add(new Tuple2<>(v, m));
                }
              }
              return out.iterator();
            })
        .distinct(partitions);
  }

  /**
   * True if every edge (child, parent) has a parent that is no child, and every child one parent:
   * each component is then a star around its smallest node.
   */
  private static boolean isStars(JavaPairRDD<Long, Long> e, int partitions) {
    long edges = e.count();
    long children = e.keys().distinct(partitions).count();
    if (children != edges) {
      return false;
    }
    return e.values()
        .distinct(partitions)
        .mapToPair(p -> new Tuple2<>(p, Boolean.TRUE))
        .join(e.mapToPair(t -> new Tuple2<>(t._1(), Boolean.TRUE)), partitions)
        .isEmpty();
  }
}
