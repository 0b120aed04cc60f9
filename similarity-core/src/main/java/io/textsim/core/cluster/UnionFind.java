package io.textsim.core.cluster;

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

  /** Joins the sets of x and y; returns false if they were already one set. */
  boolean union(int x, int y) {
    int rx = find(x);
    int ry = find(y);
    if (rx == ry) {
      return false;
    }
    if (size[rx] < size[ry]) {
      int t = rx;
      rx = ry;
      ry = t;
    }
    parent[ry] = rx;
    size[rx] += size[ry];
    return true;
  }

  int size(int x) {
    return size[find(x)];
  }
}
