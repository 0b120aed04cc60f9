package io.textsim.cli;

import io.textsim.core.explain.Passage;
import java.io.PrintWriter;
import java.util.List;

/** Prints a {@link Reports.Search} as text, JSON or CSV. */
final class SearchOutput {
  private SearchOutput() {}

  /** A summary line, then rank, score and id of each match, best first. */
  static void text(Reports.Search r, PrintWriter out) {
    out.println(
        r.query()
            + " against "
            + Display.plural(r.documents(), "document")
            + " by "
            + r.measure().wireName()
            + ": best "
            + r.top()
            + (r.minScore() > 0 ? " at or above " + Display.number(r.minScore()) : ""));
    r.furniture()
        .filter(f -> f.shingles() > 0)
        .ifPresent(
            f ->
                out.println(
                    "scores on content: the page furniture of "
                        + Display.plural(f.sources(), "source")
                        + " ("
                        + Display.plural(f.shingles(), "shingle")
                        + ", learned from "
                        + (f.learnedFrom().equals(SearchFurniture.DOCUMENTS)
                            ? "the documents searched"
                            : "--furniture-from")
                        + ") taken out"));
    List<Reports.Match> matches = r.matches();
    if (matches.isEmpty()) {
      out.println("no match" + (r.minScore() > 0 ? " at or above the minimum score" : ""));
      out.flush();
      return;
    }
    int rankWidth = Math.max(4, String.valueOf(matches.size()).length());
    out.println(Display.padLeft("rank", rankWidth) + "  score   document");
    for (int i = 0; i < matches.size(); i++) {
      Reports.Match m = matches.get(i);
      out.println(
          Display.padLeft(String.valueOf(i + 1), rankWidth)
              + "  "
              + Display.score(m.score())
              + "  "
              + m.id()
              + located(m.located()));
    }
    out.flush();
  }

  /** Where the query sits: the first shared passage's range, and how many more there are. */
  private static String located(List<Passage> located) {
    if (located.isEmpty()) {
      return "";
    }
    Passage first = located.get(0);
    return "  at ["
        + first.start()
        + ", "
        + first.end()
        + ")"
        + (located.size() > 1 ? " and " + Display.plural(located.size() - 1, "more passage") : "");
  }

  /** The JSON documented in the README. */
  static void json(Reports.Search r, PrintWriter out) {
    Json.write(
        out,
        g -> {
          g.writeStartObject();
          g.writeStringField("query", r.query());
          g.writeNumberField("documents", r.documents());
          g.writeStringField("measure", r.measure().wireName());
          g.writeNumberField("top", r.top());
          g.writeNumberField("min_score", r.minScore());
          if (r.furniture().isPresent()) {
            Reports.Furniture f = r.furniture().get();
            g.writeObjectFieldStart("furniture");
            g.writeStringField("learned_from", f.learnedFrom());
            g.writeNumberField("sources", f.sources());
            g.writeNumberField("shingles", f.shingles());
            g.writeEndObject();
          }
          g.writeArrayFieldStart("matches");
          int rank = 1;
          for (Reports.Match m : r.matches()) {
            g.writeStartObject();
            g.writeNumberField("rank", rank++);
            g.writeStringField("id", m.id());
            g.writeNumberField("score", m.score());
            if (!m.located().isEmpty()) {
              g.writeArrayFieldStart("located");
              for (Passage p : m.located()) {
                g.writeStartObject();
                g.writeNumberField("start", p.start());
                g.writeNumberField("end", p.end());
                g.writeStringField("text", p.text());
                g.writeEndObject();
              }
              g.writeEndArray();
            }
            g.writeEndObject();
          }
          g.writeEndArray();
          g.writeEndObject();
        });
  }

  /** One row per match: {@code rank,id,score}. */
  static void csv(Reports.Search r, PrintWriter out) {
    out.print("rank,id,score\n");
    int rank = 1;
    for (Reports.Match m : r.matches()) {
      out.print(rank++ + "," + Csv.field(m.id()) + "," + m.score() + "\n");
    }
    out.flush();
  }
}
