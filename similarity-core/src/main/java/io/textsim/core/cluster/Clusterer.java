package io.textsim.core.cluster;

import io.textsim.core.TermFrequencies;
import io.textsim.core.TextProfile;
import io.textsim.core.furniture.Furniture;
import io.textsim.core.furniture.FurnitureLearner;
import io.textsim.core.furniture.FurnitureModel;
import io.textsim.core.shingle.ShingleConfig;
import io.textsim.core.shingle.ShingleSet;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.IntStream;

/**
 * Near-duplicate clustering: documents in, clusters out.
 *
 * <p>Steps: (1) profile every document, in parallel on all cores; (2) find candidate pairs, from
 * all pairs for small inputs or, for large ones, from MinHash LSH buckets and from shared samples
 * of content shingles ({@link CandidateStrategy}, {@link PassageKeys}); (3) verify every candidate
 * with the exact {@link ClusterMeasure}, in parallel; (4) link the pairs at or above the threshold
 * and form clusters by {@link Linkage}; (5) with {@link Linkage#REPRESENTATIVE}, split clusters
 * whose members do not agree with their representative ({@link RepresentativeSplit}), so that a
 * bridge cannot chain two stories; (6) name each cluster's representative (the member with the
 * highest mean score to the others) and score each member against it.
 *
 * <p>Every document ends up in exactly one cluster; singletons are clusters of one. The output
 * depends only on the input and the options, never on thread scheduling: clusters are ordered by
 * size, then by their first member's input position; members by score, then input position.
 *
 * <p>Cost: profiling O(total text length); all pairs O(n^2) comparisons; LSH O(n) signatures plus
 * the candidate pairs; representatives O(s^2) per cluster of size s (capped, see {@link
 * #REPRESENTATIVE_SAMPLE}). Stateless and thread-safe.
 */
public final class Clusterer {
  /**
   * A cluster larger than this chooses its representative by the mean score against this many
   * evenly spaced members instead of against all of them, keeping the cost linear for huge
   * clusters.
   */
  public static final int REPRESENTATIVE_SAMPLE = 256;

  private Clusterer() {}

  /**
   * Clusters {@code documents}.
   *
   * @throws NullPointerException if an argument or a document is null
   * @throws IllegalArgumentException if a text is over the profiler's length limit, naming the
   *     document
   * @throws io.textsim.core.OperationCancelledException if the options' cancellation fires
   */
  public static Clustering cluster(List<Document> documents, ClusterOptions options) {
    Objects.requireNonNull(documents, "documents");
    Objects.requireNonNull(options, "options");
    int n = documents.size();
    Document[] docs = documents.toArray(new Document[0]);
    for (int i = 0; i < n; i++) {
      Objects.requireNonNull(docs[i], "documents[" + i + "]");
    }
    // Only the shingle sets (and, for cosine, the term counts) are read from here on. A whole
    // profile also holds the normalized text, its offset map and the token hashes: about 15 KB for
    // a news article against 4 KB for its set, the difference between clustering 100,000 articles
    // in 1.8 GB and in a fraction of that. So each profile is dropped as soon as it is made.
    boolean cosine = options.measure() == ClusterMeasure.COSINE;
    ShingleSet[] shingles = new ShingleSet[n];
    TermFrequencies[] terms = cosine ? new TermFrequencies[n] : null;
    AtomicLong done = new AtomicLong();
    IntStream.range(0, n)
        .parallel()
        .forEach(
            i -> {
              options.cancellation().throwIfCancelled();
              try {
                TextProfile profile = options.profiler().profile(docs[i].text());
                shingles[i] = profile.shingles();
                if (cosine) {
                  terms[i] = profile.terms();
                }
              } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(
                    "document '" + docs[i].id() + "': " + e.getMessage(), e);
              }
              long d = done.incrementAndGet();
              if (d % 1024 == 0 || d == n) {
                options.progress().update("profiles", d, n);
              }
            });
    String[] ids = new String[n];
    String[] sources = new String[n];
    for (int i = 0; i < n; i++) {
      ids[i] = docs[i].id();
      sources[i] = docs[i].source();
    }
    return cluster(ids, sources, shingles, terms, options.profiler().shingles(), options);
  }

  /**
   * Clusters documents that are already profiled, {@code profiles[i]} being the profile of the
   * document called {@code ids[i]}. All profiles must come from one profiler.
   */
  public static Clustering cluster(String[] ids, TextProfile[] profiles, ClusterOptions options) {
    Objects.requireNonNull(ids, "ids");
    Objects.requireNonNull(profiles, "profiles");
    Objects.requireNonNull(options, "options");
    if (ids.length != profiles.length) {
      throw new IllegalArgumentException(
          "ids and profiles differ in length: " + ids.length + " vs " + profiles.length);
    }
    int n = ids.length;
    for (int i = 0; i < n; i++) {
      Objects.requireNonNull(ids[i], "ids[" + i + "]");
      Objects.requireNonNull(profiles[i], "profiles[" + i + "]");
      if (i > 0) {
        profiles[0].requireComparable(profiles[i]);
      }
    }
    boolean cosine = options.measure() == ClusterMeasure.COSINE;
    ShingleSet[] shingles = new ShingleSet[n];
    TermFrequencies[] terms = cosine ? new TermFrequencies[n] : null;
    for (int i = 0; i < n; i++) {
      shingles[i] = profiles[i].shingles();
      if (cosine) {
        terms[i] = profiles[i].terms();
      }
    }
    ShingleConfig config =
        n > 0 ? profiles[0].profiler().shingles() : options.profiler().shingles();
    String[] sources = new String[n];
    Arrays.fill(sources, FurnitureModel.UNKNOWN_SOURCE);
    return cluster(ids, sources, shingles, terms, config, options);
  }

  /**
   * The furniture model that a clustering with {@code options} uses for these documents: learned
   * from them, given, or empty. {@code shingles[i]} is the shingle set of document {@code ids[i]}
   * from {@code sources[i]}.
   */
  public static FurnitureModel furniture(
      String[] ids,
      String[] sources,
      ShingleSet[] shingles,
      ShingleConfig config,
      ClusterOptions options) {
    Furniture furniture = options.furniture();
    if (furniture instanceof Furniture.Learned learned) {
      options.progress().update("furniture", 0, 1);
      FurnitureModel model =
          FurnitureLearner.learn(
              ids, sources, shingles, config, learned.options(), options.cancellation());
      options.progress().update("furniture", 1, 1);
      return model;
    }
    if (furniture instanceof Furniture.Given given) {
      given.model().requireShingles(config);
      return given.model();
    }
    return FurnitureModel.empty(config);
  }

  /**
   * The clustering proper, on each document's shingle set and, for cosine, its term frequencies
   * ({@code terms} is null otherwise). Links are decided on content: the shingle sets without the
   * furniture of each document's source.
   */
  private static Clustering cluster(
      String[] ids,
      String[] sources,
      ShingleSet[] full,
      TermFrequencies[] terms,
      ShingleConfig config,
      ClusterOptions options) {
    int n = ids.length;
    FurnitureModel model = furniture(ids, sources, full, config, options);
    ShingleSet[] shingles = full;
    if (!model.isEmpty()) {
      ShingleSet[] content = new ShingleSet[n];
      IntStream.range(0, n)
          .parallel()
          .forEach(i -> content[i] = model.content(sources[i], full[i]));
      shingles = content;
    }
    CandidateStrategy strategy = options.candidates();
    if (strategy == CandidateStrategy.AUTO) {
      strategy = n <= options.allPairsLimit() ? CandidateStrategy.ALL_PAIRS : CandidateStrategy.LSH;
    }
    boolean[] blank = new boolean[n];
    for (int i = 0; i < n; i++) {
      blank[i] = full[i].isEmpty();
    }
    PairScorer scorer = new PairScorer(options.measure(), shingles, terms, blank);
    long[] candidates =
        strategy == CandidateStrategy.ALL_PAIRS
            ? allPairs(n, options)
            : LshCandidates.pairs(shingles, config, options);
    double[] scores = new double[candidates.length];
    BitSet links = verify(candidates, scorer, options, scores);
    long linked = links.cardinality();
    UnionFind sets =
        options.linkage() != Linkage.AVERAGE
            ? singleLinkage(n, candidates, links)
            : averageLinkage(n, candidates, scores, links, scorer, options);
    List<List<Integer>> groups = groups(n, sets);
    if (options.linkage() == Linkage.REPRESENTATIVE) {
      groups = RepresentativeSplit.split(groups, n, candidates, links, scorer, options);
    }
    List<Clustering.Cluster> clusters = clusters(ids, groups, scorer, options);
    return new Clustering(
        n,
        options.threshold(),
        options.measure(),
        clusters,
        new Clustering.Stats(strategy, candidates.length, linked));
  }

  /** Encodes the pair (i, j), i < j, as one long: i in the high half, j in the low half. */
  static long pair(int i, int j) {
    return ((long) i << 32) | j;
  }

  static int first(long pair) {
    return (int) (pair >>> 32);
  }

  static int second(long pair) {
    return (int) pair;
  }

  private static long[] allPairs(int n, ClusterOptions options) {
    long total = (long) n * (n - 1) / 2;
    if (total > Integer.MAX_VALUE - 8) {
      throw new IllegalArgumentException(
          "all pairs of " + n + " documents are too many; use the LSH candidate strategy");
    }
    long[] out = new long[(int) total];
    int k = 0;
    for (int i = 0; i < n; i++) {
      options.cancellation().throwIfCancelled();
      for (int j = i + 1; j < n; j++) {
        out[k++] = pair(i, j);
      }
    }
    return out;
  }

  /** Scores every pair into {@code scores} and answers the set of pairs that link. */
  private static BitSet verify(
      long[] pairs, PairScorer scorer, ClusterOptions options, double[] scores) {
    LinkRule rule = options.linkRule();
    int chunk = 4096; // a multiple of 64, so that no two chunks write the same word of a BitSet
    int chunks = (pairs.length + chunk - 1) / chunk;
    BitSet[] parts = new BitSet[chunks];
    AtomicLong done = new AtomicLong();
    IntStream.range(0, chunks)
        .parallel()
        .forEach(
            c -> {
              options.cancellation().throwIfCancelled();
              int from = c * chunk;
              int to = Math.min(pairs.length, from + chunk);
              BitSet part = new BitSet(to - from);
              for (int p = from; p < to; p++) {
                if (scorer.verify(first(pairs[p]), second(pairs[p]), rule, scores, p)) {
                  part.set(p - from);
                }
              }
              parts[c] = part;
              options.progress().update("verify", done.addAndGet(to - from), pairs.length);
            });
    BitSet links = new BitSet(pairs.length);
    for (int c = 0; c < chunks; c++) {
      BitSet part = parts[c];
      for (int b = part.nextSetBit(0); b >= 0; b = part.nextSetBit(b + 1)) {
        links.set(c * chunk + b);
      }
    }
    return links;
  }

  private static UnionFind singleLinkage(int n, long[] pairs, BitSet links) {
    UnionFind sets = new UnionFind(n);
    for (int p = links.nextSetBit(0); p >= 0; p = links.nextSetBit(p + 1)) {
      sets.union(first(pairs[p]), second(pairs[p]));
    }
    return sets;
  }

  /**
   * Greedy average linkage: linked pairs best first; two clusters merge only if the mean score over
   * all their cross pairs reaches the threshold. Cost: O(|X| |Y|) scores per merge attempt.
   */
  private static UnionFind averageLinkage(
      int n,
      long[] pairs,
      double[] scores,
      BitSet links,
      PairScorer scorer,
      ClusterOptions options) {
    double t = options.threshold();
    Map<Long, Double> known = new HashMap<>();
    List<Integer> edges = new ArrayList<>();
    for (int p = 0; p < pairs.length; p++) {
      if (links.get(p)) {
        edges.add(p);
      }
      known.put(pairs[p], scores[p]);
    }
    edges.sort(
        Comparator.comparingDouble((Integer p) -> -scores[p]).thenComparingLong(p -> pairs[p]));
    UnionFind sets = new UnionFind(n);
    Map<Integer, List<Integer>> members = new HashMap<>();
    for (int p : edges) {
      options.cancellation().throwIfCancelled();
      int ri = sets.find(first(pairs[p]));
      int rj = sets.find(second(pairs[p]));
      if (ri == rj) {
        continue;
      }
      List<Integer> x = members.getOrDefault(ri, List.of(ri));
      List<Integer> y = members.getOrDefault(rj, List.of(rj));
      double sum = 0;
      for (int a : x) {
        for (int b : y) {
          long key = a < b ? pair(a, b) : pair(b, a);
          Double s = known.get(key);
          if (s == null) {
            s = scorer.score(Math.min(a, b), Math.max(a, b));
            known.put(key, s);
          }
          sum += s;
        }
      }
      if (sum / ((double) x.size() * y.size()) >= t) {
        sets.union(ri, rj);
        List<Integer> merged = new ArrayList<>(x.size() + y.size());
        merged.addAll(x);
        merged.addAll(y);
        members.remove(ri);
        members.remove(rj);
        members.put(sets.find(ri), merged);
      }
    }
    return sets;
  }

  /** The members of each set, in ascending order, the sets in order of their first member. */
  static List<List<Integer>> groups(int n, UnionFind sets) {
    Map<Integer, List<Integer>> byRoot = new HashMap<>();
    List<List<Integer>> groups = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      int root = sets.find(i);
      List<Integer> g = byRoot.get(root);
      if (g == null) {
        g = new ArrayList<>();
        byRoot.put(root, g);
        groups.add(g); // in order of first member
      }
      g.add(i);
    }
    return groups;
  }

  private static List<Clustering.Cluster> clusters(
      String[] ids, List<List<Integer>> sets, PairScorer scorer, ClusterOptions options) {
    List<List<Integer>> groups = new ArrayList<>(sets);
    groups.sort(
        Comparator.comparingInt((List<Integer> g) -> -g.size()).thenComparingInt(g -> g.get(0)));
    Clustering.Cluster[] out = new Clustering.Cluster[groups.size()];
    AtomicLong done = new AtomicLong();
    IntStream.range(0, groups.size())
        .parallel()
        .forEach(
            c -> {
              options.cancellation().throwIfCancelled();
              out[c] = cluster(c + 1, groups.get(c), ids, scorer);
              long d = done.incrementAndGet();
              if (d % 4096 == 0 || d == out.length) {
                options.progress().update("clusters", d, out.length);
              }
            });
    return Arrays.asList(out);
  }

  private static Clustering.Cluster cluster(
      int id, List<Integer> members, String[] ids, PairScorer scorer) {
    ComponentClusterer.Part part = part(members, scorer);
    List<Clustering.Member> out = new ArrayList<>(part.members().size());
    for (ComponentClusterer.Member m : part.members()) {
      out.add(new Clustering.Member(ids[m.index()], m.score()));
    }
    return new Clustering.Cluster(id, ids[part.representative()], out);
  }

  /**
   * One cluster's representative and its members in output order (the representative first, then by
   * descending score against it, then by index), each with its score against the representative.
   */
  static ComponentClusterer.Part part(List<Integer> members, PairScorer scorer) {
    int s = members.size();
    if (s == 1) {
      return new ComponentClusterer.Part(
          members.get(0), List.of(new ComponentClusterer.Member(members.get(0), 1.0)));
    }
    int representative = representative(members, scorer);
    double[] score = new double[s];
    Integer[] order = new Integer[s];
    for (int k = 0; k < s; k++) {
      int m = members.get(k);
      order[k] = k;
      score[k] =
          m == representative
              ? 1.0
              : scorer.score(Math.min(m, representative), Math.max(m, representative));
    }
    Arrays.sort(
        order,
        Comparator.comparing((Integer k) -> members.get(k) != representative)
            .thenComparingDouble(k -> -score[k])
            .thenComparingInt(members::get));
    List<ComponentClusterer.Member> out = new ArrayList<>(s);
    for (int k : order) {
      out.add(new ComponentClusterer.Member(members.get(k), score[k]));
    }
    return new ComponentClusterer.Part(representative, out);
  }

  /**
   * The member with the highest mean score against the others (against an even sample of {@link
   * #REPRESENTATIVE_SAMPLE} of them in a larger cluster); ties keep the earlier member.
   */
  static int representative(List<Integer> members, PairScorer scorer) {
    int[] sample = sample(members);
    int best = members.get(0);
    double bestMean = -1;
    for (int m : members) {
      double sum = 0;
      int count = 0;
      for (int o : sample) {
        if (o != m) {
          sum += scorer.score(Math.min(m, o), Math.max(m, o));
          count++;
        }
      }
      double mean = count == 0 ? 0 : sum / count;
      if (mean > bestMean) { // strict: ties keep the earlier member
        bestMean = mean;
        best = m;
      }
    }
    return best;
  }

  private static int[] sample(List<Integer> members) {
    int s = members.size();
    if (s <= REPRESENTATIVE_SAMPLE) {
      return members.stream().mapToInt(Integer::intValue).toArray();
    }
    int[] out = new int[REPRESENTATIVE_SAMPLE];
    for (int k = 0; k < out.length; k++) {
      out[k] = members.get((int) ((long) k * s / out.length));
    }
    return out;
  }
}
