package io.textsim.core.measure;

import io.textsim.core.Cancellation;
import io.textsim.core.TermFrequencies;
import io.textsim.core.TextProfile;
import io.textsim.core.edit.Levenshtein;
import io.textsim.core.edit.LongestCommonSubsequence;
import io.textsim.core.shingle.ShingleSet;
import io.textsim.core.sketch.MinHashParameters;
import io.textsim.core.sketch.MinHasher;
import io.textsim.core.sketch.SimHash;
import java.util.Objects;

/**
 * Factories for every {@link SimilarityMeasure}. Each returns an immutable, thread-safe instance.
 *
 * <p>Empty input: a <em>blank</em> profile has no word tokens (and so no word shingles). The table
 * gives each measure's value when one or both texts are blank; every other case follows the
 * definition.
 *
 * <table>
 *   <caption>Values on blank input</caption>
 *   <tr><th>measure</th><th>both blank</th><th>one blank</th></tr>
 *   <tr><td>jaccard, dice, overlap</td><td>1</td><td>0</td></tr>
 *   <tr><td>containment(a in b)</td><td>1</td><td>0 (also when only b is blank)</td></tr>
 *   <tr><td>cosine (TF, TF-IDF)</td><td>1</td><td>0</td></tr>
 *   <tr><td>levenshtein, jaro_winkler, damerau_osa, lcs</td><td>1 if both normalized texts are
 *       empty</td><td>0 if one normalized text is empty</td></tr>
 *   <tr><td>token_levenshtein, minhash, simhash</td><td>1</td><td>0</td></tr>
 * </table>
 */
public final class Measures {
  private Measures() {}

  /**
   * Jaccard similarity of the shingle sets, {@code |A ∩ B| / |A ∪ B|}. Its distance is a metric.
   * Cost: O(|A| + |B|). Reference: Broder, "On the resemblance and containment of documents"
   * (1997).
   */
  public static Metric jaccard() {
    return Jaccard.INSTANCE;
  }

  /**
   * Containment of the first text in the second, {@code |A ∩ B| / |A|}: how much of {@code a}
   * appears in {@code b}. Not symmetric: a story inside a page of boilerplate scores high one way
   * only. Cost: O(|A| + |B|). Reference: Broder (1997).
   */
  public static SimilarityMeasure containment() {
    return Containment.INSTANCE;
  }

  /**
   * Sørensen-Dice coefficient of the shingle sets, {@code 2 |A ∩ B| / (|A| + |B|)}; equal to {@code
   * 2J / (1 + J)} for Jaccard {@code J}, so it ranks pairs as Jaccard does. Cost: O(|A| + |B|).
   * Reference: Dice, "Measures of the amount of ecologic association between species" (1945).
   */
  public static SimilarityMeasure dice() {
    return Dice.INSTANCE;
  }

  /** Overlap coefficient, {@code |A ∩ B| / min(|A|, |B|)}. Cost: O(|A| + |B|). */
  public static SimilarityMeasure overlap() {
    return Overlap.INSTANCE;
  }

  /**
   * Cosine similarity of the word count vectors, {@code (x · y) / (|x| |y|)}. Cost: O(|x| + |y|)
   * over distinct terms.
   */
  public static SimilarityMeasure cosine() {
    return Cosine.TERM_FREQUENCY;
  }

  /**
   * Cosine similarity of TF-IDF vectors, each count weighted by {@link IdfModel#idf(long)}, so that
   * words common in the collection count less. Cost: O((|x| + |y|) log T).
   */
  public static SimilarityMeasure cosine(IdfModel idf) {
    return new Cosine(Objects.requireNonNull(idf, "idf"));
  }

  /**
   * Levenshtein similarity over the code points of the normalized texts, {@code 1 - d / max(|a|,
   * |b|)} with {@code d} the unit-cost edit distance. Cost: O(n d / 64) (bit-parallel, banded); see
   * {@link Levenshtein}.
   */
  public static SimilarityMeasure levenshtein() {
    return new EditMeasure(false, Cancellation.never());
  }

  /** {@link #levenshtein()} that stops with an exception when {@code cancellation} fires. */
  public static SimilarityMeasure levenshtein(Cancellation cancellation) {
    return new EditMeasure(false, Objects.requireNonNull(cancellation, "cancellation"));
  }

  /** Levenshtein similarity over word tokens: each insert, delete or replace is one word. */
  public static SimilarityMeasure tokenLevenshtein() {
    return new EditMeasure(true, Cancellation.never());
  }

  /** {@link #tokenLevenshtein()} that stops with an exception when {@code cancellation} fires. */
  public static SimilarityMeasure tokenLevenshtein(Cancellation cancellation) {
    return new EditMeasure(true, Objects.requireNonNull(cancellation, "cancellation"));
  }

  /**
   * Jaccard similarity estimated from MinHash signatures with the {@linkplain
   * MinHashParameters#defaults() default parameters} (classic, 128 slots, seed 42): the fraction of
   * equal slots, within about 0.044 (one standard deviation at J = 0.5) of the exact Jaccard. Cost:
   * O(128 n) to sign each text; use {@link MinHasher} directly to sign once and compare many.
   */
  public static SimilarityMeasure minHash() {
    return MinHash.INSTANCE;
  }

  /**
   * SimHash similarity, {@code 1 - hamming(h(a), h(b)) / 64} of the 64-bit SimHashes of the word
   * counts ({@link SimHash}). Cost: O(n) to hash each text. Reference: Charikar, "Similarity
   * estimation techniques from rounding algorithms" (2002).
   */
  public static SimilarityMeasure simHash() {
    return SimHashMeasure.INSTANCE;
  }

  /**
   * Jaro-Winkler similarity of the code points of the normalized texts, as Apache Commons Text's
   * {@code JaroWinklerSimilarity} defines it (a character outside the BMP counts once). Cost: O(n
   * log n), where Commons Text's is O(n m); see {@code JaroWinklerScorer}. Reference: Winkler,
   * "String comparator metrics and enhanced decision rules" (1990).
   */
  public static SimilarityMeasure jaroWinkler() {
    return JaroWinkler.INSTANCE;
  }

  /**
   * Damerau-Levenshtein similarity in its optimal-string-alignment form (adjacent transpositions
   * cost 1, no substring is edited twice), {@code 1 - d / max(|a|, |b|)}, over code points. Cost:
   * O(n m) time, O(m) memory.
   */
  public static SimilarityMeasure damerauOsa() {
    return damerauOsa(Cancellation.never());
  }

  /** {@link #damerauOsa()} that stops with an exception when {@code cancellation} fires. */
  public static SimilarityMeasure damerauOsa(Cancellation cancellation) {
    return new CodePointMeasure(
        "Measures.damerauOsa()",
        CodePointMeasure.DAMERAU_OSA,
        Objects.requireNonNull(cancellation, "cancellation"));
  }

  /**
   * Longest-common-subsequence similarity of the code points of the normalized texts, {@code lcs /
   * max(|a|, |b|)} (RapidFuzz's normalized {@code LCSseq}): how much of the longer text survives,
   * in order, in the other. Cost: O(n m / 64), bit-parallel; see {@link LongestCommonSubsequence}.
   */
  public static SimilarityMeasure lcs() {
    return lcs(Cancellation.never());
  }

  /** {@link #lcs()} that stops with an exception when {@code cancellation} fires. */
  public static SimilarityMeasure lcs(Cancellation cancellation) {
    return new CodePointMeasure(
        "Measures.lcs()",
        CodePointMeasure.LCS,
        Objects.requireNonNull(cancellation, "cancellation"));
  }

  /**
   * {@link #jaccard()} of two shingle sets, for callers that keep the sets and not the profiles
   * (clustering large collections). Both empty: 1.
   */
  public static double jaccard(ShingleSet x, ShingleSet y) {
    Objects.requireNonNull(x, "x");
    Objects.requireNonNull(y, "y");
    if (x.isEmpty() && y.isEmpty()) {
      return 1.0;
    }
    int common = x.intersectionSize(y);
    return (double) common / (x.size() + y.size() - common);
  }

  /** {@link #overlap()} of two shingle sets. Both empty: 1; one empty: 0. */
  public static double overlap(ShingleSet x, ShingleSet y) {
    Objects.requireNonNull(x, "x");
    Objects.requireNonNull(y, "y");
    return setRatio(x, y, true);
  }

  /**
   * {@link #cosine()} of two term-frequency vectors, TF-IDF weighted when {@code idf} is not null.
   * Both empty: 1; one empty: 0.
   */
  public static double cosine(TermFrequencies x, TermFrequencies y, IdfModel idf) {
    Objects.requireNonNull(x, "x");
    Objects.requireNonNull(y, "y");
    if (x.size() == 0 || y.size() == 0) {
      return x.size() == 0 && y.size() == 0 ? 1.0 : 0.0;
    }
    double cos = idf == null ? x.dot(y) / (x.norm() * y.norm()) : Cosine.weighted(x, y, idf);
    // Rounding can push the quotient a hair past 1 for identical vectors.
    return Math.min(1.0, Math.max(0.0, cos));
  }

  /** Checks nulls and that both profiles were built with the same settings. */
  static void check(TextProfile a, TextProfile b) {
    Objects.requireNonNull(a, "a");
    Objects.requireNonNull(b, "b");
    a.requireComparable(b);
  }

  /**
   * {@code |X ∩ Y|} over {@code |X|} (containment) or over {@code min(|X|, |Y|)} (overlap), with
   * the blank-input rule of the table above: both empty 1, one empty 0.
   */
  private static double setRatio(ShingleSet x, ShingleSet y, boolean overSmaller) {
    if (x.isEmpty() || y.isEmpty()) {
      return x.isEmpty() && y.isEmpty() ? 1.0 : 0.0;
    }
    int denominator = overSmaller ? Math.min(x.size(), y.size()) : x.size();
    return (double) x.intersectionSize(y) / denominator;
  }

  enum Jaccard implements Metric {
    INSTANCE;

    @Override
    public double similarity(TextProfile a, TextProfile b) {
      check(a, b);
      return jaccard(a.shingles(), b.shingles());
    }

    @Override
    public String toString() {
      return "Measures.jaccard()";
    }
  }

  enum Containment implements SimilarityMeasure {
    INSTANCE;

    @Override
    public double similarity(TextProfile a, TextProfile b) {
      check(a, b);
      return setRatio(a.shingles(), b.shingles(), false);
    }

    @Override
    public String toString() {
      return "Measures.containment()";
    }
  }

  enum Dice implements SimilarityMeasure {
    INSTANCE;

    @Override
    public double similarity(TextProfile a, TextProfile b) {
      check(a, b);
      ShingleSet x = a.shingles();
      ShingleSet y = b.shingles();
      if (x.isEmpty() || y.isEmpty()) {
        return x.isEmpty() && y.isEmpty() ? 1.0 : 0.0;
      }
      return 2.0 * x.intersectionSize(y) / (x.size() + y.size());
    }

    @Override
    public String toString() {
      return "Measures.dice()";
    }
  }

  enum Overlap implements SimilarityMeasure {
    INSTANCE;

    @Override
    public double similarity(TextProfile a, TextProfile b) {
      check(a, b);
      return overlap(a.shingles(), b.shingles());
    }

    @Override
    public String toString() {
      return "Measures.overlap()";
    }
  }

  static final class Cosine implements SimilarityMeasure {
    static final Cosine TERM_FREQUENCY = new Cosine(null);

    private final IdfModel idf; // null: plain term frequencies

    Cosine(IdfModel idf) {
      this.idf = idf;
    }

    @Override
    public double similarity(TextProfile a, TextProfile b) {
      check(a, b);
      return cosine(a.terms(), b.terms(), idf);
    }

    static double weighted(TermFrequencies x, TermFrequencies y, IdfModel idf) {
      double dot = 0;
      double nx = 0;
      double ny = 0;
      int i = 0;
      int j = 0;
      while (i < x.size() || j < y.size()) {
        long tx = i < x.size() ? x.term(i) : Long.MAX_VALUE;
        long ty = j < y.size() ? y.term(j) : Long.MAX_VALUE;
        if (i < x.size() && (j >= y.size() || tx < ty)) {
          double w = x.count(i++) * idf.idf(tx);
          nx += w * w;
        } else if (j < y.size() && (i >= x.size() || ty < tx)) {
          double w = y.count(j++) * idf.idf(ty);
          ny += w * w;
        } else {
          double weight = idf.idf(tx);
          double wx = x.count(i++) * weight;
          double wy = y.count(j++) * weight;
          dot += wx * wy;
          nx += wx * wx;
          ny += wy * wy;
        }
      }
      return dot / (Math.sqrt(nx) * Math.sqrt(ny));
    }

    @Override
    public String toString() {
      return idf == null ? "Measures.cosine()" : "Measures.cosine(" + idf + ")";
    }
  }

  static final class EditMeasure implements SimilarityMeasure {
    private final boolean tokens;
    private final Cancellation cancellation;

    EditMeasure(boolean tokens, Cancellation cancellation) {
      this.tokens = tokens;
      this.cancellation = cancellation;
    }

    @Override
    public double similarity(TextProfile a, TextProfile b) {
      check(a, b);
      if (tokens) {
        int d = EditDistances.tokenDistance(a, b, cancellation);
        return Levenshtein.similarity(d, a.tokenCount(), b.tokenCount());
      }
      int d = EditDistances.codePointDistance(a, b, cancellation);
      return Levenshtein.similarity(d, a.codePointCount(), b.codePointCount());
    }

    @Override
    public String toString() {
      return tokens ? "Measures.tokenLevenshtein()" : "Measures.levenshtein()";
    }
  }

  enum MinHash implements SimilarityMeasure {
    INSTANCE;

    @Override
    public double similarity(TextProfile a, TextProfile b) {
      check(a, b);
      MinHasher hasher =
          MinHasher.of(MinHashParameters.defaults().withShingles(a.profiler().shingles()));
      return hasher.sign(a).estimateJaccard(hasher.sign(b));
    }

    @Override
    public String toString() {
      return "Measures.minHash()";
    }
  }

  enum SimHashMeasure implements SimilarityMeasure {
    INSTANCE;

    @Override
    public double similarity(TextProfile a, TextProfile b) {
      check(a, b);
      return SimHash.similarity(a, b);
    }

    @Override
    public String toString() {
      return "Measures.simHash()";
    }
  }

  enum JaroWinkler implements SimilarityMeasure {
    INSTANCE;

    @Override
    public double similarity(TextProfile a, TextProfile b) {
      check(a, b);
      double s = JaroWinklerScorer.similarity(a.codePoints(), b.codePoints());
      return Math.min(1.0, Math.max(0.0, s));
    }

    @Override
    public String toString() {
      return "Measures.jaroWinkler()";
    }
  }

  /**
   * A quadratic measure over the code points of the normalized texts, which stops when its
   * cancellation fires: Damerau-OSA and LCS.
   */
  static final class CodePointMeasure implements SimilarityMeasure {
    /** The similarity of two code-point sequences. */
    @FunctionalInterface
    interface Scorer {
      double score(int[] x, int[] y, Cancellation cancellation);
    }

    static final Scorer DAMERAU_OSA =
        (x, y, c) ->
            Levenshtein.similarity(OptimalStringAlignment.distance(x, y, c), x.length, y.length);

    static final Scorer LCS =
        (x, y, c) ->
            LongestCommonSubsequence.similarity(
                LongestCommonSubsequence.length(x, y, c), x.length, y.length);

    private final String name;
    private final Scorer scorer;
    private final Cancellation cancellation;

    CodePointMeasure(String name, Scorer scorer, Cancellation cancellation) {
      this.name = name;
      this.scorer = scorer;
      this.cancellation = cancellation;
    }

    @Override
    public double similarity(TextProfile a, TextProfile b) {
      check(a, b);
      return scorer.score(a.codePoints(), b.codePoints(), cancellation);
    }

    @Override
    public String toString() {
      return name;
    }
  }
}
