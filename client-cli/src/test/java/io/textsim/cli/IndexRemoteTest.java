package io.textsim.cli;

import static io.textsim.cli.Cli.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.textsim.server.ServerConfig;
import io.textsim.server.TextsimServer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The index commands against a real server (started in this process on a loopback port, with an
 * index directory of its own) print what they print on a local directory, step for step: the same
 * stdout, stderr and exit code. Only the size on disk may differ, since it depends on when RocksDB
 * last flushed, which a server holding the index open and a command closing it do differently.
 */
class IndexRemoteTest {
  @TempDir Path tmp;

  private TextsimServer server;
  private String address;
  private IndexCorpus corpus;

  @BeforeEach
  void start() throws IOException {
    server =
        new TextsimServer(
                ServerConfig.builder().host("127.0.0.1").port(0).build(),
                Optional.empty(),
                Optional.of(tmp.resolve("served")))
            .start();
    address = "127.0.0.1:" + server.port();
    corpus = IndexCorpus.write(tmp.resolve("corpus"), 20);
  }

  @AfterEach
  void stop() throws InterruptedException {
    server.stop(Duration.ofSeconds(1));
  }

  /** {@code args} with {@code @} replaced by where the index is. */
  private static String[] at(List<String> where, String... args) {
    List<String> out = new ArrayList<>();
    for (String a : args) {
      if (a.equals("@")) {
        out.addAll(where);
      } else {
        out.add(a);
      }
    }
    return out.toArray(new String[0]);
  }

  /** The output with the sizes on disk blanked. */
  static String withoutDiskBytes(String s) {
    return s.replaceAll("\"disk_bytes\": \\d+", "\"disk_bytes\": _")
        .replaceAll("[\\d,]+ bytes? on disk", "_ bytes on disk");
  }

  @Test
  void everyStepPrintsTheSameLocallyAndOnTheServer() {
    List<String> local = List.of("--index", tmp.resolve("local").toString());
    List<String> remote = List.of("--server", address);
    String originals = tmp.resolve("corpus/originals").toString();
    String copies = tmp.resolve("corpus/copies").toString();
    String jsonl = corpus.copiesJsonl.toString();
    List<String[]> steps =
        List.of(
            new String[] {"index", "add", "@", originals},
            new String[] {"index", "add", "@", "--format", "json", "--name", "news", originals},
            new String[] {"index", "add", "@", "--name", "news", "--ttl", "7d", "--jsonl", jsonl},
            new String[] {"index", "stats", "@"},
            new String[] {"index", "stats", "@", "--format", "json", "--name", "news"},
            new String[] {"index", "query", "@", copies},
            new String[] {"index", "query", "@", "--format", "json", copies},
            new String[] {"index", "query", "@", "--top", "2", "--name", "news", "--jsonl", jsonl},
            new String[] {
              "index", "query", "@", "--format", "json", "--min-score", "0.99", "--jsonl", jsonl
            },
            new String[] {"index", "query", "@", Cli.TEHRAN, Cli.MEHR},
            new String[] {
              "index", "remove", "@", corpus.originals.get(0).toString(), "nope", "nope"
            },
            new String[] {"index", "remove", "@", "--format", "json", "--name", "news", "copy-03"},
            new String[] {"index", "query", "@", "--format", "json", copies},
            new String[] {"index", "add", "@", originals},
            new String[] {"index", "stats", "@", "--format", "json"});
    for (String[] step : steps) {
      Cli.Result l = run(at(local, step));
      Cli.Result r = run(at(remote, step));
      String what = String.join(" ", step);
      assertEquals(Main.OK, l.code(), () -> what + ": " + l.err());
      assertEquals(withoutDiskBytes(l.out()), withoutDiskBytes(r.out()), what);
      assertEquals(l.err(), r.err(), what);
      assertEquals(l.code(), r.code(), what);
    }
    // The server kept its indexes under its own --index-dir, one directory per name.
    assertTrue(Files.isDirectory(tmp.resolve("served/default")));
    assertTrue(Files.isDirectory(tmp.resolve("served/news")));
  }

  @Test
  void eachCopyFindsItsOriginalOnTheServer() throws IOException {
    String originals = tmp.resolve("corpus/originals").toString();
    run("index", "add", "--server", address, originals).succeeds();
    String json =
        run(IndexCommandTest.concat(
                List.of("index", "query", "--server", address, "--format", "json"),
                IndexCorpus.strings(corpus.copies)))
            .succeeds();
    assertEquals(IndexCorpus.strings(corpus.originals), IndexCommandTest.topMatches(json));
  }

  @Test
  void remoteFailuresAreOneLine() throws IOException {
    String err = run("index", "stats", "--server", address, "--name", "missing").failsWithOneLine();
    assertEquals(
        "client-cli: server "
            + address
            + ": not found: no index named 'missing' (adding documents creates it)",
        err);
    String deadline =
        run(
                "index",
                "add",
                "--server",
                address,
                "--deadline",
                "1ms",
                tmp.resolve("corpus/originals").toString())
            .failsWithOneLine();
    assertEquals(
        "client-cli: deadline exceeded: no answer from " + address + " within --deadline 1ms",
        deadline);
    String off = run("index", "stats", "--server", "127.0.0.1:" + unusedPort()).failsWithOneLine();
    assertTrue(off.startsWith("client-cli: cannot reach the server at 127.0.0.1:"), off);
  }

  private static int unusedPort() throws IOException {
    try (java.net.ServerSocket s = new java.net.ServerSocket(0)) {
      return s.getLocalPort();
    }
  }

  @Test
  void aRefusedBatchSaysWhatWasAddedBefore() throws Exception {
    TextsimServer small =
        new TextsimServer(
                ServerConfig.builder().host("127.0.0.1").port(0).maxTextChars(5_000).build(),
                Optional.empty(),
                Optional.of(tmp.resolve("small")))
            .start();
    try {
      StringBuilder lines = new StringBuilder();
      for (int i = 0; i < IndexCommand.BATCH_DOCUMENTS + 10; i++) {
        String text = i == IndexCommand.BATCH_DOCUMENTS + 3 ? "long ".repeat(1_200) : "doc " + i;
        lines.append("{\"id\": \"d").append(i).append("\", \"text\": \"").append(text);
        lines.append("\"}\n");
      }
      Path jsonl = Files.writeString(tmp.resolve("docs.jsonl"), lines, StandardCharsets.UTF_8);
      String at = "127.0.0.1:" + small.port();
      String err =
          run("index", "add", "--server", at, "--jsonl", jsonl.toString()).failsWithOneLine();
      assertTrue(
          err.startsWith(
              "client-cli: server "
                  + at
                  + " rejected the request: d259: text is 6000 UTF-16 code units long, over the"
                  + " server's limit of 5000"),
          err);
      assertTrue(
          err.endsWith(
              "(the first 256 of 266 documents were added; adding them again replaces them)"),
          err);
      assertTrue(
          run("index", "stats", "--server", at)
              .succeeds()
              .startsWith("index default: 256 documents"));
    } finally {
      small.stop(Duration.ofSeconds(1));
    }
  }

  @Test
  void overTls() throws Exception {
    RemoteModeTest.Pem pem = RemoteModeTest.Pem.selfSigned(tmp.resolve("server"), "localhost");
    TextsimServer tls =
        new TextsimServer(
                ServerConfig.builder().host("127.0.0.1").port(0).tls(pem.cert(), pem.key()).build(),
                Optional.empty(),
                Optional.of(tmp.resolve("tls")))
            .start();
    try {
      String at = "127.0.0.1:" + tls.port();
      String ca = pem.cert().toString();
      run("index", "add", "--server", at, "--tls-ca", ca, Cli.TEHRAN).succeeds();
      assertEquals(
          Cli.MEHR + ": 1 match",
          run("index", "query", "--server", at, "--tls-ca", ca, Cli.MEHR)
              .succeeds()
              .lines()
              .findFirst()
              .orElseThrow());
      assertTrue(
          run("index", "stats", "--server", at).failsWithOneLine().startsWith("client-cli: "));
    } finally {
      tls.stop(Duration.ofSeconds(1));
    }
  }
}
