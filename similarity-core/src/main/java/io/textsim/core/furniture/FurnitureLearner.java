package io.textsim.core.furniture;

import io.textsim.core.Cancellation;
import io.textsim.core.shingle.ShingleConfig;
import io.textsim.core.shingle.ShingleHashing;
import io.textsim.core.shingle.ShingleSet;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

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
 * <p>Cost: a sort of every source's shingle occurrences (transient memory 8 bytes per shingle
 * occurrence of the largest source), plus {@code 4 * sample} bytes per recurring shingle, plus at
 * most {@code sample * (sample - 1) / 2} overlap computations per recurring shingle, memoized per
 * document pair. Stateless and thread-safe.
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

    // The first `sample` documents (in the fixed order) of every recurring shingle: docs are
    // visited in that order, so each list fills in order and stops when full.
    int s = options.sample();
    int[] firstDocs = new int[candidates * s];
    int[] filled = new int[candidates];
    for (int d : docs) {
      ShingleSet set = shingles[d];
      int c = 0;
      for (int i = 0; i < set.size() && c < candidates; i++) {
        long h = set.get(i);
        while (c < candidates && shingle[c] < h) {
          c++;
        }
        if (c < candidates && shingle[c] == h && filled[c] < s) {
          firstDocs[c * s + filled[c]++] = d;
        }
      }
    }
    int[] frameSample = Arrays.copyOf(docs, Math.min(n, s));
    return decide(
        n,
        shingle,
        frequency,
        firstDocs,
        filled,
        frameSample,
        shingles,
        knownSource,
        options,
        cancellation);
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
    return decide(
        n,
        counts.shingleArray(),
        counts.frequencyArray(),
        firstDocs,
        filled,
        counts.frameSample(),
        counts.sampleArray(),
        knownSource,
        options,
        cancellation);
  }

  /**
   * The decision after counting: the frame, then the recurring blocks level by level. {@code
   * firstDocs[c * sample ..]} holds the first {@code filled[c]} documents of recurring shingle
   * {@code c}, as indices into {@code shingles}, as does {@code frameSample} for the source's first
   * documents.
   */
  private static ShingleSet decide(
      int n,
      long[] shingle,
      int[] frequency,
      int[] firstDocs,
      int[] filled,
      int[] frameSample,
      ShingleSet[] shingles,
      boolean knownSource,
      FurnitureOptions options,
      Cancellation cancellation) {
    int minDocs = options.minDocuments();
    int candidates = shingle.length;
    int s = options.sample();
    ShingleSet frame = ShingleSet.empty();
    if (knownSource) {
      int frameDocs = Math.max(minDocs, (int) Math.ceil(options.frameShare() * n));
      List<Long> frameShingles = new ArrayList<>();
      for (int c = 0; c < candidates; c++) {
        if (frequency[c] >= frameDocs) {
          frameShingles.add(shingle[c]);
        }
      }
      if (!frameShingles.isEmpty()) {
        ShingleSet proposed =
            ShingleSet.of(frameShingles.stream().mapToLong(Long::longValue).toArray());
        SameStory test = new SameStory(shingles, proposed, options.sameStoryOverlap());
        boolean oneStory = test.mostlySameStory(frameSample, frameSample.length);
        if (test.lastHadEvidence() && !oneStory) {
          frame = proposed;
        }
      }
    }
    cancellation.throwIfCancelled();
    // Decided from the least frequent up, each level against the documents without the furniture
    // found below it and without what recurs more: an outlet's furniture (on its few pages) is
    // found before a story that many outlets carry (on many pages), and the story's pages are then
    // compared by their story.
    Integer[] byFrequency = new Integer[candidates];
    for (int c = 0; c < candidates; c++) {
      byFrequency[c] = c;
    }
    Arrays.sort(byFrequency, (a, b) -> Integer.compare(frequency[a], frequency[b]));
    ShingleSet removed = frame;
    long[] out = new long[candidates];
    int count = 0;
    for (int i = 0; i < frame.size(); i++) {
      out[count++] = frame.get(i);
    }
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
      // without itself, as a frame would be.
      boolean frameLike =
          !knownSource && frequency[byFrequency[from]] >= options.unknownSourceFrameDocuments();
      int firstExcluded = frameLike ? from : to;
      long[] excluded = new long[removed.size() + candidates - firstExcluded];
      int e = 0;
      for (int i = 0; i < removed.size(); i++) {
        excluded[e++] = removed.get(i);
      }
      for (int k = firstExcluded; k < candidates; k++) {
        excluded[e++] = shingle[byFrequency[k]];
      }
      SameStory test = new SameStory(shingles, ShingleSet.of(excluded), options.sameStoryOverlap());
      long[] found = new long[to - from];
      int foundCount = 0;
      for (int k = from; k < to; k++) {
        if (((k - from) & 1023) == 0) {
          cancellation.throwIfCancelled();
        }
        int c = byFrequency[k];
        if (!frame.contains(shingle[c])) {
          boolean same =
              test.mostlySameStory(
                  Arrays.copyOfRange(firstDocs, c * s, c * s + filled[c]), filled[c]);
          if (test.lastHadEvidence() && !same) {
            found[foundCount++] = shingle[c];
          }
        }
      }
      if (foundCount > 0) {
        System.arraycopy(found, 0, out, count, foundCount);
        count += foundCount;
        removed = ShingleSet.of(Arrays.copyOf(out, count));
      }
      from = to;
    }
    return ShingleSet.of(Arrays.copyOf(out, count));
  }

  /**
   * Whether sampled documents tell the same story: each pair is compared by the overlap of their
   * shingles outside the frame, and pairs of which one side has next to nothing outside the frame
   * carry no evidence. Results are memoized per pair, since the first documents in the fixed order
   * recur in many samples. Not thread-safe.
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

    private final ShingleSet[] shingles;
    private final ShingleSet frame;
    private final double minOverlap;
    private final Map<Long, Boolean> pairs = new HashMap<>();
    private final Map<Integer, ShingleSet> residuals = new HashMap<>();
    private boolean lastHadEvidence;

    SameStory(ShingleSet[] shingles, ShingleSet frame, double minOverlap) {
      this.shingles = shingles;
      this.frame = frame;
      this.minOverlap = minOverlap;
    }

    /** True if at least half of the pairs with evidence are the same story. */
    boolean mostlySameStory(int[] sample, int size) {
      int evidence = 0;
      int same = 0;
      for (int x = 0; x < size; x++) {
        ShingleSet a = residual(sample[x]);
        if (!isEvidence(sample[x], a)) {
          continue;
        }
        for (int y = x + 1; y < size; y++) {
          ShingleSet b = residual(sample[y]);
          if (!isEvidence(sample[y], b)) {
            continue;
          }
          evidence++;
          if (same(sample[x], sample[y], a, b)) {
            same++;
          }
        }
      }
      lastHadEvidence = evidence > 0;
      return evidence > 0 && 2 * same >= evidence;
    }

    private boolean isEvidence(int d, ShingleSet residual) {
      return residual.size() >= EVIDENCE_SHINGLES
          && residual.size() >= EVIDENCE_SHARE * shingles[d].size();
    }

    boolean lastHadEvidence() {
      return lastHadEvidence;
    }

    private boolean same(int i, int j, ShingleSet a, ShingleSet b) {
      long key = i < j ? ((long) i << 32) | j : ((long) j << 32) | i;
      Boolean known = pairs.get(key);
      if (known == null) {
        int common = a.intersectionSize(b);
        known = common > 0 && common >= minOverlap * Math.min(a.size(), b.size());
        pairs.put(key, known);
      }
      return known;
    }

    private ShingleSet residual(int d) {
      if (frame.isEmpty()) {
        return shingles[d];
      }
      return residuals.computeIfAbsent(d, k -> shingles[k].without(frame));
    }
  }
}
