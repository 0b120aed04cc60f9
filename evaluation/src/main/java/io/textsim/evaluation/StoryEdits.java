package io.textsim.evaluation;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The edits an outlet makes to a story's words, on its paragraphs: truncation, a dropped sentence,
 * changed words. Each takes its random draws from the generator it is given. Stateless.
 */
final class StoryEdits {
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

  private static final Pattern REPLACEABLE = Pattern.compile("\\b[A-Za-z]{3,}\\b");

  private StoryEdits() {}

  /**
   * The first paragraphs of a story holding at least {@code minKept} of its words, and never all of
   * them: the shortest such prefix or, at random, a longer one. A story of one paragraph, or whose
   * last paragraph is needed to reach {@code minKept}, is cut between sentences instead. Empty if
   * the story cannot be cut that way (a single sentence).
   */
  static Optional<List<String>> truncate(
      List<String> paragraphs, double minKept, SplittableRandom r) {
    int total = StoryText.wordCount(paragraphs);
    double need = minKept * total;
    int n = paragraphs.size();
    int sum = 0;
    int k = 0;
    while (k < n && sum < need) {
      sum += StoryText.wordCount(paragraphs.get(k));
      k++;
    }
    if (k < n) {
      int keep = k + r.nextInt(n - k);
      return Optional.of(List.copyOf(paragraphs.subList(0, keep)));
    }
    // Cut inside the last paragraph needed, between sentences.
    List<String> out = new ArrayList<>(paragraphs.subList(0, n - 1));
    int before = total - StoryText.wordCount(paragraphs.get(n - 1));
    List<String> sentences = StoryText.sentences(paragraphs.get(n - 1));
    int words = before;
    for (int s = 0; s < sentences.size() - 1; s++) {
      words += StoryText.wordCount(sentences.get(s));
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
      List<String> s = StoryText.sentences(p);
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
}
