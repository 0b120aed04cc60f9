package io.textsim.cli;

import io.textsim.core.Cancellation;
import io.textsim.core.OperationCancelledException;
import io.textsim.core.TextProfile;
import io.textsim.core.TextProfiler;
import io.textsim.core.cluster.ClusterOptions;
import io.textsim.core.cluster.ClusterProgress;
import io.textsim.core.cluster.Clusterer;
import io.textsim.core.cluster.Clustering;
import io.textsim.core.cluster.Document;
import io.textsim.core.explain.Explainer;
import io.textsim.core.explain.Explanation;
import io.textsim.core.measure.CompareOptions;
import io.textsim.core.measure.Comparison;
import io.textsim.core.measure.IdfModel;
import io.textsim.core.measure.Measure;
import io.textsim.core.measure.Similarity;
import io.textsim.core.measure.Verdict;
import io.textsim.core.shingle.ShingleConfig;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.IntStream;

/** Runs every command in this process through the core. */
final class LocalBackend implements Backend {
  private final int maxLength;
  private final Optional<Duration> deadline;
  private final long startNanos = System.nanoTime();

  /**
   * @param maxBytes the --max-bytes limit; texts were checked against it, and a text's UTF-16
   *     length never exceeds its UTF-8 length, so the profiler's limit is set to the same number
   * @param deadline when to give up, counted from now
   */
  LocalBackend(long maxBytes, Optional<Duration> deadline) {
    this.maxLength = (int) Math.min(Integer.MAX_VALUE, maxBytes);
    this.deadline = deadline;
  }

  private TextProfiler profiler(int shingleSize) {
    return TextProfiler.defaults()
        .withShingles(ShingleConfig.words(shingleSize))
        .withMaxLength(maxLength);
  }

  private Cancellation cancellation() {
    if (deadline.isEmpty()) {
      return Cancellation.never();
    }
    long end = startNanos + deadline.get().toNanos();
    return Cancellation.of(() -> System.nanoTime() - end > 0);
  }

  /** Runs {@code work}, turning a fired deadline into the same message a server's would give. */
  private <T> T withDeadline(java.util.function.Supplier<T> work) {
    try {
      return work.get();
    } catch (OperationCancelledException e) {
      throw new CliException(
          "deadline exceeded: the work took longer than --deadline "
              + Units.formatDuration(deadline.orElseThrow()));
    }
  }

  @Override
  public Reports.Compare compare(Input a, Input b, CompareSettings settings) {
    return withDeadline(
        () -> {
          TextProfiler profiler = profiler(settings.shingleSize());
          TextProfile pa = profiler.profile(a.text());
          TextProfile pb = profiler.profile(b.text());
          Set<Measure> measures = withVerdictMeasures(settings.measures());
          Comparison c =
              Similarity.compare(
                  pa, pb, measures, CompareOptions.defaults().withCancellation(cancellation()));
          Verdict verdict = Verdict.of(c, Measure.JACCARD, settings.threshold());
          Explanation e = Explainer.explain(pa, pb);
          Map<String, Double> scores = new LinkedHashMap<>();
          for (Measure m : Measure.values()) {
            if (c.has(m)) {
              scores.put(m.wireName(), c.score(m));
            }
          }
          return new Reports.Compare(
              new Reports.Doc(a.id(), a.text().length(), pa.tokenCount()),
              new Reports.Doc(b.id(), b.text().length(), pb.tokenCount()),
              scores,
              c.levenshteinDistance(),
              c.tokenLevenshteinDistance(),
              verdict.wireName(),
              settings.threshold(),
              e.sharedInA(),
              e.sharedInB(),
              e.onlyA(),
              e.onlyB());
        });
  }

  /** The measures asked for plus those the verdict needs: jaccard and containment both ways. */
  static Set<Measure> withVerdictMeasures(Set<Measure> asked) {
    Set<Measure> out = asked.isEmpty() ? EnumSet.noneOf(Measure.class) : EnumSet.copyOf(asked);
    out.add(Measure.JACCARD);
    out.add(Measure.CONTAINMENT_A_IN_B);
    out.add(Measure.CONTAINMENT_B_IN_A);
    return out;
  }

  @Override
  public Reports.Cluster cluster(
      List<Input> documents, ClusterSettings settings, ClusterProgress progress) {
    return withDeadline(
        () -> {
          ClusterOptions options =
              ClusterOptions.builder()
                  .threshold(settings.threshold())
                  .measure(settings.measure())
                  .linkage(settings.linkage())
                  .candidates(settings.candidates())
                  .profiler(profiler(settings.shingleSize()))
                  .cancellation(cancellation())
                  .progress(progress)
                  .build();
          List<Document> docs = new ArrayList<>(documents.size());
          for (Input in : documents) {
            docs.add(new Document(in.id(), in.text()));
          }
          Clustering c = Clusterer.cluster(docs, options);
          return new Reports.Cluster(
              c.documents(),
              c.threshold(),
              c.measure(),
              settings.linkage(),
              c.stats().strategy(),
              c.clusters());
        });
  }

  @Override
  public Reports.Search search(Input query, List<Input> documents, SearchSettings settings) {
    return withDeadline(
        () -> {
          TextProfiler profiler = profiler(settings.shingleSize());
          Cancellation cancel = cancellation();
          TextProfile q = profiler.profile(query.text());
          TextProfile[] profiles = new TextProfile[documents.size()];
          IntStream.range(0, profiles.length)
              .parallel()
              .forEach(
                  i -> {
                    cancel.throwIfCancelled();
                    profiles[i] = profiler.profile(documents.get(i).text());
                  });
          CompareOptions options = CompareOptions.defaults().withCancellation(cancel);
          Measure m = settings.measure();
          if (m == Measure.COSINE) {
            // One-to-many search weighs words by the collection's own IDF (DESIGN.md, measures).
            options = options.withIdf(IdfModel.of(Arrays.asList(profiles)));
          }
          CompareOptions opts = options;
          Set<Measure> only = EnumSet.of(m);
          double[] scores = new double[profiles.length];
          IntStream.range(0, profiles.length)
              .parallel()
              .forEach(i -> scores[i] = Similarity.compare(q, profiles[i], only, opts).score(m));
          List<Reports.Match> matches =
              IntStream.range(0, profiles.length)
                  .filter(i -> scores[i] >= settings.minScore())
                  .boxed()
                  .sorted(
                      Comparator.comparingDouble((Integer i) -> -scores[i])
                          .thenComparingInt(i -> i))
                  .limit(settings.top())
                  .map(i -> new Reports.Match(documents.get(i).id(), scores[i]))
                  .toList();
          return new Reports.Search(
              query.id(),
              documents.size(),
              m.wireName(),
              settings.top(),
              settings.minScore(),
              matches);
        });
  }

  @Override
  public void close() {}
}
