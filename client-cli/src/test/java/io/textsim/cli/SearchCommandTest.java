package io.textsim.cli;

import static io.textsim.cli.Cli.MEHR;
import static io.textsim.cli.Cli.TEHRAN;
import static io.textsim.cli.Cli.run;
import static io.textsim.cli.CompareCommandTest.fieldNames;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code search}: best first, --top, --min-score, --measure, the query itself left out. */
class SearchCommandTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path dir;

  private Path corpus;

  @BeforeEach
  void corpus() throws IOException {
    corpus = dir.resolve("corpus");
    Files.createDirectories(corpus);
    String tehran = Files.readString(Path.of(TEHRAN), StandardCharsets.UTF_8);
    Files.writeString(corpus.resolve("query.txt"), tehran, StandardCharsets.UTF_8);
    Files.copy(Path.of(MEHR), corpus.resolve("mehr.txt"));
    // Half of the story: contained in the query, but a lower Jaccard.
    Files.writeString(
        corpus.resolve("half.txt"),
        tehran.substring(0, tehran.length() / 2),
        StandardCharsets.UTF_8);
    Files.writeString(
        corpus.resolve("fox.txt"),
        "The quick brown fox jumps over the lazy dog.",
        StandardCharsets.UTF_8);
  }

  @Test
  void bestFirstAsText() {
    String query = corpus.resolve("query.txt").toString();
    String out = run("search", "@" + query, corpus.toString()).succeeds();
    List<String> lines = out.lines().toList();
    assertEquals(query + " against 3 documents by jaccard: best 10", lines.get(0));
    assertEquals("rank  score   document", lines.get(1));
    assertTrue(lines.get(2).matches("   1  0\\.9262  .*mehr\\.txt"), out);
    assertTrue(lines.get(3).matches("   2  0\\.\\d{4}  .*half\\.txt"), out);
    assertTrue(lines.get(4).matches("   3  0\\.0000  .*fox\\.txt"), out);
    assertEquals(5, lines.size(), out);
  }

  @Test
  void topAndMinScoreAsJson() throws IOException {
    String query = corpus.resolve("query.txt").toString();
    JsonNode json =
        JSON.readTree(
            run(
                    "search",
                    "--format",
                    "json",
                    "--top",
                    "1",
                    "--min-score",
                    "0.2",
                    "@" + query,
                    corpus.toString())
                .succeeds());
    assertEquals(
        List.of("query", "documents", "measure", "top", "min_score", "furniture", "matches"),
        fieldNames(json));
    // Three pages of one directory are too few to learn furniture from: scores as given.
    JsonNode furniture = json.get("furniture");
    assertEquals("documents", furniture.get("learned_from").asText());
    assertEquals(0, furniture.get("shingles").asInt(), furniture.toString());
    assertEquals(query, json.get("query").asText());
    assertEquals(3, json.get("documents").asInt());
    assertEquals("jaccard", json.get("measure").asText());
    assertEquals(1, json.get("top").asInt());
    assertEquals(0.2, json.get("min_score").asDouble());
    assertEquals(1, json.get("matches").size());
    JsonNode best = json.get("matches").get(0);
    assertEquals(List.of("rank", "id", "score"), fieldNames(best));
    assertEquals(1, best.get("rank").asInt());
    assertEquals(corpus.resolve("mehr.txt").toString(), best.get("id").asText());
    assertEquals(439.0 / 474, best.get("score").asDouble(), 1e-15);
  }

  @Test
  void containmentRanksACopiedHalfFirst() throws IOException {
    String query = corpus.resolve("half.txt").toString();
    JsonNode json =
        JSON.readTree(
            run(
                    "search",
                    "--format=json",
                    "--measure=containment_a_in_b",
                    "@" + query,
                    corpus.toString())
                .succeeds());
    assertEquals(
        corpus.resolve("query.txt").toString(), json.get("matches").get(0).get("id").asText());
    // All but the shingle cut at the end of the half is in the full story.
    assertTrue(json.get("matches").get(0).get("score").asDouble() > 0.99);
  }

  @Test
  void aShortQueryIsFoundWordForWordWithItsPlace() throws IOException {
    Files.writeString(
        corpus.resolve("tenants.txt"),
        "The council met. Tenants fear eviction as rents rise.",
        StandardCharsets.UTF_8);
    for (String measure : List.of("jaccard", "containment_a_in_b")) {
      JsonNode json =
          JSON.readTree(
              run(
                      "search",
                      "--format",
                      "json",
                      "--measure",
                      measure,
                      "tenants fear eviction",
                      corpus.toString())
                  .succeeds());
      assertEquals("tenants fear eviction", json.get("query").asText());
      JsonNode best = json.get("matches").get(0);
      assertEquals(corpus.resolve("tenants.txt").toString(), best.get("id").asText(), measure);
      assertTrue(best.get("score").asDouble() > 0, measure);
      assertEquals(List.of("rank", "id", "score", "located"), fieldNames(best));
      JsonNode at = best.get("located").get(0);
      assertEquals(17, at.get("start").asInt());
      assertEquals(38, at.get("end").asInt());
      assertEquals("Tenants fear eviction", at.get("text").asText());
      for (int i = 1; i < json.get("matches").size(); i++) {
        assertEquals(0.0, json.get("matches").get(i).get("score").asDouble(), measure);
      }
    }
    String text = run("search", "tenants fear eviction", corpus.toString()).succeeds();
    assertTrue(text.contains("tenants.txt  at [17, 38)\n"), text);
  }

  @Test
  void aQueryThatNamesAFileGetsANote() {
    String query = corpus.resolve("query.txt").toString();
    Cli.Result r = run("search", query, corpus.toString());
    r.succeeds();
    assertTrue(r.err().contains("QUERY is searched as text"), r.err());
    assertTrue(r.err().contains("give @" + query), r.err());
  }

  @Test
  void theQueryFromStandardInput() {
    String out =
        Cli.runWithStdin("tenants fear eviction", "search", "-", corpus.toString()).succeeds();
    assertTrue(out.startsWith("- against 4 documents by jaccard"), out);
  }

  @Test
  void cosineAndCsv() {
    String query = corpus.resolve("query.txt").toString();
    String out =
        run("search", "--format", "csv", "--measure", "cosine", "@" + query, corpus.toString())
            .succeeds();
    List<String> lines = out.lines().toList();
    assertEquals("rank,id,score", lines.get(0));
    assertEquals(4, lines.size(), out);
    assertTrue(lines.get(1).startsWith("1," + corpus.resolve("mehr.txt") + ",0.9"), out);
  }

  @Test
  void noMatchAboveTheMinimum() {
    Cli.Result r = run("search", "--min-score", "1", "@" + corpus.resolve("fox.txt"), MEHR);
    assertTrue(r.succeeds().endsWith("\nno match at or above the minimum score\n"), r.out());
  }

  @Test
  void onlyTheQueryIsAnError() {
    String query = corpus.resolve("query.txt").toString();
    assertEquals(
        "client-cli: no documents to search: the paths hold only the query " + query,
        run("search", "@" + query, query).failsWithOneLine());
  }

  @Test
  void usageErrors() {
    assertTrue(run("search", TEHRAN).isUsageError().contains("Missing documents to search"));
    assertTrue(
        run("search", "--top", "0", TEHRAN, MEHR)
            .isUsageError()
            .contains("'0' must be at least 1"));
    assertTrue(
        run("search", "--measure", "bogus", TEHRAN, MEHR)
            .isUsageError()
            .contains("unknown measure 'bogus'"));
    assertTrue(
        run("search", "--min-score", "7", TEHRAN, MEHR).isUsageError().contains("not in [0, 1]"));
  }
}
