package io.textsim.cli;

import static io.textsim.cli.Cli.MEHR;
import static io.textsim.cli.Cli.TEHRAN;
import static io.textsim.cli.Cli.run;
import static io.textsim.cli.CompareCommandTest.fieldNames;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code compare --furniture-from}: furniture marked, content scored apart. */
class CompareFurnitureTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String OUTLETS = Path.of("..", "examples", "outlets").toString();

  @TempDir Path dir;

  @Test
  void seedPairWithTheOutletsFurnitureAsJson() throws IOException {
    JsonNode json =
        JSON.readTree(
            run("compare", "--format", "json", TEHRAN, MEHR, "--furniture-from", OUTLETS)
                .succeeds());
    assertEquals(
        List.of(
            "a",
            "b",
            "scores",
            "levenshtein_distance",
            "token_levenshtein_distance",
            "verdict",
            "threshold",
            "passages",
            "content_scores",
            "content_levenshtein_distance",
            "content_token_levenshtein_distance",
            "content_verdict"),
        fieldNames(json));
    assertEquals(fieldNames(json.get("scores")), fieldNames(json.get("content_scores")));
    // "scores" keeps its meaning: the texts as given.
    assertEquals(439.0 / (457 + 456 - 439), json.get("scores").get("jaccard").asDouble(), 1e-15);
    assertEquals(186, json.get("levenshtein_distance").asInt());
    double content = json.get("content_scores").get("jaccard").asDouble();
    assertTrue(content > json.get("scores").get("jaccard").asDouble(), "content " + content);
    assertEquals(1.0, json.get("content_scores").get("containment_b_in_a").asDouble());
    assertEquals("near-duplicate", json.get("content_verdict").asText());

    JsonNode passages = json.get("passages");
    for (String side : List.of("only_a", "only_b")) {
      for (JsonNode p : passages.get(side)) {
        assertEquals(List.of("start", "end", "text", "furniture"), fieldNames(p));
      }
    }
    for (JsonNode p : passages.get("shared")) {
      assertEquals(List.of("start", "end", "text"), fieldNames(p));
    }
    JsonNode licence = passages.get("only_b").get(0);
    assertTrue(licence.get("text").asText().startsWith("All Content by Mehr News Agency"));
    assertTrue(licence.get("furniture").asBoolean(), licence.toString());
    JsonNode headline = passages.get("only_a").get(0);
    assertTrue(headline.get("text").asText().startsWith("Azerbaijan seeking"));
    assertFalse(headline.get("furniture").asBoolean(), "the headline is this story's own");
  }

  @Test
  void textShowsFurnitureApartAndTheContentScores() {
    String out = run("compare", TEHRAN, MEHR, "--furniture-from", OUTLETS).succeeds();
    assertTrue(
        out.contains("\ncontent, the furniture taken out: near-duplicate  (jaccard 0."), out);
    assertTrue(out.contains("\nfurniture only in b  1 passage, 107 chars\n"), out);
    assertTrue(out.contains("\nonly in b  0 passages\n"), out);
    String explained =
        run("compare", "--explain", TEHRAN, MEHR, "--furniture-from", OUTLETS).succeeds();
    assertTrue(explained.contains("  [3032, 3139)  furniture only in b\n"), explained);
  }

  @Test
  void withoutFurnitureTheOutputIsUnchanged() {
    String plain = run("compare", "--format", "json", TEHRAN, MEHR).succeeds();
    assertFalse(plain.contains("furniture"), plain);
    assertFalse(plain.contains("content_scores"), plain);
  }

  @Test
  void tooFewPagesOfASourceGetANote() throws IOException {
    Path few = dir.resolve("few");
    Files.createDirectories(few);
    Files.writeString(few.resolve("one.txt"), "one page only", StandardCharsets.UTF_8);
    Cli.Result r = run("compare", TEHRAN, MEHR, "--furniture-from", few.toString());
    r.succeeds();
    assertTrue(r.err().contains("no source has 3 or more pages in --furniture-from"), r.err());
  }

  @Test
  void jsonlPagesWithSources() throws IOException {
    StringBuilder lines = new StringBuilder();
    int i = 0;
    for (Path outlet : List.of(Path.of(OUTLETS, "mehr-news"), Path.of(OUTLETS, "tehran-times"))) {
      try (var files = Files.list(outlet)) {
        for (Path p : files.sorted().toList()) {
          lines
              .append("{\"id\": \"p")
              .append(i++)
              .append("\", \"source\": \"")
              .append(outlet.getFileName())
              .append("\", \"text\": ")
              .append(JSON.writeValueAsString(Files.readString(p, StandardCharsets.UTF_8)))
              .append("}\n");
        }
      }
    }
    Path jsonl = dir.resolve("pages.jsonl");
    Files.writeString(jsonl, lines, StandardCharsets.UTF_8);
    String fromJsonl =
        run("compare", "--format", "json", TEHRAN, MEHR, "--furniture-from", jsonl.toString())
            .succeeds();
    String fromFiles =
        run("compare", "--format", "json", TEHRAN, MEHR, "--furniture-from", OUTLETS).succeeds();
    assertEquals(fromFiles, fromJsonl);
  }

  @Test
  void pathsAfterTheOptionAreItsOwn() {
    assertTrue(
        run("compare", "--furniture-from", OUTLETS, TEHRAN, MEHR)
            .isUsageError()
            .contains("--furniture-from takes every path after it: give A and B before it"));
  }

  @Test
  void aMissingPathIsOneLine() {
    String missing = dir.resolve("nope").toString();
    assertEquals(
        "client-cli: " + missing + ": no such file or directory",
        run("compare", TEHRAN, MEHR, "--furniture-from", missing).failsWithOneLine());
  }
}
