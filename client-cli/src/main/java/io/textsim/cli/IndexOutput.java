package io.textsim.cli;

import io.textsim.index.AddResult;
import io.textsim.index.IndexMatch;
import io.textsim.index.RemoveResult;
import java.io.PrintWriter;
import java.util.List;

/** Prints what the index commands report, as text or as the JSON documented in the README. */
final class IndexOutput {
  /** Ids listed in a text line before the rest are only counted. */
  static final int MAX_LISTED = 20;

  private IndexOutput() {}

  /** {@code index add}: how many documents were new and how many replaced a stored one. */
  static void add(String index, AddResult r, Choices.Format format, PrintWriter out) {
    if (format == Choices.Format.JSON) {
      Json.write(
          out,
          g -> {
            g.writeStartObject();
            g.writeStringField("index", index);
            g.writeNumberField("added", r.added());
            g.writeNumberField("replaced", r.replaced());
            Json.strings(g, "expired", r.expired());
            g.writeEndObject();
          });
      return;
    }
    out.println(
        "index "
            + index
            + ": "
            + Display.plural(r.added(), "document")
            + " added, "
            + Display.count(r.replaced())
            + " replaced");
    if (!r.expired().isEmpty()) {
      out.println(
          Display.plural(r.expired().size(), "document")
              + " already past the retention window, not stored: "
              + listed(r.expired()));
    }
    out.flush();
  }

  /**
   * {@code index query}: for each query its matches, best first. The JSON is exactly {@code
   * {"results": [{"query": ID, "matches": [{"rank", "id", "score", "verdict"}]}]}}.
   */
  static void query(List<Reports.IndexResult> results, Choices.Format format, PrintWriter out) {
    if (format == Choices.Format.JSON) {
      Json.write(
          out,
          g -> {
            g.writeStartObject();
            g.writeArrayFieldStart("results");
            for (Reports.IndexResult r : results) {
              g.writeStartObject();
              g.writeStringField("query", r.query());
              g.writeArrayFieldStart("matches");
              for (IndexMatch m : r.matches()) {
                g.writeStartObject();
                g.writeNumberField("rank", m.rank());
                g.writeStringField("id", m.id());
                g.writeNumberField("score", m.score());
                g.writeStringField("verdict", m.verdict().wireName());
                g.writeEndObject();
              }
              g.writeEndArray();
              g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
          });
      return;
    }
    for (int i = 0; i < results.size(); i++) {
      Reports.IndexResult r = results.get(i);
      if (i > 0) {
        out.println();
      }
      if (r.matches().isEmpty()) {
        out.println(r.query() + ": no match");
        continue;
      }
      int n = r.matches().size();
      out.println(r.query() + ": " + Display.count(n) + (n == 1 ? " match" : " matches"));
      int rankWidth = Math.max(4, String.valueOf(r.matches().size()).length());
      out.println(Display.padLeft("rank", rankWidth) + "  score   verdict         document");
      for (IndexMatch m : r.matches()) {
        out.println(
            Display.padLeft(String.valueOf(m.rank()), rankWidth)
                + "  "
                + Display.score(m.score())
                + "  "
                + String.format(java.util.Locale.ROOT, "%-14s", m.verdict().wireName())
                + "  "
                + m.id());
      }
    }
    out.flush();
  }

  /** {@code index remove}: what was removed and what the index did not hold. */
  static void remove(String index, RemoveResult r, Choices.Format format, PrintWriter out) {
    if (format == Choices.Format.JSON) {
      Json.write(
          out,
          g -> {
            g.writeStartObject();
            g.writeStringField("index", index);
            Json.strings(g, "removed", r.removed());
            Json.strings(g, "not_found", r.notFound());
            g.writeEndObject();
          });
      return;
    }
    out.println(
        "index "
            + index
            + ": "
            + Display.plural(r.removed().size(), "document")
            + " removed"
            + (r.notFound().isEmpty()
                ? ""
                : ", "
                    + Display.count(r.notFound().size())
                    + " not found: "
                    + listed(r.notFound())));
    out.flush();
  }

  /** {@code index stats}: the count, the size on disk and the settings. */
  static void stats(Reports.IndexStats s, Choices.Format format, PrintWriter out) {
    if (format == Choices.Format.JSON) {
      Json.write(
          out,
          g -> {
            g.writeStartObject();
            g.writeStringField("index", s.index());
            g.writeNumberField("documents", s.documents());
            g.writeNumberField("disk_bytes", s.diskBytes());
            g.writeNumberField("format_version", s.formatVersion());
            g.writeNumberField("num_hashes", s.numHashes());
            g.writeNumberField("bands", s.bands());
            g.writeNumberField("rows", s.rows());
            g.writeNumberField("threshold", s.threshold());
            g.writeNumberField("shingle_words", s.shingleWords());
            g.writeEndObject();
          });
      return;
    }
    out.println(
        "index "
            + s.index()
            + ": "
            + Display.plural(s.documents(), "document")
            + ", "
            + Display.plural(s.diskBytes(), "byte")
            + " on disk");
    out.println(
        "format "
            + s.formatVersion()
            + "; "
            + (s.shingleWords() > 0
                ? "word " + s.shingleWords() + "-shingles"
                : "character shingles")
            + ", MinHash of "
            + s.numHashes()
            + " hashes in "
            + s.bands()
            + " bands of "
            + s.rows()
            + " rows; near-duplicate at Jaccard "
            + Display.number(s.threshold()));
    out.flush();
  }

  private static String listed(List<String> ids) {
    if (ids.size() <= MAX_LISTED) {
      return String.join(", ", ids);
    }
    return String.join(", ", ids.subList(0, MAX_LISTED))
        + " and "
        + Display.count(ids.size() - MAX_LISTED)
        + " more";
  }
}
