package io.textsim.spark;

import io.textsim.core.cluster.CandidateStrategy;
import io.textsim.core.cluster.ClusterMeasure;
import io.textsim.core.cluster.ClusterOptions;
import io.textsim.core.cluster.Linkage;
import io.textsim.core.furniture.Furniture;
import io.textsim.core.shingle.ShingleConfig;
import java.io.BufferedWriter;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code cluster INPUT|--jsonl FILE}: the clustering job, with client-cli cluster's options. */
@Command(
    name = "cluster",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
      "Groups near-duplicate texts on Spark, with the clusters client-cli cluster gives for the"
          + " same input and options.",
      "Reads JSONL (one {\"id\": ..., \"text\": ...} a line, optional \"source\" or \"url\") or"
          + " Parquet with those columns. Without a master set by spark-submit, runs in local"
          + " mode on every core (local[*])."
    })
final class ClusterJob implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(
      paramLabel = "INPUT",
      arity = "0..1",
      description = "JSONL file or directory, or Parquet (a directory or a .parquet file).")
  String input;

  @Option(names = "--jsonl", paramLabel = "FILE", description = "Read the documents from JSONL.")
  String jsonl;

  @Option(
      names = "--input-format",
      paramLabel = "FORMAT",
      description =
          "jsonl or parquet (default: parquet for a directory of .parquet files or a .parquet"
              + " file, else jsonl).")
  String inputFormat;

  @Option(
      names = "--threshold",
      paramLabel = "T",
      defaultValue = "" + ClusterOptions.DEFAULT_THRESHOLD,
      description =
          "Link documents scoring at or above this, in [0, 1] (default: ${DEFAULT-VALUE}).")
  double threshold;

  @Option(
      names = "--measure",
      paramLabel = "MEASURE",
      defaultValue = ClusterOptions.DEFAULT_MEASURE_NAME,
      description = "jaccard or overlap of the content shingles (default: ${DEFAULT-VALUE}).")
  String measure;

  @Option(
      names = "--linkage",
      paramLabel = "LINKAGE",
      defaultValue = ClusterOptions.DEFAULT_LINKAGE_NAME,
      description = "representative or single (default: ${DEFAULT-VALUE}).")
  String linkage;

  @Option(
      names = "--candidates",
      paramLabel = "STRATEGY",
      defaultValue = "auto",
      description =
          "auto, all-pairs or lsh; auto compares all pairs up to "
              + ClusterOptions.DEFAULT_ALL_PAIRS_LIMIT
              + " documents (default: ${DEFAULT-VALUE}).")
  String candidates;

  @Option(
      names = "--shingle-size",
      paramLabel = "K",
      description = "Words per shingle, 1 to 64 (default: ${DEFAULT-VALUE}).")
  int shingleSize = ClusterOptions.DEFAULT_SHINGLES.size();

  @Option(
      names = "--furniture",
      paramLabel = "learn|none",
      defaultValue = "learn",
      description =
          "Learn page furniture per source and link on content (default: ${DEFAULT-VALUE}).")
  String furniture;

  @Option(
      names = "--max-bucket",
      paramLabel = "N",
      defaultValue = "" + SparkClusterSettings.DEFAULT_MAX_BUCKET,
      description =
          "Distinct members of one LSH bucket paired all with all; a larger bucket is chained"
              + " (default: ${DEFAULT-VALUE}; see docs/SPARK.md).")
  int maxBucket;

  @Option(
      names = "--partitions",
      paramLabel = "N",
      description = "Partitions of every stage (default: Spark's default parallelism).")
  Integer partitions;

  @Option(
      names = "--format",
      paramLabel = "FORMAT",
      defaultValue = "json",
      description =
          "json (the JSON of client-cli cluster, to standard output or --output FILE) or parquet"
              + " (rows of id, cluster, representative, score in --output DIR) (default:"
              + " ${DEFAULT-VALUE}).")
  String format;

  @Option(names = "--output", paramLabel = "PATH", description = "Where to write the result.")
  String output;

  @Override
  public Integer call() throws Exception {
    if ((jsonl == null) == (input == null)) {
      throw new ParameterException(
          spec.commandLine(),
          jsonl == null
              ? "Missing input: give INPUT or --jsonl FILE"
              : "Give INPUT or --jsonl, not both");
    }
    String fmt = format.toLowerCase(Locale.ROOT);
    if (!fmt.equals("json") && !fmt.equals("parquet")) {
      throw new ParameterException(spec.commandLine(), "--format must be json or parquet");
    }
    if (fmt.equals("parquet") && output == null) {
      throw new ParameterException(spec.commandLine(), "--format parquet needs --output DIR");
    }
    ClusterOptions options =
        ClusterOptions.builder()
            .threshold(threshold)
            .measure(ClusterMeasure.fromName(measure))
            .linkage(Linkage.fromName(linkage))
            .candidates(CandidateStrategy.fromName(candidates))
            .profiler(
                io.textsim.core.TextProfiler.defaults()
                    .withShingles(ShingleConfig.words(shingleSize)))
            .furniture(furnitureChoice())
            .build();
    SparkClusterSettings settings = SparkClusterSettings.of(options).withMaxBucket(maxBucket);
    SparkConf conf = JobKryo.configure(new SparkConf().setAppName("textsim-spark cluster"));
    if (!conf.contains("spark.master")) {
      conf.setMaster("local[*]");
    }
    long start = System.nanoTime();
    SparkSession session = SparkSession.builder().config(conf).getOrCreate();
    try {
      JavaSparkContext spark = JavaSparkContext.fromSparkContext(session.sparkContext());
      int p = partitions != null ? partitions : spark.defaultParallelism();
      String path = jsonl != null ? jsonl : input;
      JavaRDD<InputDocument> docs =
          parquetInput(path) ? JobInput.parquet(session, path, p) : JobInput.jsonl(spark, path, p);
      SparkClusterer.Result r = SparkClusterer.cluster(spark, docs, settings, p);
      if (fmt.equals("json")) {
        writeJson(r, settings);
      } else {
        writeParquet(session, r, output);
      }
      spec.commandLine()
          .getErr()
          .println(
              String.format(
                  Locale.ROOT,
                  "textsim-spark: clustered %d documents in %.1f s on %s (%d partitions; %s"
                      + " candidates: %d pairs verified, %d linked, %d buckets over the cap)",
                  r.documents(),
                  (System.nanoTime() - start) / 1e9,
                  spark.master(),
                  p,
                  r.strategy().wireName(),
                  r.candidatePairs(),
                  r.linkedPairs(),
                  r.cappedBuckets()));
      spec.commandLine().getErr().flush();
    } finally {
      session.stop();
    }
    return Main.OK;
  }

  private Furniture furnitureChoice() {
    return switch (furniture.strip().toLowerCase(Locale.ROOT)) {
      case "learn" -> Furniture.learned();
      case "none" -> Furniture.none();
      default ->
          throw new ParameterException(spec.commandLine(), "--furniture must be learn or none");
    };
  }

  private boolean parquetInput(String path) throws java.io.IOException {
    if (inputFormat != null) {
      return switch (inputFormat.toLowerCase(Locale.ROOT)) {
        case "parquet" -> true;
        case "jsonl" -> false;
        default ->
            throw new ParameterException(
                spec.commandLine(), "--input-format must be jsonl or parquet");
      };
    }
    if (jsonl != null) {
      return false;
    }
    Path p = Path.of(path);
    if (Files.isDirectory(p)) {
      try (var files = Files.list(p)) {
        return files.anyMatch(f -> f.getFileName().toString().endsWith(".parquet"));
      }
    }
    return path.endsWith(".parquet");
  }

  private void writeJson(SparkClusterer.Result r, SparkClusterSettings settings)
      throws java.io.IOException {
    Writer out =
        output == null
            ? new BufferedWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8))
            : Files.newBufferedWriter(Path.of(output), StandardCharsets.UTF_8);
    try {
      ClusterJson.write(
          out,
          r.documents(),
          settings.threshold(),
          settings.measure(),
          settings.linkage(),
          r.clusters().toLocalIterator());
    } finally {
      if (output != null) {
        out.close();
      }
    }
  }

  private static void writeParquet(SparkSession session, SparkClusterer.Result r, String dir) {
    StructType schema =
        new StructType()
            .add("id", DataTypes.StringType, false)
            .add("cluster", DataTypes.LongType, false)
            .add("representative", DataTypes.StringType, false)
            .add("score", DataTypes.DoubleType, false);
    JavaRDD<Row> rows =
        r.clusters()
            .flatMap(
                c -> {
                  List<Row> out = new ArrayList<>(c.members().size());
                  for (SparkClusterer.Member m : c.members()) {
                    out.add(RowFactory.create(m.id(), c.id(), c.representative(), m.score()));
                  }
                  return out.iterator();
                });
    Dataset<Row> frame = session.createDataFrame(rows, schema);
    frame.write().mode("overwrite").parquet(dir);
  }
}
