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
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code cluster}: directories and JSONL in; text, JSON and CSV out; every document once. */
class ClusterCommandTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path dir;

  private String tehran;
  private String mehr;

  @BeforeEach
  void seeds() throws IOException {
    tehran = Files.readString(Path.of(TEHRAN), StandardCharsets.UTF_8);
    mehr = Files.readString(Path.of(MEHR), StandardCharsets.UTF_8);
  }

  /** A directory: two copies of the seed story (one in a subdirectory), two others, a hidden. */
  private Path corpus() throws IOException {
    Path c = dir.resolve("corpus");
    Files.createDirectories(c.resolve("sub"));
    Files.writeString(c.resolve("tehran.txt"), tehran, StandardCharsets.UTF_8);
    Files.writeString(c.resolve("sub/mehr.txt"), mehr, StandardCharsets.UTF_8);
    Files.writeString(
        c.resolve("fox.txt"),
        "The quick brown fox jumps over the lazy dog.",
        StandardCharsets.UTF_8);
    Files.writeString(
        c.resolve("earnings.txt"),
        "Quarterly earnings rose sharply as the company sold more phones in Asia.",
        StandardCharsets.UTF_8);
    Files.writeString(c.resolve(".hidden.txt"), tehran, StandardCharsets.UTF_8);
    Files.createDirectories(c.resolve(".git"));
    Files.writeString(c.resolve(".git/config"), tehran, StandardCharsets.UTF_8);
    return c;
  }

  @Test
  void directoryAsJson() throws IOException {
    Path c = corpus();
    JsonNode json = JSON.readTree(run("cluster", "--format", "json", c.toString()).succeeds());
    assertEquals(
        List.of("documents", "threshold", "measure", "linkage", "clusters"), fieldNames(json));
    assertEquals(4, json.get("documents").asInt());
    assertEquals(0.3, json.get("threshold").asDouble());
    assertEquals("jaccard", json.get("measure").asText());
    assertEquals("representative", json.get("linkage").asText());
    assertEveryDocumentOnce(
        json,
        Set.of(
            c.resolve("tehran.txt").toString(),
            c.resolve("sub/mehr.txt").toString(),
            c.resolve("fox.txt").toString(),
            c.resolve("earnings.txt").toString()));
    JsonNode first = json.get("clusters").get(0);
    assertEquals(List.of("id", "size", "representative", "members"), fieldNames(first));
    assertEquals(1, first.get("id").asInt());
    assertEquals(2, first.get("size").asInt());
    Set<String> members = new HashSet<>();
    for (JsonNode m : first.get("members")) {
      assertEquals(List.of("id", "score"), fieldNames(m));
      members.add(m.get("id").asText());
    }
    assertEquals(
        Set.of(c.resolve("tehran.txt").toString(), c.resolve("sub/mehr.txt").toString()), members);
    assertEquals(
        first.get("representative").asText(), first.get("members").get(0).get("id").asText());
    assertEquals(1.0, first.get("members").get(0).get("score").asDouble());
    assertEquals(3, json.get("clusters").size());
  }

  private static void assertEveryDocumentOnce(JsonNode json, Set<String> ids) {
    List<String> seen = new ArrayList<>();
    for (JsonNode c : json.get("clusters")) {
      assertEquals(c.get("size").asInt(), c.get("members").size());
      for (JsonNode m : c.get("members")) {
        seen.add(m.get("id").asText());
      }
    }
    assertEquals(ids.size(), seen.size(), seen.toString());
    assertEquals(ids, new HashSet<>(seen));
  }

  @Test
  void directoryAsText() throws IOException {
    Path c = corpus();
    Cli.Result r = run("cluster", c.toString());
    String out = r.succeeds();
    assertEquals("", r.err());
    assertTrue(
        out.startsWith(
            "4 documents in 3 clusters: 1 of two or more, 2 singletons (jaccard ≥ 0.3,"
                + " representative linkage)\n"),
        out);
    assertTrue(out.contains("\ncluster 1  2 documents, representative "), out);
    assertTrue(out.contains("  1.0000  "), out);
    assertTrue(
        out.endsWith(
            "\nsingletons  2\n  "
                + c.resolve("earnings.txt")
                + "\n  "
                + c.resolve("fox.txt")
                + "\n"),
        out);
    assertFalse(out.contains(".hidden"), out);
  }

  @Test
  void csvHasOneRowPerDocument() throws IOException {
    Path c = corpus();
    String out = run("cluster", "--format", "csv", c.toString()).succeeds();
    List<String> lines = out.lines().toList();
    assertEquals("cluster,size,representative,id,score", lines.get(0));
    assertEquals(5, lines.size(), out);
    assertTrue(lines.get(1).startsWith("1,2,"), out);
    assertTrue(lines.get(3).matches("2,1,(.*),\\1,1\\.0"), out);
  }

  @Test
  void csvQuotesIdsWithCommas() throws IOException {
    String jsonl =
        "{\"id\": \"a, \\\"quoted\\\"\", \"text\": \"one two three four five\"}\n"
            + "{\"id\": \"b\", \"text\": \"six seven eight nine ten\"}\n";
    String out = Cli.runWithStdin(jsonl, "cluster", "--jsonl", "-", "--format", "csv").succeeds();
    assertTrue(out.contains("\n1,1,\"a, \"\"quoted\"\"\",\"a, \"\"quoted\"\"\",1.0\n"), out);
  }

  @Test
  void filesAndDirectoriesMixAndRepeatsAreReadOnce() throws IOException {
    Path c = corpus();
    String tehranPath = c.resolve("tehran.txt").toString();
    JsonNode json =
        JSON.readTree(
            run("cluster", "--format", "json", tehranPath, c.toString(), MEHR).succeeds());
    assertEquals(5, json.get("documents").asInt());
    assertEquals(3, json.get("clusters").get(0).get("size").asInt());
  }

  @Test
  void jsonlFileAndStandardInputGiveTheSameResult() throws IOException {
    StringBuilder jsonl = new StringBuilder();
    jsonl.append(line("tehran", tehran));
    jsonl.append("\n"); // blank lines are skipped
    jsonl.append(line("mehr", mehr));
    jsonl.append(line("fox", "The quick brown fox jumps over the lazy dog."));
    jsonl.append("{\"id\": 17, \"text\": \"numeric ids are accepted as text\"}\r\n");
    Path file = dir.resolve("docs.jsonl");
    Files.writeString(file, jsonl, StandardCharsets.UTF_8);
    String fromFile = run("cluster", "--format", "json", "--jsonl", file.toString()).succeeds();
    String fromStdin =
        Cli.runWithStdin(jsonl.toString(), "cluster", "--format", "json", "--jsonl", "-")
            .succeeds();
    assertEquals(fromFile, fromStdin);
    Path gz = dir.resolve("docs.jsonl.gz");
    try (java.io.OutputStream out = new java.util.zip.GZIPOutputStream(Files.newOutputStream(gz))) {
      out.write(jsonl.toString().getBytes(StandardCharsets.UTF_8));
    }
    assertEquals(fromFile, run("cluster", "--format", "json", "--jsonl", gz.toString()).succeeds());
    JsonNode json = JSON.readTree(fromFile);
    assertEquals(4, json.get("documents").asInt());
    assertEveryDocumentOnce(json, Set.of("tehran", "mehr", "fox", "17"));
    assertEquals("tehran", json.get("clusters").get(0).get("representative").asText());
  }

  @Test
  void optionsReachTheClusterer() throws IOException {
    Path c = corpus();
    JsonNode json =
        JSON.readTree(
            run(
                    "cluster",
                    "--format=json",
                    "--measure=OVERLAP",
                    "--linkage=average",
                    "--threshold=0.9",
                    "--shingle-size=3",
                    c.toString())
                .succeeds());
    assertEquals("overlap", json.get("measure").asText());
    assertEquals("average", json.get("linkage").asText());
    assertEquals(0.9, json.get("threshold").asDouble());
    assertEquals(2, json.get("clusters").get(0).get("size").asInt());
    JsonNode cosine =
        JSON.readTree(
            run("cluster", "--format=json", "--measure", "cosine", c.toString()).succeeds());
    assertEquals("cosine", cosine.get("measure").asText());
  }

  @Test
  void progressBarWhenAskedFor() throws IOException {
    Path c = corpus();
    Cli.Result r = run("cluster", "--progress", "always", "--format", "json", c.toString());
    JSON.readTree(r.succeeds());
    assertTrue(r.err().contains("\r"), r.err());
    assertTrue(r.err().contains("100%"), r.err());
    assertTrue(r.err().contains("client-cli: clustered 4 documents in "), r.err());
    // Not on a pipe by default.
    assertEquals("", run("cluster", c.toString()).err());
  }

  @Test
  void emptyFilesAreNotedAndStillClustered() throws IOException {
    Path c = dir.resolve("c");
    Files.createDirectories(c);
    for (int i = 0; i < 12; i++) {
      Files.writeString(c.resolve("empty" + (char) ('a' + i) + ".txt"), "");
    }
    Cli.Result r = run("cluster", "--format", "json", c.toString());
    JsonNode json = JSON.readTree(r.succeeds());
    assertEquals(12, json.get("documents").asInt());
    List<String> notes = r.err().lines().toList();
    assertEquals(11, notes.size(), r.err());
    assertEquals("client-cli: note: 2 more texts are empty or white space only", notes.get(10));
  }

  @Test
  void binaryFileInADirectoryIsNamed() throws IOException {
    Path c = corpus();
    Path bin = c.resolve("sub/logo.png");
    Files.write(bin, new byte[] {(byte) 0x89, 'P', 'N', 'G', 0, 0, 0, 0});
    assertEquals(
        "client-cli: " + bin + ": binary file (NUL byte at byte offset 4), expected UTF-8 text",
        run("cluster", c.toString()).failsWithOneLine());
  }

  @Test
  void emptyDirectoryIsAnError() throws IOException {
    Path empty = dir.resolve("empty");
    Files.createDirectories(empty.resolve(".hidden"));
    assertEquals(
        "client-cli: " + empty + ": directory holds no text files (hidden files are skipped)",
        run("cluster", empty.toString()).failsWithOneLine());
  }

  @Test
  void missingPathIsNamed() {
    String missing = dir.resolve("missing").toString();
    assertEquals(
        "client-cli: " + missing + ": no such file or directory",
        run("cluster", TEHRAN, missing).failsWithOneLine());
  }

  @Test
  void badJsonlLinesAreNamedByLine() throws IOException {
    String good = line("a", "some text here");
    assertJsonlError(
        good + "{\"id\": \"b\", \"text\": }\n",
        "<stdin> line 2: expected a value for \"text\" at column 21, found '}'");
    assertJsonlError(good + "{\"id\": \"b\"}\n", "<stdin> line 2: missing \"text\"");
    assertJsonlError(good + "{\"text\": \"x\"}\n", "<stdin> line 2: missing \"id\"");
    assertJsonlError(good + "[1, 2]\n", "<stdin> line 2: not a JSON object but an array");
    assertJsonlError(
        good + "{\"id\": \"b\", \"text\": 5}\n", "<stdin> line 2: \"text\" must be a string");
    assertJsonlError(
        good + "{\"id\": [1], \"text\": \"x\"}\n",
        "<stdin> line 2: \"id\" must be a string or an integer");
    assertJsonlError(good + good, "<stdin> line 2: duplicate id \"a\" (first on line 1)");
    assertJsonlError(
        good + "{\"id\": \"b\", \"text\": \"x\"} {\"id\": \"c\", \"text\": \"y\"}\n",
        "<stdin> line 2: more after the end of the value at column 26 ('{'): one JSON object a line");
    assertJsonlError("\n\n", "<stdin>: no documents");
  }

  private static void assertJsonlError(String jsonl, String expectedStart) {
    String err =
        Cli.runWithStdin(jsonl, "cluster", "--jsonl", "-", "--format", "json").failsWithOneLine();
    assertTrue(err.startsWith("client-cli: " + expectedStart), err);
  }

  @Test
  void invalidUtf8InJsonlGivesTheFileByteOffset() throws IOException {
    byte[] first = line("a", "some text").getBytes(StandardCharsets.UTF_8);
    byte[] second =
        "{\"id\": \"b\", \"text\": \"caf\u00e9\"}\n".getBytes(StandardCharsets.ISO_8859_1);
    byte[] all = new byte[first.length + second.length];
    System.arraycopy(first, 0, all, 0, first.length);
    System.arraycopy(second, 0, all, first.length, second.length);
    Path file = dir.resolve("bad.jsonl");
    Files.write(file, all);
    int offset = first.length + "{\"id\": \"b\", \"text\": \"caf".length();
    String err = run("cluster", "--jsonl", file.toString()).failsWithOneLine();
    assertTrue(
        err.startsWith(
            "client-cli: " + file + " line 2: invalid UTF-8 at byte offset " + offset + " (0xE9)"),
        err);
  }

  @Test
  void tooLargeTextInJsonl() {
    String err =
        Cli.runWithStdin(
                line("big", "x".repeat(5000)), "cluster", "--jsonl", "-", "--max-bytes", "4KB")
            .failsWithOneLine();
    assertTrue(
        err.startsWith(
            "client-cli: <stdin> line 1: text of \"big\" is 5000 bytes, over the limit of 4000"
                + " bytes; raise it with --max-bytes"),
        err);
  }

  @Test
  void jsonlDirectoryAndMissingFile() {
    assertEquals(
        "client-cli: " + dir + ": is a directory, expected a JSONL file",
        run("cluster", "--jsonl", dir.toString()).failsWithOneLine());
    String missing = dir.resolve("missing.jsonl").toString();
    assertEquals(
        "client-cli: " + missing + ": no such file or directory",
        run("cluster", "--jsonl", missing).failsWithOneLine());
  }

  @Test
  void usageErrors() {
    assertTrue(
        run("cluster")
            .isUsageError()
            .startsWith("client-cli cluster: Missing documents: give PATH... or --jsonl FILE"));
    assertTrue(
        run("cluster", "--jsonl", "x.jsonl", TEHRAN)
            .isUsageError()
            .startsWith("client-cli cluster: Give either PATH... or --jsonl FILE, not both"));
    assertTrue(
        run("cluster", "--measure", "levenshtein", TEHRAN)
            .isUsageError()
            .contains("unknown cluster measure 'levenshtein'; valid measures: jaccard, overlap"));
    assertTrue(
        run("cluster", "--linkage", "complete", TEHRAN)
            .isUsageError()
            .contains("'complete' is not one of single, representative, average"));
    assertTrue(
        run("cluster", "--threshold", "2", TEHRAN).isUsageError().contains("'2' is not in [0, 1]"));
  }

  private static String line(String id, String text) {
    ObjectNode node = JSON.createObjectNode();
    node.put("id", id);
    node.put("text", text);
    return node.toString() + "\n";
  }

  @Test
  void everyCandidateStrategyGivesTheSameClustersOnTheCorpus() throws IOException {
    Path c = corpus();
    String auto = run("cluster", "--format", "json", c.toString()).succeeds();
    for (String strategy : new String[] {"all-pairs", "lsh", "ALL-PAIRS"}) {
      assertEquals(
          auto,
          run("cluster", "--format", "json", "--candidates", strategy, c.toString()).succeeds(),
          strategy);
    }
    String err = run("cluster", "--candidates", "some", c.toString()).isUsageError();
    assertTrue(err.contains("'some' is not one of auto, all-pairs, lsh"), err);
  }

  @Test
  void lshBelowTheRecallThresholdIsNoted() throws IOException {
    Path c = corpus();
    Cli.Result low =
        run("cluster", "--candidates", "lsh", "--threshold", "0.4", "--measure", "overlap", "" + c);
    low.succeeds();
    assertTrue(low.err().contains("note: LSH candidates with overlap below 0.5"), low.err());
    // All pairs, Jaccard, or a threshold of 0.5 or more: nothing to note.
    for (String[] args :
        new String[][] {
          {"--candidates", "all-pairs", "--threshold", "0.4"},
          {"--candidates", "lsh", "--threshold", "0.4", "--measure", "jaccard"},
          {"--candidates", "lsh", "--threshold", "0.5"},
          {"--threshold", "0.4"} // auto on four documents: all pairs
        }) {
      List<String> all = new ArrayList<>(List.of("cluster"));
      all.addAll(List.of(args));
      all.add(c.toString());
      Cli.Result r = run(all.toArray(new String[0]));
      r.succeeds();
      assertFalse(r.err().contains("LSH"), String.join(" ", args) + ": " + r.err());
    }
  }
}
