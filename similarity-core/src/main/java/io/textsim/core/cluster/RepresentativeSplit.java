package io.textsim.core.cluster;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Deque;
import java.util.List;

/**
 * Splits clusters whose members do not agree with their representative, so that single linkage
 * cannot chain two stories through a bridge: a page that shares half its text with each of two
 * stories links to both, but the members of the story that is not the representative's score
 * nothing against the representative.
 *
 * <p>For each cluster of three or more: its representative is chosen as the output will name it
 * ({@link Clusterer#representative}); members that the {@link LinkRule} would not link to it are
 * taken out and form clusters of their own by their links among themselves, which are checked the
 * same way. Every member of every cluster is then linked to its representative directly (by score
 * or by a shared passage). The split can only divide clusters, never join them, so it cannot make a
 * chain longer.
 *
 * <p>Cost: per cluster of size s, {@code s * min(s, 256)} scores for the representative and s for
 * the check, again for each part taken out. Deterministic.
 */
final class RepresentativeSplit {
  private RepresentativeSplit() {}

  /**
   * @param groups clusters as member indices in ascending order
   * @param n the number of documents
   * @param pairs the verified pairs
   * @param links which of {@code pairs} are linked
   */
  static List<List<Integer>> split(
      List<List<Integer>> groups,
      int n,
      long[] pairs,
      BitSet links,
      PairScorer scorer,
      ClusterOptions options) {
    int[][] neighbours = null; // built on the first split: most collections need none
    List<List<Integer>> out = new ArrayList<>(groups.size());
    Deque<List<Integer>> work = new ArrayDeque<>(groups);
    LinkRule rule = options.linkRule();
    while (!work.isEmpty()) {
      List<Integer> group = work.removeFirst();
      if (group.size() <= 2) {
        out.add(group);
        continue;
      }
      options.cancellation().throwIfCancelled();
      int representative = Clusterer.representative(group, scorer);
      List<Integer> kept = new ArrayList<>(group.size());
      List<Integer> detached = new ArrayList<>();
      for (int m : group) {
        if (m == representative
            || scorer.links(Math.min(m, representative), Math.max(m, representative), rule)) {
          kept.add(m);
        } else {
          detached.add(m);
        }
      }
      out.add(kept);
      if (detached.isEmpty()) {
        continue;
      }
      if (neighbours == null) {
        neighbours = neighbours(n, pairs, links);
      }
      work.addAll(components(detached, neighbours));
    }
    return out;
  }

  /** The linked neighbours of every document. */
  private static int[][] neighbours(int n, long[] pairs, BitSet links) {
    int[] degree = new int[n];
    for (int p = links.nextSetBit(0); p >= 0; p = links.nextSetBit(p + 1)) {
      degree[Clusterer.first(pairs[p])]++;
      degree[Clusterer.second(pairs[p])]++;
    }
    int[][] out = new int[n][];
    for (int i = 0; i < n; i++) {
      out[i] = new int[degree[i]];
    }
    int[] filled = new int[n];
    for (int p = links.nextSetBit(0); p >= 0; p = links.nextSetBit(p + 1)) {
      int i = Clusterer.first(pairs[p]);
      int j = Clusterer.second(pairs[p]);
      out[i][filled[i]++] = j;
      out[j][filled[j]++] = i;
    }
    return out;
  }

  /** The connected components of {@code members} by links among themselves, in member order. */
  private static List<List<Integer>> components(List<Integer> members, int[][] neighbours) {
    java.util.Set<Integer> inside = new java.util.HashSet<>(members);
    java.util.Set<Integer> seen = new java.util.HashSet<>();
    List<List<Integer>> out = new ArrayList<>();
    for (int start : members) {
      if (!seen.add(start)) {
        continue;
      }
      List<Integer> component = new ArrayList<>();
      Deque<Integer> stack = new ArrayDeque<>();
      stack.push(start);
      while (!stack.isEmpty()) {
        int x = stack.pop();
        component.add(x);
        for (int y : neighbours[x]) {
          if (inside.contains(y) && seen.add(y)) {
            stack.push(y);
          }
        }
      }
      component.sort(null);
      out.add(component);
    }
    return out;
  }
}
