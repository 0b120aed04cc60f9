package io.textsim.evaluation;

/** Disjoint sets over 0..n-1 with path halving and union by size. Not thread-safe. */
final class UnionFind {
  private final int[] parent;
  private final int[] size;

  UnionFind(int n) {
    parent = new int[n];
    size = new int[n];
    for (int i = 0; i < n; i++) {
      parent[i] = i;
      size[i] = 1;
    }
  }

  int find(int x) {
    while (parent[x] != x) {
      parent[x] = parent[parent[x]];
      x = parent[x];
    }
    return x;
  }

  /** Merges the sets of {@code a} and {@code b}; returns true if they were apart. */
  boolean union(int a, int b) {
    int ra = find(a);
    int rb = find(b);
    if (ra == rb) {
      return false;
    }
    if (size[ra] < size[rb]) {
      int t = ra;
      ra = rb;
      rb = t;
    }
    parent[rb] = ra;
    size[ra] += size[rb];
    return true;
  }

  /** The label of every element: the root of its set. */
  int[] labels() {
    int[] out = new int[parent.length];
    for (int i = 0; i < out.length; i++) {
      out[i] = find(i);
    }
    return out;
  }
}
