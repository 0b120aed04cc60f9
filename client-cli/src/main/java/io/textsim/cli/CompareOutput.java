package io.textsim.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import io.textsim.core.explain.Explanation;
import io.textsim.core.explain.Passage;
import io.textsim.core.html.HtmlText;
import io.textsim.core.measure.Comparison;
import io.textsim.core.measure.Measure;
import io.textsim.core.measure.Verdict;
import io.textsim.core.measure.VerdictRule;
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
    out.println(r.judgement().verdict().wireName() + "  (" + reason(r.judgement()) + ")");
    out.println();
    scores(r.comparison(), out);
    out.println();
    if (r.content().isPresent()) {
      Reports.Content c = r.content().get();
      out.println(
          "content, the furniture taken out: "
              + c.judgement().verdict().wireName()
              + "  ("
              + reason(c.judgement())
              + ")");
      out.println();
      scores(c.comparison(), out);
      out.println();
    }
    Explanation x = r.explanation();
    if (explain) {
      explained("a", x.sharedInA(), x.onlyA(), out);
      out.println();
      explained("b", x.sharedInB(), x.onlyB(), out);
    } else {
      boolean furniture = r.content().isPresent();
      only("a", x.onlyA(), furniture, out);
      only("b", x.onlyB(), furniture, out);
      out.println(
          "shared     "
              + Display.plural(x.sharedInA().size(), "passage")
              + ", "
              + Display.count(chars(x.sharedInA()))
              + " of "
              + Display.count(r.a().chars())
              + " chars of a; --explain shows every passage in full");
    }
    out.flush();
  }

  /** Every score with a bar, and the edit distance beside the edit measures. */
  private static void scores(Comparison comparison, PrintWriter out) {
    int width = 0;
    for (Measure m : comparison.scores().keySet()) {
      width = Math.max(width, m.wireName().length());
    }
    for (Map.Entry<Measure, Double> e : comparison.scores().entrySet()) {
      StringBuilder line = new StringBuilder();
      line.append(pad(e.getKey().wireName(), width + 2)).append(Display.score(e.getValue()));
      String note = distanceNote(e.getKey(), comparison);
      String bar = Display.bar(e.getValue(), BAR);
      line.append("  ").append(note.isEmpty() ? bar : pad(bar, BAR + 2) + note);
      out.println(line.toString().stripTrailing());
    }
  }

  private static String doc(String side, Reports.Doc d, int idWidth) {
    return side
        + "  "
        + pad(d.id(), idWidth + 2)
        + Display.plural(d.chars(), "char")
        + ", "
        + Display.plural(d.tokens(), "word")
        + d.html()
            .map(h -> " (visible text of a page in " + h.charset().charset().name() + ")")
            .orElse("");
  }

  /** Why the verdict is what it is: the clause of {@link VerdictRule} that decided it. */
  static String reason(VerdictRule.Judgement j) {
    String score = j.rule().measure().wireName() + " " + Display.score(j.score());
    String threshold = "threshold " + Display.number(j.rule().threshold());
    return switch (j.reason()) {
      case AT_THRESHOLD -> score + " ≥ " + threshold;
      case A_IN_B ->
          percent(j.containmentAInB()) + " of a is in b, though " + score + " < " + threshold;
      case B_IN_A ->
          percent(j.containmentBInA()) + " of b is in a, though " + score + " < " + threshold;
      case QUARTER_OF_THRESHOLD -> score + " < " + threshold + ", but ≥ a quarter of it";
      case COSINE ->
          "cosine "
              + Display.score(j.cosine().orElseThrow())
              + " ≥ "
              + Display.number(Verdict.RELATED_COSINE)
              + ", though "
              + score
              + " < "
              + threshold;
      case BELOW_QUARTER -> score + " < a quarter of " + threshold;
    };
  }

  private static String percent(double v) {
    return String.format(java.util.Locale.ROOT, "%.0f%%", Math.floor(v * 100));
  }

  static String distanceNote(Measure measure, Comparison comparison) {
    OptionalInt d =
        switch (measure) {
          case LEVENSHTEIN -> comparison.levenshteinDistance();
          case TOKEN_LEVENSHTEIN -> comparison.tokenLevenshteinDistance();
          default -> OptionalInt.empty();
        };
    if (d.isEmpty()) {
      return "";
    }
    String unit = measure == Measure.LEVENSHTEIN ? "char" : "word";
    return "edit distance " + Display.plural(d.getAsInt(), unit);
  }

  /**
   * The passages only {@code side} has; with {@code furniture}, its content first and then, apart,
   * its furniture.
   */
  private static void only(
      String side, List<Passage> passages, boolean furniture, PrintWriter out) {
    if (!furniture) {
      only("only in " + side, passages, out);
      return;
    }
    List<Passage> content = new ArrayList<>();
    List<Passage> frame = new ArrayList<>();
    for (Passage p : passages) {
      (p.furniture() ? frame : content).add(p);
    }
    only("only in " + side, content, out);
    only("furniture only in " + side, frame, out);
  }

  private static void only(String title, List<Passage> passages, PrintWriter out) {
    out.println(
        title
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
      String kind =
          shared.contains(p)
              ? "shared"
              : (p.furniture() ? "furniture only in " : "only in ") + side;
      out.println("  " + range(p) + "  " + kind);
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
          for (Map.Entry<Measure, Double> e : r.comparison().scores().entrySet()) {
            g.writeNumberField(e.getKey().wireName(), e.getValue());
          }
          g.writeEndObject();
          optionalInt(g, "levenshtein_distance", r.comparison().levenshteinDistance());
          optionalInt(g, "token_levenshtein_distance", r.comparison().tokenLevenshteinDistance());
          g.writeStringField("verdict", r.judgement().verdict().wireName());
          g.writeNumberField("threshold", r.threshold());
          g.writeObjectFieldStart("passages");
          boolean furniture = r.content().isPresent();
          passages(g, "shared", r.explanation().sharedInA(), false);
          passages(g, "only_a", r.explanation().onlyA(), furniture);
          passages(g, "only_b", r.explanation().onlyB(), furniture);
          g.writeEndObject();
          if (furniture) {
            Reports.Content c = r.content().get();
            g.writeObjectFieldStart("content_scores");
            for (Map.Entry<Measure, Double> e : c.comparison().scores().entrySet()) {
              g.writeNumberField(e.getKey().wireName(), e.getValue());
            }
            g.writeEndObject();
            optionalInt(g, "content_levenshtein_distance", c.comparison().levenshteinDistance());
            optionalInt(
                g, "content_token_levenshtein_distance", c.comparison().tokenLevenshteinDistance());
            g.writeStringField("content_verdict", c.judgement().verdict().wireName());
          }
          g.writeEndObject();
        });
  }

  private static void doc(JsonGenerator g, String name, Reports.Doc d) throws IOException {
    g.writeObjectFieldStart(name);
    g.writeStringField("id", d.id());
    g.writeNumberField("chars", d.chars());
    g.writeNumberField("tokens", d.tokens());
    if (d.html().isPresent()) {
      // Only for pages, so that the JSON of plain texts stays as it was.
      HtmlText page = d.html().get();
      g.writeStringField("input", "html");
      g.writeStringField("offsets", "extracted_text");
      g.writeStringField("charset", page.charset().charset().name());
      g.writeStringField("charset_source", page.charset().source().wireName());
    }
    g.writeEndObject();
  }

  private static void optionalInt(JsonGenerator g, String name, OptionalInt v) throws IOException {
    if (v.isPresent()) {
      g.writeNumberField(name, v.getAsInt());
    } else {
      g.writeNullField(name);
    }
  }

  private static void passages(
      JsonGenerator g, String name, List<Passage> passages, boolean furniture) throws IOException {
    g.writeArrayFieldStart(name);
    for (Passage p : passages) {
      g.writeStartObject();
      g.writeNumberField("start", p.start());
      g.writeNumberField("end", p.end());
      g.writeStringField("text", p.text());
      if (furniture) {
        g.writeBooleanField("furniture", p.furniture());
      }
      g.writeEndObject();
    }
    g.writeEndArray();
  }
}
