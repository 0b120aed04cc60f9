package io.textsim.core.text;

import java.util.Arrays;
import java.util.Objects;

/**
 * A normalized text together with the map from its offsets back to the original text.
 *
 * <p>Every UTF-16 index {@code j} of {@link #text()} came from a range {@code [originalStart(j),
 * originalEnd(j))} of {@link #original()}. Passages found in the normalized text are reported to
 * users through {@link #toOriginal(int, int)}, so they always point at the text the user gave.
 *
 * <p>The map is stored as runs, not per character: a run of characters copied one to one (the
 * common case, including lower-casing) costs one entry; a character that expanded (NFKC of "ﬁ") or
 * a collapsed run of white space costs one entry. A 3 KB article typically needs a few hundred
 * entries, which keeps profiles of a large collection small.
 *
 * <p>Instances are immutable and thread-safe.
 */
public final class NormalizedText {
  private final String original;
  private final String text;
  // Entry e covers normalized indices [outStart[e], outStart[e + 1]).
  // If linear[e], index j maps to the single original char origStart[e] + (j - outStart[e]);
  // otherwise every index of the entry maps to [origStart[e], origEnd[e]).
  private final int[] outStart;
  private final int[] origStart;
  private final int[] origEnd;
  private final boolean[] linear;

  NormalizedText(
      String original,
      String text,
      int[] outStart,
      int[] origStart,
      int[] origEnd,
      boolean[] linear,
      int entries) {
    this.original = original;
    this.text = text;
    this.outStart = Arrays.copyOf(outStart, entries);
    this.origStart = Arrays.copyOf(origStart, entries);
    this.origEnd = Arrays.copyOf(origEnd, entries);
    this.linear = Arrays.copyOf(linear, entries);
  }

  /** Returns a normalized text that is the original itself, each char mapped to itself. */
  public static NormalizedText identity(String original) {
    Objects.requireNonNull(original, "original");
    if (original.isEmpty()) {
      return new NormalizedText(
          original, original, new int[0], new int[0], new int[0], new boolean[0], 0);
    }
    return new NormalizedText(
        original,
        original,
        new int[] {0},
        new int[] {0},
        new int[] {original.length()},
        new boolean[] {true},
        1);
  }

  /** The text as the user gave it. */
  public String original() {
    return original;
  }

  /** The normalized text. */
  public String text() {
    return text;
  }

  /** The length of the normalized text in UTF-16 units. */
  public int length() {
    return text.length();
  }

  /** Start (inclusive) in the original text of the normalized char at {@code index}. */
  public int originalStart(int index) {
    checkIndex(index);
    int e = entryOf(index);
    return linear[e] ? origStart[e] + (index - outStart[e]) : origStart[e];
  }

  /** End (exclusive) in the original text of the normalized char at {@code index}. */
  public int originalEnd(int index) {
    checkIndex(index);
    int e = entryOf(index);
    return linear[e] ? origStart[e] + (index - outStart[e]) + 1 : origEnd[e];
  }

  /**
   * Maps the normalized range {@code [start, end)} to the smallest original range that produced it.
   * An empty range maps to an empty range at the corresponding original position.
   *
   * @throws IndexOutOfBoundsException if the range is not within {@code [0, length()]}
   */
  public Span toOriginal(int start, int end) {
    Objects.checkFromToIndex(start, end, text.length());
    if (start == end) {
      int at = start < text.length() ? originalStart(start) : endOfLastEntry();
      return new Span(at, at);
    }
    return new Span(originalStart(start), originalEnd(end - 1));
  }

  private int endOfLastEntry() {
    return text.isEmpty() ? original.length() : originalEnd(text.length() - 1);
  }

  private void checkIndex(int index) {
    Objects.checkIndex(index, text.length());
  }

  private int entryOf(int index) {
    int e = Arrays.binarySearch(outStart, index);
    return e >= 0 ? e : -e - 2;
  }

  @Override
  public String toString() {
    return "NormalizedText[length="
        + text.length()
        + ", originalLength="
        + original.length()
        + ", entries="
        + outStart.length
        + "]";
  }

  /**
   * A half-open range {@code [start, end)} of UTF-16 offsets.
   *
   * @param start first offset, inclusive
   * @param end last offset, exclusive
   */
  public record Span(int start, int end) {
    /** Validates {@code 0 <= start <= end}. */
    public Span {
      if (start < 0 || end < start) {
        throw new IllegalArgumentException(
            "span must satisfy 0 <= start <= end: [" + start + ", " + end + ")");
      }
    }

    /** The number of UTF-16 units covered. */
    public int length() {
      return end - start;
    }
  }
}
