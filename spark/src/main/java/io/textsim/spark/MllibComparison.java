package io.textsim.spark;

import io.textsim.core.cluster.ClusterOptions;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaPairRDD;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.graphx.Graph;
import org.apache.spark.ml.Pipeline;
import org.apache.spark.ml.PipelineModel;
import org.apache.spark.ml.PipelineStage;
import org.apache.spark.ml.feature.HashingTF;
import org.apache.spark.ml.feature.MinHashLSH;
import org.apache.spark.ml.feature.MinHashLSHModel;
import org.apache.spark.ml.feature.NGram;
import org.apache.spark.ml.feature.RegexTokenizer;
import org.apache.spark.ml.linalg.SparseVector;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.apache.spark.storage.StorageLevel;
import scala.Tuple2;
import scala.reflect.ClassTag;
import scala.reflect.ClassTag$;

/**
 * The side-by-side of docs/BENCHMARKS.md and docs/QUALITY.md: on one JSONL corpus with a gold
 * cluster per document ({@code story}), in the same Spark, the textsim job against the recipe a
 * Spark user writes today: MLlib's word 3-gram (the job's default shingles) {@code HashingTF},
 * {@code MinHashLSH}, {@code approxSimilarityJoin} at Jaccard distance {@code 1 - threshold}, and
 * GraphX connected components. Prints each one's time and pairwise precision, recall and F1 against
 * the gold.
 *
 * <pre>
 * bin/textsim-spark compare-mllib corpus.jsonl [PARTITIONS [HASH_TABLES]]
 * </pre>
 */
public final class MllibComparison {
  private MllibComparison() {}

  /** Pairwise scores of a clustering against the gold. */
  record Scores(long truePairs, long predictedPairs, long goldPairs) {
    double precision() {
      return predictedPairs == 0 ? 1 : (double) truePairs / predictedPairs;
    }

    double recall() {
      return goldPairs == 0 ? 1 : (double) truePairs / goldPairs;
    }

    double f1() {
      double p = precision();
      double r = recall();
      return p + r == 0 ? 0 : 2 * p * r / (p + r);
    }
  }

  /** Arguments: the JSONL file, then optionally the partitions and MinHashLSH's hash tables. */
  public static void main(String[] args) {
    String path = args[0];
    SparkConf conf = JobKryo.configure(new SparkConf().setAppName("textsim-spark compare-mllib"));
    if (!conf.contains("spark.master")) {
      conf.setMaster("local[*]");
    }
    SparkSession session = SparkSession.builder().config(conf).getOrCreate();
    try {
      JavaSparkContext spark = JavaSparkContext.fromSparkContext(session.sparkContext());
      int partitions = args.length > 1 ? Integer.parseInt(args[1]) : spark.defaultParallelism();
      int tables = args.length > 2 ? Integer.parseInt(args[2]) : 5;
      SparkClusterSettings settings = SparkClusterSettings.defaults();
      JavaPairRDD<String, Long> gold =
          session
              .read()
              .json(path)
              .select("id", "story")
              .javaRDD()
              .mapToPair(r -> new Tuple2<>(r.getString(0), r.getLong(1)))
              .persist(StorageLevel.MEMORY_AND_DISK());
      long n = gold.count();

      long start = System.nanoTime();
      SparkClusterer.Result r =
          SparkClusterer.cluster(
              spark, JobInput.jsonl(spark, path, partitions), settings, partitions);
      JavaPairRDD<String, Long> textsim =
          r.clusters()
              .flatMapToPair(
                  c -> {
                    List<Tuple2<String, Long>> out = new ArrayList<>();
                    for (SparkClusterer.Member m : c.members()) {
                      out.add(new Tuple2<>(m.id(), c.id()));
                    }
                    return out.iterator();
                  })
              .persist(StorageLevel.MEMORY_AND_DISK());
      textsim.count();
      double textsimSeconds = (System.nanoTime() - start) / 1e9;
      Scores textsimScores = scores(gold, textsim);

      start = System.nanoTime();
      JavaPairRDD<String, Long> mllib =
          mllib(session, path, settings.threshold(), tables, partitions)
              .persist(StorageLevel.MEMORY_AND_DISK());
      mllib.count();
      double mllibSeconds = (System.nanoTime() - start) / 1e9;
      Scores mllibScores = scores(gold, mllib);

      System.out.println(
          "| method | documents | time (s) | pairs predicted | precision | recall | pairwise F1 |");
      System.out.println("|---|---:|---:|---:|---:|---:|---:|");
      System.out.println(row("textsim-spark (defaults)", n, textsimSeconds, textsimScores));
      System.out.println(
          row(
              "MLlib MinHashLSH (" + tables + " tables) + approxSimilarityJoin + GraphX CC",
              n,
              mllibSeconds,
              mllibScores));
    } finally {
      session.stop();
    }
  }

  private static String row(String method, long n, double seconds, Scores s) {
    return String.format(
        Locale.ROOT,
        "| %s | %,d | %.1f | %,d | %.4f | %.4f | %.4f |",
        method,
        n,
        seconds,
        s.predictedPairs(),
        s.precision(),
        s.recall(),
        s.f1());
  }

  /**
   * The MLlib recipe: word n-grams of the job's default shingle size ({@link
   * ClusterOptions#DEFAULT_SHINGLES}, 3), binary hashed features, MinHashLSH, a self-join at
   * Jaccard distance below {@code 1 - threshold}, connected components. Each document's cluster.
   */
  static JavaPairRDD<String, Long> mllib(
      SparkSession session, String path, double threshold, int tables, int partitions) {
    Dataset<Row> docs =
        session
            .read()
            .json(path)
            .select(functions.col("id").cast("string").as("id"), functions.col("text"))
            .repartition(partitions);
    PipelineModel features =
        new Pipeline()
            .setStages(
                new PipelineStage[] {
                  new RegexTokenizer()
                      .setInputCol("text")
                      .setOutputCol("words")
                      .setPattern("\\W+")
                      .setToLowercase(true),
                  new NGram()
                      .setN(ClusterOptions.DEFAULT_SHINGLES.size())
                      .setInputCol("words")
                      .setOutputCol("grams"),
                  new HashingTF()
                      .setInputCol("grams")
                      .setOutputCol("features")
                      .setNumFeatures(1 << 24)
                      .setBinary(true)
                })
            .fit(docs);
    Dataset<Row> featured = features.transform(docs).select("id", "features");
    JavaPairRDD<String, Long> index =
        featured
            .select("id")
            .javaRDD()
            .map(row -> row.getString(0))
            .zipWithIndex()
            .mapToPair(t -> t);
    Dataset<Row> nonEmpty =
        featured
            .filter(
                functions
                    .udf(
                        (SparseVector v) -> v.numNonzeros() > 0,
                        org.apache.spark.sql.types.DataTypes.BooleanType)
                    .apply(functions.col("features")))
            .persist(StorageLevel.MEMORY_AND_DISK());
    MinHashLSHModel lsh =
        new MinHashLSH()
            .setNumHashTables(tables)
            .setSeed(42)
            .setInputCol("features")
            .setOutputCol("hashes")
            .fit(nonEmpty);
    Dataset<Row> similar =
        lsh.approxSimilarityJoin(nonEmpty, nonEmpty, 1 - threshold, "distance")
            .select(functions.col("datasetA.id").as("a"), functions.col("datasetB.id").as("b"))
            .filter("a < b");
    JavaPairRDD<String, Tuple2<String, Long>> edgesByA =
        similar
            .javaRDD()
            .mapToPair(row -> new Tuple2<>(row.getString(0), row.getString(1)))
            .join(index)
            .mapToPair(t -> new Tuple2<>(t._2()._1(), new Tuple2<>(t._1(), t._2()._2())));
    JavaRDD<Tuple2<Object, Object>> edges =
        edgesByA
            .join(index)
            .map(t -> new Tuple2<>((Object) t._2()._1()._2(), (Object) t._2()._2()));
    ClassTag<Object> objects = ClassTag$.MODULE$.apply(Object.class);
    Graph<Object, Object> graph =
        Graph.fromEdgeTuples(
            edges.rdd(),
            0L,
            scala.Option.empty(),
            StorageLevel.MEMORY_AND_DISK(),
            StorageLevel.MEMORY_AND_DISK(),
            objects);
    JavaPairRDD<Long, Long> component =
        org.apache.spark.graphx.lib.ConnectedComponents.run(graph, objects, objects)
            .vertices()
            .toJavaRDD()
            .mapToPair(t -> new Tuple2<>((Long) t._1(), (Long) t._2()));
    // Documents without an edge (or without features) are clusters of their own.
    return index
        .mapToPair(t -> new Tuple2<>(t._2(), t._1()))
        .leftOuterJoin(component)
        .mapToPair(t -> new Tuple2<>(t._2()._1(), t._2()._2().orElse(t._1())));
  }

  /** Pairwise counts: pairs in one predicted cluster, in one gold cluster, and in both. */
  static Scores scores(JavaPairRDD<String, Long> gold, JavaPairRDD<String, Long> predicted) {
    JavaPairRDD<Long, Long> joined = gold.join(predicted).mapToPair(t -> t._2());
    long both = pairs(joined.mapToPair(t -> new Tuple2<>(t, 1L)));
    long inPredicted = pairs(joined.mapToPair(t -> new Tuple2<>(t._2(), 1L)));
    long inGold = pairs(joined.mapToPair(t -> new Tuple2<>(t._1(), 1L)));
    return new Scores(both, inPredicted, inGold);
  }

  private static <K> long pairs(JavaPairRDD<K, Long> ones) {
    return ones.reduceByKey(Long::sum).values().map(c -> c * (c - 1) / 2).fold(0L, Long::sum);
  }
}
