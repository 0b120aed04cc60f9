package io.textsim.benchmarks;

import io.textsim.core.cluster.Document;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

/**
 * A deterministic simulated news corpus for the scale benchmarks, generated from a seed with no
 * input files (a fresh clone has no development data).
 *
 * <p><b>Base stories.</b> Each story is a headline and 200 to 800 words ({@value #MIN_STORY_WORDS}
 * to {@value #MAX_STORY_WORDS}, uniformly) in paragraphs of one to four sentences of 8 to 25 words.
 * Words are drawn from a fixed {@linkplain #vocabulary() vocabulary} of {@value #VOCABULARY_SIZE}
 * English-like words (the most common English function and news words first, then generated
 * pronounceable words) with Zipf probabilities {@code p(rank) ~ 1 / rank}, as word frequencies in
 * English text roughly are; in addition 12% of a story's words come from its own dozen topic words
 * (names, places, subjects), which is what makes two stories on different subjects share almost no
 * word 4-shingle. About 1.5% of words are numbers.
 *
 * <p><b>Copies.</b> {@value #COPIED_PERCENT}% of base stories are republished by one to {@value
 * #MAX_COPIES} outlets (uniformly), the way outlets do it (compare the seed pair in {@code
 * examples/articles/}): the headline kept on top (three in four, sometimes with {@code " | Outlet"}
 * appended) or dropped; a dateline, either {@code "CITY, Mon. D (Outlet) - "} before the first
 * paragraph or a date-and-time line under the headline; page furniture under the text (a licence
 * line naming the outlet, {@code "Leave a Comment"} with a captcha sum such as {@code "5 + 10 ="},
 * share links, a related headline, a copyright line); and independently truncation to the first
 * paragraphs holding at least 60% of the words (one in four), one to four changed words (two in
 * five) and the whole page flattened to one line (three in ten). A copy never equals its base.
 *
 * <p><b>Determinism.</b> The corpus depends only on the seed and the number of articles: story
 * {@code s} and copy {@code c} are generated from their own random streams derived from {@code
 * (seed, s, c)}, so generation runs in parallel and gives the same texts on every JVM ({@link
 * SplittableRandom}'s sequence is specified). Articles are emitted story by story (base, then its
 * copies) until {@code n} are made, then shuffled with the seed, as copies arrive interleaved with
 * other news. The same {@code n} and seed give the same list; a different {@code n} gives other
 * shuffles of mostly the same stories.
 *
 * <p>Immutable and thread-safe.
 */
public final class CorpusGenerator {
  /** The seed of {@link #defaults()}. */
  public static final long DEFAULT_SEED = 20_261_125L;

  /** The number of distinct words texts are made of. */
  public static final int VOCABULARY_SIZE = 5000;

  /** The fewest words of a base story's body (headline not counted). */
  public static final int MIN_STORY_WORDS = 200;

  /** The most words of a base story's body (headline not counted). */
  public static final int MAX_STORY_WORDS = 800;

  /** The percentage of base stories that have copies. */
  public static final int COPIED_PERCENT = 40;

  /** The most copies of one story. */
  public static final int MAX_COPIES = 4;

  static final int TOPIC_WORDS = 12;
  static final double TOPIC_RATE = 0.12;
  static final double NUMBER_RATE = 0.015;
  static final double COMMA_RATE = 0.07;

  /** Ranks below this are function words, left out of headlines and word changes. */
  static final int FUNCTION_WORDS = 40;

  /** The most common English words of news text, roughly in frequency order: ranks 1 to 120. */
  static final List<String> COMMON_WORDS =
      List.of(
          "the",
          "of",
          "to",
          "and",
          "a",
          "in",
          "that",
          "for",
          "is",
          "on",
          "said",
          "it",
          "with",
          "was",
          "as",
          "at",
          "by",
          "he",
          "from",
          "be",
          "have",
          "has",
          "his",
          "but",
          "are",
          "an",
          "not",
          "will",
          "they",
          "this",
          "who",
          "its",
          "which",
          "had",
          "were",
          "been",
          "would",
          "their",
          "or",
          "we",
          "new",
          "after",
          "more",
          "also",
          "year",
          "one",
          "two",
          "people",
          "government",
          "last",
          "first",
          "about",
          "percent",
          "than",
          "up",
          "over",
          "out",
          "there",
          "could",
          "when",
          "other",
          "into",
          "all",
          "president",
          "state",
          "can",
          "officials",
          "minister",
          "her",
          "she",
          "million",
          "week",
          "time",
          "since",
          "some",
          "told",
          "country",
          "against",
          "market",
          "years",
          "three",
          "under",
          "while",
          "before",
          "company",
          "billion",
          "national",
          "police",
          "city",
          "if",
          "report",
          "no",
          "now",
          "what",
          "official",
          "group",
          "may",
          "talks",
          "between",
          "during",
          "world",
          "foreign",
          "economic",
          "security",
          "military",
          "oil",
          "prices",
          "bank",
          "trade",
          "party",
          "election",
          "court",
          "news",
          "agency",
          "statement",
          "meeting",
          "day",
          "monday",
          "tuesday",
          "wednesday",
          "thursday",
          "friday");

  private static final String[] ONSETS = {
    "b", "br", "c", "ch", "cl", "d", "dr", "f", "fl", "g", "gr", "h", "j", "k", "l", "m", "n", "p",
    "pl", "pr", "r", "s", "sh", "sl", "st", "t", "th", "tr", "v", "w", "z", ""
  };
  private static final String[] NUCLEI = {
    "a", "e", "i", "o", "u", "ai", "ea", "ee", "oo", "ou", "ar", "er", "or"
  };
  private static final String[] CODAS = {
    "", "", "", "n", "r", "s", "t", "l", "nd", "st", "ck", "m"
  };

  private static final String[] VOCABULARY = buildVocabulary();
  private static final double[] CUMULATIVE = zipfCumulative(VOCABULARY.length);
  // Guide table (Chen and Asau 1974): GUIDE[j] is the first rank whose cumulative probability
  // reaches j / GUIDE.length, so a draw starts its linear search there (about one step).
  private static final int[] GUIDE = guide(CUMULATIVE, 4 * VOCABULARY_SIZE);

  private static final String[] CITIES = {
    "NEW YORK",
    "LONDON",
    "TOKYO",
    "WASHINGTON",
    "PARIS",
    "BERLIN",
    "TEHRAN",
    "BEIJING",
    "MOSCOW",
    "NAIROBI",
    "SYDNEY",
    "TORONTO",
    "MUMBAI",
    "CAIRO",
    "MEXICO CITY",
    "BRUSSELS"
  };
  private static final String[] MONTHS = {
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December"
  };
  private static final String[] OUTLETS = {
    "Harbor City Post", "Northern Star News Agency", "The Daily Ledger", "Metro Business Wire",
    "Global Markets Today", "The Evening Courier", "Capital Tribune", "Riverside Herald",
    "Pacific Rim Reporter", "Midland Gazette"
  };

  private static final CorpusGenerator DEFAULTS = new CorpusGenerator(DEFAULT_SEED);

  private final long seed;

  private CorpusGenerator(long seed) {
    this.seed = seed;
  }

  /** A generator for {@code seed}. */
  public static CorpusGenerator withSeed(long seed) {
    return new CorpusGenerator(seed);
  }

  /** The generator for {@link #DEFAULT_SEED}, the one the benchmarks use. */
  public static CorpusGenerator defaults() {
    return DEFAULTS;
  }

  /** The seed. */
  public long seed() {
    return seed;
  }

  /**
   * One article of the corpus.
   *
   * @param id {@code "story-S"} for a base story, {@code "story-S-copy-C"} for its copies
   * @param story the story index {@code S}: articles of one story are near-duplicates
   * @param copy 0 for the base story, 1 to {@value #MAX_COPIES} for its copies
   * @param text the article as published
   */
  public record Article(String id, int story, int copy, String text) {
    /** Validates the article. */
    public Article {
      Objects.requireNonNull(id, "id");
      Objects.requireNonNull(text, "text");
    }

    /** The article as a clustering input. */
    public Document document() {
      return new Document(id, text);
    }
  }

  /**
   * The first {@code n} articles, shuffled; see the class comment. Cost: about 3 KB of text per
   * article, generated on all cores.
   *
   * @throws IllegalArgumentException if {@code n < 0}
   */
  public List<Article> articles(int n) {
    if (n < 0) {
      throw new IllegalArgumentException("n must be >= 0, got " + n);
    }
    // Which story and copy each position holds, before shuffling.
    List<Integer> storyStarts = new ArrayList<>();
    List<Integer> storySizes = new ArrayList<>();
    for (int made = 0, s = 0; made < n; s++) {
      int size = Math.min(1 + copies(s), n - made);
      storyStarts.add(made);
      storySizes.add(size);
      made += size;
    }
    Article[] out = new Article[n];
    IntStream.range(0, storyStarts.size())
        .parallel()
        .forEach(
            s -> {
              Story story = story(s);
              int start = storyStarts.get(s);
              out[start] = new Article("story-" + s, s, 0, story.render());
              for (int c = 1; c < storySizes.get(s); c++) {
                out[start + c] = new Article("story-" + s + "-copy-" + c, s, c, copy(story, s, c));
              }
            });
    SplittableRandom shuffle = new SplittableRandom(mix(seed ^ 0x5348554646L));
    for (int i = n - 1; i > 0; i--) {
      int j = shuffle.nextInt(i + 1);
      Article t = out[i];
      out[i] = out[j];
      out[j] = t;
    }
    return List.of(out);
  }

  /** {@link #articles(int)} as clustering inputs. */
  public List<Document> documents(int n) {
    return articles(n).stream().map(Article::document).toList();
  }

  /** The number of copies story {@code s} gets: 0, or 1 to {@value #MAX_COPIES}. */
  int copies(int s) {
    SplittableRandom r = random(s, -1);
    return r.nextInt(100) < COPIED_PERCENT ? 1 + r.nextInt(MAX_COPIES) : 0;
  }

  /** The vocabulary, most frequent word first (a copy). */
  static List<String> vocabulary() {
    return List.of(VOCABULARY);
  }

  private SplittableRandom random(int story, int copy) {
    return new SplittableRandom(mix(seed ^ mix(((long) story << 20) ^ (copy + 1L))));
  }

  /** The SplitMix64 finalizer: a bijective 64-bit mix. */
  private static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }

  /** A base story: headline and paragraphs of sentences of words (a word may end in a comma). */
  private record Story(String headline, List<List<String[]>> paragraphs) {
    int words() {
      int count = 0;
      for (List<String[]> p : paragraphs) {
        for (String[] sentence : p) {
          count += sentence.length;
        }
      }
      return count;
    }

    String render() {
      StringBuilder text = new StringBuilder(words() * 8 + 128);
      text.append(headline).append("\n\n");
      appendBody(text, paragraphs, null);
      return text.toString();
    }
  }

  private Story story(int s) {
    SplittableRandom r = random(s, 0);
    String[] topic = new String[TOPIC_WORDS];
    for (int i = 0; i < topic.length; i++) {
      topic[i] = VOCABULARY[200 + r.nextInt(VOCABULARY.length - 200)];
    }
    int target = MIN_STORY_WORDS + r.nextInt(MAX_STORY_WORDS - MIN_STORY_WORDS + 1);
    List<List<String[]>> paragraphs = new ArrayList<>();
    int made = 0;
    while (made < target) {
      List<String[]> paragraph = new ArrayList<>();
      int sentences = 1 + r.nextInt(4);
      for (int k = 0; k < sentences && made < target; k++) {
        int length = 8 + r.nextInt(18);
        int left = target - made;
        if (left - length < 8) {
          length = left; // the last sentence takes the rest, so the story has exactly target words
        }
        String[] sentence = new String[length];
        for (int w = 0; w < length; w++) {
          String word = word(r, topic);
          sentence[w] = w < length - 1 && r.nextDouble() < COMMA_RATE ? word + "," : word;
        }
        paragraph.add(sentence);
        made += length;
      }
      paragraphs.add(paragraph);
    }
    return new Story(headline(r, topic), paragraphs);
  }

  private static String word(SplittableRandom r, String[] topic) {
    double u = r.nextDouble();
    if (u < TOPIC_RATE) {
      return topic[r.nextInt(topic.length)];
    }
    if (u < TOPIC_RATE + NUMBER_RATE) {
      return Integer.toString(r.nextInt(3) == 0 ? 1950 + r.nextInt(80) : r.nextInt(1000));
    }
    return zipfWord(r);
  }

  private static String zipfWord(SplittableRandom r) {
    return VOCABULARY[zipfRank(r)];
  }

  /** A word of Zipf rank {@value #FUNCTION_WORDS} or more: no function words. */
  private static String contentWord(SplittableRandom r) {
    int i;
    do {
      i = zipfRank(r);
    } while (i < FUNCTION_WORDS);
    return VOCABULARY[i];
  }

  /** A 0-based rank drawn with Zipf probabilities. */
  private static int zipfRank(SplittableRandom r) {
    double u = r.nextDouble();
    int i = GUIDE[(int) (u * GUIDE.length)];
    while (CUMULATIVE[i] <= u && i < CUMULATIVE.length - 1) {
      i++;
    }
    return i;
  }

  private static String headline(SplittableRandom r, String[] topic) {
    int length = 5 + r.nextInt(5);
    StringBuilder h = new StringBuilder();
    for (int i = 0; i < length; i++) {
      String w = r.nextBoolean() ? topic[r.nextInt(topic.length)] : contentWord(r);
      if (i > 0) {
        h.append(' ');
      }
      h.append(capitalize(w));
    }
    return h.toString();
  }

  private static String capitalize(String w) {
    return Character.toUpperCase(w.charAt(0)) + w.substring(1);
  }

  /**
   * Appends the paragraphs, blank lines between them; {@code dateline}, if not null, goes before
   * the first paragraph.
   */
  private static void appendBody(
      StringBuilder text, List<List<String[]>> paragraphs, String dateline) {
    for (int p = 0; p < paragraphs.size(); p++) {
      if (p > 0) {
        text.append("\n\n");
      } else if (dateline != null) {
        text.append(dateline);
      }
      List<String[]> paragraph = paragraphs.get(p);
      for (int k = 0; k < paragraph.size(); k++) {
        if (k > 0) {
          text.append(' ');
        }
        String[] sentence = paragraph.get(k);
        for (int w = 0; w < sentence.length; w++) {
          if (w > 0) {
            text.append(' ');
          }
          String word = sentence[w];
          if (w == 0) {
            text.append(Character.toUpperCase(word.charAt(0))).append(word, 1, word.length());
          } else {
            text.append(word);
          }
        }
        // A sentence never ends in a comma: only words before the last get one.
        text.append('.');
      }
    }
  }

  /** Copy {@code c} of story {@code s}, as some outlet published it. */
  private String copy(Story story, int s, int c) {
    SplittableRandom r = random(s, c);
    String outlet = OUTLETS[r.nextInt(OUTLETS.length)];
    boolean edited = false;

    // Truncation: the first paragraphs holding at least 60% to 100% of the words.
    List<List<String[]>> paragraphs = new ArrayList<>(story.paragraphs());
    if (r.nextInt(4) == 0 && paragraphs.size() > 1) {
      int keep = (int) Math.ceil(story.words() * (0.6 + 0.4 * r.nextDouble()));
      int words = 0;
      int p = 0;
      while (p < paragraphs.size() && words < keep) {
        for (String[] sentence : paragraphs.get(p)) {
          words += sentence.length;
        }
        p++;
      }
      edited |= p < paragraphs.size();
      paragraphs = new ArrayList<>(paragraphs.subList(0, p));
    }

    // One to four changed words, copy-on-write so the base story stays as it is.
    if (r.nextInt(5) < 2) {
      int changes = 1 + r.nextInt(4);
      for (int i = 0; i < changes; i++) {
        int p = r.nextInt(paragraphs.size());
        List<String[]> paragraph = new ArrayList<>(paragraphs.get(p));
        int k = r.nextInt(paragraph.size());
        String[] sentence = paragraph.get(k).clone();
        int w = r.nextInt(sentence.length);
        boolean comma = sentence[w].endsWith(",");
        String old = comma ? sentence[w].substring(0, sentence[w].length() - 1) : sentence[w];
        String replacement;
        do {
          replacement = contentWord(r);
        } while (replacement.equals(old));
        sentence[w] = comma ? replacement + "," : replacement;
        paragraph.set(k, sentence);
        paragraphs.set(p, paragraph);
      }
      edited = true;
    }

    StringBuilder text = new StringBuilder(story.words() * 8 + 512);
    int day = 1 + r.nextInt(28);
    int month = r.nextInt(12);
    if (r.nextInt(4) != 0) {
      text.append(story.headline());
      if (r.nextInt(10) < 3) {
        text.append(" | ").append(outlet);
        edited = true;
      }
      text.append("\n\n");
    } else {
      edited = true;
    }
    String dateline = null;
    int datelineKind = r.nextInt(4);
    if (datelineKind < 2) {
      dateline =
          CITIES[r.nextInt(CITIES.length)]
              + ", "
              + MONTHS[month].substring(0, 3)
              + ". "
              + day
              + " ("
              + outlet
              + ") - ";
      edited = true;
    } else if (datelineKind == 2) {
      text.append(
          String.format(
              Locale.ROOT,
              "%s %d, 2026 - %02d:%02d\n\n",
              MONTHS[month],
              day,
              r.nextInt(24),
              r.nextInt(60)));
      edited = true;
    }
    appendBody(text, paragraphs, dateline);

    boolean footer = false;
    if (r.nextInt(100) < 35) {
      text.append("\n\nAll Content by ")
          .append(outlet)
          .append(" is licensed under a Creative Commons Attribution 4.0 International License.");
      footer = true;
    }
    if (r.nextInt(100) < 30) {
      text.append("\n\nLeave a Comment\n\n")
          .append(1 + r.nextInt(9))
          .append(" + ")
          .append(1 + r.nextInt(19))
          .append(" =");
      footer = true;
    }
    if (r.nextInt(100) < 30) {
      text.append("\n\nShare this article: Facebook Twitter WhatsApp Telegram Email");
      footer = true;
    }
    if (r.nextInt(100) < 20) {
      text.append("\n\nRelated: ").append(headline(r, new String[] {contentWord(r)}));
      footer = true;
    }
    if (r.nextInt(100) < 20) {
      text.append("\n\n© 2026 ").append(outlet).append(". All rights reserved.");
      footer = true;
    }
    if (!footer && !edited) {
      text.append("\n\nSource: ").append(outlet);
    }
    String out = text.toString();
    if (r.nextInt(10) < 3) {
      out = out.replaceAll("\\s+", " ");
    }
    return out;
  }

  private static String[] buildVocabulary() {
    Set<String> words = new LinkedHashSet<>(COMMON_WORDS);
    SplittableRandom r = new SplittableRandom(0x766F636162L);
    while (words.size() < VOCABULARY_SIZE) {
      int syllables = 1 + r.nextInt(8) / 5 + r.nextInt(8) / 7; // 1 (55%), 2 (39%) or 3 (5%)
      StringBuilder w = new StringBuilder();
      for (int i = 0; i < syllables; i++) {
        w.append(ONSETS[r.nextInt(ONSETS.length)]).append(NUCLEI[r.nextInt(NUCLEI.length)]);
        if (i == syllables - 1 || r.nextInt(3) == 0) {
          w.append(CODAS[r.nextInt(CODAS.length)]);
        }
      }
      if (w.length() >= 3) {
        words.add(w.toString());
      }
    }
    return words.toArray(new String[0]);
  }

  /** The cumulative Zipf distribution over ranks 1..size: {@code p(rank) ~ 1 / rank}. */
  private static double[] zipfCumulative(int size) {
    double[] c = new double[size];
    double sum = 0;
    for (int i = 0; i < size; i++) {
      sum += 1.0 / (i + 1);
      c[i] = sum;
    }
    for (int i = 0; i < size; i++) {
      c[i] /= sum;
    }
    return c;
  }

  private static int[] guide(double[] cumulative, int size) {
    int[] guide = new int[size];
    int i = 0;
    for (int j = 0; j < size; j++) {
      while (cumulative[i] <= (double) j / size && i < cumulative.length - 1) {
        i++;
      }
      guide[j] = i;
    }
    return guide;
  }

  @Override
  public String toString() {
    return "CorpusGenerator.withSeed(" + seed + ")";
  }
}
