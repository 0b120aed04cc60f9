package io.textsim.cli;

import static io.textsim.cli.Cli.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The second "done when", end to end: a server started by {@code bin/textsim-server
 * --index-dir DIR} as a child process (the real launcher, run from the test class path so that
 * nothing is built inside the build); the CLI adds a collection and finds each copy's original
 * first; the server is killed with SIGKILL and started again, and gives the same counts and
 * answers; after a clean stop (SIGTERM), {@code --index DIR} opens the same directory in this
 * process and answers the same again.
 */
class IndexRestartTest {
  private static final Path ROOT =
      Path.of(System.getProperty("textsim.root", "..")).toAbsolutePath().normalize();
  private static final Pattern LISTENING =
      Pattern.compile("textsim-server listening on 127\\.0\\.0\\.1:(\\d+)");

  @TempDir Path tmp;

  private final List<Process> started = new ArrayList<>();

  /** A running server child and where its stderr goes. */
  record Server(Process process, String address, Path log) {}

  private Server start(Path indexDir, String name) throws IOException, InterruptedException {
    Path log = tmp.resolve(name + ".log");
    ProcessBuilder pb =
        new ProcessBuilder(
            ROOT.resolve("bin/textsim-server").toString(),
            "--host",
            "127.0.0.1",
            "--port",
            "0",
            "--index-dir",
            indexDir.toString());
    pb.environment().put("TEXTSIM_SERVER_CLASSPATH", System.getProperty("java.class.path"));
    pb.environment().put("JAVA_HOME", System.getProperty("java.home"));
    pb.redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
    pb.redirectOutput(tmp.resolve(name + ".out").toFile()).redirectError(log.toFile());
    Process p = pb.start();
    started.add(p);
    long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
    while (System.nanoTime() < until) {
      Matcher m = LISTENING.matcher(Files.readString(log, StandardCharsets.UTF_8));
      if (m.find()) {
        return new Server(p, "127.0.0.1:" + m.group(1), log);
      }
      if (!p.isAlive()) {
        throw new AssertionError("the server exited: " + Files.readString(log));
      }
      Thread.sleep(50);
    }
    throw new AssertionError("the server did not listen within 120 s: " + Files.readString(log));
  }

  @AfterEach
  void killLeftovers() {
    for (Process p : started) {
      p.destroyForcibly();
    }
  }

  /** What the CLI answers about the collection: the query JSON and the stats (sizes blanked). */
  private static List<String> answers(List<String> where, IndexCorpus corpus) {
    List<String> query = new ArrayList<>(List.of("index", "query", "--format", "json"));
    query.addAll(where);
    query.addAll(IndexCorpus.strings(corpus.copies));
    List<String> stats = new ArrayList<>(List.of("index", "stats", "--format", "json"));
    stats.addAll(where);
    List<String> text = new ArrayList<>(List.of("index", "stats"));
    text.addAll(where);
    return List.of(
        run(query.toArray(new String[0])).succeeds(),
        IndexRemoteTest.withoutDiskBytes(run(stats.toArray(new String[0])).succeeds()),
        IndexRemoteTest.withoutDiskBytes(run(text.toArray(new String[0])).succeeds()));
  }

  @Test
  void survivesKillNineThenOpensLocallyAfterACleanStop() throws Exception {
    assumeTrue(new File("/bin/bash").canExecute(), "bash is needed to run the launcher");
    IndexCorpus corpus = IndexCorpus.write(tmp.resolve("corpus"), 30);
    Path indexDir = tmp.resolve("indexes");

    Server first = start(indexDir, "first");
    String originals = tmp.resolve("corpus/originals").toString();
    assertEquals(
        "index default: 30 documents added, 0 replaced\n",
        run("index", "add", "--server", first.address(), originals).succeeds());
    List<String> before = answers(List.of("--server", first.address()), corpus);
    assertEquals(IndexCorpus.strings(corpus.originals), IndexCommandTest.topMatches(before.get(0)));
    assertTrue(before.get(1).contains("\"documents\": 30"), before.get(1));

    first.process().destroyForcibly(); // SIGKILL on Linux: no shutdown hook, no flush
    assertTrue(first.process().waitFor(60, TimeUnit.SECONDS));
    assertEquals(128 + 9, first.process().exitValue(), "killed by SIGKILL");

    Server second = start(indexDir, "second");
    assertEquals(before, answers(List.of("--server", second.address()), corpus));

    second.process().destroy(); // SIGTERM: graceful stop, the index is closed
    assertTrue(second.process().waitFor(60, TimeUnit.SECONDS));
    assertTrue(
        Files.readString(second.log()).contains("textsim-server stopped"),
        () -> "no clean stop: " + read(second.log()));

    assertEquals(before, answers(List.of("--index", indexDir.toString()), corpus));
  }

  private static String read(Path p) {
    try {
      return Files.readString(p);
    } catch (IOException e) {
      return e.toString();
    }
  }
}
