package io.textsim.benchmarks;

import io.textsim.core.TextProfile;
import io.textsim.core.TextProfiler;
import io.textsim.core.measure.Measures;
import io.textsim.core.measure.SimilarityMeasure;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.apache.commons.text.similarity.CosineSimilarity;
import org.apache.commons.text.similarity.JaccardSimilarity;
import org.apache.commons.text.similarity.SimilarityInput;
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
 * Profiles and set/vector measures on the seed pair: what building a {@link TextProfile} costs,
 * what comparing two prebuilt profiles costs, and the same job done with Apache Commons Text the
 * way a user would write it.
 *
 * <p>The measures are not the same and the scores differ: textsim's Jaccard is over hashed word
 * 4-shingles of the normalized text (NFKC, lower case, punctuation dropped) and its cosine over
 * normalized word counts; the Commons Text versions below are over the raw whitespace-separated
 * words, so that {@code "Iran."} and {@code "Iran"} are different words. What is compared is the
 * cost of answering "how alike are these two articles" with each library.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 1, timeUnit = TimeUnit.SECONDS)
@Measurement(iterations = 5, time = 1, timeUnit = TimeUnit.SECONDS)
public class ProfileBenchmark {
  private static final Pattern WHITESPACE = Pattern.compile("\\s+");
  private static final SimilarityMeasure JACCARD = Measures.jaccard();
  private static final SimilarityMeasure COSINE = Measures.cosine();
  private static final JaccardSimilarity COMMONS_JACCARD = new JaccardSimilarity();
  private static final CosineSimilarity COMMONS_COSINE = new CosineSimilarity();

  private TextProfiler profiler;
  private String a;
  private String b;
  private TextProfile profileA;
  private TextProfile profileB;
  private Words wordsA;
  private Words wordsB;
  private Map<CharSequence, Integer> countsA;
  private Map<CharSequence, Integer> countsB;

  /** Loads the seed pair and prebuilds the profiles and word lists; checks every score. */
  @Setup(Level.Trial)
  public void setUp() {
    profiler = TextProfiler.defaults();
    a = BenchmarkTexts.tehranTimes();
    b = BenchmarkTexts.mehrNews();
    profileA = profiler.profile(a);
    profileB = profiler.profile(b);
    wordsA = Words.of(a);
    wordsB = Words.of(b);
    countsA = wordsA.counts();
    countsB = wordsB.counts();
    check("textsim jaccard + cosine", textsimJaccardCosine(), 2);
    check("textsim end to end", textsimProfileAndCompare(), 2);
    check("Commons Text jaccard + cosine", commonsTextJaccardCosine(), 2);
    check("Commons Text prebuilt", commonsTextJaccardCosinePrebuilt(), 2);
    check("Commons Text character jaccard", commonsTextJaccardCharacters(), 1);
  }

  private static void check(String what, double score, double max) {
    if (!(score > 0 && score <= max)) {
      throw new IllegalStateException(what + " on the seed pair is " + score);
    }
  }

  /**
   * textsim: one profile (normalize, tokenize, hash, shingle, sort) of the Tehran Times article.
   */
  @Benchmark
  public TextProfile textsimProfile() {
    return profiler.profile(a);
  }

  /**
   * textsim, precompute once and compare many: Jaccard over the shingle sets (a merge of two sorted
   * {@code long[]}) plus cosine over the term frequencies (a merge of two sorted term arrays).
   */
  @Benchmark
  public double textsimJaccardCosine() {
    return JACCARD.similarity(profileA, profileB) + COSINE.similarity(profileA, profileB);
  }

  /** textsim from raw text: both profiles built, then Jaccard plus cosine. */
  @Benchmark
  public double textsimProfileAndCompare() {
    TextProfile x = profiler.profile(a);
    TextProfile y = profiler.profile(b);
    return JACCARD.similarity(x, y) + COSINE.similarity(x, y);
  }

  /**
   * Commons Text from raw text, as a user would write it: split on white space (no normalization),
   * {@code JaccardSimilarity} over the two word sequences (it builds a {@code HashSet} of each),
   * {@code CosineSimilarity} over word-count maps.
   */
  @Benchmark
  public double commonsTextJaccardCosine() {
    Words x = Words.of(a);
    Words y = Words.of(b);
    return COMMONS_JACCARD.apply(x, y) + COMMONS_COSINE.cosineSimilarity(x.counts(), y.counts());
  }

  /**
   * Commons Text with the words and count maps built beforehand, the nearest it comes to comparing
   * prebuilt profiles: Jaccard still hashes every word of both texts on each call.
   */
  @Benchmark
  public double commonsTextJaccardCosinePrebuilt() {
    return COMMONS_JACCARD.apply(wordsA, wordsB)
        + COMMONS_COSINE.cosineSimilarity(countsA, countsB);
  }

  /**
   * Commons Text {@code JaccardSimilarity.apply(CharSequence, CharSequence)} on the raw texts: the
   * Jaccard index of the two sets of distinct <em>characters</em>, which is what that one-line call
   * computes (close to 1 for any two English texts; shown because it is the obvious call).
   */
  @Benchmark
  public double commonsTextJaccardCharacters() {
    return COMMONS_JACCARD.apply(a, b);
  }

  /** A text's whitespace-separated words, as Commons Text's generic similarity input. */
  private static final class Words implements SimilarityInput<String> {
    private final List<String> words;

    private Words(List<String> words) {
      this.words = words;
    }

    static Words of(String text) {
      String stripped = text.strip();
      return new Words(stripped.isEmpty() ? List.of() : Arrays.asList(WHITESPACE.split(stripped)));
    }

    Map<CharSequence, Integer> counts() {
      Map<CharSequence, Integer> counts = new HashMap<>();
      for (String word : words) {
        counts.merge(word, 1, Integer::sum);
      }
      return counts;
    }

    @Override
    public String at(int index) {
      return words.get(index);
    }

    @Override
    public int length() {
      return words.size();
    }
  }
}
