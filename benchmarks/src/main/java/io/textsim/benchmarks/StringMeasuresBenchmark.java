package io.textsim.benchmarks;

import io.textsim.core.TextProfile;
import io.textsim.core.TextProfiler;
import io.textsim.core.edit.LongestCommonSubsequence;
import io.textsim.core.measure.Measures;
import io.textsim.core.measure.SimilarityMeasure;
import java.util.concurrent.TimeUnit;
import org.apache.commons.text.similarity.JaroWinklerSimilarity;
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
 * Longest common subsequence and Jaro-Winkler of one pair of texts: textsim's {@link
 * Measures#lcs()} (bit-parallel) and {@link Measures#jaroWinkler()} (one pointer per symbol)
 * against Apache Commons Text's and java-string-similarity's, which are O(n m).
 *
 * <p>All three get the same texts: the seed articles ({@code seed-pair}) or two unrelated
 * 3,000-character texts ({@code unrelated-3k}), normalized by {@link TextProfiler#defaults()}. The
 * peers get the normalized strings; textsim gets the profiles and, like the peers, turns the text
 * into an array inside the measured call. All texts are in the Basic Multilingual Plane, so code
 * points and {@code char}s coincide; {@link #setUp()} checks that the LCS lengths agree exactly and
 * that Commons Text's Jaro-Winkler equals textsim's before anything is measured.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 1, timeUnit = TimeUnit.SECONDS)
@Measurement(iterations = 5, time = 1, timeUnit = TimeUnit.SECONDS)
public class StringMeasuresBenchmark {
  private static final org.apache.commons.text.similarity.LongestCommonSubsequence COMMONS_LCS =
      new org.apache.commons.text.similarity.LongestCommonSubsequence();
  private static final JaroWinklerSimilarity COMMONS_JARO_WINKLER = new JaroWinklerSimilarity();
  private static final info.debatty.java.stringsimilarity.LongestCommonSubsequence JSS_LCS =
      new info.debatty.java.stringsimilarity.LongestCommonSubsequence();
  private static final info.debatty.java.stringsimilarity.JaroWinkler JSS_JARO_WINKLER =
      new info.debatty.java.stringsimilarity.JaroWinkler();

  /** The measure: {@code lcs} or {@code jaro-winkler}. */
  @Param({"lcs", "jaro-winkler"})
  public String measure;

  /** Which pair of texts to compare; see the class comment. */
  @Param({"seed-pair", "unrelated-3k"})
  public String pair;

  private TextProfile profileA;
  private TextProfile profileB;
  private String a;
  private String b;
  private SimilarityMeasure textsimMeasure;

  /** Builds the pair and checks that the implementations agree. */
  @Setup(Level.Trial)
  public void setUp() {
    TextProfiler profiler = TextProfiler.defaults();
    switch (pair) {
      case "seed-pair" -> {
        profileA = profiler.profile(BenchmarkTexts.tehranTimes());
        profileB = profiler.profile(BenchmarkTexts.mehrNews());
      }
      case "unrelated-3k" -> {
        profileA = profiler.profile(BenchmarkTexts.unrelatedA());
        profileB = profiler.profile(BenchmarkTexts.unrelatedB());
      }
      default -> throw new IllegalArgumentException("unknown pair: " + pair);
    }
    a = profileA.normalized().text();
    b = profileB.normalized().text();
    switch (measure) {
      case "lcs" -> {
        textsimMeasure = Measures.lcs();
        int textsim = LongestCommonSubsequence.length(profileA.codePoints(), profileB.codePoints());
        int commons = COMMONS_LCS.apply(a, b);
        int jss = JSS_LCS.length(a, b);
        if (textsim != commons || textsim != jss) {
          throw new IllegalStateException(
              "LCS lengths disagree on " + pair + ": " + textsim + ", " + commons + ", " + jss);
        }
      }
      case "jaro-winkler" -> {
        textsimMeasure = Measures.jaroWinkler();
        double textsim = textsim();
        double commons = commonsText();
        if (textsim != commons) {
          throw new IllegalStateException(
              "Jaro-Winkler disagrees on " + pair + ": " + textsim + ", " + commons);
        }
      }
      default -> throw new IllegalArgumentException("unknown measure: " + measure);
    }
  }

  /** textsim, through the public measure on the profiles. */
  @Benchmark
  public double textsim() {
    return textsimMeasure.similarity(profileA, profileB);
  }

  /** Apache Commons Text: LCS by a two-row dynamic programme; Jaro-Winkler by window scans. */
  @Benchmark
  public double commonsText() {
    return measure.equals("lcs") ? COMMONS_LCS.apply(a, b) : COMMONS_JARO_WINKLER.apply(a, b);
  }

  /** java-string-similarity (info.debatty): both O(n m). */
  @Benchmark
  public double javaStringSimilarity() {
    return measure.equals("lcs") ? JSS_LCS.length(a, b) : JSS_JARO_WINKLER.similarity(a, b);
  }
}
