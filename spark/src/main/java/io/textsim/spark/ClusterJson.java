package io.textsim.spark;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import io.textsim.core.cluster.ClusterMeasure;
import io.textsim.core.cluster.Linkage;
import java.io.IOException;
import java.io.Writer;
import java.util.Iterator;

/**
 * The JSON of {@code client-cli cluster --format json} (README, "cluster"), written as the clusters
 * stream in: {@code documents}, {@code threshold}, {@code measure}, {@code linkage}, then {@code
 * clusters}, each with {@code id}, {@code size}, {@code representative} and {@code members} ({@code
 * id}, {@code score}); two-space indentation, {@code "key": value}, a final newline. The CLI's
 * writer lives in client-cli, which this job does not depend on; {@code ClusterJobTest} checks that
 * the two print the same bytes.
 */
final class ClusterJson {
  private static final JsonFactory FACTORY =
      JsonFactory.builder()
          .disable(StreamWriteFeature.AUTO_CLOSE_TARGET)
          .disable(StreamWriteFeature.FLUSH_PASSED_TO_STREAM)
          .build();

  private ClusterJson() {}

  /** Writes the clustering to {@code out}, the clusters in {@code clusters}' order. */
  static void write(
      Writer out,
      long documents,
      double threshold,
      ClusterMeasure measure,
      Linkage linkage,
      Iterator<SparkClusterer.Cluster> clusters)
      throws IOException {
    Separators separators =
        Separators.createDefaultInstance()
            .withObjectFieldValueSpacing(Separators.Spacing.AFTER)
            .withObjectEmptySeparator("")
            .withArrayEmptySeparator("");
    DefaultIndenter indenter = new DefaultIndenter("  ", "\n");
    DefaultPrettyPrinter pretty = new DefaultPrettyPrinter(separators);
    pretty.indentObjectsWith(indenter);
    pretty.indentArraysWith(indenter);
    try (JsonGenerator g = FACTORY.createGenerator(out)) {
      g.setPrettyPrinter(pretty);
      g.writeStartObject();
      g.writeNumberField("documents", documents);
      g.writeNumberField("threshold", threshold);
      g.writeStringField("measure", measure.wireName());
      g.writeStringField("linkage", linkage.wireName());
      g.writeArrayFieldStart("clusters");
      while (clusters.hasNext()) {
        SparkClusterer.Cluster c = clusters.next();
        g.writeStartObject();
        g.writeNumberField("id", c.id());
        g.writeNumberField("size", c.members().size());
        g.writeStringField("representative", c.representative());
        g.writeArrayFieldStart("members");
        for (SparkClusterer.Member m : c.members()) {
          g.writeStartObject();
          g.writeStringField("id", m.id());
          g.writeNumberField("score", m.score());
          g.writeEndObject();
        }
        g.writeEndArray();
        g.writeEndObject();
      }
      g.writeEndArray();
      g.writeEndObject();
    }
    out.write('\n');
    out.flush();
  }
}
