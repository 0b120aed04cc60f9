package io.textsim.evaluation;

import java.util.List;

/**
 * An outlet's page template: what it wraps around every story it republishes, the same on all of
 * its pages, as real sites do.
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
    Outlet.Dateline dateline,
    int licence,
    int share,
    Outlet.Related related,
    int comment,
    boolean typographic,
    boolean flatten) {
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
   * The outlets. Two are modelled on the seed pair: "Harbor City Post" (headline, date line,
   * comment form, like the Tehran Times) and "Northern Star News Agency" (city dateline, one line,
   * Creative Commons licence, like Mehr News); two are heavy (everything), one is minimal.
   */
  static final List<Outlet> ALL =
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
}
