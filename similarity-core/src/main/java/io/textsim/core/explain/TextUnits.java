package io.textsim.core.explain;

import io.textsim.core.TextProfile;
import io.textsim.core.shingle.ShingleConfig;
import io.textsim.core.shingle.ShingleHashing;
import io.textsim.core.shingle.ShingleSet;
import io.textsim.core.text.NormalizedText;
import io.textsim.core.text.Tokens;
import java.util.Arrays;
import java.util.List;

/**
 * One text's units (word tokens, or code points for character shingles): their offsets in the
 * normalized text and their hashes, and which of them a set of shingles covers.
 */
final class TextUnits {
  private final NormalizedText normalized;
  private final int k;
  private final int[] starts;
  private final int[] ends;
  private final long[] hashes;

  TextUnits(TextProfile profile) {
    this.normalized = profile.normalized();
    ShingleConfig config = profile.profiler().shingles();
    this.k = config.size();
    String text = normalized.text();
    if (config.kind() == ShingleConfig.Kind.WORDS) {
      Tokens tokens = profile.tokens();
      int n = tokens.size();
      starts = new int[n];
      ends = new int[n];
      hashes = new long[n];
      for (int i = 0; i < n; i++) {
        starts[i] = tokens.start(i);
        ends[i] = tokens.end(i);
        hashes[i] = profile.tokenHash(i);
      }
    } else {
      int n = text.codePointCount(0, text.length());
      starts = new int[n];
      ends = new int[n];
      hashes = new long[n];
      for (int i = 0, at = 0; i < n; i++) {
        int cp = text.codePointAt(at);
        starts[i] = at;
        at += Character.charCount(cp);
        ends[i] = at;
        hashes[i] = ShingleHashing.codePoint(cp);
      }
    }
  }

  boolean[] sharedUnits(ShingleSet other) {
    int n = hashes.length;
    boolean[] shared = new boolean[n];
    if (n == 0) {
      return shared;
    }
    if (n < k) {
      // A text shorter than one shingle has a single shingle of all its units.
      boolean hit = other.contains(ShingleHashing.combine(hashes, 0, n));
      Arrays.fill(shared, hit);
      return shared;
    }
    int coveredUpTo = 0; // exclusive
    for (int i = 0; i + k <= n; i++) {
      if (other.contains(ShingleHashing.combine(hashes, i, k))) {
        for (int j = Math.max(i, coveredUpTo); j < i + k; j++) {
          shared[j] = true;
        }
        coveredUpTo = i + k;
      }
    }
    return shared;
  }

  /**
   * Runs of shared units, and runs of own units split where {@code furniture} changes, as passages.
   */
  void passages(
      boolean[] shared, boolean[] furniture, List<Passage> sharedOut, List<Passage> onlyOut) {
    int n = shared.length;
    int runStart = 0;
    for (int i = 1; i <= n; i++) {
      if (i == n
          || shared[i] != shared[runStart]
          || (!shared[i] && furniture[i] != furniture[runStart])) {
        int from = runStart == 0 ? 0 : starts[runStart];
        int to = i == n ? normalized.length() : starts[i];
        boolean isFurniture = !shared[runStart] && furniture[runStart];
        Passage p = passage(from, to, isFurniture);
        if (p != null) {
          (shared[runStart] ? sharedOut : onlyOut).add(p);
        }
        runStart = i;
      }
    }
  }

  /**
   * The spans of the original text that keep the units not marked in {@code cut}: each run of kept
   * units from its first unit's start to its last unit's end, as {@code [start0, end0, start1,
   * end1, ...]} offsets into the original text, in text order.
   */
  int[] keptSpans(boolean[] cut) {
    int n = cut.length;
    int[] spans = new int[n + 1];
    int count = 0;
    int i = 0;
    while (i < n) {
      if (cut[i]) {
        i++;
        continue;
      }
      int j = i;
      while (j < n && !cut[j]) {
        j++;
      }
      NormalizedText.Span span = normalized.toOriginal(starts[i], ends[j - 1]);
      spans[count++] = span.start();
      spans[count++] = span.end();
      i = j;
    }
    return Arrays.copyOf(spans, count);
  }

  private Passage passage(int from, int to, boolean furniture) {
    NormalizedText.Span span = normalized.toOriginal(from, to);
    String original = normalized.original();
    int s = span.start();
    int e = span.end();
    while (s < e && isBlank(original.charAt(s))) {
      s++;
    }
    while (e > s && isBlank(original.charAt(e - 1))) {
      e--;
    }
    return s == e ? null : new Passage(s, e, original.substring(s, e), furniture);
  }

  private static boolean isBlank(char c) {
    return Character.isWhitespace(c) || Character.isSpaceChar(c);
  }
}
