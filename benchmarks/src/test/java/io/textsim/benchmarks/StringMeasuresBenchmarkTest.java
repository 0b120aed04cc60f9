package io.textsim.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The benchmark's own agreement check passes for every parameter, and each method runs. */
class StringMeasuresBenchmarkTest {

  @ParameterizedTest(name = "{0} on {1}")
  @CsvSource({
    "lcs, seed-pair",
    "lcs, unrelated-3k",
    "jaro-winkler, seed-pair",
    "jaro-winkler, unrelated-3k"
  })
  void theImplementationsAgree(String measure, String pair) {
    StringMeasuresBenchmark benchmark = new StringMeasuresBenchmark();
    benchmark.measure = measure;
    benchmark.pair = pair;
    benchmark.setUp(); // throws if the implementations disagree
    double textsim = benchmark.textsim();
    assertTrue(textsim > 0 && textsim < 1, measure + " on " + pair + ": " + textsim);
    if (measure.equals("jaro-winkler")) {
      assertEquals(textsim, benchmark.commonsText());
      assertEquals(textsim, benchmark.javaStringSimilarity(), 0.01);
    }
  }
}
