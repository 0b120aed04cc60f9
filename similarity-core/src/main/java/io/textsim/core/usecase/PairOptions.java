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
 * How to compare a pair: see {@link UseCases#compare}. Build with {@link #builder()}; every setting
 * has a documented default. Immutable and thread-safe.
 *
 * @param profiler how both texts are profiled (default {@link TextProfiler#defaults()})
 * @param measures the measures to report (default {@link Measure#defaults()}); the verdict's
 *     measure is always reported too
 * @param verdict the verdict rule (default {@link VerdictRule#DEFAULT})
 * @param explain whether to explain the pair with passages (default false)
 * @param furniture page furniture to tell apart from content (default none): passages only one side
 *     has are marked as furniture or not, and the pair is also scored and judged on its content;
 *     every source's furniture in the model is taken out of both texts, since a pair's texts are
 *     not told apart by source. Its shingle settings must be the profiler's.
 * @param cancellation checked between steps and inside the long ones (default never)
 */
public record PairOptions(
    TextProfiler profiler,
    Set<Measure> measures,
    VerdictRule verdict,
    boolean explain,
    Optional<FurnitureModel> furniture,
    Cancellation cancellation) {

  /** Checks for nulls and copies the measures. */
  public PairOptions {
    Objects.requireNonNull(profiler, "profiler");
    Objects.requireNonNull(measures, "measures");
    Objects.requireNonNull(verdict, "verdict");
    Objects.requireNonNull(furniture, "furniture");
    Objects.requireNonNull(cancellation, "cancellation");
    furniture.ifPresent(model -> model.requireShingles(profiler.shingles()));
    measures =
        Collections.unmodifiableSet(
            measures.isEmpty() ? EnumSet.noneOf(Measure.class) : EnumSet.copyOf(measures));
  }

  /** The defaults. */
  public static PairOptions defaults() {
    return builder().build();
  }

  /** A builder with the defaults. */
  public static Builder builder() {
    return new Builder();
  }

  /** A builder with these options. */
  public Builder toBuilder() {
    return new Builder()
        .profiler(profiler)
        .measures(measures)
        .verdict(verdict)
        .explain(explain)
        .furniture(furniture)
        .cancellation(cancellation);
  }

  /** Builds {@link PairOptions}. Not thread-safe. */
  public static final class Builder {
    private TextProfiler profiler = TextProfiler.defaults();
    private Set<Measure> measures = Measure.defaults();
    private VerdictRule verdict = VerdictRule.DEFAULT;
    private boolean explain;
    private Optional<FurnitureModel> furniture = Optional.empty();
    private Cancellation cancellation = Cancellation.never();

    private Builder() {}

    /** How both texts are profiled. */
    public Builder profiler(TextProfiler profiler) {
      this.profiler = Objects.requireNonNull(profiler, "profiler");
      return this;
    }

    /** The measures to report. */
    public Builder measures(Set<Measure> measures) {
      this.measures = Objects.requireNonNull(measures, "measures");
      return this;
    }

    /** The verdict rule. */
    public Builder verdict(VerdictRule verdict) {
      this.verdict = Objects.requireNonNull(verdict, "verdict");
      return this;
    }

    /** Whether to explain the pair with passages. */
    public Builder explain(boolean explain) {
      this.explain = explain;
      return this;
    }

    /** Page furniture to tell apart from content. */
    public Builder furniture(FurnitureModel furniture) {
      this.furniture = Optional.of(furniture);
      return this;
    }

    /** Page furniture to tell apart from content, or none. */
    public Builder furniture(Optional<FurnitureModel> furniture) {
      this.furniture = Objects.requireNonNull(furniture, "furniture");
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
     * @throws IllegalArgumentException if the furniture model's shingles are not the profiler's
     */
    public PairOptions build() {
      return new PairOptions(profiler, measures, verdict, explain, furniture, cancellation);
    }
  }
}
