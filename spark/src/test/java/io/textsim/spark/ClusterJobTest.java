package io.textsim.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The command as bin/textsim-spark runs it, on a JSONL file of pages with sources and URLs: it
 * prints what {@code client-cli cluster --format json} printed for the same file
 * (pages.client-cli.json, made with {@code bin/client-cli cluster --jsonl pages.jsonl --format
 * json}).
 */
class ClusterJobTest {
  @TempDir Path dir;

  @BeforeAll
  static void localMode() {
    System.setProperty("spark.master", "local[2]");
    System.setProperty("spark.ui.enabled", "false");
    System.setProperty("spark.driver.host", "127.0.0.1");
    System.setProperty("spark.driver.bindAddress", "127.0.0.1");
  }

  private static Path resource(String name) throws URISyntaxException {
    return Path.of(ClusterJobTest.class.getResource(name).toURI());
  }

  private static String expected() throws IOException {
    try (InputStream in = ClusterJobTest.class.getResourceAsStream("pages.client-cli.json")) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  @Test
  void printsWhatClientCliPrints() throws Exception {
    Path out = dir.resolve("clusters.json");
    int code =
        Main.run(
            "cluster",
            "--jsonl",
            resource("pages.jsonl").toString(),
            "--partitions",
            "3",
            "--output",
            out.toString());
    assertEquals(Main.OK, code);
    assertEquals(expected(), Files.readString(out));
  }

  @Test
  void readsParquetAndWritesParquet() throws Exception {
    Path parquetIn = dir.resolve("pages.parquet");
    SparkSession session = LocalSpark.session(2);
    try {
      session
          .read()
          .json(resource("pages.jsonl").toString())
          .selectExpr("CAST(id AS STRING) AS id", "text", "source", "url")
          .coalesce(1)
          .write()
          .parquet(parquetIn.toString());
    } finally {
      session.stop();
    }
    Path json = dir.resolve("from-parquet.json");
    assertEquals(Main.OK, Main.run("cluster", parquetIn.toString(), "--output", json.toString()));
    assertEquals(expected(), Files.readString(json));

    Path rows = dir.resolve("rows");
    assertEquals(
        Main.OK,
        Main.run(
            "cluster",
            "--jsonl",
            resource("pages.jsonl").toString(),
            "--format",
            "parquet",
            "--output",
            rows.toString()));
    session = LocalSpark.session(2);
    try {
      Dataset<Row> read = session.read().parquet(rows.toString());
      assertEquals(421, read.count());
      List<Row> first =
          read.filter("cluster = 1")
              .orderBy("id")
              .select("representative")
              .distinct()
              .collectAsList();
      assertEquals(1, first.size());
      assertTrue(expected().contains("\"representative\": \"" + first.get(0).getString(0) + "\""));
    } finally {
      session.stop();
    }
  }

  @Test
  void badInputIsReportedWithItsLine() throws Exception {
    Path bad = dir.resolve("bad.jsonl");
    Files.writeString(bad, "{\"id\": \"a\", \"text\": \"x\"}\n{\"id\": \"b\"}\n");
    assertEquals(Main.BAD_INPUT, Main.run("cluster", "--jsonl", bad.toString()));
  }
}
