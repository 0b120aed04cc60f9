package io.textsim.cli;

import io.textsim.core.cluster.Clustering;
import java.io.PrintWriter;
import java.util.Locale;

/** Prints a {@link Reports.Cluster} as text, JSON or CSV. */
final class ClusterOutput {
  private ClusterOutput() {}

  /**
   * A summary line, then each cluster of two or more documents with its representative and every
   * member's score against it, then the singletons.
   */
  static void text(Reports.Cluster r, PrintWriter out) {
    long multi = r.clusters().stream().filter(c -> c.size() > 1).count();
    long singles = r.clusters().size() - multi;
    out.println(
        Display.plural(r.documents(), "document")
            + " in "
            + Display.plural(r.clusters().size(), "cluster")
            + ": "
            + Display.count(multi)
            + " of two or more, "
            + Display.plural(singles, "singleton")
            + " ("
            + r.measure().wireName()
            + " ≥ "
            + Display.number(r.threshold())
            + ", "
            + r.linkage().name().toLowerCase(Locale.ROOT)
            + " linkage)");
    for (Clustering.Cluster c : r.clusters()) {
      if (c.size() < 2) {
        continue;
      }
      out.println();
      out.println(
          "cluster "
              + c.id()
              + "  "
              + Display.plural(c.size(), "document")
              + ", representative "
              + c.representative());
      for (Clustering.Member m : c.members()) {
        out.println("  " + Display.score(m.score()) + "  " + m.id());
      }
    }
    if (singles > 0) {
      out.println();
      out.println("singletons  " + Display.count(singles));
      for (Clustering.Cluster c : r.clusters()) {
        if (c.size() == 1) {
          out.println("  " + c.representative());
        }
      }
    }
    out.flush();
  }

  /** The JSON documented in the README. */
  static void json(Reports.Cluster r, PrintWriter out) {
    Json.write(
        out,
        g -> {
          g.writeStartObject();
          g.writeNumberField("documents", r.documents());
          g.writeNumberField("threshold", r.threshold());
          g.writeStringField("measure", r.measure().wireName());
          g.writeStringField("linkage", r.linkage().name().toLowerCase(Locale.ROOT));
          g.writeArrayFieldStart("clusters");
          for (Clustering.Cluster c : r.clusters()) {
            g.writeStartObject();
            g.writeNumberField("id", c.id());
            g.writeNumberField("size", c.size());
            g.writeStringField("representative", c.representative());
            g.writeArrayFieldStart("members");
            for (Clustering.Member m : c.members()) {
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
        });
  }

  /** One row per document: {@code cluster,size,representative,id,score}, RFC 4180 quoting. */
  static void csv(Reports.Cluster r, PrintWriter out) {
    out.print("cluster,size,representative,id,score\n");
    for (Clustering.Cluster c : r.clusters()) {
      for (Clustering.Member m : c.members()) {
        out.print(
            c.id()
                + ","
                + c.size()
                + ","
                + Csv.field(c.representative())
                + ","
                + Csv.field(m.id())
                + ","
                + m.score()
                + "\n");
      }
    }
    out.flush();
  }
}
