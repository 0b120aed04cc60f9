package io.textsim.core.furniture;

import java.util.SplittableRandom;

/**
 * Invented news pages for furniture tests: stories of random words from a script's alphabet, and
 * outlets whose pages wrap a story in a frame (navigation and legal text), a related-story list and
 * a comment form. Seeded and deterministic.
 */
final class Pages {
  /** Lower-case Latin letters. */
  static final String LATIN = "abcdefghijklmnopqrstuvwxyz";

  /** Persian letters (Arabic script, written right to left). */
  static final String PERSIAN = "ابپتثجچحخدذرزژسشصضطظعغفقکگلمنوهی";

  private final SplittableRandom random;
  private final String[] vocabulary;

  Pages(long seed, String alphabet, int vocabularySize) {
    this.random = new SplittableRandom(seed);
    this.vocabulary = new String[vocabularySize];
    int[] letters = alphabet.codePoints().toArray();
    for (int i = 0; i < vocabularySize; i++) {
      StringBuilder w = new StringBuilder();
      int length = 2 + random.nextInt(7);
      for (int c = 0; c < length; c++) {
        w.appendCodePoint(letters[random.nextInt(letters.length)]);
      }
      vocabulary[i] = w.toString();
    }
  }

  /** Han characters, each a token of its own: text without spaces. */
  static String hanStory(SplittableRandom r, int characters) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < characters; i++) {
      sb.appendCodePoint(0x4E00 + r.nextInt(3000));
      if (i % 20 == 19) {
        sb.append('。');
      }
    }
    return sb.toString();
  }

  /** A run of {@code words} random words with a full stop every dozen. */
  String words(int words) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < words; i++) {
      sb.append(vocabulary[random.nextInt(vocabulary.length)]).append(i % 12 == 11 ? ". " : " ");
    }
    return sb.toString().trim();
  }

  /** An outlet: a fixed frame around every page, and a comment form at the end. */
  Outlet outlet() {
    return new Outlet(words(60), words(90), words(6));
  }

  /** An outlet's fixed furniture. */
  record Outlet(String header, String footer, String commentForm) {
    /** A page of this outlet carrying {@code story}, with a list of other stories' headlines. */
    String page(String story, String related) {
      return header
          + "\n\n"
          + story
          + "\n\nRelated: "
          + related
          + "\n\n"
          + footer
          + "\n\n"
          + commentForm;
    }
  }
}
