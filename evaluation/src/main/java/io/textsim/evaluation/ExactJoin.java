package io.textsim.evaluation;

import io.textsim.core.TermFrequencies;
import io.textsim.core.TextProfile;
import io.textsim.core.measure.IdfModel;
import io.textsim.core.measure.Measures;
import io.textsim.core.measure.SimilarityMeasure;
import io.textsim.core.shingle.ShingleSet;
import java.util.Arrays;
import java.util.Objects;
import java.util.stream.IntStream;

/**
 * Exact similarity joins: every pair of documents scoring at or above a threshold, found without
 * scoring all n(n-1)/2 pairs, and with no pair missed. They are the reference that the quality
 * evaluation and the LSH recall check measure against.
 *
 * <p><b>Shingle overlap</b> ({@link #overlaps}): prefix filtering (Chaudhuri, Ganti and Kaushik, "A
 * primitive operator for similarity joins in data cleaning", ICDE 2006; Bayardo, Ma and Srikant,
 * "Scaling up all pairs similarity search", WWW 2007). Order every shingle by document frequency,
 * rarest first. For a pair with |x| &lt;= |y| whose intersection holds at least α shingles, x has
 * at most |x| - α shingles outside the intersection, so any |x| - α + 1 of x's shingles include a
 * shared one; x therefore only needs to probe the posting lists of its rarest |x| - α + 1 shingles.
 * Every candidate found that way is then counted exactly. Both Jaccard and the overlap coefficient
 * at threshold t imply |x ∩ y| / |x| >= t for the smaller set x, so one join at t serves both.
 *
 * <p><b>TF-IDF cosine</b> ({@link #cosine}): every pair sharing a word, by accumulating products of
 * weights along the posting lists of an inverted index; pairs within a small margin of the
 * threshold are then scored again with {@link Measures#cosine(IdfModel)} itself, so which pairs
 * reach the threshold agrees with the library exactly; the scores themselves agree to within
 * rounding (the sums run in another order).
 *
 * <p>Both run in parallel on all cores. Empty shingle sets and blank texts are never paired
 * (callers leave them out: the library links two empty documents with score 1).
 */
final class ExactJoin {
  private ExactJoin() {}

  /**
   * Pairs ({@code (i << 32) | j} with i &lt; j) with their shingle intersection sizes |S_i ∩ S_j|,
   * in a deterministic order (by the document with the smaller set, then by discovery).
   */
  static final class Overlaps {
    private final long[] pairs;
    private final int[] intersections;

    Overlaps(long[] pairs, int[] intersections) {
      this.pairs = pairs;
      this.intersections = intersections;
    }

    /** The pairs; not copied, do not modify. */
    long[] pairs() {
      return pairs;
    }

    /** The intersection sizes; not copied, do not modify. */
    int[] intersections() {
      return intersections;
    }
  }

  /**
   * Pairs ({@code (i << 32) | j} with i &lt; j) with a score, in a deterministic order (by first
   * document, then by discovery).
   */
  static final class Scored {
    private final long[] pairs;
    private final double[] scores;

    Scored(long[] pairs, double[] scores) {
      if (pairs.length != scores.length) {
        throw new IllegalArgumentException("pairs and scores differ in length");
      }
      this.pairs = pairs;
      this.scores = scores;
    }

    /** The pairs; not copied, do not modify. */
    long[] pairs() {
      return pairs;
    }

    /** The scores; not copied, do not modify. */
    double[] scores() {
      return scores;
    }

    int size() {
      return pairs.length;
    }
  }

  static long pair(int i, int j) {
    return i < j ? ((long) i << 32) | j : ((long) j << 32) | i;
  }

  static int first(long pair) {
    return (int) (pair >>> 32);
  }

  static int second(long pair) {
    return (int) pair;
  }

  /**
   * Every pair (i, j) of non-empty sets with {@code |S_i ∩ S_j| / min(|S_i|, |S_j|) >= minFraction}
   * (computed in {@code double}, as the library's measures do), with its intersection size.
   *
   * @param minFraction in (0, 1]
   */
  static Overlaps overlaps(ShingleSet[] sets, double minFraction) {
    Objects.requireNonNull(sets, "sets");
    if (!(minFraction > 0 && minFraction <= 1)) {
      throw new IllegalArgumentException("minFraction must be in (0, 1], got " + minFraction);
    }
    int n = sets.length;
    // Dense shingle ids, ordered by document frequency (rarest first), then by hash.
    long total = 0;
    for (ShingleSet s : sets) {
      total += s.size();
    }
    if (total > Integer.MAX_VALUE - 8) {
      throw new IllegalArgumentException("too many shingles: " + total);
    }
    long[] all = new long[(int) total];
    int at = 0;
    for (ShingleSet s : sets) {
      for (int k = 0; k < s.size(); k++) {
        all[at++] = s.get(k);
      }
    }
    Arrays.parallelSort(all);
    int distinct = 0;
    for (int k = 0; k < all.length; k++) {
      if (k == 0 || all[k] != all[k - 1]) {
        distinct++;
      }
    }
    long[] hashes = new long[distinct];
    int[] df = new int[distinct];
    int d = -1;
    for (int k = 0; k < all.length; k++) {
      if (k == 0 || all[k] != all[k - 1]) {
        hashes[++d] = all[k];
      }
      df[d]++;
    }
    // rank[h] = position of hash h in (df, hash) order; packing df above the hash index sorts both.
    long[] order = new long[distinct];
    for (int h = 0; h < distinct; h++) {
      order[h] = ((long) df[h] << 32) | h;
    }
    Arrays.parallelSort(order);
    int[] rank = new int[distinct];
    for (int r = 0; r < distinct; r++) {
      rank[(int) order[r]] = r;
    }
    // Each document as sorted shingle ranks; postings by rank in document order.
    int[][] docs = new int[n][];
    int[] postingStart = new int[distinct + 1];
    IntStream.range(0, n)
        .parallel()
        .forEach(
            i -> {
              ShingleSet s = sets[i];
              int[] ids = new int[s.size()];
              for (int k = 0; k < ids.length; k++) {
                ids[k] = rank[Arrays.binarySearch(hashes, s.get(k))];
              }
              Arrays.sort(ids);
              docs[i] = ids;
            });
    for (int[] ids : docs) {
      for (int id : ids) {
        postingStart[id + 1]++;
      }
    }
    for (int r = 0; r < distinct; r++) {
      postingStart[r + 1] += postingStart[r];
    }
    int[] postings = new int[postingStart[distinct]];
    int[] fill = Arrays.copyOf(postingStart, distinct);
    for (int i = 0; i < n; i++) {
      for (int id : docs[i]) {
        postings[fill[id]++] = i;
      }
    }
    ThreadLocal<int[]> marks =
        ThreadLocal.withInitial(
            () -> {
              int[] m = new int[n];
              Arrays.fill(m, -1);
              return m;
            });
    long[][] perDoc = new long[n][];
    IntStream.range(0, n)
        .parallel()
        .forEach(
            x -> {
              int[] mark = marks.get();
              int[] ids = docs[x];
              int m = ids.length;
              if (m == 0) {
                perDoc[x] = new long[0];
                return;
              }
              int prefix = m - minShared(m, minFraction) + 1;
              long[] out = new long[8];
              int count = 0;
              for (int p = 0; p < prefix; p++) {
                int id = ids[p];
                for (int q = postingStart[id]; q < postingStart[id + 1]; q++) {
                  int y = postings[q];
                  // x is the smaller set of the pair (ties: the lower index).
                  if (mark[y] == x || !smaller(docs, x, y)) {
                    continue;
                  }
                  mark[y] = x;
                  int common = intersection(ids, docs[y]);
                  if ((double) common / m >= minFraction) {
                    if (count == out.length) {
                      out = Arrays.copyOf(out, count * 2);
                    }
                    // y in the high half, the count in the low half; unpacked below.
                    out[count++] = ((long) y << 32) | common;
                  }
                }
              }
              perDoc[x] = Arrays.copyOf(out, count);
            });
    int pairs = 0;
    for (long[] p : perDoc) {
      pairs += p.length;
    }
    long[] keyed = new long[pairs];
    int[] counts = new int[pairs];
    int k = 0;
    for (int x = 0; x < n; x++) {
      for (long v : perDoc[x]) {
        keyed[k] = pair(x, (int) (v >>> 32));
        counts[k] = (int) v;
        k++;
      }
    }
    return new Overlaps(keyed, counts);
  }

  /** The least a >= 1 with a / m >= t in double arithmetic. */
  static int minShared(int m, double t) {
    int a = Math.max(1, (int) Math.ceil(t * m));
    while (a > 1 && (double) (a - 1) / m >= t) {
      a--;
    }
    while (a < m && (double) a / m < t) {
      a++;
    }
    return a;
  }

  private static boolean smaller(int[][] docs, int x, int y) {
    int a = docs[x].length;
    int b = docs[y].length;
    return a < b || (a == b && x < y);
  }

  private static int intersection(int[] a, int[] b) {
    int i = 0;
    int j = 0;
    int common = 0;
    while (i < a.length && j < b.length) {
      if (a[i] < b[j]) {
        i++;
      } else if (a[i] > b[j]) {
        j++;
      } else {
        common++;
        i++;
        j++;
      }
    }
    return common;
  }

  /** Jaccard {@code c / (|a| + |b| - c)}, exactly as {@link Measures#jaccard()} computes it. */
  static double jaccard(int common, int a, int b) {
    return (double) common / (a + b - common);
  }

  /** The overlap coefficient, exactly as {@link Measures#overlap()} computes it. */
  static double overlap(int common, int a, int b) {
    return (double) common / Math.min(a, b);
  }

  /**
   * Every pair of non-blank profiles whose TF-IDF cosine, with the IDF model of all {@code
   * profiles} (as the clusterer builds it), is at least {@code min}, with its score (equal to
   * {@link Measures#cosine(IdfModel)}'s up to rounding in the last bits).
   */
  static Scored cosine(TextProfile[] profiles, double min) {
    int n = profiles.length;
    IdfModel idf = IdfModel.of(Arrays.asList(profiles));
    SimilarityMeasure exact = Measures.cosine(idf);
    // Dense term ids.
    long total = 0;
    for (TextProfile p : profiles) {
      total += p.terms().size();
    }
    long[] all = new long[(int) total];
    int at = 0;
    for (TextProfile p : profiles) {
      TermFrequencies tf = p.terms();
      for (int k = 0; k < tf.size(); k++) {
        all[at++] = tf.term(k);
      }
    }
    Arrays.parallelSort(all);
    int distinct = 0;
    for (int k = 0; k < all.length; k++) {
      if (k == 0 || all[k] != all[k - 1]) {
        all[distinct++] = all[k];
      }
    }
    long[] terms = Arrays.copyOf(all, distinct);
    double[] idfs = new double[distinct];
    for (int t = 0; t < distinct; t++) {
      idfs[t] = idf.idf(terms[t]);
    }
    // Unit-length TF-IDF vectors.
    int[][] ids = new int[n][];
    double[][] weights = new double[n][];
    IntStream.range(0, n)
        .parallel()
        .forEach(
            i -> {
              TermFrequencies tf = profiles[i].terms();
              int[] id = new int[tf.size()];
              double[] w = new double[tf.size()];
              double norm = 0;
              for (int k = 0; k < id.length; k++) {
                id[k] = Arrays.binarySearch(terms, tf.term(k));
                w[k] = tf.count(k) * idfs[id[k]];
                norm += w[k] * w[k];
              }
              norm = Math.sqrt(norm);
              for (int k = 0; k < w.length; k++) {
                w[k] /= norm;
              }
              ids[i] = id;
              weights[i] = w;
            });
    int[] start = new int[distinct + 1];
    for (int[] id : ids) {
      for (int t : id) {
        start[t + 1]++;
      }
    }
    for (int t = 0; t < distinct; t++) {
      start[t + 1] += start[t];
    }
    int[] postDoc = new int[start[distinct]];
    double[] postWeight = new double[start[distinct]];
    int[] fill = Arrays.copyOf(start, distinct);
    for (int i = 0; i < n; i++) {
      for (int k = 0; k < ids[i].length; k++) {
        int t = ids[i][k];
        postDoc[fill[t]] = i;
        postWeight[fill[t]] = weights[i][k];
        fill[t]++;
      }
    }
    // Sums may differ from the library's in the last bits; anything this close is rescored.
    double margin = 1e-9;
    ThreadLocal<double[]> accs = ThreadLocal.withInitial(() -> new double[n]);
    ThreadLocal<int[]> touchedLists = ThreadLocal.withInitial(() -> new int[n]);
    long[][] perDocPairs = new long[n][];
    double[][] perDocScores = new double[n][];
    IntStream.range(0, n)
        .parallel()
        .forEach(
            x -> {
              double[] acc = accs.get();
              int[] touched = touchedLists.get();
              int touchedCount = 0;
              for (int k = 0; k < ids[x].length; k++) {
                int t = ids[x][k];
                double wx = weights[x][k];
                // Postings are in document order: start after x.
                int from = Arrays.binarySearch(postDoc, start[t], start[t + 1], x) + 1;
                for (int q = from; q < start[t + 1]; q++) {
                  int y = postDoc[q];
                  if (acc[y] == 0) {
                    touched[touchedCount++] = y;
                  }
                  acc[y] += wx * postWeight[q];
                }
              }
              long[] pairs = new long[8];
              double[] scores = new double[8];
              int count = 0;
              for (int u = 0; u < touchedCount; u++) {
                int y = touched[u];
                double s = acc[y];
                acc[y] = 0;
                if (s >= min - margin) {
                  double score = s >= min + margin ? s : exact.similarity(profiles[x], profiles[y]);
                  if (score >= min) {
                    if (count == pairs.length) {
                      pairs = Arrays.copyOf(pairs, count * 2);
                      scores = Arrays.copyOf(scores, count * 2);
                    }
                    pairs[count] = pair(x, y);
                    scores[count] = Math.min(1.0, score);
                    count++;
                  }
                }
              }
              perDocPairs[x] = Arrays.copyOf(pairs, count);
              perDocScores[x] = Arrays.copyOf(scores, count);
            });
    return concat(perDocPairs, perDocScores);
  }

  private static Scored concat(long[][] pairs, double[][] scores) {
    int total = 0;
    for (long[] p : pairs) {
      total += p.length;
    }
    long[] ps = new long[total];
    double[] ss = new double[total];
    int at = 0;
    for (int i = 0; i < pairs.length; i++) {
      System.arraycopy(pairs[i], 0, ps, at, pairs[i].length);
      System.arraycopy(scores[i], 0, ss, at, scores[i].length);
      at += pairs[i].length;
    }
    return new Scored(ps, ss);
  }
}
