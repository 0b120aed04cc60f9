package io.textsim.cli;

import static io.textsim.cli.Cli.run;
import static io.textsim.cli.Cli.runWithStdin;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Pages as input: the two example pages, JSONL's html field, bytes a page's charset refuses. */
class HtmlInputTest {
  static final Path PAGES = Path.of("..", "examples", "html");
  static final String GAZETTE = PAGES.resolve("harbour-gazette.html").toString();
  static final String COURIER = PAGES.resolve("coastal-courier.html").toString();

  /** Text in the two pages' scripts, styles, templates and hidden elements: never read. */
  static final List<String> NEVER_READ =
      List.of(
          "HARBOUR-SCRIPT-TEXT",
          "stylesheet text",
          "LD JSON script text",
          "Harbour late script text",
          "Courier ad script text",
          "Template comment text",
          "enable JavaScript",
          "Accept all cookies",
          "Subscriber-only",
          "Advertisement",
          "Hidden tracking",
          "share icon",
          "| The Harbour Gazette",
          "gtag",
          "font-family");

  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path dir;

  @Test
  void theTwoPagesAreNearDuplicatesAndNoScriptOrStyleIsRead() {
    Cli.Result r = run("compare", "--explain", GAZETTE, COURIER);
    String out = r.succeeds();
    assertEquals("", r.err());
    assertTrue(out.contains("\nnear-duplicate  (jaccard 0."), out);
    assertTrue(out.lines().findFirst().orElseThrow().endsWith("(visible text of a page in UTF-8)"));
    assertTrue(out.contains("words (visible text of a page in windows-1252)"), out);
    for (String hidden : NEVER_READ) {
      assertFalse(out.contains(hidden), () -> hidden + " was read:\n" + out);
    }
    // The windows-1252 page's apostrophes and quotes (bytes 0x92 to 0x94) are typographic.
    String b = out.substring(out.indexOf("passages of b:"));
    assertTrue(b.contains("the county\u2019s highways department"), b);
    assertTrue(b.contains("\u201CWe\u2019ve patched it"), b);
    assertTrue(b.contains("Quayside Caf\u00e9"), b);
    // Site chrome is what only one page has.
    assertTrue(out.contains("only in a\n    Most read"), out);
    assertTrue(out.contains("only in b\n    Share this story: Email | Print"), out);
  }

  @Test
  void theJsonSaysTheOffsetsReferToTheExtractedText() throws IOException {
    JsonNode j = JSON.readTree(run("compare", "--format", "json", GAZETTE, COURIER).succeeds());
    assertEquals("near-duplicate", j.get("verdict").asText());
    for (String side : List.of("a", "b")) {
      assertEquals("html", j.get(side).get("input").asText());
      assertEquals("extracted_text", j.get(side).get("offsets").asText());
    }
    assertEquals("UTF-8", j.get("a").get("charset").asText());
    assertEquals("meta", j.get("a").get("charset_source").asText());
    assertEquals("windows-1252", j.get("b").get("charset").asText());
    assertEquals("meta", j.get("b").get("charset_source").asText());
    // The offsets are those of the visible text: the chrome comes first in it.
    JsonNode firstOwn = j.get("passages").get("only_a").get(0);
    assertEquals(0, firstOwn.get("start").asInt());
    assertTrue(firstOwn.get("text").asText().startsWith("The Harbour Gazette\n\nNews\nSport"));
  }

  @Test
  void plainTextJsonHasNoInputNote() throws IOException {
    JsonNode j = JSON.readTree(run("compare", "--format", "json", Cli.TEHRAN, Cli.MEHR).succeeds());
    assertFalse(j.get("a").has("input"));
    assertEquals(List.of("id", "chars", "tokens"), fieldNames(j.get("a")));
  }

  private static List<String> fieldNames(JsonNode n) {
    List<String> out = new java.util.ArrayList<>();
    n.fieldNames().forEachRemaining(out::add);
    return out;
  }

  @Test
  void htmAndUpperCaseNamesArePagesOtherNamesAreText() throws IOException {
    Path htm = dir.resolve("page.HTM");
    Path txt = dir.resolve("page.txt");
    String page = "<p>Same <b>words</b> here, and <script>var x;</script>more</p>";
    Files.writeString(htm, page, StandardCharsets.UTF_8);
    Files.writeString(txt, page, StandardCharsets.UTF_8);
    String out = run("compare", "--explain", htm.toString(), txt.toString()).succeeds();
    assertTrue(out.contains("\n    Same words here, and more\n"), out);
    assertTrue(out.contains("<script>var x;</script>"), "the .txt is read as it is:\n" + out);
  }

  @Test
  void aPageWithBytesItsCharsetRefusesIsReadWithANote() throws IOException {
    Path page = dir.resolve("undeclared.html");
    byte[] bytes = "<p>It\u2019s here</p>".getBytes(Charset.forName("windows-1252"));
    Files.write(page, bytes);
    Cli.Result r = run("compare", page.toString(), page.toString());
    r.succeeds();
    assertEquals(
        "client-cli: note: "
            + page
            + ": 1 byte sequence not valid in UTF-8 (the default, no declaration found) became"
            + " U+FFFD; if the page is in another character set, declare it with <meta"
            + " charset=\"...\">",
        r.err().lines().findFirst().orElseThrow());
  }

  @Test
  void jsonlLinesMayGiveHtmlInsteadOfText() throws IOException {
    String story =
        "The swing bridge will close for eleven weeks while engineers replace the gear that turns"
            + " it, the county said on Tuesday, and a foot ferry will run every fifteen minutes.";
    String jsonl =
        JSON.writeValueAsString(
                java.util.Map.of(
                    "id",
                    "page",
                    "html",
                    "<nav>Home</nav><script>var ad = 1;</script><p>" + story + "</p>"))
            + "\n"
            + JSON.writeValueAsString(java.util.Map.of("id", "text", "text", story))
            + "\n"
            + JSON.writeValueAsString(java.util.Map.of("id", "other", "text", "Something else."))
            + "\n";
    JsonNode j =
        JSON.readTree(
            runWithStdin(jsonl, "cluster", "--jsonl", "-", "--format", "json").succeeds());
    assertEquals(2, j.get("clusters").get(0).get("size").asInt(), j.toString());
    assertEquals(3, j.get("documents").asInt());
  }

  @Test
  void jsonlTextAndHtmlTogetherOrHtmlNotAStringAreRefused() {
    assertEquals(
        "client-cli: <stdin> line 1: give \"text\" or \"html\", not both",
        runWithStdin(
                "{\"id\": 1, \"text\": \"a\", \"html\": \"<p>a\"}\n", "cluster", "--jsonl", "-")
            .failsWithOneLine());
    assertEquals(
        "client-cli: <stdin> line 1: \"html\" must be a string",
        runWithStdin("{\"id\": 1, \"html\": 5}\n", "cluster", "--jsonl", "-").failsWithOneLine());
  }

  @Test
  void aDirectoryOfPagesClustersTheirVisibleText() throws IOException {
    Files.copy(Path.of(GAZETTE), dir.resolve("a.html"));
    Files.copy(Path.of(COURIER), dir.resolve("b.htm"));
    Files.writeString(dir.resolve("c.txt"), "A note on something else entirely.");
    String out = run("cluster", dir.toString()).succeeds();
    assertTrue(out.startsWith("3 documents in 2 clusters: 1 of two or more, 1 singleton"), out);
  }
}
