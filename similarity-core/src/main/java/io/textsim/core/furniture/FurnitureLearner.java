package io.textsim.core.furniture;

import io.textsim.core.Cancellation;
import io.textsim.core.shingle.ShingleConfig;
import io.textsim.core.shingle.ShingleHashing;
import io.textsim.core.shingle.ShingleLookup;
import io.textsim.core.shingle.ShingleSet;
import io.textsim.core.shingle.ShingleSort;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.stream.IntStream;

/**
 * Learns page furniture from a collection: per source, the shingles that recur across documents
 * that are otherwise unlike each other. Nothing is listed by hand and nothing depends on a
 * language: the evidence is only which shingles recur in which documents.
 *
 * <p>For each source with at least {@link FurnitureOptions#minDocuments()} documents:
 *
 * <ol>
 *   <li><b>Counting.</b> The document frequency of every shingle within the source, by sorting the
 *       source's shingles (a primitive sort, no map of boxed counts). Shingles in fewer than {@code
 *       minDocuments} documents are content.
 *   <li><b>The frame.</b> Shingles in at least {@link FurnitureOptions#frameShare()} of the
 *       source's documents (navigation, cookie notices, legal text, licence lines: what wraps every
 *       page) are the source's frame, unless the source's pages tell one story: a sample of its
 *       documents is compared without the frame, and if most of the pairs that still have content
 *       overlap by {@link FurnitureOptions#sameStoryOverlap()} or more, there is no frame (a live
 *       blog's snapshots, or one story filed many times, keep their text).
 *   <li><b>Recurring blocks.</b> Every other recurring shingle (related-story lists, widgets,
 *       comment forms) is furniture if the documents that contain it are not the same story: of its
 *       first {@link FurnitureOptions#sample()} documents (in an order fixed by a frozen hash of
 *       their ids, so any engine picks the same ones), fewer than half of the pairs that have
 *       content apart from the frame overlap by {@code sameStoryOverlap} or more.
 * </ol>
 *
 * <p>Documents of no known source ({@link FurnitureModel#UNKNOWN_SOURCE}) form one group without
 * the frame step. Without a source, a story carried by many outlets and an outlet's frame around
 * many stories look alike; what tells them apart is that an outlet's other furniture, on its few
 * pages, has been found at lower levels, so a story's pages have nothing much left once the story
 * is taken out, while a frame's pages still hold their stories. Blocks on at least {@link
 * FurnitureOptions#unknownSourceFrameDocuments()} pages are therefore judged with themselves taken
 * out. The one shape this misreads is a story carried by that many outlets that each have no other
 * page in the collection; give sources to avoid it. With sources, a story that many outlets carry
 * is never furniture: each outlet holds it once.
 *
 * <p>Cost: a radix sort of every source's shingle occurrences (transient memory 16 bytes per
 * shingle occurrence of the largest source), a lookup of each occurrence among the recurring
 * shingles (4 bytes per occurrence), plus {@code 4 * sample} bytes per recurring shingle, plus at
 * most {@code sample * (sample - 1) / 2} overlap computations per distinct sample of documents in a
 * level (recurring shingles with the same sample share one decision), on residuals computed once
 * per document and level. Stateless and thread-safe.
 */
public final class FurnitureLearner {
  /**
   * Recurring shingles are decided in levels of document frequency, each level's frequencies within
   * this ratio of its lowest.
   */
  private static final double LEVEL_RATIO = 1.25;

  private FurnitureLearner() {}

  /**
   * Learns the furniture of documents {@code i} = 0..n-1, called {@code ids[i]}, from source {@code
   * sources[i]} ({@link FurnitureModel#UNKNOWN_SOURCE} when not known), with shingle sets {@code
   * shingles[i]} made with {@code config}.
   *
   * @throws NullPointerException if an argument or an element is null
   * @throws IllegalArgumentException if the arrays differ in length
   * @throws io.textsim.core.OperationCancelledException if {@code cancellation} fires
   */
  public static FurnitureModel learn(
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
    ShingleSort.sort(all);
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

  /**
   * Each set's shingles as numbers among {@code recurring} (-1 where not), on all cores, looked up
   * in a directory over the recurring shingles (two cache misses a shingle, where a search of
   * millions of them took several).
   */
  private static int[][] candidateNumbers(ShingleSet[] sets, ShingleSet recurring) {
    ShingleLookup lookup = ShingleLookup.of(recurring);
    int[][] out = new int[sets.length][];
    IntStream.range(0, sets.length)
        .parallel()
        .forEach(
            p -> {
              ShingleSet set = sets[p];
              int[] numbers = new int[set.size()];
              for (int i = 0; i < numbers.length; i++) {
                numbers[i] = lookup.indexOf(set.get(i));
              }
              out[p] = numbers;
            });
    return out;
  }

  /**
   * Finishes learning one source's furniture from its counts, for engines that count document
   * frequencies elsewhere (a distributed job): the same decision {@link #learn} makes, so that the
   * same counts give the same furniture.
   *
   * @param counts the source's document count, recurring shingles with their document frequencies,
   *     each one's first documents in the fixed order, and the shingle sets of those documents
   * @param knownSource false for {@link FurnitureModel#UNKNOWN_SOURCE}, whose documents get no
   *     frame step
   * @throws IllegalArgumentException if the counts do not fit {@code options}: a frequency below
   *     {@code minDocuments}, or a list of first documents that is not as long as the smaller of
   *     the frequency and {@code sample}, or a frame sample that is not as long as the smaller of
   *     the document count and {@code sample}
   * @throws io.textsim.core.OperationCancelledException if {@code cancellation} fires
   */
  public static ShingleSet learnSource(
      SourceCounts counts,
      boolean knownSource,
      FurnitureOptions options,
      Cancellation cancellation) {
    Objects.requireNonNull(counts, "counts");
    Objects.requireNonNull(options, "options");
    Objects.requireNonNull(cancellation, "cancellation");
    int n = counts.documents();
    if (n < options.minDocuments() || counts.recurring() == 0) {
      return ShingleSet.empty();
    }
    int s = options.sample();
    if (counts.frameSample().length != Math.min(n, s)) {
      throw new IllegalArgumentException(
          "frame sample must hold min(documents, sample) = "
              + Math.min(n, s)
              + " documents, got "
              + counts.frameSample().length);
    }
    int candidates = counts.recurring();
    int[] firstDocs = new int[candidates * s];
    int[] filled = new int[candidates];
    for (int c = 0; c < candidates; c++) {
      int f = counts.frequency(c);
      if (f < options.minDocuments()) {
        throw new IllegalArgumentException(
            "frequency of recurring shingle "
                + c
                + " must be >= minDocuments ("
                + options.minDocuments()
                + "), got "
                + f);
      }
      int[] first = counts.firstDocuments(c);
      if (first.length != Math.min(f, s)) {
        throw new IllegalArgumentException(
            "recurring shingle "
                + c
                + " must list min(frequency, sample) = "
                + Math.min(f, s)
                + " first documents, got "
                + first.length);
      }
      System.arraycopy(first, 0, firstDocs, c * s, first.length);
      filled[c] = first.length;
    }
    ShingleSet[] sampled = counts.sampleArray();
    return decide(
        n,
        counts.shingleArray(),
        counts.frequencyArray(),
        firstDocs,
        filled,
        counts.frameSample(),
        sampled,
        candidateNumbers(sampled, ShingleSet.of(counts.shingleArray())),
        knownSource,
        options,
        cancellation);
  }

  /**
   * The decision after counting: the frame, then the recurring blocks level by level. {@code
   * firstDocs[c * sample ..]} holds the first {@code filled[c]} documents of recurring shingle
   * {@code c}, as indices into {@code sampled}, as does {@code frameSample} for the source's first
   * documents; {@code candidateAt[p]} numbers the shingles of {@code sampled[p]} (and is renumbered
   * here).
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
    // Candidates by frequency, then number (a primitive sort of (frequency, number) keys, not a
    // comparator over millions of boxed numbers); from here on, the documents' shingles are named
    // by this rank, so that "recurs at least as often as f" is "rank at least the first rank of
    // f", a comparison with no lookup in a table of millions, and the furniture found so far is a
    // bitmap by rank (a bit per candidate: small enough to stay in cache).
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
    int[][] rankAt = renumber(candidateAt, byFrequency);
    long[] removed = new long[(candidates + 63) >>> 6];
    boolean[] frame = new boolean[candidates];
    long[] out = new long[candidates];
    int count = 0;
    if (knownSource) {
      int frameDocs = Math.max(minDocs, (int) Math.ceil(options.frameShare() * n));
      int frameRank = 0;
      while (frameRank < candidates && frequency[byFrequency[frameRank]] < frameDocs) {
        frameRank++;
      }
      if (frameRank < candidates) {
        SameStory test =
            new SameStory(sampled, rankAt, null, frameRank, options.sameStoryOverlap());
        if (test.judge(frameSample, 0, frameSample.length) == SameStory.DIFFERENT) {
          for (int k = frameRank; k < candidates; k++) {
            removed[k >>> 6] |= 1L << k;
            frame[byFrequency[k]] = true;
            out[count++] = shingle[byFrequency[k]];
          }
        }
      }
    }

    // Decided from the least frequent up, each level against the documents without the furniture
    // found below it and without what recurs more: an outlet's furniture (on its few pages) is
    // found before a story that many outlets carry (on many pages), and the story's pages are then
    // compared by their story.
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
      // without itself, as a frame would be. Levels partition the ranks by frequency, so either is
      // "rank at least the cutoff": `to`, or the level's own first rank.
      boolean frameLike =
          !knownSource && frequency[byFrequency[from]] >= options.unknownSourceFrameDocuments();
      SameStory test =
          new SameStory(
              sampled, rankAt, removed.clone(), frameLike ? from : to, options.sameStoryOverlap());
      // A level's decisions are independent of each other (each reads the furniture found below
      // it), and a decision depends only on the candidate's sampled documents: the shingles of
      // one passage that the same documents share have the same sample, and are decided once.
      // The distinct samples are decided in parallel and applied in order.
      int[] same = firstOfEqualSamples(from, to, byFrequency, frame, firstDocs, filled, s);
      int[] distinct = IntStream.range(0, to - from).filter(x -> same[x] == x).toArray();
      boolean[] different = new boolean[to - from];
      int levelFrom = from;
      IntStream.range(0, distinct.length)
          .parallel()
          .forEach(
              x -> {
                if ((x & 1023) == 0) {
                  cancellation.throwIfCancelled();
                }
                int c = byFrequency[levelFrom + distinct[x]];
                different[distinct[x]] =
                    test.judge(firstDocs, c * s, filled[c]) == SameStory.DIFFERENT;
              });
      for (int k = from; k < to; k++) {
        int x = same[k - from];
        if (x >= 0 && different[x]) {
          removed[k >>> 6] |= 1L << k;
          out[count++] = shingle[byFrequency[k]];
        }
      }
      from = to;
    }
    return ShingleSet.of(Arrays.copyOf(out, count));
  }

  /**
   * Renames the candidate numbers of {@code candidateAt} by their rank in {@code byFrequency}, in
   * place (the callers of {@link #decide} make the numbers for that call), on all cores.
   */
  private static int[][] renumber(int[][] candidateAt, int[] byFrequency) {
    int[] rankOf = new int[byFrequency.length];
    for (int k = 0; k < byFrequency.length; k++) {
      rankOf[byFrequency[k]] = k;
    }
    IntStream.range(0, candidateAt.length)
        .parallel()
        .forEach(
            p -> {
              int[] at = candidateAt[p];
              for (int i = 0; i < at.length; i++) {
                if (at[i] >= 0) {
                  at[i] = rankOf[at[i]];
                }
              }
            });
    return candidateAt;
  }

  /**
   * For the level {@code byFrequency[from, to)}: for each of its candidates (by offset from {@code
   * from}), the offset of the level's first candidate with the same sampled documents in the same
   * order, or -1 for a candidate of the frame (not decided here). Found with an open-addressing
   * table of offsets keyed by a hash of the sample; equal hashes are compared in full, so a
   * collision costs time, never a wrong answer.
   */
  static int[] firstOfEqualSamples(
      int from,
      int to,
      int[] byFrequency,
      boolean[] frame,
      int[] firstDocs,
      int[] filled,
      int sample) {
    int size = to - from;
    int[] same = new int[size];
    int capacity = Integer.highestOneBit(Math.max(1, size)) << 2; // load at most 1/2
    int mask = capacity - 1;
    int[] table = new int[capacity];
    Arrays.fill(table, -1);
    for (int x = 0; x < size; x++) {
      int c = byFrequency[from + x];
      if (frame[c]) {
        same[x] = -1;
        continue;
      }
      int at = c * sample;
      int length = filled[c];
      long h = length;
      for (int i = at; i < at + length; i++) {
        h = (h ^ firstDocs[i]) * 0x9E3779B97F4A7C15L;
        h ^= h >>> 29;
      }
      int slot = (int) (h ^ (h >>> 32)) & mask;
      while (true) {
        int y = table[slot];
        if (y < 0) {
          table[slot] = x;
          same[x] = x;
          break;
        }
        int d = byFrequency[from + y];
        if (filled[d] == length
            && Arrays.equals(
                firstDocs, at, at + length, firstDocs, d * sample, d * sample + length)) {
          same[x] = y;
          break;
        }
        slot = (slot + 1) & mask;
      }
    }
    return same;
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
    private final int[][] rankAt;
    private final long[] removed;
    private final int cutoff;
    private final double minOverlap;
    private final Residual[] residuals;

    /** A document's residual: its size and its first {@link #SKETCH} shingles. */
    private record Residual(int size, long[] sketch) {}

    /**
     * Leaves out of every comparison the candidates of rank {@code cutoff} or more and those whose
     * bit is set in {@code removed} (null: none).
     *
     * @param sampled the shingle sets of the documents that samples name (by index)
     * @param rankAt each of their shingles as a candidate rank, -1 for the others
     */
    SameStory(ShingleSet[] sampled, int[][] rankAt, long[] removed, int cutoff, double minOverlap) {
      this.sampled = sampled;
      this.rankAt = rankAt;
      this.removed = removed;
      this.cutoff = cutoff;
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
      int[] at = rankAt[p];
      long[] sketch = new long[Math.min(SKETCH, at.length)];
      int kept = 0;
      int size = 0;
      for (int i = 0; i < at.length; i++) {
        int r = at[i];
        if (r < 0 || r < cutoff && (removed == null || (removed[r >>> 6] & (1L << r)) == 0)) {
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
