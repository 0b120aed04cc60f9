package io.textsim.evaluation;

import java.time.DateTimeException;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The text of an outlet's page furniture: headline, datelines, licence lines, share links and the
 * comment form (the list of other headlines needs the simulator's headlines and seed, and is made
 * by {@link SyndicationSimulator}). Stateless.
 */
final class PageFurniture {
  /** The cities of city datelines ("NEW YORK - "); one per story, whatever the outlet. */
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

  private static final Pattern WHITE_SPACE = Pattern.compile("\\s+");
  private static final Pattern TICKER = Pattern.compile("\\s*<[^>]*>");
  private static final Pattern REUTERS_DATE =
      Pattern.compile("(\\d{1,2})-([A-Za-z]{3})-(\\d{4})\\s+(\\d{1,2}):(\\d{2})");

  private PageFurniture() {}

  /**
   * A Reuters title as an outlet's headline: tickers such as {@code <SRD>} removed, words in title
   * case except those holding digits or dots ("1ST", "U.S.").
   */
  static String headline(String title) {
    String t = StoryText.flatten(TICKER.matcher(title).replaceAll(""));
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
}
