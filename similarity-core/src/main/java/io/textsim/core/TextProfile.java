package io.textsim.core;

import io.textsim.core.shingle.ShingleConfig;
import io.textsim.core.shingle.ShingleHashing;
import io.textsim.core.shingle.ShingleSet;
import io.textsim.core.shingle.Shingler;
import io.textsim.core.text.NormalizedText;
import io.textsim.core.text.Tokenizer;
import io.textsim.core.text.Tokens;

/**
 * Everything the measures need to know about one text, computed once by a {@link TextProfiler}: the
 * normalized text with its map back to the original, the word token hashes, the term frequencies
 * and the shingle set.
 *
 * <p>Profiles keep what comparisons need and little else, so that a collection of a hundred
 * thousand articles fits in memory: token offsets are recomputed from the normalized text on the
 * rare occasions they are wanted ({@link #tokens()}, for explanations).
 *
 * <p>Immutable and thread-safe.
 */
public final class TextProfile {
  private final TextProfiler profiler;
  private final NormalizedText normalized;
  private final long[] tokenHashes;
  private final TermFrequencies terms;
  private final ShingleSet shingles;
  private final int codePointCount;

  private TextProfile(
      TextProfiler profiler,
      NormalizedText normalized,
      long[] tokenHashes,
      TermFrequencies terms,
      ShingleSet shingles) {
    this.profiler = profiler;
    this.normalized = normalized;
    this.tokenHashes = tokenHashes;
    this.terms = terms;
    this.shingles = shingles;
    String text = normalized.text();
    this.codePointCount = text.codePointCount(0, text.length());
  }

  static TextProfile build(String text, TextProfiler profiler) {
    NormalizedText normalized = profiler.normalizer().normalize(text);
    Tokens tokens = Tokenizer.words().tokenize(normalized.text());
    long[] tokenHashes = new long[tokens.size()];
    for (int i = 0; i < tokenHashes.length; i++) {
      tokenHashes[i] = ShingleHashing.token(normalized.text(), tokens.start(i), tokens.end(i));
    }
    ShingleConfig config = profiler.shingles();
    ShingleSet shingles =
        config.kind() == ShingleConfig.Kind.WORDS
            ? Shingler.shingle(tokenHashes, config)
            : Shingler.shingle(Shingler.codePointUnits(normalized.text()), config);
    return new TextProfile(
        profiler, normalized, tokenHashes, TermFrequencies.of(tokenHashes), shingles);
  }

  /** The profiler (normalizer, shingles, limit) this profile was built with. */
  public TextProfiler profiler() {
    return profiler;
  }

  /** The text as given. */
  public String original() {
    return normalized.original();
  }

  /** The normalized text and its offset map. */
  public NormalizedText normalized() {
    return normalized;
  }

  /** The number of code points of the normalized text. */
  public int codePointCount() {
    return codePointCount;
  }

  /** The code points of the normalized text, a fresh array. */
  public int[] codePoints() {
    return normalized.text().codePoints().toArray();
  }

  /** The number of word tokens. */
  public int tokenCount() {
    return tokenHashes.length;
  }

  /** The hash of word token {@code i} ({@link ShingleHashing#token}). */
  public long tokenHash(int i) {
    return tokenHashes[i];
  }

  /** The token hashes in text order, a fresh array. */
  public long[] tokenHashes() {
    return tokenHashes.clone();
  }

  /** The word tokens with their offsets in the normalized text, recomputed on each call. */
  public Tokens tokens() {
    return Tokenizer.words().tokenize(normalized.text());
  }

  /** The term frequencies of the word tokens. */
  public TermFrequencies terms() {
    return terms;
  }

  /** The shingle set. */
  public ShingleSet shingles() {
    return shingles;
  }

  /** True if the text has no word tokens (empty, white space or punctuation only). */
  public boolean isBlank() {
    return tokenHashes.length == 0;
  }

  /**
   * Checks that {@code other} was built with the same settings, so that comparing the two is
   * meaningful.
   *
   * @throws IllegalArgumentException naming both settings if they differ
   */
  public void requireComparable(TextProfile other) {
    if (!profiler.normalizer().equals(other.profiler.normalizer())
        || !profiler.shingles().equals(other.profiler.shingles())) {
      throw new IllegalArgumentException(
          "profiles built with different settings cannot be compared: "
              + profiler
              + " vs "
              + other.profiler);
    }
  }

  @Override
  public String toString() {
    return "TextProfile[chars="
        + normalized.original().length()
        + ", tokens="
        + tokenHashes.length
        + ", shingles="
        + shingles.size()
        + "]";
  }
}
