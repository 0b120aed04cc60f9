package io.textsim.cli;

import static io.textsim.cli.HtmlMarkup.escape;

import io.textsim.core.explain.Explanation;
import io.textsim.core.explain.Passage;
import io.textsim.core.html.HtmlText;
import io.textsim.core.measure.Measure;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Writes a {@link Reports.Compare} as one self-contained HTML page: the verdict and the score bars
 * on top, then the two texts side by side, shared passages on one row, each side's own passages
 * marked (page furniture in its own colour), offsets in every passage's title; then a table of
 * every passage and its offsets. Readable without JavaScript (it has none), on a phone (one column)
 * and at 1,280 px (two).
 */
final class CompareHtml {
  private CompareHtml() {}

  /**
   * Writes the page.
   *
   * @param x the input the report calls a: its text is shown
   * @param y the input the report calls b
   */
  static void write(Reports.Compare r, Input x, Input y, PrintWriter out) {
    HtmlMarkup.open(out, "textsim compare: " + r.a().id() + " and " + r.b().id());
    out.print("<header>\n<h1>textsim compare</h1>\n");
    String verdict = r.judgement().verdict().wireName();
    out.print(
        "<p><span class=\"verdict verdict-"
            + verdict
            + "\" id=\"verdict\">"
            + escape(verdict)
            + "</span></p>\n");
    out.print(
        "<p class=\"reason\" id=\"reason\">"
            + escape(CompareOutput.reason(r.judgement()))
            + "</p>\n");
    docs(r, out);
    scores(r, out);
    out.print("</header>\n<main>\n");
    texts(r, x, y, out);
    passageTable(r, out);
    out.print("</main>\n");
    HtmlMarkup.close(out);
  }

  private static void docs(Reports.Compare r, PrintWriter out) {
    out.print("<ul class=\"docs\" id=\"docs\">\n");
    docItem("a", r.a(), out);
    docItem("b", r.b(), out);
    out.print("</ul>\n");
  }

  private static void docItem(String side, Reports.Doc d, PrintWriter out) {
    out.print(
        "<li><strong>"
            + side
            + "</strong> <span class=\"id\">"
            + escape(d.id())
            + "</span><br><span class=\"muted\">"
            + Display.plural(d.chars(), "char")
            + ", "
            + Display.plural(d.tokens(), "word")
            + "; "
            + escape(readAs(d.html()))
            + "</span></li>\n");
  }

  /** How a text was read, in words. */
  static String readAs(Optional<HtmlText> html) {
    return html.map(
            h ->
                "visible text of a page in "
                    + h.charset().charset().name()
                    + " ("
                    + HtmlInputs.charsetReason(h)
                    + "); offsets refer to this text")
        .orElse("plain text");
  }

  private static void scores(Reports.Compare r, PrintWriter out) {
    out.print(
        "<table class=\"scores\" id=\"scores\">\n<caption class=\"muted\">Scores</caption>\n");
    out.print(
        "<thead><tr><th scope=\"col\">measure</th><th scope=\"col\" class=\"num\">score</th>"
            + "<th scope=\"col\"><span class=\"muted\">0 to 1</span></th></tr></thead>\n"
            + "<tbody>\n");
    for (Map.Entry<Measure, Double> e : r.comparison().scores().entrySet()) {
      String note = CompareOutput.distanceNote(e.getKey(), r.comparison());
      out.print(
          "<tr><th scope=\"row\">"
              + escape(e.getKey().wireName())
              + (note.isEmpty() ? "" : "<div class=\"note muted\">" + escape(note) + "</div>")
              + "</th><td class=\"num\">"
              + Display.score(e.getValue())
              + "</td><td class=\"barcell\">"
              + HtmlMarkup.bar(e.getValue())
              + "</td></tr>\n");
    }
    out.print("</tbody>\n</table>\n");
  }

  private static void texts(Reports.Compare r, Input x, Input y, PrintWriter out) {
    Explanation ex = r.explanation();
    out.print("<section aria-labelledby=\"texts-h\">\n<h2 id=\"texts-h\">Side by side</h2>\n");
    out.print(
        "<p class=\"legend\"><span>shared: unmarked</span><span class=\"own-a\">only in a</span>"
            + "<span class=\"own-b\">only in b</span>"
            + "<span class=\"furniture\">page furniture</span></p>\n");
    out.print(
        "<p class=\"muted\">Shared passages are on one row. Every passage gives its offsets"
            + " (UTF-16 units, half open) in its title: hover over it, or reach the marked ones"
            + " with Tab.</p>\n");
    out.print("<div class=\"texts\" id=\"texts\">\n");
    out.print("<div class=\"cell head\">a: " + escape(r.a().id()) + "</div>\n");
    out.print("<div class=\"cell head\">b: " + escape(r.b().id()) + "</div>\n");
    for (PassageRows.Row row : PassageRows.of(ex)) {
      cell("a", row.a(), ex.sharedInA(), x.text(), out);
      cell("b", row.b(), ex.sharedInB(), y.text(), out);
    }
    out.print("</div>\n</section>\n");
  }

  private static void cell(
      String side, List<Passage> passages, List<Passage> shared, String text, PrintWriter out) {
    if (passages.isEmpty()) {
      out.print("<div class=\"cell empty\"></div>\n");
      return;
    }
    StringBuilder b = new StringBuilder();
    b.append("<div class=\"cell\"><span class=\"side\">").append(side).append("</span>");
    b.append("<div class=\"text\">");
    int previousEnd = -1;
    for (Passage p : passages) {
      if (previousEnd >= 0 && previousEnd < p.start() && p.start() <= text.length()) {
        // The white space between two passages of one row, as in the text.
        b.append(escape(text.substring(previousEnd, p.start())));
      }
      b.append(span(side, p, shared.contains(p)));
      previousEnd = p.end();
    }
    b.append("</div></div>\n");
    out.print(b);
  }

  /** One passage of side a or b: its kind as a class, its offsets and kind in its title. */
  static String span(String side, Passage p, boolean shared) {
    String cls = shared ? "shared" : p.furniture() ? "furniture" : "own-" + side;
    return span(cls, side, kind(side, p, shared), p, !shared);
  }

  /**
   * One passage as a {@code span}: {@code cls} for its colour, a title naming the text, the offsets
   * and the kind, focusable with Tab if marked.
   */
  static String span(String cls, String text, String kind, Passage p, boolean focusable) {
    return "<span class=\"p "
        + cls
        + "\" data-start=\""
        + p.start()
        + "\" data-end=\""
        + p.end()
        + "\" title=\""
        + escape(
            text + " [" + p.start() + ", " + p.end() + ")" + (kind.isEmpty() ? "" : ": " + kind))
        + "\""
        + (focusable ? " tabindex=\"0\"" : "")
        + ">"
        + escape(p.text())
        + "</span>";
  }

  private static String kind(String side, Passage p, boolean shared) {
    String other = side.equals("a") ? "b" : "a";
    if (shared) {
      return "shared with " + other;
    }
    return p.furniture() ? "page furniture, only in " + side : "only in " + side;
  }

  private static void passageTable(Reports.Compare r, PrintWriter out) {
    Explanation ex = r.explanation();
    List<String[]> rows = new ArrayList<>();
    addRows("a", ex.sharedInA(), ex.onlyA(), rows);
    addRows("b", ex.sharedInB(), ex.onlyB(), rows);
    out.print(
        "<details id=\"passage-table\">\n<summary>Every passage and its offsets ("
            + Display.plural(rows.size(), "passage")
            + ")</summary>\n");
    out.print(
        "<table class=\"passages\">\n<thead><tr><th scope=\"col\">side</th>"
            + "<th scope=\"col\">kind</th><th scope=\"col\" class=\"num\">start</th>"
            + "<th scope=\"col\" class=\"num\">end</th><th scope=\"col\" class=\"num\">chars</th>"
            + "<th scope=\"col\">begins</th></tr></thead>\n<tbody>\n");
    for (String[] row : rows) {
      out.print(
          "<tr><td>"
              + row[0]
              + "</td><td>"
              + escape(row[1])
              + "</td><td class=\"num\">"
              + row[2]
              + "</td><td class=\"num\">"
              + row[3]
              + "</td><td class=\"num\">"
              + row[4]
              + "</td><td>"
              + escape(row[5])
              + "</td></tr>\n");
    }
    out.print("</tbody>\n</table>\n</details>\n");
  }

  private static void addRows(
      String side, List<Passage> shared, List<Passage> own, List<String[]> rows) {
    List<Passage> all = new ArrayList<>(shared);
    all.addAll(own);
    all.sort(Comparator.comparingInt(Passage::start));
    for (Passage p : all) {
      boolean isShared = shared.contains(p);
      rows.add(
          new String[] {
            side,
            kind(side, p, isShared),
            Integer.toString(p.start()),
            Integer.toString(p.end()),
            Display.count(p.end() - p.start()),
            Display.oneLine(p.text())
          });
    }
  }
}
