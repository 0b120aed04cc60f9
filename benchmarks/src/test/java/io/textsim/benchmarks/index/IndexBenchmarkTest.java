package io.textsim.benchmarks.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The index benchmark on a small corpus, textsim alone (the Redis side is in RedisBandedIndexTest).
 */
class IndexBenchmarkTest {
  @TempDir Path tmp;

  @Test
  void measuresAddQueryDiskAndReopen() throws Exception {
    IndexBenchmark.Settings settings =
        IndexBenchmark.Settings.parse(
            "--articles", "600", "--queries", "50", "--dir", tmp.resolve("b").toString());
    List<IndexBenchmark.Result> results =
        IndexBenchmark.run(settings, new PrintStream(new ByteArrayOutputStream(), true, "UTF-8"));
    assertEquals(1, results.size());
    IndexBenchmark.Result r = results.get(0);
    assertEquals(600, r.documents());
    assertEquals(50, r.latencyMicros().getTotalCount());
    assertEquals(50, r.storeLatencyMicros().getTotalCount());
    // The store's part of an add is inside the add's wall time summed over the threads.
    assertTrue(
        r.addStoreSeconds() > 0
            && r.addStoreSeconds() <= settings.threads() * r.addSeconds() + 1e-3);
    assertTrue(r.storeLatencyMicros().getMaxValue() <= r.latencyMicros().getMaxValue());
    assertTrue(r.bytesPerDocument() > 0 && r.reopenSeconds().isPresent());
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    IndexBenchmark.report(settings, results, new PrintStream(out, true, "UTF-8"));
    String report = out.toString(StandardCharsets.UTF_8);
    assertTrue(report.startsWith("600 articles added by "), report);
    assertTrue(report.contains("| textsim NearDuplicateIndex"), report);
    assertTrue(report.contains("targets: add >= 5,000 documents/s: "), report);
    assertTrue(report.contains("| store | add, documents per store-second |"), report);
  }

  @Test
  void refusesADirectoryInUseAndBadArguments() throws Exception {
    Path full = Files.createDirectories(tmp.resolve("full"));
    Files.writeString(full.resolve("x"), "x");
    IndexBenchmark.Settings settings =
        IndexBenchmark.Settings.parse(
            "--articles", "10", "--queries", "5", "--dir", full.toString());
    assertThrows(
        IllegalArgumentException.class,
        () -> IndexBenchmark.run(settings, new PrintStream(new ByteArrayOutputStream())));
    assertThrows(IllegalArgumentException.class, () -> IndexBenchmark.Settings.parse("--frob"));
    assertThrows(
        IllegalArgumentException.class, () -> IndexBenchmark.Settings.parse("--articles", "5"));
  }
}
