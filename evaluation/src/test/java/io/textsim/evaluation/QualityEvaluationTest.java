package io.textsim.evaluation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class QualityEvaluationTest {
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  private int run(Path workingDir, String... args) throws IOException {
    return QualityEvaluation.run(
        args,
        new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8),
        workingDir);
  }

  private String out() {
    return out.toString(StandardCharsets.UTF_8);
  }

  @Test
  void skipsCleanlyWithoutTheCorpus(@TempDir Path dir) throws IOException {
    assertEquals(0, run(dir, "--devdata", dir.toString()));
    assertTrue(out().startsWith("Quality evaluation skipped"), out());
    assertTrue(out().contains("--devdata"), out());
  }

  @Test
  void skipsCleanlyWhenNothingIsBesideTheWorkingDirectory(@TempDir Path dir) throws IOException {
    assertEquals(0, run(dir));
    assertTrue(out().startsWith("Quality evaluation skipped"), out());
  }

  @Test
  void badArgumentsAreAUsageError(@TempDir Path dir) throws IOException {
    assertEquals(2, run(dir, "--bases", "many"));
    assertTrue(err.toString(StandardCharsets.UTF_8).contains("Usage"));
    assertEquals(2, run(dir, "--no-such-flag"));
    assertEquals(2, run(dir, "--max-copies", "13"));
    assertEquals(2, run(dir, "--seeds", ","));
    assertEquals(2, run(dir, "--step"));
  }

  @Test
  void helpPrintsTheUsage(@TempDir Path dir) throws IOException {
    assertEquals(0, run(dir, "--help"));
    assertTrue(out().startsWith("Usage: QualityEvaluation"), out());
  }

  /** A small end-to-end run on the real corpus where it is; skipped in a fresh clone. */
  @Test
  void smallRunOnTheDevelopmentCorpus(@TempDir Path dir) throws IOException {
    Optional<Path> file = ReutersCorpus.locate(Optional.empty(), Path.of(""));
    assumeTrue(file.isPresent(), "Reuters-21578 not in ../shared/devdata; skipped");
    Path report = dir.resolve("quality.md");
    int code =
        run(
            Path.of(""),
            "--bases",
            "60",
            "--background",
            "300",
            "--seeds",
            "5",
            "--step",
            "0.2",
            "--lsh-docs",
            "0",
            "--skip-reuters",
            "--out",
            report.toString());
    assertEquals(0, code, err.toString(StandardCharsets.UTF_8));
    String md = Files.readString(report);
    assertEquals(out(), md);
    assertTrue(md.contains("## 1. The simulated corpus"), md);
    assertTrue(md.contains("### Pairwise F1, single linkage"), md);
    assertTrue(md.contains("### Pairwise F1, average linkage"), md);
    assertTrue(md.contains("Best overall: **"), md);
    assertTrue(md.contains("## 4. The library's clusterer"), md);
  }
}
