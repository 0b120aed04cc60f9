package io.textsim.cli;

import static io.textsim.cli.Cli.MEHR;
import static io.textsim.cli.Cli.TEHRAN;
import static io.textsim.cli.Cli.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code compare}: the seed pair as a table and as JSON, options, empty texts. */
class CompareCommandTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path dir;

  @Test
  void seedPairTableSaysNearDuplicateAndShowsThePageFurniture() {
    Cli.Result r = run("compare", TEHRAN, MEHR);
    String out = r.succeeds();
    assertEquals("", r.err());
    List<String> lines = out.lines().toList();
    assertTrue(lines.get(0).startsWith("a  " + TEHRAN), out);
    assertTrue(lines.get(0).endsWith("3,153 chars, 476 words"), out);
    assertTrue(lines.get(1).endsWith("3,139 chars, 475 words"), out);
    assertTrue(out.contains("\nnear-duplicate  (jaccard 0.9262 ≥ threshold 0.5)\n"), out);
    for (String m :
        List.of(
            "jaccard",
            "containment_a_in_b",
            "containment_b_in_a",
            "overlap",
            "cosine",
            "levenshtein",
            "token_levenshtein")) {
      assertTrue(out.lines().anyMatch(l -> l.startsWith(m + " ")), m + " missing:\n" + out);
    }
    assertTrue(out.contains("edit distance 186 chars"), out);
    assertTrue(out.contains("edit distance 29 words"), out);
    String onlyA = section(out, "only in a", "only in b");
    assertTrue(onlyA.contains("Azerbaijan seeking to upgrade ties with Iran: ambassador"), onlyA);
    assertTrue(onlyA.contains("June 19, 2022 - 21:32"), onlyA);
    assertTrue(onlyA.contains("Leave a Comment⏎⏎5 + 10 ="), onlyA);
    String onlyB = section(out, "only in b", "shared");
    assertTrue(
        onlyB.contains(
            "All Content by Mehr News Agency is licensed under a Creative Commons Attribution 4.0"
                + " International License."),
        onlyB);
    assertTrue(out.contains("shared     1 passage"), out);
    // The shared story is summarized, not printed.
    assertFalse(out.contains("Alizadeh said in a meeting"), out);
  }

  /** A story inside a page of other text: Jaccard is low, containment decides (Verdict rule). */
  @Test
  void aTextContainedInAnotherIsANearDuplicateAndTheReasonSaysSo() throws IOException {
    String story = Files.readString(Path.of(MEHR), StandardCharsets.UTF_8);
    StringBuilder page = new StringBuilder(story);
    for (int i = 0; i < 400; i++) {
      page.append(" unrelated sidebar item number ").append(i).append(" of the portal page");
    }
    Path a = dir.resolve("story.txt");
    Path b = dir.resolve("page.txt");
    Files.writeString(a, story, StandardCharsets.UTF_8);
    Files.writeString(b, page.toString(), StandardCharsets.UTF_8);
    String out = run("compare", a.toString(), b.toString()).succeeds();
    String verdict = out.lines().filter(l -> l.startsWith("near-duplicate")).findFirst().orElse("");
    assertTrue(verdict.startsWith("near-duplicate  (100% of a is in b, though jaccard 0."), out);
    assertTrue(verdict.endsWith(" < threshold 0.5)"), out);
    String swapped = run("compare", b.toString(), a.toString()).succeeds();
    assertTrue(swapped.contains("near-duplicate  (100% of b is in a, though jaccard 0."), swapped);
  }

  @Test
  void seedPairJsonHasTheDocumentedShape() throws IOException {
    Cli.Result r = run("compare", "--format", "json", TEHRAN, MEHR);
    JsonNode json = JSON.readTree(r.succeeds());
    assertEquals(
        List.of(
            "a",
            "b",
            "scores",
            "levenshtein_distance",
            "token_levenshtein_distance",
            "verdict",
            "threshold",
            "passages"),
        fieldNames(json));
    assertEquals(TEHRAN, json.get("a").get("id").asText());
    assertEquals(3153, json.get("a").get("chars").asInt());
    assertEquals(476, json.get("a").get("tokens").asInt());
    assertEquals(MEHR, json.get("b").get("id").asText());
    assertEquals(475, json.get("b").get("tokens").asInt());
    JsonNode scores = json.get("scores");
    assertEquals(439.0 / (457 + 456 - 439), scores.get("jaccard").asDouble(), 1e-15);
    assertEquals(439.0 / 457, scores.get("containment_a_in_b").asDouble(), 1e-15);
    assertEquals(439.0 / 456, scores.get("containment_b_in_a").asDouble(), 1e-15);
    for (String m : List.of("cosine", "levenshtein", "token_levenshtein", "overlap")) {
      double v = scores.get(m).asDouble();
      assertTrue(v > 0.9 && v <= 1.0, m + " " + v);
    }
    assertEquals(186, json.get("levenshtein_distance").asInt());
    assertEquals(29, json.get("token_levenshtein_distance").asInt());
    assertEquals("near-duplicate", json.get("verdict").asText());
    assertEquals(0.5, json.get("threshold").asDouble());
    JsonNode passages = json.get("passages");
    assertEquals(List.of("shared", "only_a", "only_b"), fieldNames(passages));
    String a = Files.readString(Path.of(TEHRAN), StandardCharsets.UTF_8);
    String b = Files.readString(Path.of(MEHR), StandardCharsets.UTF_8);
    assertPassagesMatch(a, passages.get("shared"));
    assertPassagesMatch(a, passages.get("only_a"));
    assertPassagesMatch(b, passages.get("only_b"));
    assertEquals(
        "Azerbaijan seeking to upgrade ties with Iran: ambassador\n\nJune 19, 2022 - 21:32",
        passages.get("only_a").get(0).get("text").asText());
    assertEquals("Leave a Comment\n\n5 + 10 =", passages.get("only_a").get(1).get("text").asText());
    assertEquals(
        "All Content by Mehr News Agency is licensed under a Creative Commons Attribution 4.0"
            + " International License.",
        passages.get("only_b").get(0).get("text").asText());
    assertTrue(
        passages.get("shared").get(0).get("text").asText().startsWith("TEHRAN - Ali Alizadeh"));
  }

  private static void assertPassagesMatch(String text, JsonNode passages) {
    assertTrue(passages.isArray() && passages.size() > 0);
    for (JsonNode p : passages) {
      assertEquals(List.of("start", "end", "text"), fieldNames(p));
      assertEquals(
          text.substring(p.get("start").asInt(), p.get("end").asInt()), p.get("text").asText());
    }
  }

  @Test
  void explainShowsEveryPassageInFull() {
    String out = run("compare", "--explain", TEHRAN, MEHR).succeeds();
    assertTrue(out.contains("passages of a: 1 shared, 2 only in a"), out);
    assertTrue(out.contains("passages of b: 1 shared, 1 only in b"), out);
    assertTrue(out.contains("Alizadeh said in a meeting with Mahmoud Shalouei"), out);
    // Line breaks kept, not shortened.
    assertTrue(out.contains("    Leave a Comment\n\n    5 + 10 =\n"), out);
    assertFalse(out.contains("…  ("), out);
  }

  @Test
  void longPassagesAreElidedInTheMiddle() throws IOException {
    String story = Files.readString(Path.of(TEHRAN), StandardCharsets.UTF_8);
    Path a = write("a.txt", "Completely different words are written here at the top. " + story);
    Path b = write("b.txt", story.substring(0, 1500));
    String out = run("compare", a.toString(), b.toString()).succeeds();
    String onlyA = section(out, "only in a", "only in b");
    assertTrue(onlyA.contains(" … ("), onlyA);
    assertTrue(onlyA.contains(" chars) … "), onlyA);
    for (String line : onlyA.lines().toList()) {
      assertTrue(
          line.codePointCount(0, line.length()) <= Display.PASSAGE_WIDTH + 20, "too long: " + line);
    }
  }

  @Test
  void measuresOptionAddsWhatTheVerdictNeeds() throws IOException {
    JsonNode json =
        JSON.readTree(
            run("compare", "--format=json", "--measures", "cosine", TEHRAN, MEHR).succeeds());
    assertEquals(
        List.of("jaccard", "containment_a_in_b", "containment_b_in_a", "cosine"),
        fieldNames(json.get("scores")));
    assertTrue(json.get("levenshtein_distance").isNull());
  }

  @Test
  void measuresAllIncludesTheQuadraticOnes() throws IOException {
    JsonNode json =
        JSON.readTree(
            run("compare", "--format", "json", "--measures", "all", TEHRAN, MEHR).succeeds());
    List<String> names = fieldNames(json.get("scores"));
    assertTrue(names.contains("jaro_winkler"), names.toString());
    assertTrue(names.contains("damerau_osa"), names.toString());
  }

  @Test
  void thresholdAndShingleSizeChangeTheResult() throws IOException {
    JsonNode strict =
        JSON.readTree(
            run("compare", "--format", "json", "--threshold", "0.95", TEHRAN, MEHR).succeeds());
    assertEquals(0.95, strict.get("threshold").asDouble());
    // Still a near-duplicate: 96% of each text is in the other.
    assertEquals("near-duplicate", strict.get("verdict").asText());
    JsonNode k1 =
        JSON.readTree(
            run("compare", "--format", "json", "--shingle-size", "1", TEHRAN, MEHR).succeeds());
    assertTrue(
        k1.get("scores").get("jaccard").asDouble() != 439.0 / (457 + 456 - 439), k1.toString());
  }

  @Test
  void unrelatedTextsAreDifferent() throws IOException {
    Path a = write("a.txt", "The quick brown fox jumps over the lazy dog near the river bank.");
    Path b = write("b.txt", "Quarterly earnings rose sharply as the company sold more phones.");
    String out = run("compare", a.toString(), b.toString()).succeeds();
    assertTrue(out.contains("\ndifferent  (jaccard 0.0000 < a quarter of threshold 0.5)\n"), out);
  }

  @Test
  void emptyFileGetsANoteAndADefinedScore() throws IOException {
    Path empty = write("empty.txt", "");
    Cli.Result r = run("compare", "--format", "json", empty.toString(), TEHRAN);
    JsonNode json = JSON.readTree(r.succeeds());
    assertEquals(0.0, json.get("scores").get("jaccard").asDouble());
    assertEquals("different", json.get("verdict").asText());
    assertEquals(
        "client-cli: note: "
            + empty
            + " is empty; it has no words, so it matches only other empty texts (scores are still"
            + " defined)",
        r.err().strip());
  }

  @Test
  void twoWhitespaceOnlyFilesAreIdentical() throws IOException {
    Path a = write("a.txt", "  \n\t\n");
    Path b = write("b.txt", "\u00a0\n");
    Cli.Result r = run("compare", "--format", "json", a.toString(), b.toString());
    JsonNode json = JSON.readTree(r.succeeds());
    assertEquals(1.0, json.get("scores").get("jaccard").asDouble());
    assertEquals(2, r.err().lines().count(), r.err());
    assertTrue(r.err().contains(a + " holds only white space"), r.err());
  }

  @Test
  void standardInputIsReadForDash() throws IOException {
    String text = Files.readString(Path.of(MEHR), StandardCharsets.UTF_8);
    JsonNode json =
        JSON.readTree(
            Cli.runWithStdin(text, "compare", "--format", "json", TEHRAN, "-").succeeds());
    assertEquals("-", json.get("b").get("id").asText());
    assertEquals("near-duplicate", json.get("verdict").asText());
  }

  @Test
  void utf8ByteOrderMarkIsAccepted() throws IOException {
    Path bom = dir.resolve("bom.txt");
    byte[] body = Files.readAllBytes(Path.of(MEHR));
    byte[] withBom = new byte[body.length + 3];
    withBom[0] = (byte) 0xEF;
    withBom[1] = (byte) 0xBB;
    withBom[2] = (byte) 0xBF;
    System.arraycopy(body, 0, withBom, 3, body.length);
    Files.write(bom, withBom);
    JsonNode json =
        JSON.readTree(
            run("compare", "--format", "json", MEHR, bom.toString(), "--measures", "jaccard")
                .succeeds());
    assertEquals(1.0, json.get("scores").get("jaccard").asDouble());
  }

  private Path write(String name, String text) throws IOException {
    Path p = dir.resolve(name);
    Files.writeString(p, text, StandardCharsets.UTF_8);
    return p;
  }

  static String section(String out, String from, String to) {
    int start = out.indexOf("\n" + from);
    int end = out.indexOf("\n" + to, start + 1);
    assertTrue(start >= 0 && end > start, "no section '" + from + "' in:\n" + out);
    return out.substring(start + 1, end);
  }

  static List<String> fieldNames(JsonNode node) {
    List<String> names = new ArrayList<>();
    node.fieldNames().forEachRemaining(names::add);
    return names;
  }
}
