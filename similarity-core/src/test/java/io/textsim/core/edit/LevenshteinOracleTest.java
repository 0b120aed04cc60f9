package io.textsim.core.edit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Checks {@link Levenshtein} against the textbook dynamic program on seeded random pairs, with and
 * without cutoffs. Most pairs are near-duplicates (random edits of one sequence, bunched or spread)
 * so that the band logic is exercised, not only the trivial "unrelated" case.
 */
class LevenshteinOracleTest {

  /** Pairs per (alphabet, seed) of lengths 0..300: 5 alphabets * 8 seeds * 2,500 = 100,000. */
  private static final int SHORT_PAIRS = 2_500;

  private static final long[] SEEDS = {1, 2, 3, 5, 8, 13, 21, 34};

  /** The alphabets random sequences are drawn from. */
  enum Alphabet {
    BINARY {
      @Override
      int symbol(Random random) {
        return '0' + random.nextInt(2);
      }
    },
    DNA {
      @Override
      int symbol(Random random) {
        return "ACGT".charAt(random.nextInt(4));
      }
    },
    LATIN {
      @Override
      int symbol(Random random) {
        return 'a' + random.nextInt(26);
      }
    },
    /**
     * Code points from everywhere: ASCII, Latin-1, combining marks, Cyrillic, Arabic, Hebrew, CJK,
     * emoji and other supplementary characters; thousands of distinct symbols, so long sequences
     * hit the hash-mapped, sparse match tables. No surrogate code points, so that sequences
     * round-trip through strings.
     */
    UNICODE {
      @Override
      int symbol(Random random) {
        return switch (random.nextInt(9)) {
          case 0, 1 -> ' ' + random.nextInt(95);
          case 2 -> 0xA0 + random.nextInt(0x60);
          case 3 -> 0x300 + random.nextInt(0x70); // combining diacritical marks
          case 4 -> 0x400 + random.nextInt(0x100); // Cyrillic
          case 5 -> 0x5D0 + random.nextInt(0x50); // Hebrew, Arabic
          case 6 -> 0x4E00 + random.nextInt(0x5200); // CJK unified ideographs
          case 7 -> 0x1F600 + random.nextInt(0x50); // emoji
          default -> 0x10000 + random.nextInt(0x100000 - 0x10000);
        };
      }
    },
    /**
     * Token ids: any int, negative ones included; a few frequent ids (Zipf-like) and a long tail of
     * ids drawn from the whole int range.
     */
    TOKENS {
      @Override
      int symbol(Random random) {
        if (random.nextInt(3) == 0) {
          return random.nextInt();
        }
        int rank = (int) Math.min(1_000, Math.floor(1.0 / (random.nextDouble() + 1e-3)));
        return rank * 0x9E3779B1;
      }
    };

    abstract int symbol(Random random);
  }

  static Stream<Arguments> alphabetsAndSeeds() {
    return alphabetsAndSeeds(SEEDS);
  }

  /** Every alphabet with every one of {@code seeds}: the arguments of a seeded oracle test. */
  static Stream<Arguments> alphabetsAndSeeds(long... seeds) {
    List<Arguments> arguments = new ArrayList<>();
    for (Alphabet alphabet : Alphabet.values()) {
      for (long seed : seeds) {
        arguments.add(Arguments.of(alphabet, seed));
      }
    }
    return arguments.stream();
  }

  @ParameterizedTest(name = "{0}, seed {1}")
  @MethodSource("alphabetsAndSeeds")
  void shortPairsMatchTheOracle(Alphabet alphabet, long seed) {
    // Pairs run in parallel, each from its own seeded generator, so the run is reproducible.
    IntStream.range(0, SHORT_PAIRS)
        .parallel()
        .forEach(
            pair -> {
              Random random = new Random(seed * 1_000_003L + alphabet.ordinal() * 7_919L + pair);
              int[] a = randomSequence(random, alphabet, shortLength(random));
              int[] b =
                  switch (random.nextInt(4)) {
                    case 0 -> randomSequence(random, alphabet, shortLength(random));
                    case 1 ->
                        spreadEdits(random, alphabet, a, random.nextInt(1 + a.length / 4 + 3));
                    case 2 -> bunchedEdits(random, alphabet, a, 1 + random.nextInt(60));
                    default -> spreadEdits(random, alphabet, a, random.nextInt(4));
                  };
              check(a, b, random, alphabet, "pair " + pair);
            });
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("longAlphabets")
  void longPairsMatchTheOracle(Alphabet alphabet) {
    // Five near-duplicates (spread or bunched edits) and one unrelated pair, in parallel.
    IntStream.range(0, 6)
        .parallel()
        .forEach(
            pair -> {
              Random random = new Random(1000L * alphabet.ordinal() + pair);
              if (pair == 5) {
                int[] a = randomSequence(random, alphabet, 2_000 + random.nextInt(1_500));
                int[] b = randomSequence(random, alphabet, 2_000 + random.nextInt(1_500));
                check(a, b, random, alphabet, "unrelated pair");
                return;
              }
              int length = 2_000 + random.nextInt(4_000);
              int[] a = randomSequence(random, alphabet, length);
              int[] b =
                  pair % 2 == 0
                      ? spreadEdits(random, alphabet, a, 1 + random.nextInt(length / 10))
                      : bunchedEdits(random, alphabet, a, 1 + random.nextInt(length / 5));
              check(a, b, random, alphabet, "near-duplicate " + pair + " of length " + length);
            });
  }

  static Stream<Alphabet> longAlphabets() {
    return Arrays.stream(Alphabet.values());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("veryLongAlphabets")
  void veryLongNearDuplicatesMatchTheOracle(Alphabet alphabet) {
    // A 20,000-element pair: 400M oracle cells, so only one.
    Random random = new Random(2000 + alphabet.ordinal());
    int[] a = randomSequence(random, alphabet, 20_000);
    int[] b = bunchedEdits(random, alphabet, a, 300);
    b = spreadEdits(random, alphabet, b, 200);
    check(a, b, random, alphabet, "20,000-element near-duplicate");
  }

  static Stream<Alphabet> veryLongAlphabets() {
    // Thousands of distinct symbols over 313 blocks: hashed ids and sparse match tables.
    return Stream.of(Alphabet.UNICODE);
  }

  private static void check(int[] a, int[] b, Random random, Alphabet alphabet, String what) {
    int expected = oracle(a, b);
    String context = what + ": |a| = " + a.length + ", |b| = " + b.length + ", d = " + expected;
    assertEquals(expected, Levenshtein.distance(a, b), context);
    assertEquals(expected, Levenshtein.distance(b, a), context + " (swapped)");
    int lengthDifference = Math.abs(a.length - b.length);
    int[] cutoffs = {
      expected - 1,
      expected,
      expected + 1,
      expected / 2,
      2 * expected + 1,
      lengthDifference - 1,
      random.nextInt(Math.max(a.length, b.length) + 2)
    };
    for (int k : cutoffs) {
      if (k < 0) {
        continue;
      }
      BoundedDistance want =
          expected <= k ? new BoundedDistance.Exact(expected) : new BoundedDistance.MoreThan(k);
      assertEquals(want, Levenshtein.distance(a, b, k), context + ", k = " + k);
    }
    if (alphabet == Alphabet.UNICODE) {
      String sa = new String(a, 0, a.length);
      String sb = new String(b, 0, b.length);
      assertEquals(expected, Levenshtein.distance(sa, sb), context + " (as strings)");
      BoundedDistance want =
          expected <= expected / 2
              ? new BoundedDistance.Exact(expected)
              : new BoundedDistance.MoreThan(expected / 2);
      assertEquals(want, Levenshtein.distance(sa, sb, expected / 2), context + " (as strings)");
    }
  }

  /** The textbook dynamic program, two rows at a time: D[i][j] over prefixes of a and b. */
  static int oracle(int[] a, int[] b) {
    int[] previous = new int[b.length + 1];
    int[] current = new int[b.length + 1];
    for (int j = 0; j <= b.length; j++) {
      previous[j] = j;
    }
    for (int i = 1; i <= a.length; i++) {
      current[0] = i;
      int ai = a[i - 1];
      for (int j = 1; j <= b.length; j++) {
        int substitution = previous[j - 1] + (ai == b[j - 1] ? 0 : 1);
        int deletion = previous[j] + 1;
        int insertion = current[j - 1] + 1;
        current[j] = Math.min(substitution, Math.min(deletion, insertion));
      }
      int[] swap = previous;
      previous = current;
      current = swap;
    }
    return previous[b.length];
  }

  /**
   * Lengths 0..300: a quarter within 2 of a multiple of 64 (block boundaries), the rest uniform,
   * half of those below 100 (which keeps the oracle's quadratic cost in check).
   */
  private static int shortLength(Random random) {
    return switch (random.nextInt(8)) {
      case 0, 1 -> Math.max(0, 64 * random.nextInt(5) + random.nextInt(5) - 2);
      case 2, 3, 4 -> random.nextInt(101);
      default -> random.nextInt(301);
    };
  }

  static int[] randomSequence(Random random, Alphabet alphabet, int length) {
    int[] s = new int[length];
    for (int i = 0; i < length; i++) {
      s[i] = alphabet.symbol(random);
    }
    return s;
  }

  /** Applies {@code edits} single-element insertions, deletions or substitutions anywhere. */
  static int[] spreadEdits(Random random, Alphabet alphabet, int[] s, int edits) {
    int[] out = s.clone();
    for (int e = 0; e < edits; e++) {
      out = singleEdit(random, alphabet, out, random.nextInt(out.length + 1));
    }
    return out;
  }

  /**
   * Applies about {@code size} edits as a few bunches: inserted or deleted runs at the start or end
   * (a headline, a licence line), or a burst of single edits in one region.
   */
  static int[] bunchedEdits(Random random, Alphabet alphabet, int[] s, int size) {
    int[] out = s.clone();
    int left = size;
    while (left > 0) {
      int run = 1 + random.nextInt(left);
      left -= run;
      switch (random.nextInt(5)) {
        case 0 -> out = concat(randomSequence(random, alphabet, run), out);
        case 1 -> out = concat(out, randomSequence(random, alphabet, run));
        case 2 -> out = Arrays.copyOfRange(out, Math.min(run, out.length), out.length);
        case 3 -> out = Arrays.copyOfRange(out, 0, Math.max(0, out.length - run));
        default -> {
          int center = random.nextInt(out.length + 1);
          for (int e = 0; e < run; e++) {
            int at = center + random.nextInt(2 * run + 1) - run;
            out = singleEdit(random, alphabet, out, Math.max(0, Math.min(out.length, at)));
          }
        }
      }
    }
    return out;
  }

  private static int[] singleEdit(Random random, Alphabet alphabet, int[] s, int at) {
    int kind = s.length == 0 || at == s.length ? 0 : random.nextInt(3);
    if (kind == 0) {
      int[] out = new int[s.length + 1];
      System.arraycopy(s, 0, out, 0, at);
      out[at] = alphabet.symbol(random);
      System.arraycopy(s, at, out, at + 1, s.length - at);
      return out;
    }
    if (kind == 1) {
      int[] out = new int[s.length - 1];
      System.arraycopy(s, 0, out, 0, at);
      System.arraycopy(s, at + 1, out, at, s.length - at - 1);
      return out;
    }
    int[] out = s.clone();
    out[at] = alphabet.symbol(random);
    return out;
  }

  private static int[] concat(int[] x, int[] y) {
    int[] out = Arrays.copyOf(x, x.length + y.length);
    System.arraycopy(y, 0, out, x.length, y.length);
    return out;
  }
}
