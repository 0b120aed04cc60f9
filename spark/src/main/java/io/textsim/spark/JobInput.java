package io.textsim.spark;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.textsim.core.furniture.FurnitureModel;
import java.net.URI;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * The job's input, read as {@code client-cli cluster} reads it: JSONL with one {@code {"id",
 * "text"}} object a line (an optional {@code source}, else the host of an optional {@code url}, is
 * the source; blank lines are skipped), or Parquet with those columns. A document's position is its
 * line or row number.
 */
final class JobInput {
  private JobInput() {}

  /** The documents of JSONL file (or directory of files) {@code path}. */
  static JavaRDD<InputDocument> jsonl(JavaSparkContext spark, String path, int partitions) {
    JavaRDD<InputDocument> docs =
        spark
            .textFile(path, partitions)
            .zipWithIndex()
            .mapPartitions(
                it -> {
                  ObjectMapper json = new ObjectMapper();
                  List<InputDocument> out = new ArrayList<>();
                  while (it.hasNext()) {
                    var line = it.next();
                    InputDocument d = parse(json, line._1(), line._2(), path);
                    if (d != null) {
                      out.add(d);
                    }
                  }
                  return out.iterator();
                });
    // A compressed file (.jsonl.gz, which the CLI reads too) is one split: spread it out.
    return docs.getNumPartitions() < partitions ? docs.repartition(partitions) : docs;
  }

  /** One JSONL line as a document, or null for a blank line. */
  static InputDocument parse(ObjectMapper json, String line, long lineIndex, String path) {
    String text = lineIndex == 0 && line.startsWith("\uFEFF") ? line.substring(1) : line;
    if (text.isBlank()) {
      return null;
    }
    String where = path + " line " + (lineIndex + 1);
    JsonNode node;
    try {
      node = json.readTree(text);
    } catch (java.io.IOException e) {
      throw new IllegalArgumentException(where + ": not valid JSON", e);
    }
    if (node == null || !node.isObject()) {
      throw new IllegalArgumentException(
          where + ": expected a JSON object {\"id\": ..., \"text\": ...}");
    }
    JsonNode id = node.get("id");
    if (id == null || id.isNull() || !(id.isTextual() || id.isIntegralNumber())) {
      throw new IllegalArgumentException(where + ": \"id\" must be a string or an integer");
    }
    JsonNode body = node.get("text");
    if (body == null || !body.isTextual()) {
      throw new IllegalArgumentException(where + ": \"text\" must be a string");
    }
    JsonNode source = node.get("source");
    JsonNode url = node.get("url");
    if (source != null && !source.isNull() && !source.isTextual()) {
      throw new IllegalArgumentException(where + ": \"source\" must be a string");
    }
    if (url != null && !url.isNull() && !url.isTextual()) {
      throw new IllegalArgumentException(where + ": \"url\" must be a string");
    }
    return new InputDocument(
        lineIndex,
        id.asText(),
        body.textValue(),
        source(
            source == null || source.isNull() ? null : source.textValue(),
            url == null || url.isNull() ? null : url.textValue(),
            where));
  }

  /** The given source, else the lower-cased host of the URL, else no known source. */
  static String source(String source, String url, String where) {
    if (source != null) {
      return source;
    }
    if (url != null) {
      try {
        String host = URI.create(url.strip()).getHost();
        if (host != null) {
          return host.toLowerCase(Locale.ROOT);
        }
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(where + ": \"url\" is not a URL: " + url, e);
      }
    }
    return FurnitureModel.UNKNOWN_SOURCE;
  }

  /**
   * The documents of Parquet file or directory {@code path}: columns {@code id} (string or
   * integer), {@code text}, and optional {@code source} and {@code url}.
   */
  static JavaRDD<InputDocument> parquet(SparkSession session, String path, int partitions) {
    Dataset<Row> rows = session.read().parquet(path);
    List<String> columns = Arrays.asList(rows.columns());
    for (String required : List.of("id", "text")) {
      if (!columns.contains(required)) {
        throw new IllegalArgumentException(path + ": no column '" + required + "'");
      }
    }
    boolean hasSource = columns.contains("source");
    boolean hasUrl = columns.contains("url");
    Dataset<Row> selected =
        rows.selectExpr(
            "CAST(id AS STRING) AS id",
            "text",
            hasSource ? "source" : "CAST(NULL AS STRING) AS source",
            hasUrl ? "url" : "CAST(NULL AS STRING) AS url");
    return selected
        .javaRDD()
        .zipWithIndex()
        .map(
            t -> {
              Row r = t._1();
              String where = path + " row " + (t._2() + 1);
              if (r.isNullAt(0) || r.isNullAt(1)) {
                throw new IllegalArgumentException(where + ": id and text must not be null");
              }
              return new InputDocument(
                  t._2(),
                  r.getString(0),
                  r.getString(1),
                  source(
                      r.isNullAt(2) ? null : r.getString(2),
                      r.isNullAt(3) ? null : r.getString(3),
                      where));
            })
        .repartition(partitions);
  }
}
