package io.textsim.cli;

import static io.textsim.cli.Cli.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.textsim.index.IndexOptions;
import io.textsim.index.NearDuplicateIndex;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Bad input to the index commands: one line on stderr naming the problem and the input, a non-zero
 * exit code (2 for usage, 1 for the rest), no stack trace, and nothing written.
 */
class IndexBadInputTest {
  @TempDir Path tmp;

  private String dir() {
    return tmp.resolve("idx").toString();
  }

  @Test
  void whereTheIndexIsMustBeSaid() {
    assertTrue(
        run("index", "stats")
            .isUsageError()
            .startsWith(
                "client-cli index stats: Missing the index: give --index DIR (a local index"
                    + " directory) or --server HOST:PORT"));
    assertTrue(
        run("index", "stats", "--index", dir(), "--server", "localhost:1")
            .isUsageError()
            .startsWith(
                "client-cli index stats: Give either --index DIR or --server HOST:PORT, not both"));
    assertTrue(run("index").isUsageError().startsWith("client-cli index: Missing subcommand"));
    assertTrue(run("index", "frob").isUsageError().contains("Unmatched argument"));
    assertTrue(
        run("index", "add", "--index", dir())
            .isUsageError()
            .contains("Missing documents: give PATH... or --jsonl FILE"));
    assertTrue(run("index", "remove", "--index", dir()).isUsageError().contains("ID"));
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "--name|../up|--name: index name '../up' is not 1 to 64 of A-Z a-z 0-9 . _ -",
        "--name|.hidden|--name: index name '.hidden' is not",
        "--ttl|0|Invalid value for option '--ttl': '0' is out of range",
        "--ttl|soon|Invalid value for option '--ttl': ",
        "--max-bytes|lots|Invalid value for option '--max-bytes': 'lots' is not a size"
      })
  void badOptionValuesAreUsageErrors(String option, String value, String message) {
    String err = run("index", "add", "--index", dir(), option, value, Cli.TEHRAN).isUsageError();
    assertTrue(err.contains(message), err);
    assertFalse(Files.exists(tmp.resolve("idx")), "nothing written");
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "{\"id\": \"a\", \"text\": \"x\", \"time\": \"yesterday\"}|line 2: \"time\" is not a time:"
            + " 'yesterday'; use ISO-8601 with a zone, e.g. 2026-03-01T08:00:00Z, or seconds since"
            + " 1970",
        "{\"id\": \"a\", \"text\": \"x\", \"time\": \"2026-03-01T08:00:00\"}|line 2: \"time\" is"
            + " not a time",
        "{\"id\": \"a\", \"text\": \"x\", \"time\": true}|line 2: \"time\" must be an ISO-8601"
            + " string",
        "{\"id\": \"a\", \"text\": \"x\", \"time\": 999999999999999}|line 2: \"time\""
            + " 999999999999999 is outside the years 1 to 9999",
        "{\"id\": \"\", \"text\": \"x\"}|line 2: id must be 1 to 1024 bytes of UTF-8, got 0",
        "{\"id\": \"a\", \"text\": \"bad \\ud800 half\"}|line 2: text has an unpaired surrogate"
            + " at index 4",
        "{\"id\": \"first\", \"text\": \"again\"}|line 2: duplicate id \"first\" (first on line"
            + " 1)",
        "{\"id\": \"a\"}|line 2: missing \"text\""
      })
  void badJsonlNamesTheLine(String second, String message) throws IOException {
    Path jsonl = tmp.resolve("docs.jsonl");
    Files.writeString(
        jsonl, "{\"id\": \"first\", \"text\": \"fine\"}\n" + second + "\n", StandardCharsets.UTF_8);
    String err =
        run("index", "add", "--index", dir(), "--jsonl", jsonl.toString()).failsWithOneLine();
    assertTrue(err.startsWith("client-cli: " + jsonl + " " + message), err);
    assertFalse(Files.exists(tmp.resolve("idx")), "nothing written");
  }

  @Test
  void badFilesAreNamed() throws IOException {
    Path binary = Files.write(tmp.resolve("bin.dat"), new byte[] {1, 2, 0, 4});
    String err = run("index", "add", "--index", dir(), binary.toString()).failsWithOneLine();
    assertTrue(err.startsWith("client-cli: " + binary + ": "), err);
    String missing = tmp.resolve("missing.txt").toString();
    assertEquals(
        "client-cli: " + missing + ": no such file or directory",
        run("index", "query", "--index", dir(), missing).failsWithOneLine());
    assertFalse(Files.exists(tmp.resolve("idx")), "nothing written");
  }

  @Test
  void anIndexThatIsNotThereIsNamed() {
    run("index", "add", "--index", dir(), Cli.TEHRAN).succeeds();
    assertEquals(
        "client-cli: no index named 'news' under " + dir() + " (adding documents creates it)",
        run("index", "query", "--index", dir(), "--name", "news", Cli.MEHR).failsWithOneLine());
    assertEquals(
        "client-cli: no index named 'news' under " + dir() + " (adding documents creates it)",
        run("index", "stats", "--index", dir(), "--name", "news").failsWithOneLine());
    assertEquals(
        "client-cli: no index named 'news' under " + dir() + " (adding documents creates it)",
        run("index", "remove", "--index", dir(), "--name", "news", "x").failsWithOneLine());
    assertFalse(Files.exists(tmp.resolve("idx/news")), "a query creates nothing");
    // The directory of one index, given where the directory of named ones belongs.
    String inner = tmp.resolve("idx/default").toString();
    assertEquals(
        "client-cli: "
            + inner
            + " is an index itself, not a directory of named indexes: give the directory above"
            + " it, with the name 'default'",
        run("index", "stats", "--index", inner).failsWithOneLine());
  }

  @Test
  void aDirectoryThatIsNotAnIndexIsRefused() throws IOException {
    Path foreign = Files.createDirectories(tmp.resolve("idx/default"));
    Files.writeString(foreign.resolve("notes.txt"), "mine");
    String err = run("index", "add", "--index", dir(), Cli.TEHRAN).failsWithOneLine();
    assertEquals(
        "client-cli: "
            + foreign
            + " is not a textsim index: it holds other files and no RocksDB"
            + " store",
        err);
    assertEquals(
        "client-cli: "
            + foreign
            + " is not a textsim index: it holds other files and no RocksDB"
            + " store",
        run("index", "stats", "--index", dir()).failsWithOneLine());
    Path file = Files.writeString(tmp.resolve("plain"), "x");
    assertTrue(
        run("index", "add", "--index", file.toString(), Cli.TEHRAN)
            .failsWithOneLine()
            .startsWith("client-cli: cannot create index directory " + file.resolve("default")));
  }

  @Test
  void anIndexInUseIsRefused() {
    run("index", "add", "--index", dir(), Cli.TEHRAN).succeeds();
    Path inner = tmp.resolve("idx/default");
    try (NearDuplicateIndex held = NearDuplicateIndex.open(inner, IndexOptions.defaults())) {
      String err = run("index", "add", "--index", dir(), Cli.MEHR).failsWithOneLine();
      assertTrue(
          err.startsWith("client-cli: index " + inner + " is in use by another process"), err);
      assertEquals(1, held.stats().documents(), "nothing was added");
    }
    assertTrue(run("index", "stats", "--index", dir()).succeeds().startsWith("index default: 1"));
  }
}
