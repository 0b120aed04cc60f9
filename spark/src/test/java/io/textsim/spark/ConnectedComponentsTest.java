package io.textsim.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.apache.spark.api.java.JavaPairRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import scala.Tuple2;

/** Large-star/small-star against a union-find on one machine. */
class ConnectedComponentsTest {
  private static SparkSession session;
  private static JavaSparkContext spark;

  @BeforeAll
  static void start() {
    session = LocalSpark.session(2);
    spark = JavaSparkContext.fromSparkContext(session.sparkContext());
  }

  @AfterAll
  static void stop() {
    session.stop();
  }

  private static Map<Long, Long> smallestOfComponent(List<Tuple2<Long, Long>> edges) {
    Map<Long, Long> parent = new HashMap<>();
    for (Tuple2<Long, Long> e : edges) {
      parent.putIfAbsent(e._1(), e._1());
      parent.putIfAbsent(e._2(), e._2());
      long a = find(parent, e._1());
      long b = find(parent, e._2());
      parent.put(Math.max(a, b), Math.min(a, b));
    }
    Map<Long, Long> out = new HashMap<>();
    for (long v : parent.keySet()) {
      out.put(v, find(parent, v));
    }
    return out;
  }

  private static long find(Map<Long, Long> parent, long v) {
    while (parent.get(v) != v) {
      v = parent.get(v);
    }
    return v;
  }

  private static Map<Long, Long> labels(List<Tuple2<Long, Long>> edges) {
    JavaPairRDD<Long, Long> rdd = JavaPairRDD.fromJavaRDD(spark.parallelize(edges, 4));
    return new HashMap<>(ConnectedComponents.labels(rdd, 4).collectAsMap());
  }

  @Test
  void aLongChainIsOneComponent() {
    List<Tuple2<Long, Long>> edges = new ArrayList<>();
    SplittableRandom r = new SplittableRandom(1);
    long[] order = new long[2000];
    for (int i = 0; i < order.length; i++) {
      order[i] = i;
    }
    for (int i = order.length - 1; i > 0; i--) {
      int j = r.nextInt(i + 1);
      long t = order[i];
      order[i] = order[j];
      order[j] = t;
    }
    for (int i = 1; i < order.length; i++) {
      edges.add(new Tuple2<>(order[i - 1], order[i]));
    }
    Map<Long, Long> labels = labels(edges);
    assertEquals(2000, labels.size());
    assertEquals(1, labels.values().stream().distinct().count());
    assertEquals(0L, labels.get(order[1000]));
  }

  @Test
  void randomGraphsGiveTheUnionFindsComponents() {
    SplittableRandom r = new SplittableRandom(2);
    List<Tuple2<Long, Long>> edges = new ArrayList<>();
    for (int i = 0; i < 3000; i++) {
      long a = r.nextInt(5000);
      long b = r.nextInt(5000);
      if (a != b) {
        edges.add(new Tuple2<>(a * 1_000_003L, b * 1_000_003L));
      }
    }
    assertEquals(smallestOfComponent(edges), labels(edges));
  }
}
