package io.textsim.server;

import com.sun.management.HotSpotDiagnosticMXBean;
import io.textsim.core.measure.Measure;
import java.lang.management.ManagementFactory;
import java.util.Set;

/**
 * What a call's data costs on the heap, estimated from the request before any work starts, so that
 * {@link MemoryBudget} can admit or refuse the call. Every estimate is meant as an upper bound of
 * the call's live data at its peak, not as the bytes it allocates in total.
 *
 * <h2>Where the numbers come from</h2>
 *
 * Measured on this code (Java 17, similarity-core's default "news" profiler, word 3-shingles) with
 * three kinds of text: random ASCII words (0.141 tokens per char), random Cyrillic words (the same
 * token density in UTF-16 strings) and random CJK (every char a token, the densest the tokenizer
 * makes). Peaks were measured as the least {@code -Xmx} (SerialGC, to 2 MiB) with which an
 * operation on a 4,000,000-char text still succeeds, minus the least heap for the text alone;
 * workspaces of the measures as the bytes allocated by a second call on one thread (an upper bound
 * of their peak, because everything allocated could at most all be live at once). Reproduce with
 * the programs in docs/memory/README.md. Results, per UTF-16 char of the text:
 *
 * <table>
 *   <caption>Measured costs</caption>
 *   <tr><th>what</th><th>ASCII words</th><th>Cyrillic words</th><th>CJK</th><th>model here</th></tr>
 *   <tr><td>profiling peak (profile being built and the result)</td><td>6.8</td><td>6.3</td>
 *       <td>50</td><td>{@value #PROFILE_PEAK_PER_CHAR} per char + {@value #PROFILE_PEAK_PER_TOKEN}
 *       per token</td></tr>
 *   <tr><td>a whole profile kept (G1, 4M chars)</td><td>6.7</td><td>7.8</td><td>19.1</td>
 *       <td>{@value #PROFILE_KEPT_PER_CHAR} per char + {@value #PROFILE_KEPT_PER_TOKEN} per
 *       token</td></tr>
 *   <tr><td>a shingle set kept</td><td colspan="3">8 bytes a shingle (a sorted long[]), at most one
 *       shingle a token</td><td>{@value #SHINGLE_BYTES} per token</td></tr>
 *   <tr><td>Levenshtein workspace (first call on a thread, 1M chars)</td><td>20.9</td><td></td>
 *       <td>55</td><td>{@value #LEVENSHTEIN_PER_CHAR} per char + {@value
 *       #LEVENSHTEIN_PER_WIDE_CHAR} per wide char</td></tr>
 *   <tr><td>Jaro-Winkler workspace (1M chars)</td><td>34.1</td><td></td><td>42.4</td>
 *       <td>{@value #JARO_WINKLER_PER_CHAR} + {@value #JARO_WINKLER_PER_WIDE_CHAR} per wide</td></tr>
 *   <tr><td>LCS workspace (1M chars)</td><td>16.8</td><td></td><td>26.9</td>
 *       <td>{@value #LCS_PER_CHAR} + {@value #LCS_PER_WIDE_CHAR} per wide</td></tr>
 *   <tr><td>token Levenshtein workspace</td><td>18 (127 a token)</td><td></td><td>122 (a token)</td>
 *       <td>{@value #TOKEN_EDIT_WORKSPACE_PER_TOKEN} per token</td></tr>
 *   <tr><td>explanation (passages)</td><td>12 (86 a token)</td><td></td><td>100 (a token)</td>
 *       <td>{@value #EXPLAIN_PER_TOKEN} per token</td></tr>
 * </table>
 *
 * <p>Texts are counted as UTF-16, 2 bytes a char, although Java keeps a text with only Latin-1
 * chars in 1: the estimate cannot know which, and a single other char doubles the whole string.
 * Tokens are bounded before profiling by {@link Shape#of}, one scan of the text.
 *
 * <p>G1, the default collector of a server JVM, puts every array of at least half a region in whole
 * regions of its own ("humongous" objects): with a 512 MiB heap the region is 1 MiB, and the 1.1 MB
 * shingle set of a 1,000,000-char article takes 2 MiB. The two arrays of such a document (its text
 * and its shingle set) took 4 MiB, not 2.2 MB: this, more than anything, is why two streams of 150
 * such documents ran a 512 MiB heap out of memory. {@link #array} rounds up the same way.
 *
 * <p>Immutable and thread-safe.
 */
final class MemoryCosts {
  /** Bytes of a text, per UTF-16 char. */
  static final long TEXT_PER_CHAR = 2;

  /** Objects around one document (Document record, id string, list slot, proto wrappers). */
  static final long DOCUMENT_OVERHEAD = 512;

  /** Objects of any call (request and response wrappers, the call's state). */
  static final long CALL_OVERHEAD = 64 * 1024;

  /** Profiling peak, per char of the text (the normalized copy, UTF-16, and its offset map). */
  static final long PROFILE_PEAK_PER_CHAR = 4;

  /** Profiling peak, per token (token bounds and hashes, shingles and their sort, the counts). */
  static final long PROFILE_PEAK_PER_TOKEN = 48;

  /** A whole profile kept, per char (the normalized text). */
  static final long PROFILE_KEPT_PER_CHAR = 3;

  /** A whole profile kept, per token (token hashes 8, term counts 12, shingles 8). */
  static final long PROFILE_KEPT_PER_TOKEN = 28;

  /** A shingle set kept, per token (at most one 8-byte shingle per token). */
  static final long SHINGLE_BYTES = 8;

  /** Term frequencies kept for cosine clustering, per token (an 8-byte term, a 4-byte count). */
  static final long TERM_BYTES = 12;

  /**
   * Levenshtein's workspace per char of the longer text (code points and symbol ids of both texts,
   * 16, and the match table for a small alphabet), and more per wide char (at or above U+0E00: a
   * large alphabet, whose rare symbols get position lists).
   */
  static final long LEVENSHTEIN_PER_CHAR = 22;

  /** Levenshtein's workspace, more per wide char. */
  static final long LEVENSHTEIN_PER_WIDE_CHAR = 34;

  /** Jaro-Winkler's workspace per char of the longer text, and more per wide char. */
  static final long JARO_WINKLER_PER_CHAR = 36;

  /** Jaro-Winkler's workspace, more per wide char. */
  static final long JARO_WINKLER_PER_WIDE_CHAR = 8;

  /** LCS's workspace per char of the longer text, and more per wide char. */
  static final long LCS_PER_CHAR = 18;

  /** LCS's workspace, more per wide char. */
  static final long LCS_PER_WIDE_CHAR = 10;

  /** Token Levenshtein's workspace, per token of the longer text. */
  static final long TOKEN_EDIT_WORKSPACE_PER_TOKEN = 128;

  /** An explanation's passages and their bookkeeping, per token of both texts. */
  static final long EXPLAIN_PER_TOKEN = 104;

  /** LSH band keys per document: at most 64 bands, 8 bytes a key and a sorted copy per band. */
  static final long LSH_KEYS_PER_DOCUMENT = 64 * 8 * 2;

  /**
   * Bytes per LSH candidate pair of room: the band's array (8), all bands' pairs together (8), the
   * parallel sort's buffer (8) and the deduplicated copy (8) live at once at worst; afterwards the
   * pairs, their scores and link bits take less (17).
   */
  static final long LSH_PAIR_BYTES = 32;

  /**
   * The LSH candidate pairs a document is given room for in advance. The candidate count depends on
   * the data, not on the request: near-duplicate collections stay below this, and a collection of
   * copies of one text makes quadratically many, which the clustering announces as it finds them
   * ({@link io.textsim.core.cluster.PairBudget}) and {@link MemoryAdmission#pairBudget} reserves.
   */
  static final long LSH_PAIRS_PER_DOCUMENT = 16;

  /** LSH candidate state per document reserved in advance: its band keys and its pairs' room. */
  static final long LSH_PER_DOCUMENT =
      LSH_KEYS_PER_DOCUMENT + LSH_PAIRS_PER_DOCUMENT * LSH_PAIR_BYTES;

  /** Bytes per candidate pair of the all-pairs strategy: the pair, its score, its link bit. */
  static final long PAIR_BYTES = 17;

  /** Furniture learning's state, per shingle of the collection (its sorted copy and counts). */
  static final long FURNITURE_PER_TOKEN = 24;

  /**
   * A furniture model learned or read, per furniture shingle: its source's set (8), the set of all
   * sources (8) and the lookup directory made on first use (at most 1).
   */
  static final long FURNITURE_MODEL_PER_SHINGLE = 17;

  /**
   * A text's content mapping when furniture is cut out, per token of the text: at most one run a
   * token, two int bounds and an int start each.
   */
  static final long CONTENT_MAP_PER_TOKEN = 12;

  private final long regionBytes;
  private final int parallelism;

  /**
   * @param regionBytes the garbage collector's region size if it stores large arrays in whole
   *     regions (G1), else 0
   * @param parallelism how many documents one clustering profiles at once
   */
  MemoryCosts(long regionBytes, int parallelism) {
    this.regionBytes = regionBytes;
    this.parallelism = Math.max(1, parallelism);
  }

  /** The costs in this JVM: its G1 region size (if G1 is on) and its common pool's parallelism. */
  static MemoryCosts forThisJvm() {
    long region = 0;
    try {
      HotSpotDiagnosticMXBean hotspot =
          ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class);
      if (Boolean.parseBoolean(hotspot.getVMOption("UseG1GC").getValue())) {
        region = Long.parseLong(hotspot.getVMOption("G1HeapRegionSize").getValue());
      }
    } catch (RuntimeException | LinkageError e) {
      region = 4L << 20; // not HotSpot: assume G1's rounding at a middling heap's region size
    }
    // Clusterer profiles on the common pool, and the calling worker thread helps.
    return new MemoryCosts(
        region, java.util.concurrent.ForkJoinPool.getCommonPoolParallelism() + 1);
  }

  /** How many documents one clustering profiles at once. */
  int parallelism() {
    return parallelism;
  }

  /** The heap an array of {@code bytes} takes: G1 gives an array of half a region whole regions. */
  long array(long bytes) {
    long withHeader = bytes + 16;
    if (regionBytes > 0 && withHeader >= regionBytes / 2) {
      return (withHeader + regionBytes - 1) / regionBytes * regionBytes;
    }
    return withHeader;
  }

  /**
   * What the estimates read of a text, from one scan: its UTF-16 chars; an upper bound of its word
   * tokens (every start of a run of letters and digits, and every letter at or above U+0E00: Thai,
   * CJK, Hangul and the scripts between them, which the tokenizer may make a token each; at least
   * 1, since a text without tokens still has one shingle); and its wide chars (at or above U+0E00).
   */
  record Shape(long chars, long tokens, long wide) {
    static final Shape EMPTY = new Shape(0, 1, 0);

    /** The shape of {@code text}. */
    static Shape of(String text) {
      long tokens = 1;
      long wide = 0;
      boolean inWord = false;
      for (int i = 0, n = text.length(); i < n; i++) {
        char c = text.charAt(i);
        boolean word = Character.isLetterOrDigit(c) || Character.isSurrogate(c);
        if (c >= 0x0E00) {
          wide++;
        }
        if (word && (!inWord || c >= 0x0E00)) {
          tokens++;
        }
        inWord = word;
      }
      return new Shape(text.length(), tokens, wide);
    }

    /** The worst shape of {@code bytes} of HTML: its visible text is no longer than its bytes. */
    static Shape html(long bytes) {
      return new Shape(bytes, bytes + 1, bytes);
    }

    /** A text as long as both, as dense as either. */
    Shape plus(Shape other) {
      return new Shape(chars + other.chars, tokens + other.tokens, wide + other.wide);
    }

    /** The larger of each. */
    Shape max(Shape other) {
      return new Shape(
          Math.max(chars, other.chars), Math.max(tokens, other.tokens), Math.max(wide, other.wide));
    }
  }

  /** A text of {@code chars} UTF-16 chars, as a String. */
  long text(long chars) {
    return array(TEXT_PER_CHAR * chars) + 24;
  }

  /** The peak of profiling one text, the finished profile included. */
  long profilePeak(long chars, long tokens) {
    // Four arrays of the text's size at most live at once, each possibly rounded up by a region.
    return PROFILE_PEAK_PER_CHAR * chars + PROFILE_PEAK_PER_TOKEN * tokens + 4 * regionBytes;
  }

  /** A whole profile kept (Compare and CompareMany keep theirs to the end). */
  long profileKept(long chars, long tokens) {
    return PROFILE_KEPT_PER_CHAR * chars + PROFILE_KEPT_PER_TOKEN * tokens + 4 * regionBytes;
  }

  /** What a clustering keeps of one document after profiling it. */
  long clusterKept(long tokens, boolean cosine) {
    long kept = array(SHINGLE_BYTES * tokens);
    if (cosine) {
      kept += array(8 * tokens) + array(4 * tokens);
    }
    return kept;
  }

  /**
   * The workspace of the measures of one pair (they run one after another, so the largest), for a
   * longer text of {@code chars} chars, {@code tokens} tokens and {@code wide} wide chars.
   */
  long measureWorkspace(Set<Measure> measures, long chars, long tokens, long wide) {
    long workspace = 0;
    if (measures.contains(Measure.LEVENSHTEIN)) {
      workspace = LEVENSHTEIN_PER_CHAR * chars + LEVENSHTEIN_PER_WIDE_CHAR * wide;
    }
    if (measures.contains(Measure.JARO_WINKLER)) {
      workspace =
          Math.max(workspace, JARO_WINKLER_PER_CHAR * chars + JARO_WINKLER_PER_WIDE_CHAR * wide);
    }
    if (measures.contains(Measure.LCS)) {
      workspace = Math.max(workspace, LCS_PER_CHAR * chars + LCS_PER_WIDE_CHAR * wide);
    }
    if (measures.contains(Measure.TOKEN_LEVENSHTEIN)) {
      workspace = Math.max(workspace, TOKEN_EDIT_WORKSPACE_PER_TOKEN * tokens);
    }
    if (measures.contains(Measure.DAMERAU_OSA)) {
      workspace = Math.max(workspace, 3 * 4 * chars); // three rows of ints
    }
    return workspace == 0 ? 0 : workspace + 4 * regionBytes;
  }

  /**
   * The documents-independent part of a clustering of {@code n} documents whose largest has {@code
   * maxChars} chars and {@code maxTokens} tokens: the profiles being built at once, and the
   * candidate pairs of the all-pairs strategy if it is used.
   */
  long clusterWork(long n, long maxChars, long maxTokens, boolean allPairs) {
    long work = Math.min(n, parallelism) * profilePeak(maxChars, maxTokens);
    if (allPairs) {
      work += array(PAIR_BYTES * (n * (n - 1) / 2));
    }
    return work;
  }

  /** What one document of a clustering costs to the end: its text, what is kept, its LSH state. */
  long clusterDocument(long chars, long tokens, boolean cosine, boolean furniture) {
    return DOCUMENT_OVERHEAD
        + text(chars)
        + clusterKept(tokens, cosine)
        + LSH_PER_DOCUMENT
        + (furniture ? FURNITURE_PER_TOKEN * tokens : 0);
  }

  /**
   * A furniture model sent as {@code bytes} of its format (8 bytes a shingle): the bytes copied out
   * of the request, and the model read from them.
   */
  long furnitureModel(long bytes) {
    return array(bytes) + FURNITURE_MODEL_PER_SHINGLE * (bytes / 8) + 4 * regionBytes;
  }

  /**
   * A furniture model learned from examples of {@code tokens} tokens in all: at most every example
   * shingle is furniture.
   */
  long furnitureLearned(long tokens) {
    return FURNITURE_MODEL_PER_SHINGLE * tokens + 4 * regionBytes;
  }

  /** A text's content (furniture cut out) kept with its mapping back to the text. */
  long content(long chars, long tokens) {
    return text(chars) + array(CONTENT_MAP_PER_TOKEN * tokens);
  }

  /** The LSH candidate pairs' room for {@code pairs} pairs. */
  long lshPairs(long pairs) {
    return array(LSH_PAIR_BYTES * pairs);
  }

  @Override
  public String toString() {
    return "MemoryCosts[region=" + regionBytes + ", parallelism=" + parallelism + "]";
  }
}
