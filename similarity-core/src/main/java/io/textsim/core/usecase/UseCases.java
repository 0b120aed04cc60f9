package io.textsim.core.usecase;

import io.textsim.core.Cancellation;
import io.textsim.core.TextProfile;
import io.textsim.core.TextProfiler;
import io.textsim.core.cluster.Document;
import io.textsim.core.explain.ContentText;
import io.textsim.core.explain.Explainer;
import io.textsim.core.explain.Explanation;
import io.textsim.core.explain.Passage;
import io.textsim.core.furniture.FurnitureLearner;
import io.textsim.core.furniture.FurnitureModel;
import io.textsim.core.furniture.FurnitureOptions;
import io.textsim.core.measure.CompareOptions;
import io.textsim.core.measure.Comparison;
import io.textsim.core.measure.IdfModel;
import io.textsim.core.measure.Measure;
import io.textsim.core.measure.Similarity;
import io.textsim.core.measure.VerdictRule;
import io.textsim.core.shingle.ShingleSet;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.IntConsumer;
import java.util.stream.IntStream;

/**
 * The use cases of the library as plain calls: {@link #compare} a pair, {@link #search} a
 * collection for a query. (Clustering is {@link io.textsim.core.cluster.Clusterer#cluster}.)
 * Stateless and thread-safe.
 */
public final class UseCases {
  private UseCases() {}

  /**
   * Compares two texts: profiles both, computes the measures asked for and those the verdict reads
   * ({@link VerdictRule#measures()}), judges the pair, and explains it if asked.
   *
   * <p>Cost: profiling is linear in the texts; the measures cost what their javadoc says; the
   * explanation is linear in the shingles.
   *
   * @return the profiles, the reported scores (those asked for and the verdict's measure), the
   *     judgement and the explanation
   * @throws IllegalArgumentException if a text is over the profiler's length limit
   * @throws io.textsim.core.OperationCancelledException if the cancellation fires
   */
  public static PairResult compare(String a, String b, PairOptions options) {
    Objects.requireNonNull(a, "a");
    Objects.requireNonNull(b, "b");
    Objects.requireNonNull(options, "options");
    Cancellation cancellation = options.cancellation();
    VerdictRule rule = options.verdict();
    TextProfile pa = options.profiler().profile(a);
    TextProfile pb = options.profiler().profile(b);
    cancellation.throwIfCancelled();
    Set<Measure> reported = union(options.measures(), Set.of(rule.measure()));
    Set<Measure> computed = union(reported, rule.measures());
    CompareOptions compareOptions = CompareOptions.defaults().withCancellation(cancellation);
    Comparison all = Similarity.compare(pa, pb, computed, compareOptions);
    VerdictRule.Judgement judgement = rule.judge(all);
    ShingleSet furniture =
        options.furniture().map(FurnitureModel::allFurniture).orElse(ShingleSet.empty());
    Optional<Explanation> explanation = Optional.empty();
    if (options.explain()) {
      cancellation.throwIfCancelled();
      explanation = Optional.of(Explainer.explain(pa, pb, furniture, furniture));
    }
    Optional<PairResult.Content> content = Optional.empty();
    if (options.furniture().isPresent()) {
      cancellation.throwIfCancelled();
      String ca = ContentText.of(pa, furniture);
      String cb = ContentText.of(pb, furniture);
      Comparison onContent =
          Similarity.compare(
              options.profiler().profile(ca),
              options.profiler().profile(cb),
              computed,
              compareOptions);
      content =
          Optional.of(
              new PairResult.Content(ca, cb, only(onContent, reported), rule.judge(onContent)));
    }
    return new PairResult(pa, pb, only(all, reported), judgement, explanation, content);
  }

  /**
   * Learns the page furniture of {@code examples} (other pages of the same sources), profiled as
   * {@code profiler} profiles: per source where {@link Document#source()} is known, across the
   * documents of no known source otherwise. See {@link FurnitureLearner}.
   *
   * <p>Cost: one profile per example, then the learner's sort of each source's shingles.
   *
   * @throws IllegalArgumentException if an example is over the profiler's length limit
   * @throws io.textsim.core.OperationCancelledException if the cancellation fires
   */
  public static FurnitureModel learnFurniture(
      List<Document> examples,
      TextProfiler profiler,
      FurnitureOptions options,
      Cancellation cancellation) {
    Objects.requireNonNull(examples, "examples");
    Objects.requireNonNull(profiler, "profiler");
    Objects.requireNonNull(options, "options");
    Objects.requireNonNull(cancellation, "cancellation");
    int n = examples.size();
    String[] ids = new String[n];
    String[] sources = new String[n];
    ShingleSet[] shingles = new ShingleSet[n];
    for (int i = 0; i < n; i++) {
      cancellation.throwIfCancelled();
      Document d = Objects.requireNonNull(examples.get(i), "example");
      ids[i] = d.id();
      sources[i] = d.source();
      shingles[i] = profiler.profile(d.text()).shingles();
    }
    return FurnitureLearner.learn(
        ids, sources, shingles, profiler.shingles(), options, cancellation);
  }

  /**
   * Ranks {@code candidates} against {@code query}: profiles every text, scores each candidate by
   * the ranking measure (cosine as TF-IDF over the candidates unless {@link IdfPolicy#NONE}), keeps
   * those at or above the minimum score, best first (equal scores in candidate order), at most top
   * k, each with its reported scores and, if a rule is given, its verdict.
   *
   * <p>A pair in which the query or the candidate is shorter than the shingle size is scored with
   * shingles as long as the short text, so a short query is found wherever it occurs word for word
   * (it scores above 0 there, and 0 against a text that lacks it). Matches ranked by containment,
   * and matches of such pairs, say where in the candidate the query sits ({@link
   * SearchResult.Match#located()}).
   *
   * <p>The candidates are of no known source: with {@link SearchOptions#furniture()}, every
   * source's furniture is taken out of each. {@link #searchDocuments} takes candidates with their
   * sources.
   *
   * <p>Cost: one profile per text and one comparison per candidate (n comparisons, not n²); a short
   * query profiles every candidate once more, a short candidate itself and the query once per
   * length; furniture profiles every text once more, on its content.
   *
   * @throws IllegalArgumentException if a text is over the profiler's length limit
   * @throws io.textsim.core.OperationCancelledException if the cancellation fires
   */
  public static SearchResult search(String query, List<String> candidates, SearchOptions options) {
    Objects.requireNonNull(query, "query");
    Objects.requireNonNull(candidates, "candidates");
    List<Document> documents = new ArrayList<>(candidates.size());
    for (int i = 0; i < candidates.size(); i++) {
      documents.add(
          new Document(
              Integer.toString(i), Objects.requireNonNull(candidates.get(i), "candidate")));
    }
    return searchDocuments(query, documents, options);
  }

  /**
   * Ranks {@code candidates} against {@code query} as {@link #search} does, each candidate of its
   * {@link Document#source()}. The ids are not read; matches name candidates by their position.
   *
   * <p>With {@link SearchOptions#furniture()}, the query and every candidate are scored on their
   * content ({@link ContentText}, as {@link #compare} scores a pair's content): a candidate without
   * the furniture of its source where the model knows the source, without every source's furniture
   * otherwise; the query, whose source is not known, without every source's furniture. Short texts
   * are told by their content's length. {@link SearchResult.Match#located()} still points into the
   * candidate as given: passages found in the content are mapped back, one piece per run of content
   * they span.
   *
   * @throws IllegalArgumentException if a text is over the profiler's length limit
   * @throws io.textsim.core.OperationCancelledException if the cancellation fires
   */
  public static SearchResult searchDocuments(
      String query, List<Document> candidates, SearchOptions options) {
    Objects.requireNonNull(query, "query");
    Objects.requireNonNull(candidates, "candidates");
    Objects.requireNonNull(options, "options");
    Cancellation cancellation = options.cancellation();
    TextProfiler profiler = options.profiler();
    int n = candidates.size();
    for (int i = 0; i < n; i++) {
      Objects.requireNonNull(candidates.get(i), "candidate");
    }
    Optional<FurnitureModel> model = options.furniture().filter(m -> !m.isEmpty());
    // What is scored: the texts as given, or their content with the furniture cut out (mapped back
    // to the texts as given for the located passages).
    ContentText.Mapping[] maps = new ContentText.Mapping[n];
    String[] texts = new String[n];
    TextProfile[] profiles = new TextProfile[n];
    TextProfile given = profiler.profile(query);
    String scoredQuery = model.map(m -> ContentText.of(given, m.allFurniture())).orElse(query);
    TextProfile q = scoredQuery.equals(query) ? given : profiler.profile(scoredQuery);
    forEach(
        n,
        options.parallel(),
        i -> {
          cancellation.throwIfCancelled();
          Document d = candidates.get(i);
          TextProfile p = profiler.profile(d.text());
          if (model.isPresent()) {
            maps[i] = ContentText.mapped(p, furnitureOf(model.get(), d.source()));
            if (!maps[i].isWhole()) {
              cancellation.throwIfCancelled();
              p = profiler.profile(maps[i].text());
            }
          }
          texts[i] = maps[i] == null ? d.text() : maps[i].text();
          profiles[i] = p;
        });

    // Pairs with a text shorter than the shingle size are scored at the short text's length (see
    // ShortTexts); the query's profile at each such length is made once.
    int k = profiler.shingles().size();
    int queryUnits = ShortTexts.units(q);
    Map<Integer, TextProfile> queryAt = new ConcurrentHashMap<>();
    TextProfile[] queryUsed = new TextProfile[n];
    TextProfile[] candidateUsed = new TextProfile[n];
    forEach(
        n,
        options.parallel(),
        i -> {
          int size = ShortTexts.size(k, queryUnits, ShortTexts.units(profiles[i]));
          if (size == k) {
            queryUsed[i] = q;
            candidateUsed[i] = profiles[i];
          } else {
            cancellation.throwIfCancelled();
            TextProfiler resized = ShortTexts.resized(profiler, size);
            queryUsed[i] = queryAt.computeIfAbsent(size, s -> resized.profile(scoredQuery));
            candidateUsed[i] = resized.profile(texts[i]);
          }
        });

    Measure rankBy = options.rankBy();
    Set<Measure> reported = union(options.measures(), Set.of(rankBy));
    Set<Measure> computed = reported;
    if (options.verdict().isPresent()) {
      reported = union(reported, Set.of(options.verdict().get().measure()));
      computed = union(reported, options.verdict().get().measures());
    }
    CompareOptions compareOptions = CompareOptions.defaults().withCancellation(cancellation);
    if (options.idf() == IdfPolicy.CANDIDATES && computed.contains(Measure.COSINE)) {
      // One-to-many search weighs words by the candidates' own IDF: a word most candidates share
      // says little about which of them matches the query.
      compareOptions = compareOptions.withIdf(IdfModel.of(Arrays.asList(profiles)));
    }
    CompareOptions compare = compareOptions;
    Set<Measure> measures = computed;
    Comparison[] comparisons = new Comparison[n];
    forEach(
        n,
        options.parallel(),
        i -> {
          cancellation.throwIfCancelled();
          comparisons[i] = Similarity.compare(queryUsed[i], candidateUsed[i], measures, compare);
        });

    boolean containment =
        rankBy == Measure.CONTAINMENT_A_IN_B || rankBy == Measure.CONTAINMENT_B_IN_A;
    Set<Measure> kept = reported;
    List<SearchResult.Match> matches = new ArrayList<>();
    IntStream.range(0, n)
        .filter(i -> comparisons[i].score(rankBy) >= options.minScore())
        .boxed()
        .sorted(
            Comparator.comparingDouble((Integer i) -> -comparisons[i].score(rankBy))
                .thenComparingInt(i -> i))
        .limit(options.topK())
        .forEach(
            i -> {
              // Where the match sits in the candidate, for containment (the query is a part of
              // it) and for short texts (the query is a phrase in it).
              List<Passage> located =
                  containment || candidateUsed[i] != profiles[i]
                      ? Explainer.explain(queryUsed[i], candidateUsed[i]).sharedInB()
                      : List.of();
              if (maps[i] != null) {
                located = maps[i].toOriginal(located);
              }
              matches.add(
                  new SearchResult.Match(
                      i,
                      comparisons[i].score(rankBy),
                      only(comparisons[i], kept),
                      options.verdict().map(rule -> rule.judge(comparisons[i])),
                      located));
            });
    return new SearchResult(n, rankBy, matches);
  }

  /**
   * The furniture to cut out of a candidate of {@code source}: its source's where the model knows
   * the source, every source's where the source is not known or the model has nothing for it.
   */
  private static ShingleSet furnitureOf(FurnitureModel model, String source) {
    if (!source.isEmpty() && model.bySource().containsKey(source)) {
      return model.furniture(source);
    }
    return model.allFurniture();
  }

  private static void forEach(int n, boolean parallel, IntConsumer work) {
    IntStream range = IntStream.range(0, n);
    (parallel ? range.parallel() : range).forEach(work);
  }

  private static Set<Measure> union(Set<Measure> a, Set<Measure> b) {
    Set<Measure> out = EnumSet.noneOf(Measure.class);
    out.addAll(a);
    out.addAll(b);
    return out;
  }

  /** {@code comparison} with only the scores (and distances) of {@code measures}. */
  private static Comparison only(Comparison comparison, Set<Measure> measures) {
    if (measures.containsAll(comparison.scores().keySet())) {
      return comparison;
    }
    Map<Measure, Double> scores = new EnumMap<>(Measure.class);
    comparison
        .scores()
        .forEach(
            (m, v) -> {
              if (measures.contains(m)) {
                scores.put(m, v);
              }
            });
    return new Comparison(
        scores,
        measures.contains(Measure.LEVENSHTEIN)
            ? comparison.levenshteinDistance()
            : OptionalInt.empty(),
        measures.contains(Measure.TOKEN_LEVENSHTEIN)
            ? comparison.tokenLevenshteinDistance()
            : OptionalInt.empty());
  }
}
