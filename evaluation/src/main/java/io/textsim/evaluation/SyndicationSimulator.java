package io.textsim.evaluation;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.regex.Pattern;

/**
 * Makes the copies of a news story that other outlets publish: the same words, wrapped in each
 * outlet's page furniture and lightly edited.
 *
 * <p><b>Outlets.</b> A copy is published by one of {@linkplain Outlet#ALL twelve fictional
 * outlets}, each with a fixed page template, as real sites have: whether it puts the headline on
 * top, a dateline ("NEW YORK - " before the first paragraph, or a line "February 26, 1987 -
 * 15:01"), a licence or copyright line naming the outlet ("All Content by X is licensed under a
 * Creative Commons Attribution 4.0 International License."), share links, a list of other headlines
 * ("Related stories" chosen per page, or "Latest news", the same on all of an outlet's pages of one
 * day), a "Leave a Comment" form with a captcha sum ("5 + 10 ="), typographic or straight quotes
 * and dashes, and whether the page comes out on one line. So different stories from one outlet
 * share its furniture: hard negatives for free. The copies of one story come from different
 * outlets.
 *
 * <p><b>Edits.</b> Independently of the outlet, each copy is, with these probabilities: {@linkplain
 * StoryEdits#truncate truncated} to its first paragraphs or sentences ({@value #TRUNCATE_RATE});
 * {@linkplain StoryEdits#dropSentence missing one sentence} other than the first ({@value
 * #DROP_SENTENCE_RATE}); {@linkplain StoryEdits#changeWords given 1 to 3 changed words}, one more
 * per 200 words ({@value #CHANGE_WORDS_RATE}). Truncation and the dropped sentence together keep at
 * least {@value #MIN_KEPT} of the story's words (a sentence that would take it below is not
 * dropped).
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

  private static final Pattern WHITE_SPACE = Pattern.compile("\\s+");

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
    return Outlet.ALL.size();
  }

  /**
   * Copy number {@code copyNumber} (1 to {@link #outlets()}) of {@code story}; the same arguments
   * always give the same copy, and different copy numbers of one story come from different outlets.
   *
   * @throws IllegalArgumentException if {@code copyNumber} is out of range
   */
  public Copy copy(Story story, int copyNumber) {
    Objects.requireNonNull(story, "story");
    if (copyNumber < 1 || copyNumber > Outlet.ALL.size()) {
      throw new IllegalArgumentException(
          "copyNumber must be in [1, " + Outlet.ALL.size() + "], got " + copyNumber);
    }
    // Per story: the order of outlets and the city of the dateline.
    SplittableRandom storyRandom = random(story.id(), 0);
    int[] outletOrder = permutation(Outlet.ALL.size(), storyRandom);
    String city = PageFurniture.CITIES.get(storyRandom.nextInt(PageFurniture.CITIES.size()));
    Outlet outlet = Outlet.ALL.get(outletOrder[copyNumber - 1]);
    // Per copy: the edits, the publication time and the captcha. The draws happen in a fixed order
    // whatever their outcomes, so one impossible edit does not shift the others.
    SplittableRandom r = random(story.id(), copyNumber);
    boolean truncate = r.nextDouble() < TRUNCATE_RATE;
    boolean drop = r.nextDouble() < DROP_SENTENCE_RATE;
    boolean changeWords = r.nextDouble() < CHANGE_WORDS_RATE;
    SplittableRandom edits = r.split();
    EnumSet<Change> changes = EnumSet.noneOf(Change.class);

    List<String> body = StoryText.paragraphs(story.text());
    int storyWords = StoryText.wordCount(body);
    if (truncate) {
      Optional<List<String>> t = StoryEdits.truncate(body, MIN_KEPT, edits);
      if (t.isPresent()) {
        body = t.get();
        changes.add(Change.TRUNCATED);
      }
    }
    if (drop) {
      Optional<List<String>> d = StoryEdits.dropSentence(body, edits);
      // Together, truncation and the dropped sentence keep at least MIN_KEPT of the story.
      if (d.isPresent() && StoryText.wordCount(d.get()) >= MIN_KEPT * storyWords) {
        body = d.get();
        changes.add(Change.DROPPED_SENTENCE);
      }
    }
    if (changeWords) {
      int count = 1 + edits.nextInt(3) + StoryText.wordCount(body) / 200;
      List<String> c = StoryEdits.changeWords(body, count, edits);
      if (!c.equals(body)) {
        body = c;
        changes.add(Change.CHANGED_WORDS);
      }
    }

    List<String> blocks = new ArrayList<>();
    String title = PageFurniture.headline(story.title());
    if (outlet.headline() && !title.isEmpty()) {
      blocks.add(title);
      changes.add(Change.HEADLINE);
    }
    List<String> paragraphs = new ArrayList<>(body);
    if (outlet.dateline() == Outlet.Dateline.TIME) {
      blocks.add(PageFurniture.dateTimeLine(story.date(), r));
      changes.add(Change.DATELINE_TIME);
    } else if (outlet.dateline() == Outlet.Dateline.CITY && !paragraphs.isEmpty()) {
      paragraphs.set(0, city + " - " + paragraphs.get(0));
      changes.add(Change.DATELINE_CITY);
    }
    blocks.addAll(paragraphs);
    if (outlet.share() >= 0) {
      blocks.add(PageFurniture.shareLinks(outlet.share()));
      changes.add(Change.SHARE_LINKS);
    }
    if (outlet.related() != Outlet.Related.NONE) {
      blocks.add(relatedStories(outlet, story, r));
      changes.add(Change.RELATED_STORIES);
    }
    if (outlet.comment() >= 0) {
      blocks.add(PageFurniture.commentForm(outlet.comment(), r));
      changes.add(Change.COMMENT_FORM);
    }
    if (outlet.licence() >= 0) {
      blocks.add(PageFurniture.licence(outlet.licence(), outlet.name(), story.date()));
      changes.add(Change.LICENCE);
    }
    String page = String.join("\n\n", blocks);
    if (outlet.typographic() && !Punctuation.hasTypographic(page)) {
      String t = Punctuation.typographic(page);
      if (!t.equals(page)) {
        page = t;
        changes.add(Change.TYPOGRAPHIC_PUNCTUATION);
      }
    } else if (!outlet.typographic() && Punctuation.hasTypographic(page)) {
      page = Punctuation.straight(page);
      changes.add(Change.STRAIGHT_PUNCTUATION);
    }
    if (outlet.flatten()) {
      page = StoryText.flatten(page);
      changes.add(Change.FLATTENED);
    }
    if (page.equals(story.text())) {
      page = page + "\n\n" + PageFurniture.licence(2, outlet.name(), story.date());
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

  /**
   * Three to five other headlines under "Related stories" (picked for this page with {@code
   * pageRandom}) or "Latest news" (the same on all of the outlet's pages of the story's day).
   */
  String relatedStories(Outlet outlet, Story story, SplittableRandom pageRandom) {
    boolean siteWide = outlet.related() == Outlet.Related.SITE_WIDE;
    String day = WHITE_SPACE.split(story.date().strip(), 2)[0];
    SplittableRandom r = siteWide ? random(outlet.name() + "/" + day, -1) : pageRandom;
    int want = 3 + r.nextInt(3);
    List<String> picked = new ArrayList<>(want);
    for (int attempts = 0; picked.size() < want && attempts < 100; attempts++) {
      String h = PageFurniture.headline(headlines.get(r.nextInt(headlines.size())));
      if (!h.isBlank() && !h.equals(PageFurniture.headline(story.title())) && !picked.contains(h)) {
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
