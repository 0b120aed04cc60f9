package io.textsim.core.explain;

import io.textsim.core.TextProfile;
import io.textsim.core.shingle.ShingleSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A text's content: the text without its page furniture. Used to score a pair on what its texts say
 * rather than on the site around them, with the same measures as the texts as given.
 *
 * <p>Method: a unit (word, or code point for character shingles) is furniture if a furniture
 * shingle of its text contains it, as {@link Explainer#explain(TextProfile, TextProfile,
 * ShingleSet, ShingleSet)} marks it; the content is the text with those units cut out, each
 * remaining run kept as written and runs joined by a line break. Cost: O(n k) hashing plus O(n log
 * f) lookups for n units and f furniture shingles. Stateless and thread-safe.
 */
public final class ContentText {
  private ContentText() {}

  /**
   * The text of {@code profile} without the units that {@code furniture} covers; the original text
   * itself if none is covered.
   *
   * @throws NullPointerException if an argument is null
   */
  public static String of(TextProfile profile, ShingleSet furniture) {
    return mapped(profile, furniture).text();
  }

  /**
   * The content of {@code profile}, as {@link #of}, with the way back from offsets into the content
   * to offsets into the original text.
   *
   * @throws NullPointerException if an argument is null
   */
  public static Mapping mapped(TextProfile profile, ShingleSet furniture) {
    Objects.requireNonNull(profile, "profile");
    Objects.requireNonNull(furniture, "furniture");
    String original = profile.normalized().original();
    if (!furniture.isEmpty()) {
      TextUnits units = new TextUnits(profile);
      boolean[] cut = units.sharedUnits(furniture);
      for (boolean c : cut) {
        if (c) {
          return new Mapping(original, units.keptSpans(cut));
        }
      }
    }
    return new Mapping(original, new int[] {0, original.length()});
  }

  /**
   * A content text and where each of its runs sits in the original text. The content is the runs
   * joined by a line break; when nothing was cut it is the original text itself, one run. Immutable
   * and thread-safe.
   */
  public static final class Mapping {
    private final String original;
    private final String text;
    // Run r is original[spans[2r], spans[2r+1]) and starts at contentStarts[r] in the content.
    private final int[] spans;
    private final int[] contentStarts;

    private Mapping(String original, int[] spans) {
      this.original = original;
      this.spans = spans;
      int runs = spans.length / 2;
      this.contentStarts = new int[runs];
      if (runs == 1 && spans[0] == 0 && spans[1] == original.length()) {
        this.text = original;
        return;
      }
      StringBuilder out = new StringBuilder();
      for (int r = 0; r < runs; r++) {
        if (r > 0) {
          out.append('\n');
        }
        contentStarts[r] = out.length();
        out.append(original, spans[2 * r], spans[2 * r + 1]);
      }
      this.text = out.toString();
    }

    /** The content text. */
    public String text() {
      return text;
    }

    /** True if nothing was cut: the content is the original text. */
    public boolean isWhole() {
      return text == original;
    }

    /**
     * {@code passage} of the content text as passages of the original text: one per run it overlaps
     * (what was cut between two runs is not part of it), each without its leading and trailing
     * white space, empty pieces left out. Cost: O(runs + passage length).
     *
     * @throws IllegalArgumentException if the passage does not lie within the content text
     */
    public List<Passage> toOriginal(Passage passage) {
      Objects.requireNonNull(passage, "passage");
      if (passage.end() > text.length()) {
        throw new IllegalArgumentException(
            "passage ["
                + passage.start()
                + ", "
                + passage.end()
                + ") lies outside the content text of length "
                + text.length());
      }
      List<Passage> out = new ArrayList<>(1);
      for (int r = 0; r < contentStarts.length; r++) {
        int runStart = contentStarts[r];
        int runEnd = runStart + spans[2 * r + 1] - spans[2 * r];
        int from = Math.max(passage.start(), runStart);
        int to = Math.min(passage.end(), runEnd);
        if (from >= to) {
          continue;
        }
        int s = spans[2 * r] + from - runStart;
        int e = spans[2 * r] + to - runStart;
        while (s < e && isBlank(original.charAt(s))) {
          s++;
        }
        while (e > s && isBlank(original.charAt(e - 1))) {
          e--;
        }
        if (s < e) {
          out.add(new Passage(s, e, original.substring(s, e), passage.furniture()));
        }
      }
      return out;
    }

    /** Every passage of {@code passages} as passages of the original text, in order. */
    public List<Passage> toOriginal(List<Passage> passages) {
      if (isWhole()) {
        return List.copyOf(passages);
      }
      List<Passage> out = new ArrayList<>(passages.size());
      for (Passage p : passages) {
        out.addAll(toOriginal(p));
      }
      return out;
    }

    private static boolean isBlank(char c) {
      return Character.isWhitespace(c) || Character.isSpaceChar(c);
    }
  }
}
