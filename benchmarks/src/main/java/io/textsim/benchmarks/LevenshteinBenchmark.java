package io.textsim.benchmarks;

import io.textsim.core.edit.Levenshtein;
import java.util.concurrent.TimeUnit;
import org.apache.commons.text.similarity.LevenshteinDistance;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Exact Levenshtein distance (unit costs, no cutoff) of one pair of texts: textsim's bit-parallel,
 * banded {@link Levenshtein#distance(CharSequence, CharSequence)} against the textbook O(n m)
 * dynamic programs of Apache Commons Text and java-string-similarity.
 *
 * <p>The pairs ({@link #pair}):
 *
 * <ul>
 *   <li>{@code seed-pair}: the two seed articles as published (3,153 and 3,139 code points), a
 *       near-duplicate pair whose distance is a small fraction of its length;
 *   <li>{@code near-duplicate-16k}: each seed article repeated five times (15,765 and 15,695 code
 *       points);
 *   <li>{@code unrelated-3k}: two 3,000-character texts of English words from disjoint vocabularies
 *       ({@link BenchmarkTexts#unrelatedA()}), whose distance is most of their length: the worst
 *       case for a banded algorithm.
 * </ul>
 *
 * <p>All texts are in the Basic Multilingual Plane, so code points (textsim) and {@code char}s (the
 * peers) coincide and the three distances must agree; {@link #setUp()} checks that they do before
 * anything is measured.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 1, timeUnit = TimeUnit.SECONDS)
@Measurement(iterations = 5, time = 1, timeUnit = TimeUnit.SECONDS)
public class LevenshteinBenchmark {
  private static final LevenshteinDistance COMMONS_TEXT = LevenshteinDistance.getDefaultInstance();
  private static final info.debatty.java.stringsimilarity.Levenshtein JAVA_STRING_SIMILARITY =
      new info.debatty.java.stringsimilarity.Levenshtein();

  /** Which pair of texts to compare; see the class comment. */
  @Param({"seed-pair", "near-duplicate-16k", "unrelated-3k"})
  public String pair;

  private String a;
  private String b;

  /** Builds the pair and checks that all three implementations give the same distance. */
  @Setup(Level.Trial)
  public void setUp() {
    switch (pair) {
      case "seed-pair" -> {
        a = BenchmarkTexts.tehranTimes();
        b = BenchmarkTexts.mehrNews();
      }
      case "near-duplicate-16k" -> {
        a = BenchmarkTexts.repeated(BenchmarkTexts.tehranTimes());
        b = BenchmarkTexts.repeated(BenchmarkTexts.mehrNews());
      }
      case "unrelated-3k" -> {
        a = BenchmarkTexts.unrelatedA();
        b = BenchmarkTexts.unrelatedB();
      }
      default -> throw new IllegalArgumentException("unknown pair: " + pair);
    }
    int textsim = textsim();
    int commonsText = commonsText();
    double javaStringSimilarity = javaStringSimilarity();
    if (textsim != commonsText || javaStringSimilarity != textsim) {
      throw new IllegalStateException(
          "distances disagree on "
              + pair
              + ": textsim "
              + textsim
              + ", Commons Text "
              + commonsText
              + ", java-string-similarity "
              + javaStringSimilarity);
    }
  }

  /** textsim: bit-parallel (Myers/Hyyrö), common prefix and suffix stripped, band doubled. */
  @Benchmark
  public int textsim() {
    return Levenshtein.distance(a, b);
  }

  /** Apache Commons Text: two-row dynamic program over chars, O(n m). */
  @Benchmark
  public int commonsText() {
    return COMMONS_TEXT.apply(a, b);
  }

  /** java-string-similarity (info.debatty): two-row dynamic program over chars, O(n m). */
  @Benchmark
  public double javaStringSimilarity() {
    return JAVA_STRING_SIMILARITY.distance(a, b);
  }
}
