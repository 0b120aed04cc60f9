package io.textsim.cli;

import static io.textsim.cli.Cli.run;
import static io.textsim.cli.Cli.runWithStdin;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.textsim.index.IndexOptions;
import io.textsim.index.IndexedDocument;
import io.textsim.index.NearDuplicateIndex;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code index add|query|remove|stats} on a local index directory, opened in this process. */
class IndexCommandTest {
  static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path tmp;

  private IndexCorpus corpus;
  private String dir;

  @BeforeEach
  void write() {
    corpus = IndexCorpus.write(tmp.resolve("corpus"), 12);
    dir = tmp.resolve("idx").toString();
  }

  static String[] args(String... parts) {
    return parts;
  }

  static String[] concat(List<String> head, List<String> tail) {
    List<String> all = new ArrayList<>(head);
    all.addAll(tail);
    return all.toArray(new String[0]);
  }

  /** The number of documents {@code stats --format json} reports. */
  static long documents(Cli.Result stats) throws IOException {
    return JSON.readTree(stats.succeeds()).get("documents").asLong();
  }

  /** For each query of a JSON answer, the id of its best match ("" for none). */
  static List<String> topMatches(String json) throws IOException {
    List<String> out = new ArrayList<>();
    for (JsonNode r : JSON.readTree(json).get("results")) {
      JsonNode matches = r.get("matches");
      out.add(matches.isEmpty() ? "" : matches.get(0).get("id").asText());
    }
    return out;
  }

  private static List<String> fieldNames(JsonNode node) {
    List<String> out = new ArrayList<>();
    for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
      out.add(it.next());
    }
    return out;
  }

  @Test
  void addQueryRemoveStats() throws IOException {
    String originals = tmp.resolve("corpus/originals").toString();
    assertEquals(
        "index default: 12 documents added, 0 replaced\n",
        run("index", "add", "--index", dir, originals).succeeds());
    assertTrue(Files.isDirectory(Path.of(dir, "default")), "the index lives in DIR/default");
    assertEquals(12, documents(run("index", "stats", "--index", dir, "--format", "json")));

    // Each copy finds its own original first; the JSON has exactly the documented fields.
    List<String> copies = IndexCorpus.strings(corpus.copies);
    String json =
        run(concat(List.of("index", "query", "--index", dir, "--format", "json"), copies))
            .succeeds();
    assertEquals(IndexCorpus.strings(corpus.originals), topMatches(json));
    JsonNode answer = JSON.readTree(json);
    assertEquals(List.of("results"), fieldNames(answer));
    JsonNode first = answer.get("results").get(0);
    assertEquals(List.of("query", "matches"), fieldNames(first));
    assertEquals(copies.get(0), first.get("query").asText());
    JsonNode best = first.get("matches").get(0);
    assertEquals(List.of("rank", "id", "score", "verdict"), fieldNames(best));
    assertEquals(1, best.get("rank").asInt());
    assertEquals("near-duplicate", best.get("verdict").asText());
    assertTrue(best.get("score").asDouble() > 0.5 && best.get("score").asDouble() < 1.0, json);

    // The text form: a header per query, then rank, score, verdict and id.
    String text = run("index", "query", "--index", dir, "--top", "1", copies.get(3)).succeeds();
    List<String> lines = text.lines().toList();
    assertEquals(copies.get(3) + ": 1 match", lines.get(0));
    assertEquals("rank  score   verdict         document", lines.get(1));
    assertTrue(
        lines
            .get(2)
            .matches("   1  0\\.\\d{4}  near-duplicate  \\Q" + originals + "\\E.story-03.txt"),
        text);

    String[] gone = {
      corpus.originals.get(0).toString(), corpus.originals.get(1).toString(), "nope"
    };
    assertEquals(
        "index default: 2 documents removed, 1 not found: nope\n",
        run(concat(List.of("index", "remove", "--index", dir), List.of(gone))).succeeds());
    assertEquals(10, documents(run("index", "stats", "--index", dir, "--format", "json")));
    List<String> after =
        topMatches(
            run(concat(List.of("index", "query", "--index", dir, "--format", "json"), copies))
                .succeeds());
    assertNotEquals(gone[0], after.get(0));
    assertNotEquals(gone[1], after.get(1));
    assertEquals(IndexCorpus.strings(corpus.originals).subList(2, 12), after.subList(2, 12));
  }

  @Test
  void addingAgainReplaces() {
    String originals = tmp.resolve("corpus/originals").toString();
    run("index", "add", "--index", dir, originals).succeeds();
    assertEquals(
        "index default: 0 documents added, 12 replaced\n",
        run("index", "add", "--index", dir, originals).succeeds());
    assertEquals(
        "{\n  \"index\": \"default\",\n  \"added\": 1,\n  \"replaced\": 0,\n  \"expired\": []\n}\n",
        run("index", "add", "--index", dir, "--format", "json", Cli.TEHRAN).succeeds());
  }

  @Test
  void jsonlCarriesSourceTimeAndTtl() throws IOException {
    Instant before = Instant.now();
    run("index", "add", "--index", dir, "--jsonl", corpus.originalsJsonl.toString(), "--ttl", "7d")
        .succeeds();
    try (NearDuplicateIndex index =
        NearDuplicateIndex.open(Path.of(dir, "default"), IndexOptions.defaults())) {
      IndexedDocument d = index.get("story-05").orElseThrow();
      assertEquals(Instant.parse("2026-03-01T08:05:00Z"), d.time().orElseThrow());
      assertEquals("wire.example", d.source().orElseThrow(), "the url's host is the source");
      Instant expires = d.expiresAt().orElseThrow();
      assertFalse(expires.isBefore(before.plus(java.time.Duration.ofDays(7))), expires.toString());
    }
    // Queries by JSONL: the copies' labels are their ids.
    String json =
        run(
                "index",
                "query",
                "--index",
                dir,
                "--format",
                "json",
                "--jsonl",
                corpus.copiesJsonl.toString())
            .succeeds();
    List<String> expected = new ArrayList<>();
    for (int i = 0; i < 12; i++) {
      expected.add(String.format(java.util.Locale.ROOT, "story-%02d", i));
    }
    assertEquals(expected, topMatches(json));
    assertEquals("copy-00", JSON.readTree(json).get("results").get(0).get("query").asText());
  }

  @Test
  void expiredDocumentsAreGone() throws IOException {
    run("index", "add", "--index", dir, "--ttl", "1ms", Cli.TEHRAN).succeeds();
    assertEquals(0, documents(run("index", "stats", "--index", dir, "--format", "json")));
    assertEquals(
        Cli.MEHR + ": no match\n", run("index", "query", "--index", dir, Cli.MEHR).succeeds());
  }

  @Test
  void standardInputAndNamedIndexes() throws IOException {
    String lines = Files.readString(corpus.originalsJsonl);
    runWithStdin(lines, "index", "add", "--index", dir, "--name", "news", "--jsonl", "-")
        .succeeds();
    run("index", "add", "--index", dir, "--name", "other", Cli.TEHRAN).succeeds();
    assertEquals(
        12, documents(run("index", "stats", "--index", dir, "--name", "news", "--format", "json")));
    assertEquals(
        1, documents(run("index", "stats", "--index", dir, "--name", "other", "--format", "json")));
    try (Stream<Path> names = Files.list(Path.of(dir))) {
      assertEquals(
          List.of("news", "other"), names.map(p -> p.getFileName().toString()).sorted().toList());
    }
    String stats = run("index", "stats", "--index", dir, "--name", "other").succeeds();
    assertTrue(stats.startsWith("index other: 1 document, "), stats);
    assertTrue(
        stats.contains(
            "format 3; word 4-shingles, MinHash of 128 hashes in 25 bands of 5 rows;"
                + " near-duplicate at Jaccard 0.5"),
        stats);
  }

  @Test
  void progressOnStderrWhenAskedFor() {
    Cli.Result r =
        run(
            "index",
            "add",
            "--index",
            dir,
            "--progress",
            "always",
            tmp.resolve("corpus/originals").toString());
    r.succeeds();
    assertTrue(r.err().contains("\radd "), r.err());
    assertTrue(r.err().contains("12/12"), r.err());
    assertTrue(r.err().contains("client-cli: added 12 documents in "), r.err());
    assertEquals("", run("index", "add", "--index", dir, "--progress", "never", Cli.TEHRAN).err());
  }

  @Test
  void helpForEverySubcommand() {
    String top = run("index", "--help").succeeds();
    for (String sub : List.of("add", "query", "remove", "stats")) {
      assertTrue(top.contains(sub), top);
      String help = run("index", sub, "--help").succeeds();
      assertTrue(help.startsWith("Usage: client-cli index " + sub), help);
      for (String option : List.of("--index", "--name", "--server", "--format", "--deadline")) {
        assertTrue(help.contains(option), option + " missing:\n" + help);
      }
    }
    assertTrue(run("--help").succeeds().contains("index"));
    assertTrue(run("index", "add", "--help").succeeds().contains("--ttl=DURATION"));
  }
}
