package io.textsim.core.usecase;

import io.textsim.core.Cancellation;
import io.textsim.core.TextProfiler;
import io.textsim.core.furniture.FurnitureModel;
import io.textsim.core.measure.Measure;
import io.textsim.core.measure.VerdictRule;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * How to rank candidates against a query: see {@link UseCases#search}. Build with {@link
 * #builder()}; every setting has a documented default. Immutable and thread-safe.
 *
 * @param profiler how the query and the candidates are profiled (default {@link
 *     TextProfiler#defaults()})
 * @param rankBy the measure matches are ranked by (default {@link Measure#JACCARD})
 * @param measures further measures to report per match (default none)
 * @param minScore the lowest score kept, in [0, 1] (default 0)
 * @param topK the most matches kept, at least 1 (default unlimited)
 * @param verdict a verdict per match by this rule, if present (default none)
 * @param idf whether cosine is TF-IDF over the candidates (default {@link IdfPolicy#CANDIDATES})
 * @param furniture page furniture to take out before scoring (default none): the query and every
 *     candidate are then scored on their content ({@link io.textsim.core.explain.ContentText}), a
 *     candidate without the furniture of its source where the model knows its source, the query
 *     (whose source is not known) and other candidates without every source's furniture. Its
 *     shingle settings must be the profiler's.
 * @param parallel whether profiles and scores are computed on the common fork-join pool (default
 *     true); a caller that already keeps every core busy (a server) turns it off
 * @param cancellation checked while profiling and scoring (default never)
 */
public record SearchOptions(
    TextProfiler profiler,
    Measure rankBy,
    Set<Measure> measures,
    double minScore,
    int topK,
    Optional<VerdictRule> verdict,
    IdfPolicy idf,
    Optional<FurnitureModel> furniture,
    boolean parallel,
    Cancellation cancellation) {

  /** Validates the options and copies the measures. */
  public SearchOptions {
    Objects.requireNonNull(profiler, "profiler");
    Objects.requireNonNull(rankBy, "rankBy");
    Objects.requireNonNull(measures, "measures");
    Objects.requireNonNull(verdict, "verdict");
    Objects.requireNonNull(idf, "idf");
    Objects.requireNonNull(furniture, "furniture");
    Objects.requireNonNull(cancellation, "cancellation");
    if (!(minScore >= 0.0 && minScore <= 1.0)) {
      throw new IllegalArgumentException("minScore must be in [0, 1], got " + minScore);
    }
    if (topK < 1) {
      throw new IllegalArgumentException("topK must be at least 1, got " + topK);
    }
    furniture.ifPresent(model -> model.requireShingles(profiler.shingles()));
    measures =
        Collections.unmodifiableSet(
            measures.isEmpty() ? EnumSet.noneOf(Measure.class) : EnumSet.copyOf(measures));
  }

  /** The defaults. */
  public static SearchOptions defaults() {
    return builder().build();
  }

  /** A builder with the defaults. */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds {@link SearchOptions}; validated at {@link #build()}. Not thread-safe. */
  public static final class Builder {
    private TextProfiler profiler = TextProfiler.defaults();
    private Measure rankBy = Measure.JACCARD;
    private Set<Measure> measures = Set.of();
    private double minScore;
    private int topK = Integer.MAX_VALUE;
    private Optional<VerdictRule> verdict = Optional.empty();
    private IdfPolicy idf = IdfPolicy.CANDIDATES;
    private Optional<FurnitureModel> furniture = Optional.empty();
    private boolean parallel = true;
    private Cancellation cancellation = Cancellation.never();

    private Builder() {}

    /** How the texts are profiled. */
    public Builder profiler(TextProfiler profiler) {
      this.profiler = Objects.requireNonNull(profiler, "profiler");
      return this;
    }

    /** The measure matches are ranked by. */
    public Builder rankBy(Measure rankBy) {
      this.rankBy = Objects.requireNonNull(rankBy, "rankBy");
      return this;
    }

    /** Further measures to report per match. */
    public Builder measures(Set<Measure> measures) {
      this.measures = Objects.requireNonNull(measures, "measures");
      return this;
    }

    /** The lowest score kept. */
    public Builder minScore(double minScore) {
      this.minScore = minScore;
      return this;
    }

    /** The most matches kept. */
    public Builder topK(int topK) {
      this.topK = topK;
      return this;
    }

    /** A verdict per match by this rule. */
    public Builder verdict(VerdictRule verdict) {
      this.verdict = Optional.of(verdict);
      return this;
    }

    /** Whether cosine is TF-IDF over the candidates. */
    public Builder idf(IdfPolicy idf) {
      this.idf = Objects.requireNonNull(idf, "idf");
      return this;
    }

    /** Page furniture to take out of the query and the candidates before scoring. */
    public Builder furniture(FurnitureModel furniture) {
      this.furniture = Optional.of(Objects.requireNonNull(furniture, "furniture"));
      return this;
    }

    /** Page furniture to take out before scoring, or none. */
    public Builder furniture(Optional<FurnitureModel> furniture) {
      this.furniture = Objects.requireNonNull(furniture, "furniture");
      return this;
    }

    /** Whether to compute on the common fork-join pool. */
    public Builder parallel(boolean parallel) {
      this.parallel = parallel;
      return this;
    }

    /** When to stop early. */
    public Builder cancellation(Cancellation cancellation) {
      this.cancellation = Objects.requireNonNull(cancellation, "cancellation");
      return this;
    }

    /**
     * The options.
     *
     * @throws IllegalArgumentException naming the setting that is out of range, or if the furniture
     *     model's shingles are not the profiler's
     */
    public SearchOptions build() {
      return new SearchOptions(
          profiler,
          rankBy,
          measures,
          minScore,
          topK,
          verdict,
          idf,
          furniture,
          parallel,
          cancellation);
    }
  }
}
