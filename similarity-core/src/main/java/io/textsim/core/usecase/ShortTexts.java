package io.textsim.core.usecase;

import io.textsim.core.TextProfile;
import io.textsim.core.TextProfiler;
import io.textsim.core.shingle.ShingleConfig;

/**
 * Pairs in which one text is shorter than the shingle size. Such a text has a single shingle of all
 * its units, which no longer text contains, so every set measure would score it 0 against a text
 * that holds it word for word. These pairs are scored with shingles as long as the short text
 * instead: then it is one shingle, found wherever it occurs in the other text.
 */
final class ShortTexts {
  private ShortTexts() {}

  /** The number of shingle units of {@code profile}: words, or code points for characters. */
  static int units(TextProfile profile) {
    return profile.profiler().shingles().kind() == ShingleConfig.Kind.WORDS
        ? profile.tokenCount()
        : profile.codePointCount();
  }

  /**
   * The shingle size to score a query of {@code query} units against a text of {@code other} units
   * with shingles of size {@code k}: the query's length if it is shorter than {@code k} (a shorter
   * other text then lacks the query and scores 0), else the other's if it is shorter, else {@code
   * k}. Blank texts keep {@code k}: they hold nothing to find.
   */
  static int size(int k, int query, int other) {
    if (query > 0 && query < k) {
      return query;
    }
    return other > 0 && other < k ? other : k;
  }

  /** {@code profiler} with shingles of {@code size} units of the same kind. */
  static TextProfiler resized(TextProfiler profiler, int size) {
    ShingleConfig c = profiler.shingles();
    return profiler.withShingles(new ShingleConfig(c.kind(), size));
  }
}
