package io.textsim.core.sketch;

import io.textsim.core.shingle.ShingleConfig;
import io.textsim.core.shingle.ShingleHashing;
import io.textsim.core.shingle.ShingleSet;
import io.textsim.core.shingle.Shingler;
import java.util.HashSet;
import java.util.Set;
import java.util.SplittableRandom;

/** Fixed inputs for the known-answer tests, independent of the normalizer and tokenizer. */
final class SketchTestData {
  private SketchTestData() {}

  /** A fixed paragraph of lower-case ASCII words separated by single spaces. */
  static final String TEXT =
      "the quick brown fox jumps over the lazy dog while the city council met on tuesday to"
          + " discuss the new budget for public libraries parks and schools in the northern"
          + " district officials said the plan would add three new branches and extend opening"
          + " hours on weekends residents who spoke at the meeting welcomed the proposal but asked"
          + " how it would be paid for the mayor said a vote is expected next month after a second"
          + " round of public hearings in each of the affected neighbourhoods and a review by the"
          + " finance committee";

  /** The frozen token hashes ({@link ShingleHashing#token}) of the words of {@code text}. */
  static long[] tokenHashes(String text) {
    String[] words = text.split(" ", -1);
    long[] hashes = new long[words.length];
    for (int i = 0; i < words.length; i++) {
      hashes[i] = ShingleHashing.token(words[i]);
    }
    return hashes;
  }

  /** The word 4-shingles of {@link #TEXT}. */
  static ShingleSet textShingles() {
    return Shingler.shingle(tokenHashes(TEXT), ShingleConfig.words(4));
  }

  /** {@code n} distinct pseudo-random longs. */
  static long[] randomDistinct(SplittableRandom random, int n) {
    long[] values = new long[n];
    Set<Long> seen = new HashSet<>();
    for (int i = 0; i < n; ) {
      long v = random.nextLong();
      if (seen.add(v)) {
        values[i++] = v;
      }
    }
    return values;
  }
}
