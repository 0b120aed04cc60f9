package io.textsim.spark;

import io.textsim.core.TextProfiler;
import io.textsim.core.cluster.CandidateStrategy;
import io.textsim.core.cluster.ClusterMeasure;
import io.textsim.core.cluster.ClusterOptions;
import io.textsim.core.cluster.ComponentClusterer;
import io.textsim.core.cluster.Linkage;
import io.textsim.core.furniture.Furniture;
import io.textsim.core.furniture.FurnitureOptions;
import io.textsim.core.shingle.ShingleConfig;
import java.io.Serializable;

/**
 * The settings of a clustering job, in a form that travels to executors: the same settings and
 * defaults as {@link ClusterOptions} (which holds a cancellation hook and a progress listener, and
 * so stays on each JVM), plus the bucket cap of the distributed candidate step.
 *
 * @param threshold the link threshold
 * @param measure jaccard or overlap
 * @param linkage single or representative
 * @param candidates auto, all-pairs or lsh, as in the core
 * @param allPairsLimit with auto, the largest input compared all pairs
 * @param shingleSize words per shingle
 * @param learnFurniture whether furniture is learned per source (else none is taken out)
 * @param furniture the furniture learner's settings
 * @param minSharedShingles see {@link io.textsim.core.cluster.LinkRule}
 * @param passageShingles see {@link io.textsim.core.cluster.LinkRule}; 0: no shared-passage links
 * @param maxBucket the most distinct members of one LSH bucket that are paired all with all; a
 *     larger bucket pairs each member with the bucket's first and with its predecessor (see
 *     docs/SPARK.md)
 */
public record SparkClusterSettings(
    double threshold,
    ClusterMeasure measure,
    Linkage linkage,
    CandidateStrategy candidates,
    int allPairsLimit,
    int shingleSize,
    boolean learnFurniture,
    FurnitureSettings furniture,
    int minSharedShingles,
    int passageShingles,
    int maxBucket)
    implements Serializable {
  private static final long serialVersionUID = 1L;

  /**
   * Default of {@link #maxBucket}: 1,000 distinct members, at most half a million pairs from one
   * bucket. Copies with the same content are counted once, so only a bucket of a thousand different
   * near-copies meets the cap; the core pairs such a bucket all with all.
   */
  public static final int DEFAULT_MAX_BUCKET = 1000;

  /** Validates the settings through {@link ClusterOptions} and the cap. */
  public SparkClusterSettings {
    if (maxBucket < 2) {
      throw new IllegalArgumentException("maxBucket must be >= 2, got " + maxBucket);
    }
    ComponentClusterer.requireSupported(
        options(
            threshold,
            measure,
            linkage,
            candidates,
            allPairsLimit,
            shingleSize,
            learnFurniture,
            furniture,
            minSharedShingles,
            passageShingles));
  }

  /** The core options of these settings, on this JVM. */
  public ClusterOptions options() {
    return options(
        threshold,
        measure,
        linkage,
        candidates,
        allPairsLimit,
        shingleSize,
        learnFurniture,
        furniture,
        minSharedShingles,
        passageShingles);
  }

  private static ClusterOptions options(
      double threshold,
      ClusterMeasure measure,
      Linkage linkage,
      CandidateStrategy candidates,
      int allPairsLimit,
      int shingleSize,
      boolean learnFurniture,
      FurnitureSettings furniture,
      int minSharedShingles,
      int passageShingles) {
    return ClusterOptions.builder()
        .threshold(threshold)
        .measure(measure)
        .linkage(linkage)
        .candidates(candidates)
        .allPairsLimit(allPairsLimit)
        .profiler(TextProfiler.defaults().withShingles(ShingleConfig.words(shingleSize)))
        .furniture(learnFurniture ? Furniture.learned(furniture.options()) : Furniture.none())
        .minSharedShingles(minSharedShingles)
        .passageShingles(passageShingles)
        .build();
  }

  /** A copy with another bucket cap. */
  public SparkClusterSettings withMaxBucket(int maxBucket) {
    return new SparkClusterSettings(
        threshold,
        measure,
        linkage,
        candidates,
        allPairsLimit,
        shingleSize,
        learnFurniture,
        furniture,
        minSharedShingles,
        passageShingles,
        maxBucket);
  }

  /** The defaults of {@link ClusterOptions} and {@link #DEFAULT_MAX_BUCKET}. */
  public static SparkClusterSettings defaults() {
    return of(ClusterOptions.defaults());
  }

  /**
   * The settings of {@code options} (whose profiler must be the default one with some shingle
   * size).
   */
  public static SparkClusterSettings of(ClusterOptions options) {
    boolean learn = options.furniture() instanceof Furniture.Learned;
    if (!learn && !(options.furniture() instanceof Furniture.None)) {
      throw new IllegalArgumentException("furniture must be learned or none on Spark");
    }
    ShingleConfig shingles = options.profiler().shingles();
    if (shingles.kind() != ShingleConfig.Kind.WORDS) {
      throw new IllegalArgumentException("only word shingles are supported on Spark");
    }
    return new SparkClusterSettings(
        options.threshold(),
        options.measure(),
        options.linkage(),
        options.candidates(),
        options.allPairsLimit(),
        shingles.size(),
        learn,
        FurnitureSettings.of(
            learn
                ? ((Furniture.Learned) options.furniture()).options()
                : FurnitureOptions.defaults()),
        options.minSharedShingles(),
        options.passageShingles(),
        DEFAULT_MAX_BUCKET);
  }

  /** {@link FurnitureOptions} as a value that travels to executors. */
  public record FurnitureSettings(
      int minDocuments,
      double frameShare,
      double sameStoryOverlap,
      int sample,
      int unknownSourceFrameDocuments)
      implements Serializable {
    private static final long serialVersionUID = 1L;

    /** The settings of {@code options}. */
    public static FurnitureSettings of(FurnitureOptions options) {
      return new FurnitureSettings(
          options.minDocuments(),
          options.frameShare(),
          options.sameStoryOverlap(),
          options.sample(),
          options.unknownSourceFrameDocuments());
    }

    /** The core options, validated. */
    public FurnitureOptions options() {
      return new FurnitureOptions(
          minDocuments, frameShare, sameStoryOverlap, sample, unknownSourceFrameDocuments);
    }
  }
}
