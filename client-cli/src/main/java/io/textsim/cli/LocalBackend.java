package io.textsim.cli;

import io.textsim.core.Cancellation;
import io.textsim.core.OperationCancelledException;
import io.textsim.core.TextProfiler;
import io.textsim.core.cluster.ClusterOptions;
import io.textsim.core.cluster.ClusterProgress;
import io.textsim.core.cluster.Clusterer;
import io.textsim.core.cluster.Document;
import io.textsim.core.furniture.FurnitureModel;
import io.textsim.core.furniture.FurnitureOptions;
import io.textsim.core.shingle.ShingleConfig;
import io.textsim.core.usecase.PairOptions;
import io.textsim.core.usecase.PairResult;
import io.textsim.core.usecase.SearchOptions;
import io.textsim.core.usecase.SearchResult;
import io.textsim.core.usecase.UseCases;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/** Runs every command in this process through the core's use cases. */
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
  private <T> T withDeadline(Supplier<T> work) {
    try {
      return work.get();
    } catch (OperationCancelledException e) {
      throw deadlineExceeded(deadline.orElseThrow());
    }
  }

  /** The failure of local work that outlasted {@code --deadline}, worded as a server's would be. */
  static CliException deadlineExceeded(Duration deadline) {
    return new CliException(
        "deadline exceeded: the work took longer than --deadline "
            + Units.formatDuration(deadline));
  }

  @Override
  public Reports.Compare compare(Input a, Input b, CompareSettings settings) {
    TextProfiler profiler = profiler(settings.shingleSize());
    Cancellation cancellation = cancellation();
    PairOptions.Builder options =
        PairOptions.builder()
            .profiler(profiler)
            .measures(settings.reported())
            .verdict(settings.verdict())
            .explain(true)
            .cancellation(cancellation);
    PairResult r =
        withDeadline(
            () -> {
              if (!settings.furnitureExamples().isEmpty()) {
                options.furniture(
                    UseCases.learnFurniture(
                        documents(settings.furnitureExamples()),
                        profiler,
                        FurnitureOptions.defaults(),
                        cancellation));
              }
              return UseCases.compare(a.text(), b.text(), options.build());
            });
    return new Reports.Compare(
        new Reports.Doc(a.id(), a.text().length(), r.a().tokenCount()),
        new Reports.Doc(b.id(), b.text().length(), r.b().tokenCount()),
        r.comparison(),
        r.judgement(),
        r.explanation().orElseThrow(),
        r.content().map(c -> new Reports.Content(c.comparison(), c.judgement())));
  }

  private static List<Document> documents(List<Input> inputs) {
    List<Document> docs = new ArrayList<>(inputs.size());
    for (Input in : inputs) {
      docs.add(new Document(in.id(), in.text(), in.source()));
    }
    return docs;
  }

  @Override
  public Reports.Cluster cluster(
      List<Input> documents, ClusterSettings settings, ClusterProgress progress) {
    ClusterOptions options =
        settings
            .options(profiler(settings.shingleSize()))
            .cancellation(cancellation())
            .progress(progress)
            .build();
    List<Document> docs = documents(documents);
    return Reports.Cluster.of(
        withDeadline(() -> Clusterer.cluster(docs, options)), settings.linkage());
  }

  @Override
  public Reports.Search search(Input query, List<Input> documents, SearchSettings settings) {
    Cancellation cancellation = cancellation();
    SearchOptions.Builder options =
        SearchOptions.builder()
            .profiler(profiler(settings.shingleSize()))
            .rankBy(settings.measure())
            .minScore(settings.minScore())
            .topK(settings.top())
            .cancellation(cancellation);
    List<Document> docs = documents(documents);
    Optional<Reports.Furniture> furniture = Optional.empty();
    if (settings.furniture().isPresent()) {
      SearchFurniture from = settings.furniture().get();
      FurnitureModel model = withDeadline(() -> from.learn(settings.shingleSize(), cancellation));
      options.furniture(model);
      furniture = Optional.of(from.report(model));
    }
    SearchResult r =
        withDeadline(() -> UseCases.searchDocuments(query.text(), docs, options.build()));
    List<Reports.Match> matches = new ArrayList<>(r.matches().size());
    for (SearchResult.Match m : r.matches()) {
      matches.add(new Reports.Match(documents.get(m.index()).id(), m.score(), m.located()));
    }
    return new Reports.Search(
        query.id(),
        documents.size(),
        r.rankBy(),
        settings.top(),
        settings.minScore(),
        matches,
        furniture);
  }

  @Override
  public void close() {}
}
