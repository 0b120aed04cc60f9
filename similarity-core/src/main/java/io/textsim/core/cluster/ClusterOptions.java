package io.textsim.core.cluster;

import io.textsim.core.Cancellation;
import io.textsim.core.TextProfiler;
import io.textsim.core.furniture.Furniture;
import io.textsim.core.shingle.ShingleConfig;
import java.util.Objects;

/**
 * Settings of a clustering. Build with {@link #builder()}; every setting has a default.
 *
 * <table>
 *   <caption>Settings and defaults</caption>
 *   <tr><th>setting</th><th>default</th></tr>
 *   <tr><td>threshold</td><td>{@value #DEFAULT_THRESHOLD}: pairs scoring at or above it are
 *       linked</td></tr>
 *   <tr><td>measure</td><td>{@link ClusterMeasure#JACCARD}</td></tr>
 *   <tr><td>linkage</td><td>{@link Linkage#REPRESENTATIVE}</td></tr>
 *   <tr><td>candidates</td><td>{@link CandidateStrategy#AUTO}: all pairs up to {@value
 *       #DEFAULT_ALL_PAIRS_LIMIT} documents, LSH above</td></tr>
 *   <tr><td>profiler</td><td>{@link TextProfiler#defaults()} with {@link #DEFAULT_SHINGLES}
 *       (word 3-shingles)</td></tr>
 *   <tr><td>cancellation</td><td>{@link Cancellation#never()}</td></tr>
 *   <tr><td>progress</td><td>{@link ClusterProgress#none()}</td></tr>
 *   <tr><td>furniture</td><td>{@link Furniture#learned()}: page furniture learned per source from
 *       the documents and taken out of what links them</td></tr>
 *   <tr><td>minSharedShingles</td><td>{@value #DEFAULT_MIN_SHARED_SHINGLES}: see {@link
 *       LinkRule}</td></tr>
 *   <tr><td>passageShingles</td><td>{@value #DEFAULT_PASSAGE_SHINGLES} (off): see {@link
 *       #DEFAULT_PASSAGE_SHINGLES} and {@link LinkRule}</td></tr>
 *   <tr><td>pairBudget</td><td>{@link PairBudget#unlimited()}</td></tr>
 * </table>
 *
 * @param threshold the score at or above which two documents are linked, in [0, 1]
 * @param measure the exact measure every candidate pair is verified with
 * @param linkage how linked pairs become clusters
 * @param candidates where candidate pairs come from
 * @param allPairsLimit with {@link CandidateStrategy#AUTO}, the largest input clustered by
 *     comparing all pairs
 * @param profiler how texts are profiled
 * @param cancellation polled by every stage
 * @param progress receives progress reports
 * @param furniture where page furniture comes from
 * @param minSharedShingles the shared content shingles that make a link meaningful on its own
 *     ({@link LinkRule})
 * @param passageShingles the shared content shingles that link a pair scoring below the threshold
 *     ({@link LinkRule}); 0 turns that path off
 * @param pairBudget told of the LSH candidate pairs before they are held (a server stops a
 *     clustering whose pairs would not fit its memory)
 */
public record ClusterOptions(
    double threshold,
    ClusterMeasure measure,
    Linkage linkage,
    CandidateStrategy candidates,
    int allPairsLimit,
    TextProfiler profiler,
    Cancellation cancellation,
    ClusterProgress progress,
    Furniture furniture,
    int minSharedShingles,
    int passageShingles,
    PairBudget pairBudget) {

  /**
   * The default threshold, chosen with {@link #DEFAULT_MEASURE} by the quality evaluation
   * (docs/QUALITY.md) over collections of several shapes (syndicated copies inside heavy per-outlet
   * frames, very short stories under long furniture, a non-Latin script, with and without known
   * sources): Jaccard of content shingles at 0.30 is within about 0.01 of each collection's best
   * pairwise F1. Precision stays near 1 down to 0.25 because links rest on content (furniture taken
   * out, {@link LinkRule}); 0.25 gains another 0.005 to 0.01 of recall, but banding for it has to
   * make every shared MinHash value a candidate, which does not scale. Above 0.4 recall falls
   * (copies that were cut short or edited).
   */
  public static final double DEFAULT_THRESHOLD = 0.3;

  /**
   * The default shingles of a clustering: word 3-shingles, one word shorter than a comparison's
   * ({@link io.textsim.core.shingle.ShingleConfig#DEFAULT}). Chosen by the same evaluation: with
   * the furniture taken out, 3-shingles keep more of an edited copy (a changed word breaks three
   * shingles, not four), which is 0.006 to 0.014 of pairwise F1 on every collection, with precision
   * unchanged; 4-shingles were not within 0.01 of the best on any furniture-heavy one.
   */
  public static final ShingleConfig DEFAULT_SHINGLES = ShingleConfig.words(3);

  /**
   * The default measure: Jaccard of the content shingle sets. With page furniture taken out, what
   * is left of a copy is the story, and Jaccard asks that the whole of both match; overlap, the
   * default before furniture was learned, links a short text to any longer one that contains it (a
   * teaser to its article, a two-line item to a digest) and chained heavily framed short stories
   * into one cluster.
   */
  public static final ClusterMeasure DEFAULT_MEASURE = ClusterMeasure.JACCARD;

  /** {@link #DEFAULT_MEASURE}'s wire name, for annotations that need a constant. */
  public static final String DEFAULT_MEASURE_NAME = "jaccard";

  /** The default linkage: {@link Linkage#REPRESENTATIVE}. */
  public static final Linkage DEFAULT_LINKAGE = Linkage.REPRESENTATIVE;

  /** {@link #DEFAULT_LINKAGE}'s wire name, for annotations that need a constant. */
  public static final String DEFAULT_LINKAGE_NAME = "representative";

  /**
   * Up to this many documents, AUTO compares all pairs; above it, LSH. Measured crossover: see
   * docs/BENCHMARKS.md.
   */
  public static final int DEFAULT_ALL_PAIRS_LIMIT = 300;

  /** Default of {@code minSharedShingles}: see {@link LinkRule}. */
  public static final int DEFAULT_MIN_SHARED_SHINGLES = 8;

  /**
   * Default of {@code passageShingles}: 0, shared-passage links off. They link copies under long
   * texts of their own (comment threads), but also a page to every story whose lead it carries in a
   * "more news" block: on the evaluation's collection of such pages they dropped pairwise precision
   * from 0.80 to 0.08 (docs/QUALITY.md). A rule that can merge different stories is not a default;
   * {@link #SUGGESTED_PASSAGE_SHINGLES} is there for collections known to be the first kind.
   */
  public static final int DEFAULT_PASSAGE_SHINGLES = 0;

  /** The {@code passageShingles} the evaluation found best where shared-passage links help. */
  public static final int SUGGESTED_PASSAGE_SHINGLES = 40;

  /** Validates every setting; the message names the setting and the value. */
  public ClusterOptions {
    if (!(threshold >= 0.0 && threshold <= 1.0)) {
      throw new IllegalArgumentException("threshold must be in [0, 1], got " + threshold);
    }
    Objects.requireNonNull(measure, "measure");
    Objects.requireNonNull(linkage, "linkage");
    Objects.requireNonNull(candidates, "candidates");
    if (allPairsLimit < 0) {
      throw new IllegalArgumentException("allPairsLimit must be >= 0, got " + allPairsLimit);
    }
    Objects.requireNonNull(profiler, "profiler");
    Objects.requireNonNull(cancellation, "cancellation");
    Objects.requireNonNull(progress, "progress");
    Objects.requireNonNull(furniture, "furniture");
    if (minSharedShingles < 1) {
      throw new IllegalArgumentException(
          "minSharedShingles must be >= 1, got " + minSharedShingles);
    }
    if (passageShingles < 0) {
      throw new IllegalArgumentException(
          "passageShingles must be >= 0 (0: off), got " + passageShingles);
    }
    Objects.requireNonNull(pairBudget, "pairBudget");
  }

  /** The rule that decides which verified pairs link. */
  public LinkRule linkRule() {
    return new LinkRule(threshold, minSharedShingles, passageShingles);
  }

  /** The defaults of the table above. */
  public static ClusterOptions defaults() {
    return builder().build();
  }

  /** A builder holding the defaults. */
  public static Builder builder() {
    return new Builder();
  }

  /** A builder holding these settings. */
  public Builder toBuilder() {
    return new Builder()
        .threshold(threshold)
        .measure(measure)
        .linkage(linkage)
        .candidates(candidates)
        .allPairsLimit(allPairsLimit)
        .profiler(profiler)
        .cancellation(cancellation)
        .progress(progress)
        .furniture(furniture)
        .minSharedShingles(minSharedShingles)
        .passageShingles(passageShingles)
        .pairBudget(pairBudget);
  }

  /** Builds {@link ClusterOptions}; validation happens in {@link #build()}. Not thread-safe. */
  public static final class Builder {
    private double threshold = DEFAULT_THRESHOLD;
    private ClusterMeasure measure = DEFAULT_MEASURE;
    private Linkage linkage = DEFAULT_LINKAGE;
    private CandidateStrategy candidates = CandidateStrategy.AUTO;
    private int allPairsLimit = DEFAULT_ALL_PAIRS_LIMIT;
    private TextProfiler profiler = TextProfiler.defaults().withShingles(DEFAULT_SHINGLES);
    private Cancellation cancellation = Cancellation.never();
    private ClusterProgress progress = ClusterProgress.none();
    private Furniture furniture = Furniture.learned();
    private int minSharedShingles = DEFAULT_MIN_SHARED_SHINGLES;
    private int passageShingles = DEFAULT_PASSAGE_SHINGLES;
    private PairBudget pairBudget = PairBudget.unlimited();

    private Builder() {}

    /** Sets the link threshold, in [0, 1]. */
    public Builder threshold(double threshold) {
      this.threshold = threshold;
      return this;
    }

    /** Sets the exact measure. */
    public Builder measure(ClusterMeasure measure) {
      this.measure = measure;
      return this;
    }

    /** Sets the linkage. */
    public Builder linkage(Linkage linkage) {
      this.linkage = linkage;
      return this;
    }

    /** Sets the candidate strategy. */
    public Builder candidates(CandidateStrategy candidates) {
      this.candidates = candidates;
      return this;
    }

    /** Sets the largest input that AUTO clusters by comparing all pairs. */
    public Builder allPairsLimit(int allPairsLimit) {
      this.allPairsLimit = allPairsLimit;
      return this;
    }

    /** Sets the profiler. */
    public Builder profiler(TextProfiler profiler) {
      this.profiler = profiler;
      return this;
    }

    /** Sets the cancellation hook. */
    public Builder cancellation(Cancellation cancellation) {
      this.cancellation = cancellation;
      return this;
    }

    /** Sets the progress listener. */
    public Builder progress(ClusterProgress progress) {
      this.progress = progress;
      return this;
    }

    /** Sets where page furniture comes from. */
    public Builder furniture(Furniture furniture) {
      this.furniture = furniture;
      return this;
    }

    /** Sets the shared content shingles that make a link meaningful on its own. */
    public Builder minSharedShingles(int minSharedShingles) {
      this.minSharedShingles = minSharedShingles;
      return this;
    }

    /** Sets the shared content shingles that link a pair below the threshold; 0: off. */
    public Builder passageShingles(int passageShingles) {
      this.passageShingles = passageShingles;
      return this;
    }

    /** Sets what is told of the LSH candidate pairs before they are held. */
    public Builder pairBudget(PairBudget pairBudget) {
      this.pairBudget = pairBudget;
      return this;
    }

    /** Validates and returns the options. */
    public ClusterOptions build() {
      return new ClusterOptions(
          threshold,
          measure,
          linkage,
          candidates,
          allPairsLimit,
          profiler,
          cancellation,
          progress,
          furniture,
          minSharedShingles,
          passageShingles,
          pairBudget);
    }
  }
}
