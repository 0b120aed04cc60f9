package io.textsim.core.explain;

import io.textsim.core.TextProfile;
import io.textsim.core.shingle.ShingleConfig;
import io.textsim.core.shingle.ShingleHashing;
import io.textsim.core.shingle.ShingleSet;
import io.textsim.core.text.NormalizedText;
import io.textsim.core.text.Tokens;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Explains a pair of texts: which passages both share and which only one has.
 *
 * <p>Method: a unit (word token, or code point for character shingles) of text a is <em>shared</em>
 * if some shingle that contains it also occurs in text b. Maximal runs of shared units and of
 * unshared units become passages; each passage reaches from its first unit to the first unit of the
 * next passage, so punctuation and line breaks travel with the words before them and the passages
 * cover the whole text; white space at the edges is trimmed. Offsets are mapped back through the
 * normalization to the original text.
 *
 * <p>A single changed word in a copy shows up as a one-word passage: the shingles around it are
 * still shared and cover its neighbours. Cost: O(n k + m k) hashing plus O(n log m) lookups.
 * Stateless and thread-safe.
 */
public final class Explainer {
  private Explainer() {}

  /**
   * Explains {@code a} against {@code b}.
   *
   * @throws NullPointerException if an argument is null
   * @throws IllegalArgumentException if the profiles were built with different settings
   */
  public static Explanation explain(TextProfile a, TextProfile b) {
    return explain(a, b, ShingleSet.empty(), ShingleSet.empty());
  }

  /**
   * Explains {@code a} against {@code b}, marking the passages that only one side has as furniture
   * where they are covered by that side's furniture shingles ({@code furnitureA}, {@code
   * furnitureB}: for instance {@link io.textsim.core.furniture.FurnitureModel#furniture(String)} of
   * each text's source). A unit is furniture if a furniture shingle of its text contains it; runs
   * of own units are split where that changes, so furniture is shown apart from the content only
   * one side has.
   *
   * @throws NullPointerException if an argument is null
   * @throws IllegalArgumentException if the profiles were built with different settings
   */
  public static Explanation explain(
      TextProfile a, TextProfile b, ShingleSet furnitureA, ShingleSet furnitureB) {
    Objects.requireNonNull(a, "a");
    Objects.requireNonNull(b, "b");
    Objects.requireNonNull(furnitureA, "furnitureA");
    Objects.requireNonNull(furnitureB, "furnitureB");
    a.requireComparable(b);
    Side sideA = new Side(a);
    Side sideB = new Side(b);
    boolean[] sharedA = sideA.sharedUnits(b.shingles());
    boolean[] sharedB = sideB.sharedUnits(a.shingles());
    boolean[] furnitureUnitsA = sideA.sharedUnits(furnitureA);
    boolean[] furnitureUnitsB = sideB.sharedUnits(furnitureB);
    List<Passage> inA = new ArrayList<>();
    List<Passage> onlyA = new ArrayList<>();
    sideA.passages(sharedA, furnitureUnitsA, inA, onlyA);
    List<Passage> inB = new ArrayList<>();
    List<Passage> onlyB = new ArrayList<>();
    sideB.passages(sharedB, furnitureUnitsB, inB, onlyB);
    return new Explanation(inA, inB, onlyA, onlyB);
  }

  /** One text's units: their offsets in the normalized text and their hashes. */
  private static final class Side {
    private final NormalizedText normalized;
    private final int k;
    private final int[] starts;
    private final int[] ends;
    private final long[] hashes;

    Side(TextProfile profile) {
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
        java.util.Arrays.fill(shared, hit);
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
     * Runs of shared units, and runs of own units split where {@code furniture} changes, as
     * passages.
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
}
