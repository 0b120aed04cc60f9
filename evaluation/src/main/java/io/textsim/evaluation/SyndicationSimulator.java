package io.textsim.evaluation;

import java.time.DateTimeException;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Makes the copies of a news story that other outlets publish: the same words, wrapped in each
 * outlet's page furniture and lightly edited.
 *
 * <p><b>Outlets.</b> A copy is published by one of {@linkplain #OUTLETS twelve fictional outlets},
 * each with a fixed page template, as real sites have: whether it puts the headline on top, a
 * dateline ("NEW YORK - " before the first paragraph, or a line "February 26, 1987 - 15:01"), a
 * licence or copyright line naming the outlet ("All Content by X is licensed under a Creative
 * Commons Attribution 4.0 International License."), share links, a list of other headlines
 * ("Related stories" chosen per page, or "Latest news", the same on all of an outlet's pages of one
 * day), a "Leave a Comment" form with a captcha sum ("5 + 10 ="), typographic or straight quotes
 * and dashes, and whether the page comes out on one line. So different stories from one outlet
 * share its furniture: hard negatives for free. The copies of one story come from different
 * outlets.
 *
 * <p><b>Edits.</b> Independently of the outlet, each copy is, with these probabilities: {@linkplain
 * #truncate truncated} to its first paragraphs or sentences ({@value #TRUNCATE_RATE}); {@linkplain
 * #dropSentence missing one sentence} other than the first ({@value #DROP_SENTENCE_RATE});
 * {@linkplain #changeWords given 1 to 3 changed words}, one more per 200 words ({@value
 * #CHANGE_WORDS_RATE}). Truncation and the dropped sentence together keep at least {@value
 * #MIN_KEPT} of the story's words (a sentence that would take it below is not dropped).
 *
 * <p>A copy that would otherwise equal its source gets a licence line. Paragraphs are unwrapped and
 * separated by blank lines unless the outlet flattens the page. Copy {@code k} of a story depends
 * only on the simulator's seed, the story and {@code k}, whatever else is simulated and in whatever
 * order. Immutable and thread-safe.
 */
public final class SyndicationSimulator {
  /** The least fraction of a story's words that a truncated copy keeps. */
  public static final double MIN_KEPT = 0.6;

  static final double TRUNCATE_RATE = 0.25;
  static final double DROP_SENTENCE_RATE = 0.25;
  static final double CHANGE_WORDS_RATE = 0.35;

  /** What an outlet did to a story. */
  public enum Change {
    /** The title on top, in title case. */
    HEADLINE,
    /** A city dateline, "NEW YORK - ", before the first paragraph. */
    DATELINE_CITY,
    /** A date-and-time line, "February 26, 1987 - 15:01", under the headline. */
    DATELINE_TIME,
    /** A licence or copyright line naming the outlet. */
    LICENCE,
    /** Share links. */
    SHARE_LINKS,
    /** A list of other headlines. */
    RELATED_STORIES,
    /** "Leave a Comment" and a captcha sum. */
    COMMENT_FORM,
    /** Only the first paragraphs or sentences. */
    TRUNCATED,
    /** One sentence removed. */
    DROPPED_SENTENCE,
    /** A few words replaced. */
    CHANGED_WORDS,
    /** Straight quotes, dashes and "..." made typographic. */
    TYPOGRAPHIC_PUNCTUATION,
    /** Typographic quotes, dashes and the ellipsis made straight. */
    STRAIGHT_PUNCTUATION,
    /** The whole page on one line. */
    FLATTENED
  }

  /**
   * One simulated copy.
   *
   * @param text the copy as the outlet publishes it
   * @param outlet the name of the outlet
   * @param changes what was done to the story
   */
  public record Copy(String text, String outlet, Set<Change> changes) {
    /** Copies the change set. */
    public Copy {
      Objects.requireNonNull(text, "text");
      Objects.requireNonNull(outlet, "outlet");
      changes =
          changes.isEmpty()
              ? Set.of()
              : Collections.unmodifiableSet(EnumSet.copyOf(Objects.requireNonNull(changes)));
    }
  }

  /** Where an outlet puts the dateline. */
  enum Dateline {
    NONE,
    CITY,
    TIME
  }

  /** Whether and how an outlet lists other stories under the text. */
  enum Related {
    NONE,
    /** "Related stories": headlines picked for each page. */
    PER_STORY,
    /** "Latest news": the same headlines on every page of the outlet's day. */
    SITE_WIDE
  }

  /**
   * An outlet's page template.
   *
   * @param name the outlet's name, used in its licence line
   * @param headline whether the title goes on top
   * @param dateline the dateline style
   * @param licence the licence line style, 0 to 2, or -1 for none
   * @param share the share-links style, 0 to 2, or -1 for none
   * @param related the list of other stories
   * @param comment the comment-form style, 0 or 1, or -1 for none
   * @param typographic curly quotes and dashes (true) or straight ones (false)
   * @param flatten whether the page comes out on one line
   */
  record Outlet(
      String name,
      boolean headline,
      Dateline dateline,
      int licence,
      int share,
      Related related,
      int comment,
      boolean typographic,
      boolean flatten) {}

  /**
   * The outlets. Two are modelled on the seed pair: "Harbor City Post" (headline, date line,
   * comment form, like the Tehran Times) and "Northern Star News Agency" (city dateline, one line,
   * Creative Commons licence, like Mehr News); two are heavy (everything), one is minimal.
   */
  static final List<Outlet> OUTLETS =
      List.of(
          new Outlet("Harbor City Post", true, Dateline.TIME, -1, -1, Related.NONE, 0, true, false),
          new Outlet(
              "Northern Star News Agency",
              false,
              Dateline.CITY,
              0,
              -1,
              Related.NONE,
              -1,
              true,
              true),
          new Outlet(
              "The Daily Ledger", true, Dateline.NONE, 1, 0, Related.SITE_WIDE, -1, false, false),
          new Outlet(
              "Metro Business Wire", true, Dateline.CITY, 2, -1, Related.NONE, -1, false, false),
          new Outlet(
              "Global Markets Today", true, Dateline.TIME, 0, 1, Related.PER_STORY, 1, true, false),
          new Outlet(
              "The Evening Courier", true, Dateline.NONE, -1, 2, Related.NONE, -1, false, true),
          new Outlet(
              "Capital Tribune", true, Dateline.NONE, -1, -1, Related.PER_STORY, -1, true, false),
          new Outlet("Riverside Herald", false, Dateline.TIME, 1, -1, Related.NONE, 0, false, true),
          new Outlet("Commodity Watch", true, Dateline.CITY, -1, 0, Related.NONE, -1, true, true),
          new Outlet(
              "The Weekly Observer",
              false,
              Dateline.NONE,
              0,
              -1,
              Related.SITE_WIDE,
              1,
              false,
              false),
          new Outlet(
              "Pacific Rim Reporter", true, Dateline.NONE, -1, -1, Related.NONE, -1, true, false),
          new Outlet(
              "Midland Gazette", true, Dateline.TIME, 1, 1, Related.SITE_WIDE, 0, false, true));

  static final List<String> CITIES =
      List.of(
          "NEW YORK",
          "LONDON",
          "TOKYO",
          "WASHINGTON",
          "CHICAGO",
          "FRANKFURT",
          "PARIS",
          "HONG KONG",
          "SYDNEY",
          "TORONTO",
          "ZURICH",
          "BRUSSELS",
          "SINGAPORE",
          "TEHRAN");

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

  private static final List<String> MONTH_ABBREVIATIONS =
      List.of("JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC");

  static final Map<String, String> SYNONYMS =
      Map.ofEntries(
          Map.entry("said", "stated"),
          Map.entry("says", "states"),
          Map.entry("company", "firm"),
          Map.entry("rose", "climbed"),
          Map.entry("fell", "dropped"),
          Map.entry("increase", "rise"),
          Map.entry("decrease", "decline"),
          Map.entry("shares", "stock"),
          Map.entry("expected", "forecast"),
          Map.entry("agreed", "consented"),
          Map.entry("announced", "disclosed"),
          Map.entry("government", "administration"),
          Map.entry("officials", "sources"),
          Map.entry("meeting", "talks"),
          Map.entry("plans", "intends"),
          Map.entry("buy", "purchase"),
          Map.entry("sell", "divest"),
          Map.entry("about", "around"),
          Map.entry("because", "since"),
          Map.entry("also", "additionally"),
          Map.entry("would", "will"),
          Map.entry("could", "might"),
          Map.entry("large", "big"),
          Map.entry("major", "leading"),
          Map.entry("week", "period"),
          Map.entry("price", "cost"),
          Map.entry("prices", "rates"),
          Map.entry("market", "sector"),
          Map.entry("year", "twelvemonth"),
          Map.entry("reported", "posted"));

  static final List<String> FILLER_WORDS =
      List.of(
          "reportedly",
          "recently",
          "notably",
          "further",
          "additional",
          "several",
          "certain",
          "current",
          "overall",
          "various",
          "separate",
          "earlier",
          "latest",
          "key",
          "broad");

  private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+");
  private static final Pattern REPLACEABLE = Pattern.compile("\\b[A-Za-z]{3,}\\b");
  private static final Pattern PARAGRAPH_BREAK =
      Pattern.compile("\\r?\\n(?:[ \\t]*\\r?\\n)+[ \\t]*|\\r?\\n[ \\t]+");
  private static final Pattern WHITE_SPACE = Pattern.compile("\\s+");
  private static final Pattern TICKER = Pattern.compile("\\s*<[^>]*>");
  private static final Pattern REUTERS_DATE =
      Pattern.compile("(\\d{1,2})-([A-Za-z]{3})-(\\d{4})\\s+(\\d{1,2}):(\\d{2})");
  private static final Pattern SENTENCE_END = Pattern.compile("[.!?][\"')\\]]*\\s+");
  private static final Set<String> ABBREVIATIONS =
      Set.of(
          "inc", "co", "corp", "ltd", "mr", "mrs", "ms", "dr", "st", "jan", "feb", "mar", "apr",
          "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "no", "vs", "gov", "sen", "rep",
          "gen", "bros", "jr", "u.s", "u.k", "plc", "cos", "dept");

  private final long seed;
  private final List<String> headlines;

  /**
   * A simulator.
   *
   * @param seed the seed every copy's random draws derive from
   * @param headlines the headlines that related-story lists are drawn from (at least five)
   * @throws IllegalArgumentException if there are fewer than five headlines
   */
  public SyndicationSimulator(long seed, List<String> headlines) {
    this.seed = seed;
    this.headlines = List.copyOf(Objects.requireNonNull(headlines, "headlines"));
    if (this.headlines.size() < 5) {
      throw new IllegalArgumentException(
          "headlines must hold at least 5 titles, got " + this.headlines.size());
    }
  }

  /** The seed this simulator was made with. */
  public long seed() {
    return seed;
  }

  /** The number of outlets, and so the most copies of one story. */
  public static int outlets() {
    return OUTLETS.size();
  }

  /**
   * Copy number {@code copyNumber} (1 to {@link #outlets()}) of {@code story}; the same arguments
   * always give the same copy, and different copy numbers of one story come from different outlets.
   *
   * @throws IllegalArgumentException if {@code copyNumber} is out of range
   */
  public Copy copy(Story story, int copyNumber) {
    Objects.requireNonNull(story, "story");
    if (copyNumber < 1 || copyNumber > OUTLETS.size()) {
      throw new IllegalArgumentException(
          "copyNumber must be in [1, " + OUTLETS.size() + "], got " + copyNumber);
    }
    // Per story: the order of outlets and the city of the dateline.
    SplittableRandom storyRandom = random(story.id(), 0);
    int[] outletOrder = permutation(OUTLETS.size(), storyRandom);
    String city = CITIES.get(storyRandom.nextInt(CITIES.size()));
    Outlet outlet = OUTLETS.get(outletOrder[copyNumber - 1]);
    // Per copy: the edits, the publication time and the captcha. The draws happen in a fixed order
    // whatever their outcomes, so one impossible edit does not shift the others.
    SplittableRandom r = random(story.id(), copyNumber);
    boolean truncate = r.nextDouble() < TRUNCATE_RATE;
    boolean drop = r.nextDouble() < DROP_SENTENCE_RATE;
    boolean changeWords = r.nextDouble() < CHANGE_WORDS_RATE;
    SplittableRandom edits = r.split();
    EnumSet<Change> changes = EnumSet.noneOf(Change.class);

    List<String> body = paragraphs(story.text());
    int storyWords = wordCount(body);
    if (truncate) {
      Optional<List<String>> t = truncate(body, MIN_KEPT, edits);
      if (t.isPresent()) {
        body = t.get();
        changes.add(Change.TRUNCATED);
      }
    }
    if (drop) {
      Optional<List<String>> d = dropSentence(body, edits);
      // Together, truncation and the dropped sentence keep at least MIN_KEPT of the story.
      if (d.isPresent() && wordCount(d.get()) >= MIN_KEPT * storyWords) {
        body = d.get();
        changes.add(Change.DROPPED_SENTENCE);
      }
    }
    if (changeWords) {
      int count = 1 + edits.nextInt(3) + wordCount(body) / 200;
      List<String> c = changeWords(body, count, edits);
      if (!c.equals(body)) {
        body = c;
        changes.add(Change.CHANGED_WORDS);
      }
    }

    List<String> blocks = new ArrayList<>();
    String title = headline(story.title());
    if (outlet.headline() && !title.isEmpty()) {
      blocks.add(title);
      changes.add(Change.HEADLINE);
    }
    List<String> paragraphs = new ArrayList<>(body);
    if (outlet.dateline() == Dateline.TIME) {
      blocks.add(dateTimeLine(story.date(), r));
      changes.add(Change.DATELINE_TIME);
    } else if (outlet.dateline() == Dateline.CITY && !paragraphs.isEmpty()) {
      paragraphs.set(0, city + " - " + paragraphs.get(0));
      changes.add(Change.DATELINE_CITY);
    }
    blocks.addAll(paragraphs);
    if (outlet.share() >= 0) {
      blocks.add(shareLinks(outlet.share()));
      changes.add(Change.SHARE_LINKS);
    }
    if (outlet.related() != Related.NONE) {
      blocks.add(relatedStories(outlet, story, r));
      changes.add(Change.RELATED_STORIES);
    }
    if (outlet.comment() >= 0) {
      blocks.add(commentForm(outlet.comment(), r));
      changes.add(Change.COMMENT_FORM);
    }
    if (outlet.licence() >= 0) {
      blocks.add(licence(outlet.licence(), outlet.name(), story.date()));
      changes.add(Change.LICENCE);
    }
    String page = String.join("\n\n", blocks);
    if (outlet.typographic() && !hasTypographic(page)) {
      String t = typographic(page);
      if (!t.equals(page)) {
        page = t;
        changes.add(Change.TYPOGRAPHIC_PUNCTUATION);
      }
    } else if (!outlet.typographic() && hasTypographic(page)) {
      page = straight(page);
      changes.add(Change.STRAIGHT_PUNCTUATION);
    }
    if (outlet.flatten()) {
      page = flatten(page);
      changes.add(Change.FLATTENED);
    }
    if (page.equals(story.text())) {
      page = page + "\n\n" + licence(2, outlet.name(), story.date());
      changes.add(Change.LICENCE);
    }
    return new Copy(page, outlet.name(), changes);
  }

  private SplittableRandom random(String id, int copyNumber) {
    long h = seed;
    h = h * 0x9E37_79B9_7F4A_7C15L + id.hashCode();
    h = h * 0xBF58_476D_1CE4_E5B9L + copyNumber;
    return new SplittableRandom(h);
  }

  private static int[] permutation(int n, SplittableRandom r) {
    int[] p = new int[n];
    for (int i = 0; i < n; i++) {
      p[i] = i;
    }
    for (int i = n - 1; i > 0; i--) {
      int j = r.nextInt(i + 1);
      int t = p[i];
      p[i] = p[j];
      p[j] = t;
    }
    return p;
  }

  // ---- building blocks; package-private for tests ----

  /**
   * The paragraphs of a text: split at blank lines and at line breaks followed by indentation (as
   * in Reuters wire copy), each unwrapped onto one line; empty paragraphs dropped.
   */
  static List<String> paragraphs(String text) {
    List<String> out = new ArrayList<>();
    for (String p : PARAGRAPH_BREAK.split(text.strip(), -1)) {
      String unwrapped = WHITE_SPACE.matcher(p).replaceAll(" ").strip();
      if (!unwrapped.isEmpty()) {
        out.add(unwrapped);
      }
    }
    return out;
  }

  /** The number of words (maximal runs of letters and digits). */
  static int wordCount(String text) {
    Matcher m = WORD.matcher(text);
    int n = 0;
    while (m.find()) {
      n++;
    }
    return n;
  }

  static int wordCount(List<String> paragraphs) {
    int n = 0;
    for (String p : paragraphs) {
      n += wordCount(p);
    }
    return n;
  }

  /** Every run of white space, line breaks included, made one space; trimmed. */
  static String flatten(String text) {
    return WHITE_SPACE.matcher(text).replaceAll(" ").strip();
  }

  /**
   * The sentences of a paragraph: split after '.', '!' or '?' (and any closing quotes or brackets)
   * followed by white space and then an upper-case letter, a digit or a quote, except after common
   * abbreviations ("Inc.", "U.S.", "Mr.") and initials ("E.F."). Concatenating the sentences with
   * single spaces gives back the paragraph.
   */
  static List<String> sentences(String paragraph) {
    List<String> out = new ArrayList<>();
    Matcher m = SENTENCE_END.matcher(paragraph);
    int start = 0;
    while (m.find()) {
      int next = m.end();
      if (next >= paragraph.length()) {
        break;
      }
      char c = paragraph.charAt(next);
      if (!(Character.isUpperCase(c) || Character.isDigit(c) || c == '"' || c == '\u201C')) {
        continue;
      }
      if (isAbbreviation(paragraph, start, m.start())) {
        continue;
      }
      out.add(paragraph.substring(start, m.end()).strip());
      start = next;
    }
    String last = paragraph.substring(start).strip();
    if (!last.isEmpty()) {
      out.add(last);
    }
    return out;
  }

  /** True if the word ending at {@code dot} (exclusive) is an abbreviation or an initial. */
  private static boolean isAbbreviation(String text, int from, int dot) {
    if (text.charAt(dot) != '.') {
      return false;
    }
    int b = dot;
    while (b > from && !Character.isWhitespace(text.charAt(b - 1))) {
      b--;
    }
    String word = text.substring(b, dot).replaceAll("^[\"'(\\[]+", "");
    if (word.length() == 1 && Character.isUpperCase(word.charAt(0))) {
      return true; // an initial
    }
    if (word.matches("(?:[A-Za-z]\\.)+[A-Za-z]")) {
      return true; // "U.S", "E.F"
    }
    return ABBREVIATIONS.contains(word.toLowerCase(Locale.ROOT));
  }

  /**
   * The first paragraphs of a story holding at least {@code minKept} of its words, and never all of
   * them: the shortest such prefix or, at random, a longer one. A story of one paragraph, or whose
   * last paragraph is needed to reach {@code minKept}, is cut between sentences instead. Empty if
   * the story cannot be cut that way (a single sentence).
   */
  static Optional<List<String>> truncate(
      List<String> paragraphs, double minKept, SplittableRandom r) {
    int total = wordCount(paragraphs);
    double need = minKept * total;
    int n = paragraphs.size();
    int sum = 0;
    int k = 0;
    while (k < n && sum < need) {
      sum += wordCount(paragraphs.get(k));
      k++;
    }
    if (k < n) {
      int keep = k + r.nextInt(n - k);
      return Optional.of(List.copyOf(paragraphs.subList(0, keep)));
    }
    // Cut inside the last paragraph needed, between sentences.
    List<String> out = new ArrayList<>(paragraphs.subList(0, n - 1));
    int before = total - wordCount(paragraphs.get(n - 1));
    List<String> sentences = sentences(paragraphs.get(n - 1));
    int words = before;
    for (int s = 0; s < sentences.size() - 1; s++) {
      words += wordCount(sentences.get(s));
      if (words >= need) {
        out.add(String.join(" ", sentences.subList(0, s + 1)));
        return Optional.of(List.copyOf(out));
      }
    }
    return Optional.empty();
  }

  /**
   * The story without one of its sentences, never the first one; a paragraph left empty is dropped.
   * Empty if the story has fewer than three sentences.
   */
  static Optional<List<String>> dropSentence(List<String> paragraphs, SplittableRandom r) {
    List<List<String>> split = new ArrayList<>();
    int total = 0;
    for (String p : paragraphs) {
      List<String> s = sentences(p);
      split.add(s);
      total += s.size();
    }
    if (total < 3) {
      return Optional.empty();
    }
    int drop = 1 + r.nextInt(total - 1);
    List<String> out = new ArrayList<>();
    int index = 0;
    for (List<String> s : split) {
      List<String> kept = new ArrayList<>();
      for (String sentence : s) {
        if (index++ != drop) {
          kept.add(sentence);
        }
      }
      if (!kept.isEmpty()) {
        out.add(String.join(" ", kept));
      }
    }
    return Optional.of(List.copyOf(out));
  }

  /**
   * The story with {@code count} words of three or more letters replaced: by a synonym where {@link
   * #SYNONYMS} has one, otherwise by a filler word; the case of the first letter, or of the whole
   * word, is kept. Replaces fewer words if the story has fewer.
   */
  static List<String> changeWords(List<String> paragraphs, int count, SplittableRandom r) {
    List<int[]> positions = new ArrayList<>(); // {paragraph, start, end}
    for (int p = 0; p < paragraphs.size(); p++) {
      Matcher m = REPLACEABLE.matcher(paragraphs.get(p));
      while (m.find()) {
        positions.add(new int[] {p, m.start(), m.end()});
      }
    }
    if (positions.isEmpty()) {
      return paragraphs;
    }
    // A partial Fisher-Yates shuffle picks distinct positions.
    int picks = Math.min(count, positions.size());
    for (int i = 0; i < picks; i++) {
      int j = i + r.nextInt(positions.size() - i);
      int[] t = positions.get(i);
      positions.set(i, positions.get(j));
      positions.set(j, t);
    }
    List<int[]> chosen = new ArrayList<>(positions.subList(0, picks));
    // Replace from the end of each paragraph backwards so that earlier offsets stay valid.
    chosen.sort((a, b) -> a[0] != b[0] ? Integer.compare(a[0], b[0]) : Integer.compare(b[1], a[1]));
    List<String> out = new ArrayList<>(paragraphs);
    for (int[] pos : chosen) {
      String text = out.get(pos[0]);
      String word = text.substring(pos[1], pos[2]);
      out.set(pos[0], text.substring(0, pos[1]) + substitute(word, r) + text.substring(pos[2]));
    }
    return List.copyOf(out);
  }

  private static String substitute(String word, SplittableRandom r) {
    String lower = word.toLowerCase(Locale.ROOT);
    String sub = SYNONYMS.get(lower);
    while (sub == null || sub.equals(lower)) {
      sub = FILLER_WORDS.get(r.nextInt(FILLER_WORDS.size()));
    }
    if (word.length() > 1 && word.equals(word.toUpperCase(Locale.ROOT))) {
      return sub.toUpperCase(Locale.ROOT);
    }
    if (Character.isUpperCase(word.charAt(0))) {
      return Character.toUpperCase(sub.charAt(0)) + sub.substring(1);
    }
    return sub;
  }

  /**
   * Straight quotes made curly (opening after white space, an opening bracket or the start, closing
   * elsewhere), "--" made an em dash, a spaced hyphen an en dash, "..." an ellipsis.
   */
  static String typographic(String text) {
    String t = text.replace("...", "\u2026").replace("--", "\u2014").replace(" - ", " \u2013 ");
    StringBuilder sb = new StringBuilder(t.length());
    for (int i = 0; i < t.length(); i++) {
      char c = t.charAt(i);
      boolean opening = i == 0 || isOpeningContext(t.charAt(i - 1));
      if (c == '"') {
        sb.append(opening ? '\u201C' : '\u201D');
      } else if (c == '\'') {
        sb.append(opening ? '\u2018' : '\u2019');
      } else {
        sb.append(c);
      }
    }
    return sb.toString();
  }

  private static boolean isOpeningContext(char before) {
    return Character.isWhitespace(before)
        || before == '('
        || before == '['
        || before == '\u2014'
        || before == '\u2013';
  }

  /**
   * Typographic quotes, dashes and the ellipsis made ASCII: the reverse of {@link #typographic}.
   */
  static String straight(String text) {
    StringBuilder sb = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '\u201C', '\u201D', '\u201E', '\u2033' -> sb.append('"');
        case '\u2018', '\u2019', '\u201A', '\u2032' -> sb.append('\'');
        case '\u2014' -> sb.append("--");
        case '\u2013' -> sb.append('-');
        case '\u2026' -> sb.append("...");
        default -> sb.append(c);
      }
    }
    return sb.toString();
  }

  /** True if the text holds a character that {@link #straight} would change. */
  static boolean hasTypographic(String text) {
    return !straight(text).equals(text);
  }

  /**
   * A Reuters title as an outlet's headline: tickers such as {@code <SRD>} removed, words in title
   * case except those holding digits or dots ("1ST", "U.S.").
   */
  static String headline(String title) {
    String t = flatten(TICKER.matcher(title).replaceAll(""));
    if (t.isEmpty()) {
      return t;
    }
    StringBuilder sb = new StringBuilder(t.length());
    for (String w : WHITE_SPACE.split(t, -1)) {
      if (sb.length() > 0) {
        sb.append(' ');
      }
      if (w.matches(".*[0-9.].*") || w.length() < 2) {
        sb.append(w);
      } else {
        sb.append(w.charAt(0)).append(w.substring(1).toLowerCase(Locale.ROOT));
      }
    }
    return sb.toString();
  }

  /**
   * A line such as "February 26, 1987 - 15:01": the story's date (Reuters format) moved forward by
   * up to a day; a fixed date in 1987 if the date cannot be read.
   */
  static String dateTimeLine(String date, SplittableRandom r) {
    LocalDateTime t = parseReutersDate(date).orElse(LocalDateTime.of(1987, 3, 1, 12, 0));
    t = t.plusMinutes(r.nextInt(24 * 60));
    return String.format(
        Locale.ROOT,
        "%s %d, %d - %02d:%02d",
        MONTHS[t.getMonthValue() - 1],
        t.getDayOfMonth(),
        t.getYear(),
        t.getHour(),
        t.getMinute());
  }

  static Optional<LocalDateTime> parseReutersDate(String date) {
    Matcher m = REUTERS_DATE.matcher(date);
    if (!m.find()) {
      return Optional.empty();
    }
    int month = MONTH_ABBREVIATIONS.indexOf(m.group(2).toUpperCase(Locale.ROOT));
    int day = Integer.parseInt(m.group(1));
    int hour = Integer.parseInt(m.group(4));
    int minute = Integer.parseInt(m.group(5));
    if (month < 0) {
      return Optional.empty();
    }
    try {
      return Optional.of(
          LocalDateTime.of(Integer.parseInt(m.group(3)), month + 1, day, hour, minute));
    } catch (DateTimeException e) {
      return Optional.empty();
    }
  }

  /** Licence line {@code style} (0 to 2) of {@code outlet}. */
  static String licence(int style, String outlet, String date) {
    int year = parseReutersDate(date).map(LocalDateTime::getYear).orElse(1987);
    return switch (style) {
      case 0 ->
          "All Content by "
              + outlet
              + " is licensed under a Creative Commons Attribution 4.0 International License.";
      case 1 ->
          "\u00A9 "
              + year
              + " "
              + outlet
              + ". All rights reserved. This material may not be published, broadcast, rewritten"
              + " or redistributed.";
      default ->
          "This story was first published by Reuters and is republished by "
              + outlet
              + " under licence.";
    };
  }

  /** Share links in style {@code style} (0 to 2). */
  static String shareLinks(int style) {
    return switch (style) {
      case 0 -> "Share on Facebook | Share on Twitter | Share on LinkedIn | Email | Print";
      case 1 -> "Share this story\nFacebook\nTwitter\nWhatsApp\nTelegram\nEmail";
      default -> "Share: Facebook Twitter Reddit Copy link";
    };
  }

  /** A comment form in style {@code style} (0 or 1) with a random captcha sum. */
  static String commentForm(int style, SplittableRandom r) {
    int a = 1 + r.nextInt(20);
    int b = 1 + r.nextInt(20);
    return style == 0
        ? "Leave a Comment\n\n" + a + " + " + b + " ="
        : "Leave a Comment\n\nYour comment\nName\nEmail\n" + a + " + " + b + " =";
  }

  /**
   * Three to five other headlines under "Related stories" (picked for this page with {@code
   * pageRandom}) or "Latest news" (the same on all of the outlet's pages of the story's day).
   */
  String relatedStories(Outlet outlet, Story story, SplittableRandom pageRandom) {
    boolean siteWide = outlet.related() == Related.SITE_WIDE;
    String day = WHITE_SPACE.split(story.date().strip(), 2)[0];
    SplittableRandom r = siteWide ? random(outlet.name() + "/" + day, -1) : pageRandom;
    int want = 3 + r.nextInt(3);
    List<String> picked = new ArrayList<>(want);
    for (int attempts = 0; picked.size() < want && attempts < 100; attempts++) {
      String h = headline(headlines.get(r.nextInt(headlines.size())));
      if (!h.isBlank() && !h.equals(headline(story.title())) && !picked.contains(h)) {
        picked.add(h);
      }
    }
    StringBuilder sb = new StringBuilder(siteWide ? "Latest news" : "Related stories");
    for (String h : picked) {
      sb.append("\n- ").append(h);
    }
    return sb.toString();
  }
}
