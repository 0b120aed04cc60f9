package io.textsim.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import io.textsim.core.explain.Passage;
import io.textsim.core.measure.Verdict;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;

/** Prints a {@link Reports.Compare} as a table for people or as JSON for scripts. */
final class CompareOutput {
  private static final int BAR = 20;

  private CompareOutput() {}

  /**
   * The table: both texts, the verdict and why, every score with a bar and the edit distances, then
   * the passages only one side has (each on one line, long ones shortened) and a summary of the
   * shared ones. With {@code explain}: every passage of both texts in full, in text order.
   */
  static void text(Reports.Compare r, boolean explain, PrintWriter out) {
    int idWidth = Math.max(r.a().id().length(), r.b().id().length());
    out.println(doc("a", r.a(), idWidth));
    out.println(doc("b", r.b(), idWidth));
    out.println();
    out.println(r.verdict() + "  (" + reason(r) + ")");
    out.println();
    int width = 0;
    for (String m : r.scores().keySet()) {
      width = Math.max(width, m.length());
    }
    for (Map.Entry<String, Double> e : r.scores().entrySet()) {
      StringBuilder line = new StringBuilder();
      line.append(pad(e.getKey(), width + 2)).append(Display.score(e.getValue()));
      String note = distanceNote(e.getKey(), r);
      String bar = Display.bar(e.getValue(), BAR);
      line.append("  ").append(note.isEmpty() ? bar : pad(bar, BAR + 2) + note);
      out.println(line.toString().stripTrailing());
    }
    out.println();
    if (explain) {
      explained("a", r.sharedInA(), r.onlyA(), out);
      out.println();
      explained("b", r.sharedInB(), r.onlyB(), out);
    } else {
      only("a", r.onlyA(), out);
      only("b", r.onlyB(), out);
      out.println(
          "shared     "
              + Display.plural(r.sharedInA().size(), "passage")
              + ", "
              + Display.count(chars(r.sharedInA()))
              + " of "
              + Display.count(r.a().chars())
              + " chars of a; --explain shows every passage in full");
    }
    out.flush();
  }

  private static String doc(String side, Reports.Doc d, int idWidth) {
    return side
        + "  "
        + pad(d.id(), idWidth + 2)
        + Display.plural(d.chars(), "char")
        + ", "
        + Display.plural(d.tokens(), "word");
  }

  /** Why the verdict is what it is, following {@link Verdict#of}'s rule. */
  private static String reason(Reports.Compare r) {
    double t = r.threshold();
    double j = r.scores().getOrDefault("jaccard", 0.0);
    String jaccard = "jaccard " + Display.score(j);
    String threshold = "threshold " + Display.number(t);
    switch (r.verdict()) {
      case "near-duplicate" -> {
        if (j >= t) {
          return jaccard + " ≥ " + threshold;
        }
        double ab = r.scores().getOrDefault("containment_a_in_b", 0.0);
        double ba = r.scores().getOrDefault("containment_b_in_a", 0.0);
        return ab >= ba
            ? percent(ab) + " of a is in b, though " + jaccard + " < " + threshold
            : percent(ba) + " of b is in a, though " + jaccard + " < " + threshold;
      }
      case "related" -> {
        if (j >= t / 4) {
          return jaccard + " < " + threshold + ", but ≥ a quarter of it";
        }
        return "cosine "
            + Display.score(r.scores().getOrDefault("cosine", 0.0))
            + " ≥ "
            + Display.number(Verdict.RELATED_COSINE)
            + ", though "
            + jaccard
            + " < "
            + threshold;
      }
      default -> {
        return jaccard + " < a quarter of " + threshold;
      }
    }
  }

  private static String percent(double v) {
    return String.format(java.util.Locale.ROOT, "%.0f%%", Math.floor(v * 100));
  }

  private static String distanceNote(String measure, Reports.Compare r) {
    OptionalInt d =
        switch (measure) {
          case "levenshtein" -> r.levenshteinDistance();
          case "token_levenshtein" -> r.tokenLevenshteinDistance();
          default -> OptionalInt.empty();
        };
    if (d.isEmpty()) {
      return "";
    }
    String unit = measure.equals("levenshtein") ? "char" : "word";
    return "edit distance " + Display.plural(d.getAsInt(), unit);
  }

  private static void only(String side, List<Passage> passages, PrintWriter out) {
    out.println(
        "only in "
            + side
            + "  "
            + Display.plural(passages.size(), "passage")
            + (passages.isEmpty() ? "" : ", " + Display.plural(chars(passages), "char")));
    int width = rangeWidth(passages);
    for (Passage p : passages) {
      out.println("  " + pad(range(p), width + 2) + Display.oneLine(p.text()));
    }
  }

  private static void explained(
      String side, List<Passage> shared, List<Passage> only, PrintWriter out) {
    List<Passage> all = new ArrayList<>(shared);
    all.addAll(only);
    all.sort(Comparator.comparingInt(Passage::start));
    out.println(
        "passages of "
            + side
            + ": "
            + shared.size()
            + " shared, "
            + only.size()
            + " only in "
            + side);
    for (Passage p : all) {
      out.println("  " + range(p) + "  " + (shared.contains(p) ? "shared" : "only in " + side));
      for (String line : Display.lines(p.text()).split("\n", -1)) {
        out.println(("    " + line).stripTrailing());
      }
    }
  }

  private static long chars(List<Passage> passages) {
    long n = 0;
    for (Passage p : passages) {
      n += p.end() - p.start();
    }
    return n;
  }

  private static String range(Passage p) {
    return "[" + p.start() + ", " + p.end() + ")";
  }

  private static int rangeWidth(List<Passage> passages) {
    int w = 0;
    for (Passage p : passages) {
      w = Math.max(w, range(p).length());
    }
    return w;
  }

  private static String pad(String s, int width) {
    return s.length() >= width ? s + " " : s + " ".repeat(width - s.length());
  }

  /** The JSON documented in the README; keys never change, new keys may be added. */
  static void json(Reports.Compare r, PrintWriter out) {
    Json.write(
        out,
        g -> {
          g.writeStartObject();
          doc(g, "a", r.a());
          doc(g, "b", r.b());
          g.writeObjectFieldStart("scores");
          for (Map.Entry<String, Double> e : r.scores().entrySet()) {
            g.writeNumberField(e.getKey(), e.getValue());
          }
          g.writeEndObject();
          optionalInt(g, "levenshtein_distance", r.levenshteinDistance());
          optionalInt(g, "token_levenshtein_distance", r.tokenLevenshteinDistance());
          g.writeStringField("verdict", r.verdict());
          g.writeNumberField("threshold", r.threshold());
          g.writeObjectFieldStart("passages");
          passages(g, "shared", r.sharedInA());
          passages(g, "only_a", r.onlyA());
          passages(g, "only_b", r.onlyB());
          g.writeEndObject();
          g.writeEndObject();
        });
  }

  private static void doc(JsonGenerator g, String name, Reports.Doc d) throws IOException {
    g.writeObjectFieldStart(name);
    g.writeStringField("id", d.id());
    g.writeNumberField("chars", d.chars());
    g.writeNumberField("tokens", d.tokens());
    g.writeEndObject();
  }

  private static void optionalInt(JsonGenerator g, String name, OptionalInt v) throws IOException {
    if (v.isPresent()) {
      g.writeNumberField(name, v.getAsInt());
    } else {
      g.writeNullField(name);
    }
  }

  private static void passages(JsonGenerator g, String name, List<Passage> passages)
      throws IOException {
    g.writeArrayFieldStart(name);
    for (Passage p : passages) {
      g.writeStartObject();
      g.writeNumberField("start", p.start());
      g.writeNumberField("end", p.end());
      g.writeStringField("text", p.text());
      g.writeEndObject();
    }
    g.writeEndArray();
  }
}
