package io.textsim.cli;

import static io.textsim.cli.Cli.MEHR;
import static io.textsim.cli.Cli.TEHRAN;
import static io.textsim.cli.Cli.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.textsim.core.TextProfiler;
import io.textsim.core.explain.Explainer;
import io.textsim.core.explain.Explanation;
import io.textsim.core.usecase.PairOptions;
import io.textsim.core.usecase.PairResult;
import io.textsim.core.usecase.UseCases;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --format html}: the page's structure read back with an HTML parser, its passages against
 * the JSON's, escaping, and that it is self-contained.
 */
class HtmlReportTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path dir;

  static Document parse(String html) {
    return Jsoup.parse(html);
  }

  /** No script, no external style sheet, nothing any element would fetch. */
  static void assertSelfContained(String html) {
    assertTrue(html.startsWith("<!DOCTYPE html>\n"), html);
    Document doc = parse(html);
    assertTrue(doc.select("script, link, iframe, img, object, embed, base").isEmpty(), html);
    for (Element e : doc.select("[src], [href], [srcset], [style*=url], [action]")) {
      String ref = e.hasAttr("href") ? e.attr("href") : e.attr("src");
      assertTrue(ref.startsWith("#"), () -> "fetches or leaves the page: " + e.outerHtml());
    }
    assertFalse(html.contains("url("), "no url() in the style sheet");
    assertFalse(html.contains("@import"), "no @import in the style sheet");
    assertFalse(html.contains("http://") || html.contains("https://"), "no address");
  }

  @Test
  void compareReportOfTheSeedPairHoldsTheVerdictScoresAndEveryPassage() throws IOException {
    String html = run("compare", "--format", "html", TEHRAN, MEHR).succeeds();
    assertSelfContained(html);
    Document doc = parse(html);
    assertEquals("near-duplicate", doc.getElementById("verdict").text());
    assertTrue(doc.getElementById("verdict").hasClass("verdict-near-duplicate"));
    assertEquals("jaccard 0.9262 ≥ threshold 0.5", doc.getElementById("reason").text());
    Element jaccard = doc.select("#scores tr:has(th:containsOwn(jaccard))").first();
    assertEquals("0.9262", jaccard.select("td.num").text());
    assertEquals("width:92.62%", jaccard.select(".bar > span").attr("style"));

    JsonNode j = JSON.readTree(run("compare", "--format", "json", TEHRAN, MEHR).succeeds());
    JsonNode passages = j.get("passages");
    assertEquals(
        passages.get("shared").size() + passages.get("only_a").size(),
        doc.select("#texts span.p[title^=a ]").size(),
        "every passage of a once");
    assertEquals(
        passages.get("only_b").size(),
        doc.select("#texts span.p.own-b, #texts span.p.furniture[title^=b ]").size(),
        "every own passage of b once");
    for (String[] kind : new String[][] {{"only_a", "own-a", "a"}, {"only_b", "own-b", "b"}}) {
      for (JsonNode p : passages.get(kind[0])) {
        Element span =
            doc.select(
                    "#texts span.p."
                        + kind[1]
                        + "[data-start="
                        + p.get("start").asInt()
                        + "][data-end="
                        + p.get("end").asInt()
                        + "]")
                .first();
        assertTrue(span != null, () -> "no span for " + p);
        assertEquals(p.get("text").asText(), span.wholeText());
        assertEquals(
            kind[2] + " [" + p.get("start") + ", " + p.get("end") + "): only in " + kind[2],
            span.attr("title"));
        assertEquals("0", span.attr("tabindex"), "marked passages take the focus");
      }
    }
    // The shared story sits on one row: a's cell and b's cell side by side.
    Element sharedA = doc.select("#texts span.p.shared[title^=a ]").first();
    Element sharedB = doc.select("#texts span.p.shared[title^=b ]").first();
    assertEquals(
        sharedA.parent().parent().elementSiblingIndex() + 1,
        sharedB.parent().parent().elementSiblingIndex());
    assertTrue(sharedA.wholeText().contains("Alizadeh said in a meeting"));
    // The passage table gives the offsets as text too.
    assertTrue(doc.getElementById("passage-table").text().contains("only in a 0 79 79"));
  }

  @Test
  void everythingFromTheInputIsEscaped() throws IOException {
    String evil =
        "<script>alert('x')</script> & \"quotes\" </span></div><b>bold</b> <!-- c --> \u0001"
            + " end";
    Path a = dir.resolve("<img src=x onerror=alert(1)>.txt");
    Path b = dir.resolve("b.txt");
    Files.writeString(a, "Shared words of both texts go here. " + evil, StandardCharsets.UTF_8);
    Files.writeString(b, "Shared words of both texts go here. Other.", StandardCharsets.UTF_8);
    String html = run("compare", "--format", "html", a.toString(), b.toString()).succeeds();
    assertSelfContained(html);
    Document doc = parse(html);
    assertTrue(doc.select("script, img, #texts b").isEmpty(), html);
    assertTrue(doc.text().contains("<img src=x onerror=alert(1)>.txt"), "the id, as text");
    StringBuilder textA = new StringBuilder();
    for (Element span : doc.select("#texts span.p[title^=a ]")) {
      textA.append(span.wholeText());
    }
    assertTrue(
        textA
            .toString()
            .contains(
                "<script>alert('x')</script> & \"quotes\" </span></div><b>bold</b> <!-- c -->"
                    + " \uFFFD end"),
        textA::toString);
    assertEquals(1, doc.select("#texts span.own-a").size(), html);
  }

  @Test
  void furnitureHasItsOwnColour() {
    TextProfiler profiler = TextProfiler.defaults();
    String a = "Leave a comment below please. The story itself is here in full words.";
    String b = "The story itself is here in full words. Licence: all rights reserved here.";
    Explanation x =
        Explainer.explain(
            profiler.profile(a),
            profiler.profile(b),
            profiler.profile("Leave a comment below please.").shingles(),
            io.textsim.core.shingle.ShingleSet.empty());
    PairResult pair = UseCases.compare(a, b, PairOptions.builder().build());
    Reports.Compare r =
        new Reports.Compare(
            new Reports.Doc("a", a.length(), pair.a().tokenCount()),
            new Reports.Doc("b", b.length(), pair.b().tokenCount()),
            pair.comparison(),
            pair.judgement(),
            x,
            java.util.Optional.empty());
    StringWriter w = new StringWriter();
    CompareHtml.write(r, new Input("a", a), new Input("b", b), new PrintWriter(w));
    Document doc = parse(w.toString());
    Element furniture = doc.select("#texts span.furniture").first();
    assertEquals("Leave a comment below please.", furniture.wholeText());
    assertEquals("a [0, 29): page furniture, only in a", furniture.attr("title"));
    assertEquals(1, doc.select("#texts span.own-b").size());
  }

  @Test
  void clusterReportListsClustersLargestFirstWithEachMembersDifference() throws IOException {
    Path articles = dir.resolve("articles");
    Files.createDirectories(articles);
    for (String f : List.of(TEHRAN, MEHR)) {
      Files.copy(Path.of(f), articles.resolve(Path.of(f).getFileName()));
    }
    String story = Files.readString(Path.of(MEHR), StandardCharsets.UTF_8);
    Files.writeString(articles.resolve("mehr-copy.txt"), story + " Republished with <thanks>.");
    Files.copy(Path.of(HtmlInputTest.GAZETTE), articles.resolve("harbour-gazette.html"));
    Files.copy(Path.of(HtmlInputTest.COURIER), articles.resolve("coastal-courier.html"));
    Files.writeString(articles.resolve("other <i>.txt"), "A note on something else entirely.");
    String html = run("cluster", "--format", "html", articles.toString()).succeeds();
    assertSelfContained(html);
    Document doc = parse(html);
    assertTrue(doc.getElementById("summary").text().startsWith("6 documents in 3 clusters"));
    List<Element> clusters = doc.select("section.cluster[id^=cluster-]");
    assertEquals(2, clusters.size());
    List<Integer> sizes = new ArrayList<>();
    for (Element c : clusters) {
      sizes.add(c.select("table.members tbody tr.member").size());
    }
    assertEquals(List.of(3, 2), sizes, "largest first");
    Element first = clusters.get(0);
    String rep = first.selectFirst(".representative").text();
    assertTrue(rep.endsWith(".txt"), rep);
    List<Element> details = first.select("table.members details");
    assertEquals(2, details.size(), "every member but the representative has its difference");
    Element copy =
        details.stream()
            .filter(d -> d.selectFirst("summary").text().endsWith("mehr-copy.txt"))
            .findFirst()
            .orElseThrow();
    assertFalse(copy.hasAttr("open"), "differences are shown on demand");
    assertTrue(copy.select(".diff").text().contains("Republished with <thanks>."), copy.html());
    assertTrue(doc.select("#singletons li").text().contains("other <i>.txt"));
    assertTrue(doc.select("#singletons i").isEmpty(), "ids are escaped");
    // Scores as text beside the bars.
    for (Element row : first.select("table.members tbody tr.member")) {
      assertTrue(row.select("td.num").text().matches("[01]\\.\\d{4}"), row.html());
    }
  }
}
