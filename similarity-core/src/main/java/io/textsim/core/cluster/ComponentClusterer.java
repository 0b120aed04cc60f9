package io.textsim.core.cluster;

import io.textsim.core.shingle.ShingleSet;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Objects;

/**
 * The steps of {@link Clusterer} that follow the links, for one connected component of the link
 * graph at a time, so that an engine that verifies pairs and finds components elsewhere (a
 * distributed job) ends with the clusters {@link Clusterer} makes: {@link #links} decides a
 * candidate pair as the core does, and {@link #cluster} splits a component and names
 * representatives as the core does.
 *
 * <p>A component is given as its members' content shingle sets (furniture taken out) in input
 * order, and its links. Members with the same content set and blank flag score alike against every
 * other document, so the links need not all be given: it is enough to give the links of the first
 * of them and a link from each of the others to it. The split of {@link Linkage#REPRESENTATIVE}
 * only asks which members are connected within sets that never part such members, and those
 * connections stay the same.
 *
 * <p>Supports {@link Linkage#SINGLE} and {@link Linkage#REPRESENTATIVE} with {@link
 * ClusterMeasure#JACCARD} or {@link ClusterMeasure#OVERLAP}: average linkage orders a component's
 * pairs by score and cosine needs the collection's IDF model, neither of which a component holds.
 * Stateless and thread-safe.
 */
public final class ComponentClusterer {
  private ComponentClusterer() {}

  /**
   * A member of a cluster.
   *
   * @param index the member's index into the component
   * @param score its score against the cluster's representative (1 for the representative)
   */
  public record Member(int index, double score) {}

  /**
   * A cluster within a component.
   *
   * @param representative the index of the member with the highest mean score to the others
   * @param members the representative first, then by descending score, then by index
   */
  public record Part(int representative, List<Member> members) {
    /** Copies the member list. */
    public Part {
      members = List.copyOf(Objects.requireNonNull(members, "members"));
    }
  }

  /**
   * Checks that {@code options} can be followed one component at a time.
   *
   * @throws IllegalArgumentException naming the linkage or measure that cannot
   */
  public static void requireSupported(ClusterOptions options) {
    Objects.requireNonNull(options, "options");
    if (options.linkage() == Linkage.AVERAGE) {
      throw new IllegalArgumentException(
          "linkage 'average' is not available by component (it orders all linked pairs by score);"
              + " use single or representative");
    }
    if (options.measure() == ClusterMeasure.COSINE) {
      throw new IllegalArgumentException(
          "measure 'cosine' is not available by component (it needs the collection's IDF model);"
              + " use jaccard or overlap");
    }
  }

  /**
   * True if {@link Clusterer} links a candidate pair of documents with content shingle sets {@code
   * a} and {@code b}: the score under {@code options}' measure and its {@link LinkRule}, two empty
   * sets linking only if both texts were {@code blank} (had no shingles before furniture was taken
   * out).
   */
  public static boolean links(
      ShingleSet a, boolean blankA, ShingleSet b, boolean blankB, ClusterOptions options) {
    requireSupported(options);
    PairScorer scorer =
        new PairScorer(
            options.measure(),
            new ShingleSet[] {Objects.requireNonNull(a, "a"), Objects.requireNonNull(b, "b")},
            null,
            new boolean[] {blankA, blankB});
    return scorer.verify(0, 1, options.linkRule(), new double[1], 0);
  }

  /**
   * Clusters one component: with {@link Linkage#SINGLE}, the members connected by {@code links};
   * with {@link Linkage#REPRESENTATIVE}, split as {@link RepresentativeSplit} does. Each part's
   * representative and member scores are those {@link Clusterer} reports.
   *
   * @param content the members' content shingle sets, in input order
   * @param blank whether each member's text had no shingles at all
   * @param linkFrom with {@code linkTo}, the linked pairs: {@code (linkFrom[k], linkTo[k])}
   * @return the parts, each a cluster of the output; together they hold every member once
   * @throws IllegalArgumentException if the arrays differ in length, an index is out of range, or
   *     the options are not supported ({@link #requireSupported})
   */
  public static List<Part> cluster(
      ShingleSet[] content, boolean[] blank, int[] linkFrom, int[] linkTo, ClusterOptions options) {
    Objects.requireNonNull(content, "content");
    Objects.requireNonNull(blank, "blank");
    Objects.requireNonNull(linkFrom, "linkFrom");
    Objects.requireNonNull(linkTo, "linkTo");
    requireSupported(options);
    int n = content.length;
    if (blank.length != n || linkFrom.length != linkTo.length) {
      throw new IllegalArgumentException(
          "content and blank, or linkFrom and linkTo, differ in length");
    }
    ShingleSet[] sets = content.clone();
    for (int i = 0; i < n; i++) {
      Objects.requireNonNull(sets[i], "content[" + i + "]");
    }
    long[] pairs = new long[linkFrom.length];
    UnionFind union = new UnionFind(n);
    for (int k = 0; k < pairs.length; k++) {
      int i = linkFrom[k];
      int j = linkTo[k];
      if (i < 0 || i >= n || j < 0 || j >= n || i == j) {
        throw new IllegalArgumentException(
            "link " + k + " (" + i + ", " + j + ") is not a pair of members 0.." + (n - 1));
      }
      pairs[k] = i < j ? Clusterer.pair(i, j) : Clusterer.pair(j, i);
      union.union(i, j);
    }
    PairScorer scorer = new PairScorer(options.measure(), sets, null, blank.clone());
    List<List<Integer>> groups = Clusterer.groups(n, union);
    if (options.linkage() == Linkage.REPRESENTATIVE) {
      BitSet all = new BitSet(pairs.length);
      all.set(0, pairs.length);
      groups = RepresentativeSplit.split(groups, n, pairs, all, scorer, options);
    }
    List<Part> out = new ArrayList<>(groups.size());
    for (List<Integer> g : groups) {
      out.add(Clusterer.part(g, scorer));
    }
    return out;
  }
}
