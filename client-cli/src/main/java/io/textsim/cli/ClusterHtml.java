package io.textsim.cli;

import static io.textsim.cli.HtmlMarkup.escape;

import io.textsim.core.TextProfile;
import io.textsim.core.TextProfiler;
import io.textsim.core.cluster.Clustering;
import io.textsim.core.explain.Explainer;
import io.textsim.core.explain.Explanation;
import io.textsim.core.explain.Passage;
import io.textsim.core.shingle.ShingleConfig;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Writes a {@link Reports.Cluster} as one self-contained HTML page: the clusters largest first,
 * each with its representative and every member's score against it as a number and a bar, and,
 * folded in a {@code <details>} element (opened by a click or Enter, no script), what the member
 * has that the representative has not and the other way round; then the singletons.
 *
 * <p>The differences are explained here, in this process, from the texts read (also in remote mode,
 * where the server returns only the clustering), profiled with the same shingles; furniture is not
 * marked in them. At most {@link #MAX_DIFFERENCES} are written, so that a report of a large
 * collection stays a page a browser opens.
 */
final class ClusterHtml {
  /** The most member differences one page holds. */
  static final int MAX_DIFFERENCES = 2_000;

  private ClusterHtml() {}

  /**
   * Writes the page.
   *
   * @param documents the documents clustered, whose texts the differences are taken from
   * @param shingleSize the word shingle size of the clustering
   */
  static void write(Reports.Cluster r, List<Input> documents, int shingleSize, PrintWriter out) {
    Map<String, Input> byId = new HashMap<>();
    for (Input in : documents) {
      byId.putIfAbsent(in.id(), in);
    }
    TextProfiler profiler =
        TextProfiler.defaults()
            .withShingles(ShingleConfig.words(shingleSize))
            .withMaxLength(Integer.MAX_VALUE);
    List<Clustering.Cluster> clusters = new ArrayList<>(r.clusters());
    clusters.sort(
        Comparator.comparingInt(Clustering.Cluster::size)
            .reversed()
            .thenComparingInt(Clustering.Cluster::id));
    List<Clustering.Cluster> multi = clusters.stream().filter(c -> c.size() > 1).toList();
    List<Clustering.Cluster> singles = clusters.stream().filter(c -> c.size() == 1).toList();

    HtmlMarkup.open(out, "textsim cluster: " + Display.plural(r.documents(), "document"));
    out.print("<header>\n<h1>textsim cluster</h1>\n");
    out.print(
        "<p id=\"summary\"><strong>"
            + Display.plural(r.documents(), "document")
            + " in "
            + Display.plural(clusters.size(), "cluster")
            + "</strong>: "
            + Display.count(multi.size())
            + " of two or more, "
            + Display.plural(singles.size(), "singleton")
            + " <span class=\"muted\">("
            + escape(r.measure().wireName())
            + " ≥ "
            + Display.number(r.threshold())
            + ", "
            + r.linkage().name().toLowerCase(Locale.ROOT)
            + " linkage)</span></p>\n");
    if (!multi.isEmpty()) {
      out.print("<nav aria-label=\"Clusters\"><p>Clusters:</p><ol>\n");
      for (Clustering.Cluster c : multi) {
        out.print(
            "<li><a href=\"#cluster-"
                + c.id()
                + "\">cluster "
                + c.id()
                + "</a>, "
                + Display.plural(c.size(), "document")
                + ", representative "
                + escape(c.representative())
                + "</li>\n");
      }
      out.print("</ol></nav>\n");
    }
    out.print("</header>\n<main>\n");
    int[] budget = {MAX_DIFFERENCES};
    for (Clustering.Cluster c : multi) {
      cluster(c, byId, profiler, budget, out);
    }
    if (budget[0] < 0) {
      out.print(
          "<p class=\"muted\">Differences are shown for the first "
              + Display.count(MAX_DIFFERENCES)
              + " members only.</p>\n");
    }
    if (!singles.isEmpty()) {
      out.print(
          "<section class=\"cluster\" id=\"singletons\" aria-labelledby=\"singletons-h\">\n"
              + "<h2 id=\"singletons-h\">Singletons: "
              + Display.count(singles.size())
              + "</h2>\n<p class=\"muted\">Documents like no other in the collection.</p>\n"
              + "<ul class=\"singletons\">\n");
      for (Clustering.Cluster c : singles) {
        out.print("<li class=\"member-id\">" + escape(c.representative()) + "</li>\n");
      }
      out.print("</ul>\n</section>\n");
    }
    out.print("</main>\n");
    HtmlMarkup.close(out);
  }

  private static void cluster(
      Clustering.Cluster c,
      Map<String, Input> byId,
      TextProfiler profiler,
      int[] budget,
      PrintWriter out) {
    String id = "cluster-" + c.id();
    out.print(
        "<section class=\"cluster\" id=\""
            + id
            + "\" aria-labelledby=\""
            + id
            + "-h\">\n<h2 id=\""
            + id
            + "-h\">Cluster "
            + c.id()
            + ": "
            + Display.plural(c.size(), "document")
            + "</h2>\n");
    out.print(
        "<p>Representative: <strong class=\"representative\">"
            + escape(c.representative())
            + "</strong></p>\n");
    out.print(
        "<table class=\"members\">\n<thead><tr><th scope=\"col\">member</th>"
            + "<th scope=\"col\" class=\"num\">score</th>"
            + "<th scope=\"col\"><span class=\"muted\">against the representative</span></th>"
            + "</tr></thead>\n<tbody>\n");
    Input rep = byId.get(c.representative());
    TextProfile repProfile = null;
    for (Clustering.Member m : c.members()) {
      boolean isRep = m.id().equals(c.representative());
      out.print(
          "<tr class=\"member\"><td class=\"member-id\">"
              + escape(m.id())
              + (isRep ? " <span class=\"muted\">(representative)</span>" : "")
              + "</td><td class=\"num\">"
              + Display.score(m.score())
              + "</td><td class=\"barcell\">"
              + HtmlMarkup.bar(m.score())
              + "</td></tr>\n");
      Input member = byId.get(m.id());
      if (!isRep && rep != null && member != null && budget[0]-- > 0) {
        if (repProfile == null) {
          repProfile = profiler.profile(rep.text());
        }
        Explanation x = Explainer.explain(profiler.profile(member.text()), repProfile);
        // A row of its own, the table's full width, so the passages read well on a phone.
        out.print(
            "<tr class=\"difference\"><td colspan=\"3\"><details><summary>Difference from the"
                + " representative: "
                + escape(m.id())
                + "</summary>\n");
        difference(x, member, out);
        out.print("</details></td></tr>\n");
      }
    }
    out.print("</tbody>\n</table>\n</section>\n");
  }

  /** What the member has that the representative has not, and the other way round. */
  private static void difference(Explanation x, Input member, PrintWriter out) {
    long shared = chars(x.sharedInA());
    out.print(
        "<div class=\"diff\"><p class=\"muted\">"
            + Display.count(shared)
            + " of "
            + Display.plural(member.text().length(), "char")
            + " of the member are shared with the representative.</p>\n");
    passages("Only in the member", "own-a", "member", x.onlyA(), out);
    passages("Only in the representative", "own-b", "representative", x.onlyB(), out);
    out.print("</div>\n");
  }

  private static void passages(
      String heading, String cls, String text, List<Passage> ps, PrintWriter out) {
    out.print(
        "<p><strong>"
            + heading
            + "</strong>: "
            + (ps.isEmpty() ? "nothing" : Display.plural(ps.size(), "passage"))
            + "</p>\n");
    if (ps.isEmpty()) {
      return;
    }
    out.print("<ul>\n");
    for (Passage p : ps) {
      out.print(
          "<li><div class=\"text\">" + CompareHtml.span(cls, text, "", p, true) + "</div></li>\n");
    }
    out.print("</ul>\n");
  }

  private static long chars(List<Passage> passages) {
    long n = 0;
    for (Passage p : passages) {
      n += p.end() - p.start();
    }
    return n;
  }
}
