package io.textsim.index;

import io.textsim.core.measure.Verdict;
import io.textsim.core.shingle.ShingleConfig;
import io.textsim.core.sketch.MinHashParameters;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * How to open an index. The shingles, hashes and threshold apply when the index is created; an
 * existing index keeps the ones it was created with (they are stored in it) whatever is passed
 * here. The others apply to this opening.
 *
 * @param shingles the shingles documents are compared on; default {@link ShingleConfig#DEFAULT}
 * @param numHashes MinHash slots per signature; default {@value
 *     MinHashParameters#DEFAULT_NUM_HASHES}
 * @param seed the MinHash seed; default {@value MinHashParameters#DEFAULT_SEED}
 * @param threshold the Jaccard threshold the banding is tuned for and verdicts use; default {@value
 *     Verdict#DEFAULT_THRESHOLD}
 * @param retention a collection-wide window: a document expires this long after its time (or, with
 *     no time, after it was added); default none. Fixed for each document when it is added.
 * @param durability when an acknowledged write is safe; default {@link Durability#SYNC}
 * @param clock the clock that stamps and expires documents; default the system UTC clock
 * @param maxTextLength the longest text accepted, in UTF-16 units; default {@value
 *     #DEFAULT_MAX_TEXT_LENGTH}
 * @param furniture the content filter for a source ("" for documents without one); default keeps
 *     every shingle
 * @param createIfMissing create the index when the directory is missing or empty; default true
 * @param sweepInterval how often expired documents are deleted in the background; default one
 *     minute
 */
public record IndexOptions(
    ShingleConfig shingles,
    int numHashes,
    long seed,
    double threshold,
    Optional<Duration> retention,
    Durability durability,
    Clock clock,
    int maxTextLength,
    Function<String, ContentFilter> furniture,
    boolean createIfMissing,
    Duration sweepInterval) {

  /** The default text limit: 1,000,000 UTF-16 units (a long article is 10,000). */
  public static final int DEFAULT_MAX_TEXT_LENGTH = 1_000_000;

  /** Validates every option, naming the one that is wrong. */
  public IndexOptions {
    Objects.requireNonNull(shingles, "shingles");
    Objects.requireNonNull(retention, "retention");
    Objects.requireNonNull(durability, "durability");
    Objects.requireNonNull(clock, "clock");
    Objects.requireNonNull(furniture, "furniture");
    Objects.requireNonNull(sweepInterval, "sweepInterval");
    if (numHashes < 1 || numHashes > MinHashParameters.MAX_NUM_HASHES) {
      throw new IllegalArgumentException(
          "numHashes must be in [1, " + MinHashParameters.MAX_NUM_HASHES + "], got " + numHashes);
    }
    if (!(threshold > 0.0 && threshold <= 1.0)) {
      throw new IllegalArgumentException("threshold must be in (0, 1], got " + threshold);
    }
    if (retention.isPresent() && (retention.get().isNegative() || retention.get().isZero())) {
      throw new IllegalArgumentException("retention must be positive, got " + retention.get());
    }
    if (maxTextLength < 1) {
      throw new IllegalArgumentException("maxTextLength must be >= 1, got " + maxTextLength);
    }
    if (sweepInterval.isNegative() || sweepInterval.isZero()) {
      throw new IllegalArgumentException("sweepInterval must be positive, got " + sweepInterval);
    }
  }

  /** The defaults listed above. */
  public static IndexOptions defaults() {
    return new IndexOptions(
        ShingleConfig.DEFAULT,
        MinHashParameters.DEFAULT_NUM_HASHES,
        MinHashParameters.DEFAULT_SEED,
        Verdict.DEFAULT_THRESHOLD,
        Optional.empty(),
        Durability.SYNC,
        Clock.systemUTC(),
        DEFAULT_MAX_TEXT_LENGTH,
        source -> ContentFilter.none(),
        true,
        Duration.ofMinutes(1));
  }

  /** These options with {@code shingles}. */
  public IndexOptions withShingles(ShingleConfig shingles) {
    return new IndexOptions(
        shingles,
        numHashes,
        seed,
        threshold,
        retention,
        durability,
        clock,
        maxTextLength,
        furniture,
        createIfMissing,
        sweepInterval);
  }

  /** These options with {@code numHashes}. */
  public IndexOptions withNumHashes(int numHashes) {
    return new IndexOptions(
        shingles,
        numHashes,
        seed,
        threshold,
        retention,
        durability,
        clock,
        maxTextLength,
        furniture,
        createIfMissing,
        sweepInterval);
  }

  /** These options with {@code threshold}. */
  public IndexOptions withThreshold(double threshold) {
    return new IndexOptions(
        shingles,
        numHashes,
        seed,
        threshold,
        retention,
        durability,
        clock,
        maxTextLength,
        furniture,
        createIfMissing,
        sweepInterval);
  }

  /** These options with a retention window. */
  public IndexOptions withRetention(Duration retention) {
    return new IndexOptions(
        shingles,
        numHashes,
        seed,
        threshold,
        Optional.of(retention),
        durability,
        clock,
        maxTextLength,
        furniture,
        createIfMissing,
        sweepInterval);
  }

  /** These options with {@code durability}. */
  public IndexOptions withDurability(Durability durability) {
    return new IndexOptions(
        shingles,
        numHashes,
        seed,
        threshold,
        retention,
        durability,
        clock,
        maxTextLength,
        furniture,
        createIfMissing,
        sweepInterval);
  }

  /** These options with {@code clock}. */
  public IndexOptions withClock(Clock clock) {
    return new IndexOptions(
        shingles,
        numHashes,
        seed,
        threshold,
        retention,
        durability,
        clock,
        maxTextLength,
        furniture,
        createIfMissing,
        sweepInterval);
  }

  /** These options with {@code maxTextLength}. */
  public IndexOptions withMaxTextLength(int maxTextLength) {
    return new IndexOptions(
        shingles,
        numHashes,
        seed,
        threshold,
        retention,
        durability,
        clock,
        maxTextLength,
        furniture,
        createIfMissing,
        sweepInterval);
  }

  /** These options with a content filter per source. */
  public IndexOptions withFurniture(Function<String, ContentFilter> furniture) {
    return new IndexOptions(
        shingles,
        numHashes,
        seed,
        threshold,
        retention,
        durability,
        clock,
        maxTextLength,
        furniture,
        createIfMissing,
        sweepInterval);
  }

  /** These options with {@code createIfMissing}. */
  public IndexOptions withCreateIfMissing(boolean createIfMissing) {
    return new IndexOptions(
        shingles,
        numHashes,
        seed,
        threshold,
        retention,
        durability,
        clock,
        maxTextLength,
        furniture,
        createIfMissing,
        sweepInterval);
  }

  /** These options with {@code sweepInterval}. */
  public IndexOptions withSweepInterval(Duration sweepInterval) {
    return new IndexOptions(
        shingles,
        numHashes,
        seed,
        threshold,
        retention,
        durability,
        clock,
        maxTextLength,
        furniture,
        createIfMissing,
        sweepInterval);
  }
}
