package io.textsim.core.text;

import java.util.Arrays;
import java.util.Objects;

/**
 * The tokens of one text: each token's offsets into that text and its characters.
 *
 * <p>Immutable and thread-safe.
 */
public final class Tokens {
  private final String text;
  private final int[] starts;
  private final int[] ends;

  Tokens(String text, int[] starts, int[] ends, int count) {
    this.text = text;
    this.starts = Arrays.copyOf(starts, count);
    this.ends = Arrays.copyOf(ends, count);
  }

  /** The text the tokens were taken from. */
  public String text() {
    return text;
  }

  /** The number of tokens. */
  public int size() {
    return starts.length;
  }

  /** True if there are no tokens. */
  public boolean isEmpty() {
    return starts.length == 0;
  }

  /** Offset in {@link #text()} where token {@code i} starts (inclusive). */
  public int start(int i) {
    return starts[Objects.checkIndex(i, starts.length)];
  }

  /** Offset in {@link #text()} where token {@code i} ends (exclusive). */
  public int end(int i) {
    return ends[Objects.checkIndex(i, ends.length)];
  }

  /** The characters of token {@code i}. */
  public String get(int i) {
    return text.substring(start(i), end(i));
  }

  @Override
  public String toString() {
    return "Tokens[size=" + starts.length + "]";
  }
}
