package io.textsim.benchmarks;

import info.debatty.java.lsh.MinHash;
import io.textsim.core.TextProfile;
import io.textsim.core.TextProfiler;
import io.textsim.core.measure.Measures;
import io.textsim.core.shingle.ShingleConfig;
import io.textsim.core.shingle.ShingleSet;
import io.textsim.core.sketch.MinHashParameters;
import io.textsim.core.sketch.MinHashSignature;
import io.textsim.core.sketch.MinHasher;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The MinHash signature (k = {@value #K}) of one seed article's shingle set: textsim's two hash
 * families against java-LSH's {@code info.debatty.java.lsh.MinHash}, all given the same set.
 *
 * <p>The set is the word 4-shingle set of the Tehran Times article ({@code
 * examples/articles/tehran-times.txt}, 457 distinct shingles), built once in {@link #setUp()}; only
 * signing is timed. What each benchmark computes:
 *
 * <ul>
 *   <li>{@code textsimClassic}: {@link MinHasher} with {@link MinHashParameters#classic}: for each
 *       of the 128 slots, the minimum over the shingles of {@code (a_i * fmix64(x) + b_i) >>> 1}, a
 *       64-bit multiply-add (mod 2<sup>64</sup>) of the pre-mixed 64-bit shingle hash; 128 x 457
 *       multiply-adds in a loop the JIT vectorizes. The library's default.
 *   <li>{@code textsimOnePermutation}: {@link MinHashParameters#onePermutation}: each shingle
 *       hashed once ({@code fmix64(x ^ key)}), its top bits choosing one of 128 bins and the rest
 *       its value, the minimum kept per bin; the few empty bins filled by optimal densification.
 *       457 hashes plus the densification: textsim's fast option, and what clustering uses.
 *   <li>{@code javaLsh}: java-LSH 0.12 {@code MinHash(128, Integer.MAX_VALUE, 42).signature(set)}
 *       over the same shingles as a {@code Set<Integer>} ({@link #toJavaLshElement(long)}): on each
 *       call it copies the set into an {@code ArrayList} and sorts it, then for each element and
 *       each of the 128 slots computes {@code (a_i * x + b_i) mod (2^31 - 1)} (a 64-bit remainder)
 *       and keeps the minimum: 128 x 457 multiply-add-remainders on unboxed {@code Integer}s.
 * </ul>
 *
 * <p>The three are estimators of the same Jaccard similarity with the same k; {@link #setUp()}
 * checks that each estimates the seed pair's Jaccard (0.926) within 0.1 before anything is
 * measured.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 1, timeUnit = TimeUnit.SECONDS)
@Measurement(iterations = 5, time = 1, timeUnit = TimeUnit.SECONDS)
public class MinHashBenchmark {
  /** The number of hash functions (slots) of every signature. */
  static final int K = 128;

  /** The seed of every signature. */
  static final long SEED = 42L;

  private ShingleSet shingles;
  private MinHasher classic;
  private MinHasher onePermutation;
  private MinHash javaLsh;
  private Set<Integer> javaLshSet;

  /**
   * Builds the shingle set and the three hashers, and checks that each estimates the seed pair's
   * Jaccard similarity.
   */
  @Setup(Level.Trial)
  public void setUp() {
    TextProfiler profiler = TextProfiler.defaults();
    TextProfile tehran = profiler.profile(BenchmarkTexts.tehranTimes());
    TextProfile mehr = profiler.profile(BenchmarkTexts.mehrNews());
    shingles = tehran.shingles();
    classic = MinHasher.of(MinHashParameters.classic(K, SEED, ShingleConfig.DEFAULT));
    onePermutation = MinHasher.of(MinHashParameters.onePermutation(K, SEED, ShingleConfig.DEFAULT));
    javaLsh = new MinHash(K, Integer.MAX_VALUE, SEED);
    javaLshSet = toJavaLshSet(shingles);
    if (javaLshSet.size() != shingles.size()) {
      throw new IllegalStateException(
          "the 31-bit java-LSH elements collide: "
              + javaLshSet.size()
              + " of "
              + shingles.size()
              + " shingles left");
    }

    double exact = Measures.jaccard().similarity(tehran, mehr);
    double classicEstimate =
        classic.sign(tehran.shingles()).estimateJaccard(classic.sign(mehr.shingles()));
    double onePermutationEstimate =
        onePermutation
            .sign(tehran.shingles())
            .estimateJaccard(onePermutation.sign(mehr.shingles()));
    double javaLshEstimate =
        javaLsh.similarity(
            javaLsh.signature(javaLshSet), javaLsh.signature(toJavaLshSet(mehr.shingles())));
    check("textsim classic", classicEstimate, exact);
    check("textsim one-permutation", onePermutationEstimate, exact);
    check("java-LSH", javaLshEstimate, exact);
    System.out.printf(
        Locale.ROOT,
        "# seed pair: %d and %d shingles, exact Jaccard %.4f; estimates: classic %.4f,"
            + " one-permutation %.4f, java-LSH %.4f%n",
        tehran.shingles().size(),
        mehr.shingles().size(),
        exact,
        classicEstimate,
        onePermutationEstimate,
        javaLshEstimate);
  }

  private static void check(String what, double estimate, double exact) {
    if (!(Math.abs(estimate - exact) <= 0.1)) {
      throw new IllegalStateException(
          what + " estimates " + estimate + " for the seed pair, whose Jaccard is " + exact);
    }
  }

  /**
   * A 64-bit shingle hash as a java-LSH element: the two halves folded, {@code (int) (h ^ (h >>>
   * 32))}, then the sign bit cleared, since java-LSH's functions {@code (a x + b) mod (2^31 - 1)}
   * are a universal family over {@code x} in [0, 2<sup>31</sup> - 1).
   */
  static int toJavaLshElement(long hash) {
    return (int) (hash ^ (hash >>> 32)) & Integer.MAX_VALUE;
  }

  static Set<Integer> toJavaLshSet(ShingleSet set) {
    Set<Integer> out = new HashSet<>(set.size() * 2);
    for (int i = 0; i < set.size(); i++) {
      out.add(toJavaLshElement(set.get(i)));
    }
    return out;
  }

  /** textsim classic MinHash, 128 multiply-add hash functions. */
  @Benchmark
  public MinHashSignature textsimClassic() {
    return classic.sign(shingles);
  }

  /** textsim one-permutation hashing with optimal densification, 128 bins. */
  @Benchmark
  public MinHashSignature textsimOnePermutation() {
    return onePermutation.sign(shingles);
  }

  /** java-LSH {@code MinHash.signature(Set<Integer>)}, 128 hash functions. */
  @Benchmark
  public int[] javaLsh() {
    return javaLsh.signature(javaLshSet);
  }
}
