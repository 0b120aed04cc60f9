package io.textsim.spark;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.textsim.core.cluster.ClusterOptions;
import io.textsim.core.cluster.Document;
import io.textsim.core.furniture.FurnitureOptions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The two ways {@link FurnitureStage} takes the furniture out (a broadcast model, or the model in
 * each source's partition) give the same content, and it is the documents without their source's
 * furniture.
 */
class FurnitureStageTest {
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

  @Test
  void broadcastAndSourcePartitionsGiveTheSameContent() {
    List<Document> pages = new NewsPages(11).pages(600, 6);
    ClusterOptions options = ClusterOptions.defaults();
    List<ProfiledDocument> profiled = new ArrayList<>();
    for (int i = 0; i < pages.size(); i++) {
      Document d = pages.get(i);
      long[] shingles = options.profiler().profile(d.text()).shingles().toArray();
      profiled.add(new ProfiledDocument(i, d.id(), d.source(), shingles));
    }
    JavaRDD<ProfiledDocument> docs = spark.parallelize(profiled, 3).cache();
    FurnitureOptions furniture = FurnitureOptions.defaults();
    FurnitureStage.Result broadcast = FurnitureStage.run(docs, furniture, 3, Long.MAX_VALUE);
    FurnitureStage.Result inPlace = FurnitureStage.run(docs, furniture, 3, 0);

    Map<String, long[]> model = new TreeMap<>(broadcast.furniture().collectAsMap());
    assertEquals(6, model.size(), "every outlet has furniture");
    Map<String, long[]> other = new TreeMap<>(inPlace.furniture().collectAsMap());
    assertEquals(model.keySet(), other.keySet());
    model.forEach((source, f) -> assertArrayEquals(f, other.get(source), source));

    Map<Long, ContentDocument> a = byPosition(broadcast.content());
    Map<Long, ContentDocument> b = byPosition(inPlace.content());
    assertEquals(pages.size(), a.size());
    assertEquals(a.keySet(), b.keySet());
    int shortened = 0;
    for (ProfiledDocument d : profiled) {
      long[] f = model.getOrDefault(d.source(), new long[0]);
      long[] expected =
          java.util.Arrays.stream(d.shingles())
              .filter(h -> java.util.Arrays.binarySearch(f, h) < 0)
              .toArray();
      assertArrayEquals(expected, a.get(d.position()).content(), d.id());
      assertArrayEquals(expected, b.get(d.position()).content(), d.id());
      assertEquals(d.id(), b.get(d.position()).id());
      assertEquals(d.shingles().length == 0, a.get(d.position()).blank());
      if (expected.length < d.shingles().length) {
        shortened++;
      }
    }
    assertTrue(shortened > pages.size() / 2, shortened + " documents lost furniture");
  }

  @Test
  void countSketchNeverUndercounts() {
    java.util.Random random = new java.util.Random(5);
    List<long[]> items = new ArrayList<>();
    Map<Long, Integer> exact = new TreeMap<>();
    for (int i = 0; i < 2000; i++) {
      long[] keys = new long[40];
      for (int k = 0; k < keys.length; k++) {
        // Mostly keys of their own, some shared by a few items, a few by many.
        int kind = random.nextInt(10);
        keys[k] =
            kind < 7 ? random.nextLong() : kind < 9 ? random.nextInt(5000) : random.nextInt(20);
        exact.merge(keys[k], 1, Integer::sum);
      }
      items.add(keys);
    }
    CountSketch sketch =
        CountSketch.of(
            spark.parallelize(items, 3),
            (keys, out) -> {
              for (long k : keys) {
                out.accept(k);
              }
            },
            80_000,
            3);
    int below = 0;
    int passed = 0;
    for (Map.Entry<Long, Integer> e : exact.entrySet()) {
      if (e.getValue() >= 3) {
        assertTrue(sketch.mayReach(e.getKey(), 3), "key " + e.getKey() + " x" + e.getValue());
        assertTrue(sketch.mayReach(e.getKey(), 200), "a count over the cap is the cap");
      } else {
        below++;
        passed += sketch.mayReach(e.getKey(), 3) ? 1 : 0;
      }
    }
    assertTrue(below > 50_000, below + " rare keys");
    assertTrue(passed < below / 50, passed + " of " + below + " rare keys may reach 3");
  }

  private static Map<Long, ContentDocument> byPosition(JavaRDD<ContentDocument> content) {
    Map<Long, ContentDocument> out = new TreeMap<>();
    for (ContentDocument d : content.collect()) {
      out.put(d.position(), d);
    }
    return out;
  }
}
