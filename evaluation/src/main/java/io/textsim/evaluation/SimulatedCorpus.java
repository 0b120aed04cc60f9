package io.textsim.evaluation;

import io.textsim.core.cluster.Document;
import io.textsim.evaluation.SyndicationSimulator.Change;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A simulated collection with known true clusters: base stories, the copies other outlets made of
 * them ({@link SyndicationSimulator}), and hard negatives, all shuffled.
 *
 * <ul>
 *   <li><b>Base stories</b>: one story from each of {@code bases} randomly chosen {@linkplain
 *       StoryPool groups}, of at least {@code minWords} words, as filed (wire text).
 *   <li><b>Copies</b>: 0 to {@code maxCopies} per base, uniformly, each from another outlet. With
 *       probability {@code baseMissingRate} a base with two or more copies is left out, so that
 *       only its copies are there to be matched with each other, as with the two outlets' versions
 *       of the project's seed story.
 *   <li><b>Topic negatives</b>: for each base, with probability {@code topicNegativeRate}, another
 *       real story whose title shares the most keywords with the base's title (preferring one filed
 *       on another day): the same subject, a different story ("COCOA" reviews of other weeks,
 *       another company's "1ST QTR NET").
 *   <li><b>Template negatives</b>: {@code templateNegativeRate} times {@code bases} real earnings
 *       and dividend notices ("Shr 17 cts vs 13 cts / Net 2.1 mln vs 1.03 mln"), which share a
 *       fixed template and little else; taken up to three from one day, so that dividend notices
 *       share their pay and record dates. (They are about a seventh of Reuters-21578.)
 *   <li><b>Background</b>: {@code background} other stories of the pool (by default all that are
 *       left, one per group), so that the copies are looked for in a real collection with all its
 *       templates and running stories.
 * </ul>
 *
 * <p>A base and its copies form one true cluster; every negative is a cluster of its own. No two
 * stories used come from one group, so no two true clusters are near-duplicates of each other.
 * Deterministic for a pool and settings. Immutable.
 */
public final class SimulatedCorpus {
  /** The role of a document. */
  public enum Kind {
    /** A real story as filed. */
    BASE,
    /** A simulated outlet's copy of a base story. */
    COPY,
    /** A real story on the subject of a base story, not a copy. */
    TOPIC_NEGATIVE,
    /** A real earnings or dividend notice: same template, different facts. */
    TEMPLATE_NEGATIVE,
    /** Any other real story. */
    BACKGROUND
  }

  /**
   * What one document is.
   *
   * @param id the document id: the story id, with {@code #copy-k} for copies
   * @param kind its role
   * @param truth its true cluster
   * @param story the index of its story in the pool
   * @param outlet for a copy, the outlet that published it; otherwise empty
   * @param changes for a copy, what the outlet did; otherwise empty
   */
  public record Entry(
      String id, Kind kind, int truth, int story, String outlet, Set<Change> changes) {
    /** Copies the change set. */
    public Entry {
      Objects.requireNonNull(id, "id");
      Objects.requireNonNull(kind, "kind");
      Objects.requireNonNull(outlet, "outlet");
      changes = Set.copyOf(changes);
    }
  }

  /**
   * How to build a corpus.
   *
   * @param bases the number of base stories
   * @param maxCopies the most copies of one base (uniform from 0)
   * @param minWords the fewest words a base story has
   * @param baseMissingRate how often a base with two or more copies is left out
   * @param topicNegativeRate topic negatives per base
   * @param templateNegativeRate template negatives per base
   * @param background the number of other stories added, or {@link #ALL} for all that are left
   * @param seed the seed of every random choice
   */
  public record Settings(
      int bases,
      int maxCopies,
      int minWords,
      double baseMissingRate,
      double topicNegativeRate,
      double templateNegativeRate,
      int background,
      long seed) {
    /** {@link #background()}: every story left in the pool, one per group. */
    public static final int ALL = -1;

    /**
     * The defaults: 2,000 bases of at least 50 words, 0-4 copies, a fifth of bases left out, about
     * 800 topic and 600 template negatives, and the rest of the pool as background; seed 42.
     */
    public static final Settings DEFAULT = new Settings(2000, 4, 50, 0.2, 0.4, 0.3, ALL, 42);

    /** Validates the settings. */
    public Settings {
      if (bases < 1) {
        throw new IllegalArgumentException("bases must be >= 1, got " + bases);
      }
      if (maxCopies < 0 || maxCopies > SyndicationSimulator.outlets()) {
        throw new IllegalArgumentException(
            "maxCopies must be in [0, " + SyndicationSimulator.outlets() + "], got " + maxCopies);
      }
      if (background < ALL) {
        throw new IllegalArgumentException("background must be >= 0 or ALL, got " + background);
      }
      for (double rate : new double[] {baseMissingRate, topicNegativeRate, templateNegativeRate}) {
        if (!(rate >= 0 && rate <= 1)) {
          throw new IllegalArgumentException("rates must be in [0, 1], got " + rate);
        }
      }
    }

    /** A copy with another number of bases. */
    public Settings withBases(int bases) {
      return new Settings(
          bases,
          maxCopies,
          minWords,
          baseMissingRate,
          topicNegativeRate,
          templateNegativeRate,
          background,
          seed);
    }

    /** A copy with another background size. */
    public Settings withBackground(int background) {
      return new Settings(
          bases,
          maxCopies,
          minWords,
          baseMissingRate,
          topicNegativeRate,
          templateNegativeRate,
          background,
          seed);
    }

    /** A copy with another seed. */
    public Settings withSeed(long seed) {
      return new Settings(
          bases,
          maxCopies,
          minWords,
          baseMissingRate,
          topicNegativeRate,
          templateNegativeRate,
          background,
          seed);
    }
  }

  private static final Pattern TICKER = Pattern.compile("<[^>]*>");
  private static final Pattern KEYWORD = Pattern.compile("\\b[A-Z]{4,}\\b");
  private static final Pattern TEMPLATE =
      Pattern.compile("(?m)^\\s*(?:Shr|Qtly div|Oper shr|Shr loss|Qtly dividend)\\b");
  private static final Set<String> TITLE_STOP_WORDS =
      Set.of(
          "WITH",
          "FROM",
          "THAT",
          "THIS",
          "INTO",
          "OVER",
          "SAYS",
          "SAID",
          "WILL",
          "AFTER",
          "ABOUT",
          "UPDATE",
          "CORRECTED",
          "REUTER");

  private final List<Entry> entries;
  private final List<Document> documents;
  private final int[] truth;
  private final Settings settings;
  private final int poolGroups;
  private final int eligibleBases;

  private SimulatedCorpus(
      List<Entry> entries,
      List<Document> documents,
      Settings settings,
      int poolGroups,
      int eligible) {
    this.entries = List.copyOf(entries);
    this.documents = List.copyOf(documents);
    this.truth = new int[entries.size()];
    for (int i = 0; i < truth.length; i++) {
      truth[i] = entries.get(i).truth();
    }
    this.settings = settings;
    this.poolGroups = poolGroups;
    this.eligibleBases = eligible;
  }

  /**
   * Builds a corpus from {@code pool}.
   *
   * @throws IllegalArgumentException if the pool has fewer eligible groups than {@code bases}
   */
  static SimulatedCorpus build(StoryPool pool, Settings s) {
    Objects.requireNonNull(pool, "pool");
    Objects.requireNonNull(s, "s");
    SplittableRandom r = new SplittableRandom(s.seed());
    SyndicationSimulator simulator = new SyndicationSimulator(s.seed(), pool.titles());
    List<int[]> groups = pool.members();

    // Base stories: the first story of a long-enough group, groups in random order.
    List<Integer> eligible = new ArrayList<>();
    for (int g = 0; g < groups.size(); g++) {
      int first = groups.get(g)[0];
      if (pool.words(first) >= s.minWords()) {
        eligible.add(first);
      }
    }
    if (eligible.size() < s.bases()) {
      throw new IllegalArgumentException(
          "the pool has "
              + eligible.size()
              + " groups with a story of at least "
              + s.minWords()
              + " words, fewer than the "
              + s.bases()
              + " bases asked for");
    }
    shuffle(eligible, r);
    List<Integer> bases = new ArrayList<>(eligible.subList(0, s.bases()));
    Set<Integer> usedGroups = new HashSet<>();
    for (int b : bases) {
      usedGroups.add(pool.group(b));
    }

    List<Entry> entries = new ArrayList<>();
    Map<String, String> copyTexts = new HashMap<>();
    for (int k = 0; k < bases.size(); k++) {
      Story story = pool.story(bases.get(k));
      int copies = r.nextInt(s.maxCopies() + 1);
      boolean missing = copies >= 2 && r.nextDouble() < s.baseMissingRate();
      if (!missing) {
        entries.add(new Entry(story.id(), Kind.BASE, k, bases.get(k), "", Set.of()));
      }
      for (int c = 1; c <= copies; c++) {
        SyndicationSimulator.Copy copy = simulator.copy(story, c);
        String id = story.id() + "#copy-" + c;
        entries.add(new Entry(id, Kind.COPY, k, bases.get(k), copy.outlet(), copy.changes()));
        copyTexts.put(id, copy.text());
      }
    }
    int label = bases.size();

    // Template negatives, in runs of up to three notices of one day: these share their pay and
    // record dates, and are the hardest.
    Map<String, List<Integer>> templatesByDay = new LinkedHashMap<>();
    for (int i = 0; i < pool.size(); i++) {
      if (pool.words(i) >= StoryPool.MIN_USABLE_WORDS
          && !usedGroups.contains(pool.group(i))
          && TEMPLATE.matcher(pool.story(i).text()).find()) {
        templatesByDay.computeIfAbsent(day(pool.story(i).date()), d -> new ArrayList<>()).add(i);
      }
    }
    List<List<Integer>> days = new ArrayList<>(templatesByDay.values());
    shuffle(days, r);
    int wantTemplates = (int) Math.round(s.templateNegativeRate() * s.bases());
    for (int round = 0; wantTemplates > 0 && round < 1000; round++) {
      boolean any = false;
      for (List<Integer> day : days) {
        shuffle(day, r);
        int taken = 0;
        for (int i : day) {
          if (wantTemplates == 0 || taken == 3) {
            break;
          }
          if (usedGroups.add(pool.group(i))) {
            entries.add(
                new Entry(pool.story(i).id(), Kind.TEMPLATE_NEGATIVE, label++, i, "", Set.of()));
            wantTemplates--;
            taken++;
            any = true;
          }
        }
      }
      if (!any) {
        break;
      }
    }

    // Topic negatives: title keyword neighbours.
    Map<String, List<Integer>> byKeyword = new HashMap<>();
    List<Set<String>> keywords = new ArrayList<>(pool.size());
    for (int i = 0; i < pool.size(); i++) {
      Set<String> kw = keywords(pool.story(i).title());
      keywords.add(kw);
      if (pool.words(i) >= StoryPool.MIN_USABLE_WORDS) {
        for (String w : kw) {
          byKeyword.computeIfAbsent(w, x -> new ArrayList<>()).add(i);
        }
      }
    }
    for (int b : bases) {
      if (r.nextDouble() >= s.topicNegativeRate()) {
        continue;
      }
      Map<Integer, Integer> shared = new HashMap<>();
      for (String w : keywords.get(b)) {
        for (int i : byKeyword.getOrDefault(w, List.of())) {
          if (!usedGroups.contains(pool.group(i))) {
            shared.merge(i, 1, Integer::sum);
          }
        }
      }
      String day = day(pool.story(b).date());
      int best = -1;
      double bestScore = -1;
      for (Map.Entry<Integer, Integer> e : shared.entrySet()) {
        int i = e.getKey();
        double score = e.getValue() + (day(pool.story(i).date()).equals(day) ? 0 : 0.5);
        // Ties broken by the lower index, independent of map order.
        if (score > bestScore || (score == bestScore && i < best)) {
          best = i;
          bestScore = score;
        }
      }
      if (best >= 0 && usedGroups.add(pool.group(best))) {
        entries.add(
            new Entry(pool.story(best).id(), Kind.TOPIC_NEGATIVE, label++, best, "", Set.of()));
      }
    }

    // Background: the rest of the pool, one story per group.
    List<Integer> rest = new ArrayList<>();
    for (int[] g : groups) {
      for (int i : g) {
        if (pool.words(i) >= StoryPool.MIN_USABLE_WORDS) {
          if (!usedGroups.contains(pool.group(i))) {
            rest.add(i);
          }
          break;
        }
      }
    }
    shuffle(rest, r);
    int wantBackground = s.background() == Settings.ALL ? rest.size() : s.background();
    for (int i : rest.subList(0, Math.min(wantBackground, rest.size()))) {
      usedGroups.add(pool.group(i));
      entries.add(new Entry(pool.story(i).id(), Kind.BACKGROUND, label++, i, "", Set.of()));
    }

    shuffle(entries, r);
    List<Document> documents = new ArrayList<>(entries.size());
    for (Entry e : entries) {
      String text = e.kind() == Kind.COPY ? copyTexts.get(e.id()) : pool.story(e.story()).text();
      documents.add(new Document(e.id(), text));
    }
    return new SimulatedCorpus(entries, documents, s, pool.groups(), eligible.size());
  }

  /** The first {@code size} documents (all if there are fewer), with their truth. */
  public SimulatedCorpus firstDocuments(int size) {
    int k = Math.min(size, entries.size());
    return new SimulatedCorpus(
        entries.subList(0, k), documents.subList(0, k), settings, poolGroups, eligibleBases);
  }

  static Set<String> keywords(String title) {
    Matcher m = KEYWORD.matcher(TICKER.matcher(title).replaceAll(" "));
    Set<String> out = new HashSet<>();
    while (m.find()) {
      String w = m.group().toUpperCase(Locale.ROOT);
      if (!TITLE_STOP_WORDS.contains(w)) {
        out.add(w);
      }
    }
    return out;
  }

  /** The day part of a Reuters date ("26-FEB-1987"), or the whole string. */
  private static String day(String date) {
    int space = date.indexOf(' ');
    return space < 0 ? date : date.substring(0, space);
  }

  private static <T> void shuffle(List<T> list, SplittableRandom r) {
    for (int i = list.size() - 1; i > 0; i--) {
      Collections.swap(list, i, r.nextInt(i + 1));
    }
  }

  /** The documents, in corpus order. */
  public List<Document> documents() {
    return documents;
  }

  /** What each document is, in corpus order. */
  public List<Entry> entries() {
    return entries;
  }

  /** The true cluster of each document, in corpus order; a fresh array. */
  public int[] truth() {
    return truth.clone();
  }

  /** The settings the corpus was built with. */
  public Settings settings() {
    return settings;
  }

  /** The number of groups of the pool the corpus was drawn from. */
  public int poolGroups() {
    return poolGroups;
  }

  /** The number of groups that had a story long enough to be a base. */
  public int eligibleBases() {
    return eligibleBases;
  }

  /** The number of documents. */
  public int size() {
    return entries.size();
  }
}
