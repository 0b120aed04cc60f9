package io.textsim.core.furniture;

import io.textsim.core.Cancellation;
import io.textsim.core.shingle.ShingleConfig;
import io.textsim.core.shingle.ShingleHashing;
import io.textsim.core.shingle.ShingleSet;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.IntPredicate;
import java.util.stream.IntStream;

/**
 * The furniture learner as it was before its lookups were made faster (round 3, commit 0754ac7):
 * recurring shingles numbered by a search of the sorted array per shingle, and every candidate's
 * sample judged on its own, with no sharing between candidates. Kept as the oracle that {@link
 * FurnitureLearner} must agree with, model for model.
 */
final class ReferenceFurnitureLearner {
  /**
   * Recurring shingles are decided in levels of document frequency, each level's frequencies within
   * this ratio of its lowest.
   */
  private static final double LEVEL_RATIO = 1.25;

  private ReferenceFurnitureLearner() {}

  /**
   * Learns the furniture of documents {@code i} = 0..n-1, called {@code ids[i]}, from source {@code
   * sources[i]} ({@link FurnitureModel#UNKNOWN_SOURCE} when not known), with shingle sets {@code
   * shingles[i]} made with {@code config}.
   *
   * @throws NullPointerException if an argument or an element is null
   * @throws IllegalArgumentException if the arrays differ in length
   * @throws io.textsim.core.OperationCancelledException if {@code cancellation} fires
   */
  static FurnitureModel learn(
      String[] ids,
      String[] sources,
      ShingleSet[] shingles,
      ShingleConfig config,
      FurnitureOptions options,
      Cancellation cancellation) {
    Objects.requireNonNull(ids, "ids");
    Objects.requireNonNull(sources, "sources");
    Objects.requireNonNull(shingles, "shingles");
    Objects.requireNonNull(config, "config");
    Objects.requireNonNull(options, "options");
    Objects.requireNonNull(cancellation, "cancellation");
    int n = ids.length;
    if (sources.length != n || shingles.length != n) {
      throw new IllegalArgumentException(
          "ids, sources and shingles differ in length: "
              + n
              + ", "
              + sources.length
              + ", "
              + shingles.length);
    }
    Integer[] order = new Integer[n];
    long[] rank = new long[n];
    for (int i = 0; i < n; i++) {
      Objects.requireNonNull(ids[i], "ids[" + i + "]");
      Objects.requireNonNull(sources[i], "sources[" + i + "]");
      Objects.requireNonNull(shingles[i], "shingles[" + i + "]");
      order[i] = i;
      rank[i] = ShingleHashing.token(ids[i]);
    }
    // Documents in a fixed order that does not depend on the input's order: by a frozen hash of
    // the id, then the id. The sample of a shingle's documents is its first documents in it.
    Arrays.sort(
        order,
        (a, b) -> {
          int c = Long.compare(rank[a], rank[b]);
          return c != 0 ? c : ids[a].compareTo(ids[b]);
        });
    Map<String, List<Integer>> bySource = new TreeMap<>();
    for (int i : order) {
      bySource.computeIfAbsent(sources[i], s -> new ArrayList<>()).add(i);
    }
    Map<String, ShingleSet> furniture = new TreeMap<>();
    for (Map.Entry<String, List<Integer>> e : bySource.entrySet()) {
      cancellation.throwIfCancelled();
      int[] docs = e.getValue().stream().mapToInt(Integer::intValue).toArray();
      boolean known = !e.getKey().equals(FurnitureModel.UNKNOWN_SOURCE);
      ShingleSet learned = learnSource(docs, shingles, known, options, cancellation);
      if (!learned.isEmpty()) {
        furniture.put(e.getKey(), learned);
      }
    }
    return new FurnitureModel(config, options, furniture);
  }

  private static ShingleSet learnSource(
      int[] docs,
      ShingleSet[] shingles,
      boolean knownSource,
      FurnitureOptions options,
      Cancellation cancellation) {
    int n = docs.length;
    int minDocs = options.minDocuments();
    if (n < minDocs) {
      return ShingleSet.empty();
    }
    long total = 0;
    for (int d : docs) {
      total += shingles[d].size();
    }
    if (total > Integer.MAX_VALUE - 8) {
      throw new IllegalArgumentException(
          "a source has too many shingles to learn its furniture: " + total);
    }
    long[] all = new long[(int) total];
    int at = 0;
    for (int d : docs) {
      ShingleSet s = shingles[d];
      for (int i = 0; i < s.size(); i++) {
        all[at++] = s.get(i);
      }
    }
    cancellation.throwIfCancelled();
    if (all.length > (1 << 16)) {
      Arrays.parallelSort(all);
    } else {
      Arrays.sort(all);
    }
    // Recurring shingles (sorted) and their document frequencies; a set holds each shingle once,
    // so a run's length is the number of documents.
    int recurring = 0;
    for (int i = 0; i < all.length; ) {
      int j = i + 1;
      while (j < all.length && all[j] == all[i]) {
        j++;
      }
      if (j - i >= minDocs) {
        all[recurring++] = all[i];
        all[recurring++] = j - i;
      }
      i = j;
    }
    int candidates = recurring / 2;
    if (candidates == 0) {
      return ShingleSet.empty();
    }
    long[] shingle = new long[candidates];
    int[] frequency = new int[candidates];
    for (int c = 0; c < candidates; c++) {
      shingle[c] = all[2 * c];
      frequency[c] = (int) all[2 * c + 1];
    }
    all = null; // the occurrences are the largest allocation; let them go before the next step
    ShingleSet recurringSet = ShingleSet.of(shingle);

    // Each document's shingles as candidate numbers (-1: not recurring), found once, so that a
    // comparison can tell an excluded shingle by a flag and a frequency instead of a lookup per
    // shingle per level (a large collection has millions of candidates and tens of levels). 4
    // bytes per shingle occurrence, transient. And the first `sample` documents (in the fixed
    // order) of every recurring shingle: documents are visited in that order, so each list fills
    // in order and stops when full. Documents are named by their position in `docs`.
    int s = options.sample();
    ShingleSet[] sampled = new ShingleSet[n];
    for (int p = 0; p < n; p++) {
      sampled[p] = shingles[docs[p]];
    }
    int[][] candidateAt = candidateNumbers(sampled, recurringSet);
    int[] firstDocs = new int[candidates * s];
    int[] filled = new int[candidates];
    for (int p = 0; p < n; p++) {
      for (int c : candidateAt[p]) {
        if (c >= 0 && filled[c] < s) {
          firstDocs[c * s + filled[c]++] = p;
        }
      }
    }
    cancellation.throwIfCancelled();
    int[] frameSample = new int[Math.min(n, s)];
    for (int p = 0; p < frameSample.length; p++) {
      frameSample[p] = p;
    }
    return decide(
        n,
        shingle,
        frequency,
        firstDocs,
        filled,
        frameSample,
        sampled,
        candidateAt,
        knownSource,
        options,
        cancellation);
  }

  /** Each set's shingles as numbers among {@code recurring} (-1 where not), on all cores. */
  private static int[][] candidateNumbers(ShingleSet[] sets, ShingleSet recurring) {
    int candidates = recurring.size();
    int[][] out = new int[sets.length][];
    IntStream.range(0, sets.length)
        .parallel()
        .forEach(
            p -> {
              ShingleSet set = sets[p];
              int[] numbers = new int[set.size()];
              int c = 0;
              for (int i = 0; i < set.size(); i++) {
                int found = c < candidates ? recurring.indexOf(set.get(i), c) : -1;
                if (found >= 0) {
                  c = found;
                  numbers[i] = c;
                } else {
                  numbers[i] = -1;
                  if (c < candidates) {
                    c = -found - 1; // the insertion point: later shingles are larger
                  }
                }
              }
              out[p] = numbers;
            });
    return out;
  }

  /**
   * The decision after counting: the frame, then the recurring blocks level by level. {@code
   * firstDocs[c * sample ..]} holds the first {@code filled[c]} documents of recurring shingle
   * {@code c}, as indices into {@code sampled}, as does {@code frameSample} for the source's first
   * documents; {@code candidateAt[p]} numbers the shingles of {@code sampled[p]}.
   */
  private static ShingleSet decide(
      int n,
      long[] shingle,
      int[] frequency,
      int[] firstDocs,
      int[] filled,
      int[] frameSample,
      ShingleSet[] sampled,
      int[][] candidateAt,
      boolean knownSource,
      FurnitureOptions options,
      Cancellation cancellation) {
    int minDocs = options.minDocuments();
    int candidates = shingle.length;
    int s = options.sample();
    boolean[] removed = new boolean[candidates];
    long[] out = new long[candidates];
    int count = 0;
    if (knownSource) {
      int frameDocs = Math.max(minDocs, (int) Math.ceil(options.frameShare() * n));
      SameStory test =
          new SameStory(
              sampled, candidateAt, c -> frequency[c] >= frameDocs, options.sameStoryOverlap());
      boolean anyFrame = false;
      for (int c = 0; c < candidates && !anyFrame; c++) {
        anyFrame = frequency[c] >= frameDocs;
      }
      if (anyFrame) {
        if (test.judge(frameSample, 0, frameSample.length) == SameStory.DIFFERENT) {
          for (int c = 0; c < candidates; c++) {
            if (frequency[c] >= frameDocs) {
              removed[c] = true;
              out[count++] = shingle[c];
            }
          }
        }
      }
    }
    boolean[] frame = removed.clone();

    // Decided from the least frequent up, each level against the documents without the furniture
    // found below it and without what recurs more: an outlet's furniture (on its few pages) is
    // found before a story that many outlets carry (on many pages), and the story's pages are then
    // compared by their story.
    // By frequency, then number: a primitive sort of (frequency, number) keys, not a comparator
    // over millions of boxed numbers.
    long[] keys = new long[candidates];
    for (int c = 0; c < candidates; c++) {
      keys[c] = ((long) frequency[c] << 32) | c;
    }
    Arrays.parallelSort(keys);
    int[] byFrequency = new int[candidates];
    for (int k = 0; k < candidates; k++) {
      byFrequency[k] = (int) keys[k];
    }
    keys = null;
    for (int from = 0; from < candidates; ) {
      int levelTop =
          Math.max(
              frequency[byFrequency[from]] + 1,
              (int) Math.ceil(frequency[byFrequency[from]] * LEVEL_RATIO));
      int to = from;
      while (to < candidates && frequency[byFrequency[to]] < levelTop) {
        to++;
      }
      // Compared without what is already known furniture and without anything that recurs more
      // than this level (an outlet's frame, undecided yet, would make pages of one outlet look
      // like one story); among pages of no known source, a level on many pages is also compared
      // without itself, as a frame would be. Levels partition the candidates by frequency, so
      // either is "frequency at least the cutoff".
      boolean frameLike =
          !knownSource && frequency[byFrequency[from]] >= options.unknownSourceFrameDocuments();
      int cutoff = frameLike ? frequency[byFrequency[from]] : levelTop;
      boolean[] before = removed.clone();
      SameStory test =
          new SameStory(
              sampled,
              candidateAt,
              c -> before[c] || frequency[c] >= cutoff,
              options.sameStoryOverlap());
      // A level's decisions are independent of each other (each reads the furniture found below
      // it, `before`), so they are made in parallel and applied in order.
      int levelFrom = from;
      int[] found =
          IntStream.range(from, to)
              .parallel()
              .filter(
                  k -> {
                    if (((k - levelFrom) & 1023) == 0) {
                      cancellation.throwIfCancelled();
                    }
                    int c = byFrequency[k];
                    return !frame[c]
                        && test.judge(firstDocs, c * s, filled[c]) == SameStory.DIFFERENT;
                  })
              .toArray();
      for (int k : found) {
        int c = byFrequency[k];
        removed[c] = true;
        out[count++] = shingle[c];
      }
      from = to;
    }
    return ShingleSet.of(Arrays.copyOf(out, count));
  }

  /**
   * Whether sampled documents tell the same story: each pair is compared by the overlap of their
   * shingles outside the frame (the residuals), and pairs of which one side has next to nothing
   * outside the frame carry no evidence. Not thread-safe.
   *
   * <p>The overlap is computed from bottom-{@value #SKETCH} sketches of the residuals, exact when
   * both residuals together have at most that many shingles and an unbiased estimate of their
   * Jaccard otherwise: shingle hashes are uniform and the residuals sorted, so a residual's first
   * {@value #SKETCH} shingles are its sketch at no cost. A large collection asks for tens of
   * millions of pairs, each of which a merge of the residuals (hundreds of shingles each) would
   * cost 20 times more; the decision is "same story or not" at an overlap of one half, between
   * copies (overlap near 1) and different stories (near 0), where the estimate's error (about 0.06)
   * decides nothing.
   */
  private static final class SameStory {
    /**
     * A document whose shingles outside the frame are fewer than this, or fewer than {@link
     * #EVIDENCE_SHARE} of all its shingles, carries no evidence: what is left is the few shingles
     * that span the joins between its blocks, which are unique to every page and say nothing about
     * its story.
     */
    private static final int EVIDENCE_SHINGLES = 8;

    private static final double EVIDENCE_SHARE = 0.1;

    /** The shingles of a residual's sketch. */
    static final int SKETCH = 64;

    private final ShingleSet[] sampled;
    private final int[][] candidateAt;
    private final IntPredicate excluded;
    private final double minOverlap;
    private final Residual[] residuals;

    /** A document's residual: its size and its first {@link #SKETCH} shingles. */
    private record Residual(int size, long[] sketch) {}

    /**
     * @param sampled the shingle sets of the documents that samples name (by index)
     * @param candidateAt each of their shingles as candidate numbers, -1 for the others
     * @param excluded tells the candidates left out of every comparison
     */
    SameStory(ShingleSet[] sampled, int[][] candidateAt, IntPredicate excluded, double minOverlap) {
      this.sampled = sampled;
      this.candidateAt = candidateAt;
      this.excluded = excluded;
      this.minOverlap = minOverlap;
      this.residuals = new Residual[sampled.length];
    }

    /** Most pairs with evidence tell the same story. */
    static final int SAME = 0;

    /** Fewer than half of the pairs with evidence tell the same story. */
    static final int DIFFERENT = 1;

    /** No pair has evidence. */
    static final int NO_EVIDENCE = 2;

    /**
     * Judges the documents {@code sample[from, from + size)}: {@link #SAME} if at least half of the
     * pairs with evidence are the same story, {@link #DIFFERENT} if fewer, {@link #NO_EVIDENCE}.
     * Safe to call from several threads: the only state is the cache of residuals, whose entries
     * are immutable and computed the same by any thread.
     */
    int judge(int[] sample, int from, int size) {
      int evidence = 0;
      int same = 0;
      for (int x = from; x < from + size; x++) {
        Residual a = residual(sample[x]);
        if (!isEvidence(sample[x], a)) {
          continue;
        }
        for (int y = x + 1; y < from + size; y++) {
          Residual b = residual(sample[y]);
          if (!isEvidence(sample[y], b)) {
            continue;
          }
          evidence++;
          if (same(a, b)) {
            same++;
          }
        }
      }
      if (evidence == 0) {
        return NO_EVIDENCE;
      }
      return 2 * same >= evidence ? SAME : DIFFERENT;
    }

    private boolean isEvidence(int p, Residual residual) {
      return residual.size() >= EVIDENCE_SHINGLES
          && residual.size() >= EVIDENCE_SHARE * sampled[p].size();
    }

    /** Whether the residuals overlap by {@code minOverlap} of the smaller one. */
    private boolean same(Residual a, Residual b) {
      long[] x = a.sketch();
      long[] y = b.sketch();
      // The union's first SKETCH shingles, and how many of them both have.
      int i = 0;
      int j = 0;
      int taken = 0;
      int both = 0;
      while (taken < SKETCH && (i < x.length || j < y.length)) {
        if (j == y.length || (i < x.length && x[i] < y[j])) {
          i++;
        } else if (i == x.length || y[j] < x[i]) {
          j++;
        } else {
          both++;
          i++;
          j++;
        }
        taken++;
      }
      if (both == 0) {
        return false;
      }
      // Jaccard J = both / taken; the intersection is J (|a| + |b|) / (1 + J). Exact (in doubles)
      // when the sketches hold both residuals whole.
      double common = (double) both * (a.size() + b.size()) / (taken + both);
      return common >= minOverlap * Math.min(a.size(), b.size());
    }

    private Residual residual(int p) {
      Residual known = residuals[p];
      if (known != null) {
        return known;
      }
      ShingleSet all = sampled[p];
      int[] at = candidateAt[p];
      long[] sketch = new long[Math.min(SKETCH, at.length)];
      int kept = 0;
      int size = 0;
      for (int i = 0; i < at.length; i++) {
        if (at[i] < 0 || !excluded.test(at[i])) {
          if (kept < sketch.length) {
            sketch[kept++] = all.get(i);
          }
          size++;
        }
      }
      Residual r = new Residual(size, kept == sketch.length ? sketch : Arrays.copyOf(sketch, kept));
      residuals[p] = r;
      return r;
    }
  }
}
