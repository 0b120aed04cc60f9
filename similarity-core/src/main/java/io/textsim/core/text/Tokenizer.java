package io.textsim.core.text;

import java.util.Arrays;
import java.util.Objects;

/**
 * Splits a (normalized) text into word tokens.
 *
 * <p>Rules, over Unicode code points (a surrogate pair is never split):
 *
 * <ul>
 *   <li>a word is a maximal run of letters, digits and combining marks ({@link
 *       Character#isLetterOrDigit(int)}, categories Mn, Mc and Me);
 *   <li>an apostrophe ({@code '} or U+2019) or a hyphen ({@code -} or U+2010) between two word
 *       characters stays inside the word: "don't" and "iran-azerbaijan" are one token each;
 *   <li>each Han, Hiragana, Katakana, Hangul and Thai character (with the combining marks that
 *       follow it) is a token of its own, so text written without spaces still yields useful
 *       tokens;
 *   <li>everything else (spaces, punctuation, symbols) separates tokens and is not a token.
 * </ul>
 *
 * <p>Cost: linear in the text length. Stateless and thread-safe.
 */
public final class Tokenizer {
  private static final Tokenizer WORDS = new Tokenizer();

  private Tokenizer() {}

  /** The word tokenizer described above. */
  public static Tokenizer words() {
    return WORDS;
  }

  /**
   * Returns the tokens of {@code text} with their offsets.
   *
   * @throws NullPointerException if {@code text} is null
   */
  public Tokens tokenize(CharSequence text) {
    Objects.requireNonNull(text, "text");
    int n = text.length();
    int[] starts = new int[Math.max(4, n / 5)];
    int[] ends = new int[starts.length];
    int count = 0;
    int i = 0;
    int wordStart = -1;
    while (i < n) {
      int cp = Character.codePointAt(text, i);
      int width = Character.charCount(cp);
      if (isWordChar(cp)) {
        if (isSingleCharToken(cp)) {
          if (wordStart >= 0) {
            if (count == starts.length) {
              starts = Arrays.copyOf(starts, count * 2);
              ends = Arrays.copyOf(ends, count * 2);
            }
            starts[count] = wordStart;
            ends[count++] = i;
            wordStart = -1;
          }
          if (count == starts.length) {
            starts = Arrays.copyOf(starts, count * 2);
            ends = Arrays.copyOf(ends, count * 2);
          }
          // Combining marks (Thai vowel signs and tone marks) belong to the character before them.
          int end = i + width;
          while (end < n && isMark(Character.codePointAt(text, end))) {
            end += Character.charCount(Character.codePointAt(text, end));
          }
          starts[count] = i;
          ends[count++] = end;
          width = end - i;
        } else if (wordStart < 0) {
          wordStart = i;
        }
      } else if (wordStart >= 0
          && isJoiner(cp)
          && i + width < n
          && isWordChar(Character.codePointAt(text, i + width))
          && !isSingleCharToken(Character.codePointAt(text, i + width))) {
        // An apostrophe or hyphen between two word characters: the word goes on.
      } else if (wordStart >= 0) {
        if (count == starts.length) {
          starts = Arrays.copyOf(starts, count * 2);
          ends = Arrays.copyOf(ends, count * 2);
        }
        starts[count] = wordStart;
        ends[count++] = i;
        wordStart = -1;
      }
      i += width;
    }
    if (wordStart >= 0) {
      if (count == starts.length) {
        starts = Arrays.copyOf(starts, count + 1);
        ends = Arrays.copyOf(ends, count + 1);
      }
      starts[count] = wordStart;
      ends[count++] = n;
    }
    return new Tokens(text.toString(), starts, ends, count);
  }

  /** Letters, digits and combining marks. */
  static boolean isWordChar(int cp) {
    if (cp < 0x80) {
      return (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z') || (cp >= '0' && cp <= '9');
    }
    return Character.isLetterOrDigit(cp) || isMark(cp);
  }

  /** Combining marks: categories Mn, Mc and Me. */
  static boolean isMark(int cp) {
    if (cp < 0x300) {
      return false;
    }
    int type = Character.getType(cp);
    return type == Character.NON_SPACING_MARK
        || type == Character.COMBINING_SPACING_MARK
        || type == Character.ENCLOSING_MARK;
  }

  /** Characters of scripts written without spaces between words. */
  static boolean isSingleCharToken(int cp) {
    if (cp < 0x0E00) {
      return false;
    }
    Character.UnicodeScript script = Character.UnicodeScript.of(cp);
    return script == Character.UnicodeScript.HAN
        || script == Character.UnicodeScript.HIRAGANA
        || script == Character.UnicodeScript.KATAKANA
        || script == Character.UnicodeScript.HANGUL
        || script == Character.UnicodeScript.THAI;
  }

  private static boolean isJoiner(int cp) {
    return cp == '\'' || cp == '-' || cp == 0x2019 || cp == 0x2010;
  }

  @Override
  public String toString() {
    return "Tokenizer.words()";
  }
}
