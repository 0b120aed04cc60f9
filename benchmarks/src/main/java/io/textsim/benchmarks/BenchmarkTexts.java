package io.textsim.benchmarks;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;

/**
 * The inputs of the benchmarks, all fixed: the seed pair read from the classpath, and text
 * generated from fixed seeds, so that every run measures the same strings.
 */
public final class BenchmarkTexts {
  /** Length in UTF-16 units (all ASCII, so also code points) of each generated unrelated text. */
  public static final int UNRELATED_LENGTH = 3000;

  /** How many times each seed article is repeated in the near-duplicate 16 KB pair. */
  public static final int REPEATS = 5;

  /**
   * Words for the first unrelated text: countryside. No word is also in {@link #CITY}, so the two
   * texts share letters and spaces but not a single word.
   */
  static final List<String> COUNTRYSIDE =
      List.of(
          "the",
          "and",
          "by",
          "over",
          "river",
          "meadow",
          "valley",
          "farmer",
          "harvest",
          "orchard",
          "shepherd",
          "sheep",
          "barn",
          "hill",
          "forest",
          "pine",
          "oak",
          "willow",
          "stream",
          "pebble",
          "moss",
          "fern",
          "cottage",
          "fence",
          "field",
          "wheat",
          "barley",
          "cattle",
          "goat",
          "lamb",
          "morning",
          "dawn",
          "mist",
          "frost",
          "autumn",
          "leaf",
          "branch",
          "root",
          "sparrow",
          "owl",
          "fox",
          "badger",
          "rabbit",
          "quiet",
          "green",
          "golden",
          "slowly",
          "gently",
          "walks",
          "grazes",
          "gathers",
          "rests",
          "wanders",
          "beneath",
          "along",
          "across",
          "old",
          "small",
          "wild",
          "soft",
          "cold");

  /** Words for the second unrelated text: city, office and kitchen. */
  static final List<String> CITY =
      List.of(
          "a",
          "with",
          "or",
          "into",
          "engineer",
          "server",
          "network",
          "cable",
          "monitor",
          "keyboard",
          "laptop",
          "software",
          "update",
          "database",
          "query",
          "kernel",
          "router",
          "signal",
          "battery",
          "circuit",
          "factory",
          "train",
          "subway",
          "platform",
          "ticket",
          "coffee",
          "kettle",
          "spoon",
          "oven",
          "recipe",
          "pepper",
          "garlic",
          "onion",
          "butter",
          "bakery",
          "market",
          "invoice",
          "budget",
          "office",
          "meeting",
          "deadline",
          "report",
          "manager",
          "contract",
          "rapid",
          "digital",
          "electric",
          "modern",
          "busy",
          "urban",
          "compiles",
          "deploys",
          "measures",
          "prints",
          "repairs",
          "calculates",
          "sells",
          "through",
          "inside",
          "before",
          "during",
          "new",
          "bright");

  private BenchmarkTexts() {}

  /** The Tehran Times version of the seed story, as published (3,153 code points). */
  public static String tehranTimes() {
    return resource("/articles/tehran-times.txt");
  }

  /** The Mehr News version of the seed story, as published (3,139 code points). */
  public static String mehrNews() {
    return resource("/articles/mehr-news.txt");
  }

  /** {@code text} repeated {@link #REPEATS} times, back to back. */
  public static String repeated(String text) {
    return text.repeat(REPEATS);
  }

  /** The first text of the unrelated pair: countryside sentences, seed 1. */
  public static String unrelatedA() {
    return sentences(COUNTRYSIDE, 1L, UNRELATED_LENGTH);
  }

  /** The second text of the unrelated pair: city sentences, seed 2. */
  public static String unrelatedB() {
    return sentences(CITY, 2L, UNRELATED_LENGTH);
  }

  /**
   * Sentences of 6 to 14 words drawn from {@code words} with {@code java.util.Random(seed)} (whose
   * sequence the JDK specifies, so the text is the same on every JVM), cut to exactly {@code
   * length} characters.
   */
  static String sentences(List<String> words, long seed, int length) {
    Random random = new Random(seed);
    StringBuilder text = new StringBuilder(length + 128);
    while (text.length() < length) {
      int count = 6 + random.nextInt(9);
      for (int i = 0; i < count; i++) {
        String word = words.get(random.nextInt(words.size()));
        if (i == 0) {
          text.append(Character.toUpperCase(word.charAt(0))).append(word, 1, word.length());
        } else {
          text.append(word);
        }
        text.append(i == count - 1 ? ". " : " ");
      }
    }
    text.setLength(length);
    return text.toString();
  }

  private static String resource(String name) {
    try (InputStream in = BenchmarkTexts.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException(
            name + " is not on the classpath (the benchmarks pom copies examples/articles)");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + name, e);
    }
  }
}
