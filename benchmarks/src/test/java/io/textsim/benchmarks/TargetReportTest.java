package io.textsim.benchmarks;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class TargetReportTest {
  private static final String PACKAGE = "io.textsim.benchmarks.";

  /** A JMH result entry in the shape of {@code -rf json}. */
  private static String result(String benchmark, String mode, String articles, double... raw) {
    double mean = 0;
    for (double v : raw) {
      mean += v;
    }
    mean /= raw.length;
    StringBuilder values = new StringBuilder();
    for (double v : raw) {
      values.append(values.length() == 0 ? "" : ",").append(v);
    }
    return String.format(
        Locale.ROOT,
        "{\"benchmark\":\"%s%s\",\"mode\":\"%s\",%s\"primaryMetric\":{\"score\":%s,"
            + "\"scoreError\":1.0,\"scoreUnit\":\"x/op\",\"rawData\":[[%s]]}}",
        PACKAGE,
        benchmark,
        mode,
        articles == null ? "" : "\"params\":{\"articles\":\"" + articles + "\"},",
        mean,
        values);
  }

  private static String run(String json, List<String> iterations) throws Exception {
    JsonNode results = new ObjectMapper().readTree(json);
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8)) {
      TargetReport.report(results, iterations, out);
    }
    return bytes.toString(StandardCharsets.UTF_8);
  }

  private static String suite(double cluster100k) {
    return "["
        + String.join(
            ",",
            result("MinHashBenchmark.javaLsh", "avgt", null, 150, 160),
            result("MinHashBenchmark.textsimClassic", "avgt", null, 9, 11),
            result("MinHashBenchmark.textsimOnePermutation", "avgt", null, 2, 3),
            result("ClusteringBenchmark.profiles", "ss", "10000", 1000, 1000),
            result("ClusteringBenchmark.profiles", "ss", "100000", 10000, 10000),
            result("ClusteringBenchmark.cluster", "ss", "10000", 1500, 1500),
            result("ClusteringBenchmark.cluster", "ss", "100000", cluster100k, cluster100k))
        + "]";
  }

  @Test
  void targetsMet() throws Exception {
    String out = run(suite(15000), null);
    // 155 / 10 = 15.5x; worst case 150 / 11 = 13.6x.
    assertTrue(
        out.contains("| textsim classic | 10.000 ± 1.000 x/op | 15.5x | 13.6x | >= 10x | yes |"),
        out);
    assertTrue(
        out.contains("| cluster(100k) / profiles(100k) | 1.50 | 1.50 | <= 2.5 | yes |"), out);
    assertTrue(
        out.contains("| cluster(100k) / cluster(10k) | 10.00 | 10.00 | <= 12.0 | yes |"), out);
  }

  @Test
  void targetsMissed() throws Exception {
    String out = run(suite(30000), null);
    assertTrue(
        out.contains("| cluster(100k) / profiles(100k) | 3.00 | 3.00 | <= 2.5 | **no** |"), out);
    assertTrue(
        out.contains("| cluster(100k) / cluster(10k) | 20.00 | 20.00 | <= 12.0 | **no** |"), out);
  }

  @Test
  void iterationLogGivesCpuRatiosAndPeakHeap() throws Exception {
    List<String> log =
        List.of(
            "profiles\tarticles=10000\tmeasurement-1\t200\t300\t150\t4096\t2.000\t0.100\t1.000",
            "profiles\tarticles=100000\twarmup-1\t1900\t2000\t1700\t4096\t99.000\t9.000\t50.000",
            "profiles\tarticles=100000\tmeasurement-1\t1800\t2000\t1700\t4096\t20.000\t1.000\t10.0",
            "cluster\tarticles=10000\tmeasurement-1\t250\t350\t180\t4096\t2.500\t0.200\t1.500",
            "cluster\tarticles=100000\tmeasurement-1\t2000\t2100\t1800\t4096\t25.000\t2.000\t12.0",
            "not a log line");
    String out = run(suite(15000), log);
    // Warm-up iterations count for the peak heap but not for the CPU means.
    assertTrue(out.contains("| cluster(100k) / profiles(100k) | 1.25 | <= 2.5 |"), out);
    assertTrue(out.contains("| cluster(100k) / cluster(10k) | 10.00 | <= 12 |"), out);
    assertTrue(out.contains("| profiles | 100000 | 2 | 1900 | 2000 | 1700 | 4096 | yes |"), out);
    assertTrue(out.contains("| cluster | 100000 | 12.00 | 25.00 | 2.08 | 2.00 |"), out);
  }
}
