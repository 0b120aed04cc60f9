package io.textsim.benchmarks.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.textsim.benchmarks.load.ClosedLoop.Sample;
import io.textsim.benchmarks.load.LoadResult.Path;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Runs the load generator briefly against a server in this JVM (real Netty on 127.0.0.1): no
 * assertion on timing, only that every call succeeds and every answer equals the library's.
 */
class LoadGeneratorTest {
  private static final Duration WARMUP = Duration.ofMillis(300);
  private static final Duration MEASURE = Duration.ofSeconds(1);

  private static LoadReport run(LoadSettings settings) throws Exception {
    ByteArrayOutputStream progress = new ByteArrayOutputStream();
    return new LoadGenerator(
            settings, new PrintStream(progress, true, StandardCharsets.UTF_8.name()))
        .run();
  }

  private static void assertClean(LoadReport report) {
    for (LoadResult r : report.results()) {
      assertEquals(Map.of(), r.errors(), r.toString());
      assertEquals(0, r.mismatches(), r.toString());
      assertTrue(r.calls() > 0, r.toString());
      assertTrue(r.p50Micros() <= r.p99Micros() && r.p99Micros() <= r.maxMicros(), r.toString());
    }
    assertEquals(0, report.errors());
    assertEquals(0, report.mismatches());
  }

  @Test
  void everyLevelOnBothPathsSucceedsWithTheLibrarysAnswers() throws Exception {
    LoadSettings settings =
        LoadSettings.builder()
            .levels(List.of(1, 16, 64))
            .warmup(WARMUP)
            .measure(MEASURE)
            .rounds(2)
            .clusterDocuments(400) // above the all-pairs limit: the LSH path
            .clusterWarmups(0)
            .clusterRuns(1)
            .build();
    LoadReport report = run(settings);

    assertEquals(8, report.results().size());
    assertClean(report);
    for (int level : List.of(1, 16, 64)) {
      assertTrue(report.find(LoadGenerator.COMPARE, Path.LIBRARY, level).isPresent());
      assertTrue(report.find(LoadGenerator.COMPARE, Path.GRPC, level).isPresent());
      assertTrue(report.ratio(LoadGenerator.COMPARE, level).isPresent());
    }
    String cluster = LoadGenerator.clusterWorkload(400);
    assertEquals(1, report.find(cluster, Path.GRPC, 1).orElseThrow().calls());
    assertEquals(1, report.find(cluster, Path.LIBRARY, 1).orElseThrow().calls());

    String table = report.markdown();
    assertTrue(table.contains("| Compare seed pair | gRPC | 64 | "), table);
    assertTrue(table.contains("| Cluster 400 articles | library | 1 | "), table);
    assertTrue(table.contains("Compare seed pair at 64 in flight: gRPC "), table);
    assertTrue(table.contains("queue 64 (default 64)"), table);
  }

  @Test
  void passagesAskedOverGrpcAreComputedByTheLibraryToo() throws Exception {
    LoadSettings settings =
        LoadSettings.builder()
            .levels(List.of(4))
            .warmup(Duration.ofMillis(100))
            .measure(Duration.ofMillis(500))
            .rounds(1)
            .clusterDocuments(0)
            .explain(true)
            .build();
    LoadReport report = run(settings);

    assertEquals(2, report.results().size());
    assertClean(report);
    assertTrue(
        report.setup().stream().anyMatch(l -> l.contains("passages yes")),
        report.setup()::toString);
  }

  @Test
  void aWrongAnswerCountsAsAMismatchAndAFailureAsAnError() throws Exception {
    Sample wrong = ClosedLoop.threads(2, Duration.ZERO, Duration.ofMillis(100), () -> false);
    assertTrue(wrong.mismatches() > 0);
    assertTrue(wrong.micros().getTotalCount() > 0); // completed, only with the wrong answer

    LoadResult failing =
        ClosedLoop.async(2, Duration.ZERO, Duration.ofMillis(100), done -> done.failed("X"))
            .result("f", Path.GRPC, 2);
    assertEquals(0, failing.calls()); // failures stay out of the latencies
    assertTrue(failing.errors().get("X") > 0);

    Sample throwing =
        ClosedLoop.once(
            true,
            () -> {
              throw new IllegalStateException("boom");
            });
    Sample warmup = ClosedLoop.once(false, () -> true);
    Sample measured = ClosedLoop.once(true, () -> true);
    LoadResult merged =
        Sample.merge(List.of(throwing, warmup, measured)).result("t", Path.LIBRARY, 1);
    assertEquals(Map.of("IllegalStateException", 1L), merged.errors());
    assertEquals(1, merged.calls()); // the warm-up call is not measured
    assertEquals(0, merged.mismatches());
  }

  @Test
  void reportComparesGrpcWithTheLibraryAgainstTheTarget() {
    LoadResult library =
        new LoadResult(
            LoadGenerator.COMPARE,
            Path.LIBRARY,
            64,
            1000,
            1.0,
            10,
            20,
            30,
            500,
            0,
            1.9,
            2.0,
            Map.of(),
            0,
            1);
    LoadResult met =
        new LoadResult(
            LoadGenerator.COMPARE,
            Path.GRPC,
            64,
            700,
            1.0,
            10,
            20,
            30,
            625,
            125,
            1.9,
            2.0,
            Map.of(),
            0,
            1);
    LoadResult missed =
        new LoadResult(
            LoadGenerator.COMPARE,
            Path.GRPC,
            64,
            699,
            1.0,
            10,
            20,
            30,
            625,
            125,
            1.9,
            2.0,
            Map.of(),
            0,
            1);

    LoadReport ok = new LoadReport(List.of(), List.of(library, met));
    assertEquals(0.7, ok.ratio(LoadGenerator.COMPARE, 64).orElseThrow(), 1e-12);
    assertTrue(
        ok.markdown().contains("= 70.0% of the library's 1,000 calls/s (target >= 70.0%: met)"));
    assertTrue(
        ok.markdown()
            .contains(
                "the client's threads took 125 us and the server side 500 us (library / server"
                    + " side = 100.0%)"),
        ok.markdown());

    LoadReport notOk = new LoadReport(List.of(), List.of(library, missed));
    assertTrue(notOk.markdown().contains("NOT met"), notOk.markdown());
    assertFalse(notOk.ratio(LoadGenerator.COMPARE, 16).isPresent());
  }

  @Test
  void parsesFlags() {
    LoadSettings s =
        LoadSettings.parse(
            "--levels",
            "2,8",
            "--warmup",
            "500ms",
            "--measure=3s",
            "--cluster-docs",
            "0",
            "--explain",
            "--target",
            "127.0.0.1:50051",
            "--call-log");
    assertEquals(List.of(2, 8), s.levels());
    assertEquals(Duration.ofMillis(500), s.warmup());
    assertEquals(Duration.ofSeconds(3), s.measure());
    assertEquals(0, s.clusterDocuments());
    assertTrue(s.explain());
    assertTrue(s.callLog());
    assertEquals(Optional.of("127.0.0.1:50051"), s.target());
    assertEquals(64, s.serverQueue()); // the server's default is enough for 8 in flight

    assertEquals(128, LoadSettings.parse("--levels", "1,128").serverQueue());
    assertEquals(10, LoadSettings.parse("--levels", "1,128", "--server-queue", "10").serverQueue());
    LoadSettings defaults = LoadSettings.defaults();
    assertEquals(List.of(1, 16, 64), defaults.levels());
    assertEquals(Duration.ofSeconds(10), defaults.warmup());
    assertEquals(Duration.ofSeconds(20), defaults.measure());
    assertEquals(4, defaults.rounds());
    assertEquals(1000, defaults.clusterDocuments());
  }

  @Test
  void rejectsBadFlags() {
    assertThrows(IllegalArgumentException.class, () -> LoadSettings.parse("--levels", "0"));
    assertThrows(IllegalArgumentException.class, () -> LoadSettings.parse("--levels", "a"));
    assertThrows(IllegalArgumentException.class, () -> LoadSettings.parse("--measure", "0s"));
    assertThrows(IllegalArgumentException.class, () -> LoadSettings.parse("--rounds", "0"));
    assertThrows(IllegalArgumentException.class, () -> LoadSettings.parse("--warmup", "soon"));
    assertThrows(IllegalArgumentException.class, () -> LoadSettings.parse("--target", "nohost"));
    assertThrows(IllegalArgumentException.class, () -> LoadSettings.parse("--target", "h:99999"));
    assertThrows(IllegalArgumentException.class, () -> LoadSettings.parse("--bogus", "1"));
    assertThrows(IllegalArgumentException.class, () -> LoadSettings.parse("--levels"));
  }

  @Test
  void durationsAreReadInTheSharedGrammarAndErrorsNameTheFlag() {
    assertEquals(Duration.ofMinutes(2), LoadSettings.parse("--warmup", "2m").warmup());
    assertEquals(Duration.ofMillis(1500), LoadSettings.parse("--measure=1.5s").measure());
    assertEquals(Duration.ofSeconds(30), LoadSettings.parse("--measure", "PT30S").measure());
    assertEquals(Duration.ofSeconds(4), LoadSettings.parse("--measure", "4").measure());
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> LoadSettings.parse("--warmup", "soon"));
    assertTrue(e.getMessage().startsWith("--warmup: 'soon' is not a duration"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> LoadSettings.parse("--measure=-1s"));
    assertTrue(e.getMessage().startsWith("--measure: '-1s' is not a duration"), e.getMessage());
  }
}
