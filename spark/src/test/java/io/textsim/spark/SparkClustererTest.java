package io.textsim.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.textsim.core.cluster.CandidateStrategy;
import io.textsim.core.cluster.ClusterOptions;
import io.textsim.core.cluster.Clusterer;
import io.textsim.core.cluster.Clustering;
import io.textsim.core.cluster.Document;
import io.textsim.core.cluster.Linkage;
import io.textsim.core.furniture.FurnitureModel;
import io.textsim.core.shingle.ShingleSet;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The job on a local Spark gives the partition the core's {@link Clusterer} gives. */
class SparkClustererTest {
  private static SparkSession session;
  private static JavaSparkContext spark;
  private static List<Document> pages;
  private static Clustering expected;

  @BeforeAll
  static void start() {
    session = LocalSpark.session(2);
    spark = JavaSparkContext.fromSparkContext(session.sparkContext());
    pages = new NewsPages(42).pages(3000, 12);
    expected = Clusterer.cluster(pages, ClusterOptions.defaults());
  }

  @AfterAll
  static void stop() {
    session.stop();
  }

  private static JavaRDD<InputDocument> rdd(List<Document> docs, int partitions) {
    List<InputDocument> in = new ArrayList<>();
    for (int i = 0; i < docs.size(); i++) {
      Document d = docs.get(i);
      in.add(new InputDocument(i, d.id(), d.text(), d.source()));
    }
    return spark.parallelize(in, partitions);
  }

  /** The core's clusters in the job's terms. */
  static List<SparkClusterer.Cluster> inJobTerms(Clustering c) {
    List<SparkClusterer.Cluster> out = new ArrayList<>();
    for (Clustering.Cluster k : c.clusters()) {
      List<SparkClusterer.Member> members = new ArrayList<>();
      for (Clustering.Member m : k.members()) {
        members.add(new SparkClusterer.Member(m.id(), m.score()));
      }
      out.add(new SparkClusterer.Cluster(k.id(), k.representative(), members));
    }
    return out;
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 4, 16})
  void givesTheCoresClusters(int partitions) {
    SparkClusterSettings settings = SparkClusterSettings.defaults();
    SparkClusterer.Result r =
        SparkClusterer.cluster(spark, rdd(pages, partitions), settings, partitions);
    assertEquals(CandidateStrategy.LSH, r.strategy());
    assertEquals(pages.size(), r.documents());
    assertEquals(inJobTerms(expected), r.clusters().collect());
    assertTrue(expected.clusters().stream().anyMatch(c -> c.size() >= 3));
    assertTrue(r.candidatePairs() <= expected.stats().candidatePairs());
    assertEquals(0, r.cappedBuckets());
    if (partitions == 4) {
      FurnitureModel core = coreFurniture(pages, ClusterOptions.defaults());
      assertTrue(core.bySource().size() >= 12, "every outlet has furniture: " + core);
      assertEquals(core, r.furnitureModel(settings));
    }
  }

  static FurnitureModel coreFurniture(List<Document> docs, ClusterOptions options) {
    int n = docs.size();
    String[] ids = new String[n];
    String[] sources = new String[n];
    ShingleSet[] sets = new ShingleSet[n];
    for (int i = 0; i < n; i++) {
      ids[i] = docs.get(i).id();
      sources[i] = docs.get(i).source();
      sets[i] = options.profiler().profile(docs.get(i).text()).shingles();
    }
    return Clusterer.furniture(ids, sources, sets, options.profiler().shingles(), options);
  }

  @Test
  void singleLinkageAndAllPairsGiveTheCoresClusters() {
    List<Document> small = pages.subList(0, 250);
    ClusterOptions options = ClusterOptions.builder().linkage(Linkage.SINGLE).build();
    SparkClusterer.Result r =
        SparkClusterer.cluster(spark, rdd(small, 3), SparkClusterSettings.of(options), 3);
    assertEquals(CandidateStrategy.ALL_PAIRS, r.strategy());
    assertEquals(inJobTerms(Clusterer.cluster(small, options)), r.clusters().collect());
  }

  @Test
  void copiesOfOnePageCostOnePairEach() {
    NewsPages generator = new NewsPages(7);
    List<Document> docs = new ArrayList<>(generator.pages(400, 4));
    List<Document> same = generator.identical(400);
    for (int i = 0; i < same.size(); i++) {
      docs.add((i * 7) % docs.size(), same.get(i));
    }
    SparkClusterer.Result r =
        SparkClusterer.cluster(spark, rdd(docs, 4), SparkClusterSettings.defaults(), 4);
    // Small enough for the core, which pairs the copies all with all.
    Clustering core = Clusterer.cluster(docs, ClusterOptions.defaults());
    assertEquals(inJobTerms(core), r.clusters().collect());
    assertTrue(core.stats().candidatePairs() > 400L * 399 / 2);
    assertTrue(r.candidatePairs() < 2L * docs.size(), r.candidatePairs() + " pairs");
  }

  @Test
  void fiveThousandCopiesFinishWithBoundedPairs() {
    NewsPages generator = new NewsPages(8);
    List<Document> docs = new ArrayList<>(generator.pages(300, 4));
    docs.addAll(generator.identical(5000));
    SparkClusterer.Result r =
        SparkClusterer.cluster(spark, rdd(docs, 4), SparkClusterSettings.defaults(), 4);
    // The copies meet in every one of 60 buckets: 5,000 * 4,999 / 2 pairs each for the core.
    assertTrue(r.candidatePairs() < 2L * docs.size(), r.candidatePairs() + " pairs");
    SparkClusterer.Cluster first = r.clusters().first();
    assertEquals(5000, first.members().size());
    assertEquals("same0", first.representative());
    assertFalse(first.members().stream().anyMatch(m -> m.score() != 1.0));
  }
}
