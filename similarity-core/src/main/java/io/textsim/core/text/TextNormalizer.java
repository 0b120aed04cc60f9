package io.textsim.core.text;

import java.text.Normalizer;
import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;

/**
 * Turns a text into the canonical form that tokenization and shingling work on, keeping the map
 * back to the original offsets.
 *
 * <p>The {@linkplain #news() news profile} applies every step, in this order:
 *
 * <ol>
 *   <li>strip one leading byte-order mark (U+FEFF);
 *   <li>Unicode NFKC ({@link Normalizer.Form#NFKC}), applied to each base character together with
 *       the combining marks that follow it, so that offsets stay exact;
 *   <li>lower case with {@link Locale#ROOT} (never the default locale: a Turkish JVM would
 *       otherwise turn "I" into a dotless "ı");
 *   <li>fold typographic quotes to {@code '} and {@code "}, and dashes and the minus sign to {@code
 *       -} (NFKC has already turned the ellipsis into three dots);
 *   <li>drop invisible characters: zero-width and other format characters (Unicode category Cf, for
 *       example U+200B, U+200D, U+2060, the soft hyphen, bidi marks) and control characters that
 *       are not white space;
 *   <li>white space: CR LF, CR, LF, U+0085, U+2028 and U+2029 are line breaks; every other Unicode
 *       space (tab, no-break space, U+2000 to U+200A, ideographic space, ...) is a space; a run of
 *       white space becomes one newline if it contains a line break and one space otherwise; white
 *       space at the start and end is removed.
 * </ol>
 *
 * <p>Each step can be switched off with the {@linkplain #builder() builder}; {@link #none()} keeps
 * the text as it is. Text is never silently replaced: unpaired surrogates pass through unchanged.
 *
 * <p>Cost: linear in the text length; ASCII characters take a fast path that does not call the JDK
 * normalizer. Instances are immutable and thread-safe.
 */
public final class TextNormalizer {
  private static final TextNormalizer NEWS = builder().build();
  private static final TextNormalizer NONE =
      builder()
          .stripByteOrderMark(false)
          .unicodeNfkc(false)
          .lowerCase(false)
          .foldPunctuation(false)
          .removeInvisible(false)
          .normalizeWhitespace(false)
          .build();

  private final boolean stripByteOrderMark;
  private final boolean unicodeNfkc;
  private final boolean lowerCase;
  private final boolean foldPunctuation;
  private final boolean removeInvisible;
  private final boolean normalizeWhitespace;

  private TextNormalizer(Builder b) {
    this.stripByteOrderMark = b.stripByteOrderMark;
    this.unicodeNfkc = b.unicodeNfkc;
    this.lowerCase = b.lowerCase;
    this.foldPunctuation = b.foldPunctuation;
    this.removeInvisible = b.removeInvisible;
    this.normalizeWhitespace = b.normalizeWhitespace;
  }

  /** The default profile for news and web text: every step on. */
  public static TextNormalizer news() {
    return NEWS;
  }

  /** A normalizer that changes nothing. */
  public static TextNormalizer none() {
    return NONE;
  }

  /** A builder whose defaults are the {@linkplain #news() news profile}. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Normalizes {@code text}.
   *
   * @throws NullPointerException if {@code text} is null
   */
  public NormalizedText normalize(String text) {
    Objects.requireNonNull(text, "text");
    if (isIdentity()) {
      return NormalizedText.identity(text);
    }
    return new Run(text).run();
  }

  private boolean isIdentity() {
    return !(stripByteOrderMark
        || unicodeNfkc
        || lowerCase
        || foldPunctuation
        || removeInvisible
        || normalizeWhitespace);
  }

  /** Whether each step is on, as a compact description of the configuration. */
  @Override
  public String toString() {
    if (equals(NEWS)) {
      return "TextNormalizer.news()";
    }
    return "TextNormalizer[stripByteOrderMark="
        + stripByteOrderMark
        + ", unicodeNfkc="
        + unicodeNfkc
        + ", lowerCase="
        + lowerCase
        + ", foldPunctuation="
        + foldPunctuation
        + ", removeInvisible="
        + removeInvisible
        + ", normalizeWhitespace="
        + normalizeWhitespace
        + "]";
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof TextNormalizer n
        && n.stripByteOrderMark == stripByteOrderMark
        && n.unicodeNfkc == unicodeNfkc
        && n.lowerCase == lowerCase
        && n.foldPunctuation == foldPunctuation
        && n.removeInvisible == removeInvisible
        && n.normalizeWhitespace == normalizeWhitespace;
  }

  @Override
  public int hashCode() {
    return Objects.hash(
        stripByteOrderMark,
        unicodeNfkc,
        lowerCase,
        foldPunctuation,
        removeInvisible,
        normalizeWhitespace);
  }

  /** True for the characters that end a line. */
  static boolean isLineBreak(int cp) {
    return cp == '\n' || cp == '\r' || cp == 0x85 || cp == 0x2028 || cp == 0x2029;
  }

  /** True for every Unicode white space character that is not a line break. */
  static boolean isSpace(int cp) {
    return cp == ' '
        || cp == '\t'
        || cp == 0x0B
        || cp == 0x0C
        || (cp > 0x7F && (Character.isSpaceChar(cp) || Character.isWhitespace(cp)));
  }

  /** True for format characters and for control characters that are not white space. */
  static boolean isInvisible(int cp) {
    if (isLineBreak(cp) || isSpace(cp)) {
      return false;
    }
    if (cp < 0x80) {
      return cp < 0x20 || cp == 0x7F;
    }
    int type = Character.getType(cp);
    return type == Character.FORMAT || type == Character.CONTROL;
  }

  /** Marks and jamo that belong to the preceding character for normalization purposes. */
  private static boolean continuesSegment(int cp) {
    if (cp < 0x300) {
      return false;
    }
    if ((cp >= 0x1160 && cp <= 0x11FF) || (cp >= 0xD7B0 && cp <= 0xD7FF)) {
      return true; // Hangul medial vowels and final consonants compose with the preceding jamo
    }
    int type = Character.getType(cp);
    return type == Character.NON_SPACING_MARK
        || type == Character.COMBINING_SPACING_MARK
        || type == Character.ENCLOSING_MARK;
  }

  private static boolean startsCombining(String s, int at) {
    return s.charAt(at) >= 0x300 && continuesSegment(s.codePointAt(at));
  }

  /** Returns the ASCII replacement for a typographic quote or dash, or -1 to keep it. */
  static int foldedPunctuation(int cp) {
    switch (cp) {
      case 0x2018: // left single quotation mark
      case 0x2019: // right single quotation mark, also the typographic apostrophe
      case 0x201A: // single low-9 quotation mark
      case 0x201B: // single high-reversed-9 quotation mark
      case 0x2032: // prime
      case 0x2035: // reversed prime
      case 0x02BC: // modifier letter apostrophe
        return '\'';
      case 0x201C: // left double quotation mark
      case 0x201D: // right double quotation mark
      case 0x201E: // double low-9 quotation mark
      case 0x201F: // double high-reversed-9 quotation mark
      case 0x2033: // double prime
      case 0x00AB: // left-pointing double angle quotation mark
      case 0x00BB: // right-pointing double angle quotation mark
        return '"';
      case 0x2010: // hyphen
      case 0x2011: // non-breaking hyphen
      case 0x2012: // figure dash
      case 0x2013: // en dash
      case 0x2014: // em dash
      case 0x2015: // horizontal bar
      case 0x2212: // minus sign
      case 0xFE58: // small em dash
      case 0xFE63: // small hyphen-minus
      case 0xFF0D: // fullwidth hyphen-minus
        return '-';
      default:
        return -1;
    }
  }

  /** One normalization pass; holds the growing output and the offset map. */
  private final class Run {
    private final String in;
    private final StringBuilder out;
    private int[] outStart = new int[16];
    private int[] origStart = new int[16];
    private int[] origEnd = new int[16];
    private boolean[] linear = new boolean[16];
    private int entries;

    // The pending white space run, emitted lazily so that runs collapse and the ends are trimmed.
    private int spaceFrom = -1;
    private int spaceTo;
    private boolean spaceHasLineBreak;

    Run(String in) {
      this.in = in;
      this.out = new StringBuilder(in.length());
    }

    NormalizedText run() {
      int i = 0;
      int n = in.length();
      if (stripByteOrderMark && n > 0 && in.charAt(0) == '\uFEFF') {
        i = 1;
      }
      // The text's chars in an array: String.charAt on a text with any non-Latin-1 character
      // checks the index and assembles each char from two bytes, which made this loop three times
      // slower than the copy costs.
      char[] chars = in.toCharArray();
      while (i < n) {
        char c = chars[i];
        if (c > ' ' && c < 0x7F) {
          // Fast path for a run of visible ASCII and single spaces between visible characters,
          // most of any English text: one map entry per run. A single space maps to itself
          // whether or not white space is normalized.
          int end = i + 1;
          while (end < n) {
            char d = chars[end];
            if (d > ' ' && d < 0x7F) {
              end++;
            } else if (d == ' ' && end + 1 < n && chars[end + 1] > ' ' && chars[end + 1] < 0x7F) {
              end += 2;
            } else {
              break;
            }
          }
          if (end < n && startsCombining(in, end)) {
            end--; // the last character composes with the mark after it: slow path
          }
          if (end > i) {
            flushSpace();
            int at = out.length();
            if (lowerCase) {
              for (int j = i; j < end; j++) {
                char d = chars[j];
                chars[j] = d >= 'A' && d <= 'Z' ? (char) (d + ('a' - 'A')) : d;
              }
            }
            out.append(chars, i, end - i);
            addEntry(at, i, end, true);
            i = end;
            continue;
          }
        }
        if (c < 0x80 && (i + 1 == n || !startsCombining(in, i + 1))) {
          if (normalizeWhitespace && c == '\r' && i + 1 < n && in.charAt(i + 1) == '\n') {
            addSpace(i, i + 2, true);
            i += 2;
            continue;
          }
          asciiChar(c, i);
          i++;
          continue;
        }
        int segStart = i;
        i += Character.charCount(in.codePointAt(i));
        while (i < n) {
          int next = in.codePointAt(i);
          if (!continuesSegment(next)) {
            break;
          }
          i += Character.charCount(next);
        }
        segment(segStart, i);
      }
      // Trailing white space is dropped: nothing follows it.
      return new NormalizedText(in, out.toString(), outStart, origStart, origEnd, linear, entries);
    }

    private void asciiChar(char c, int at) {
      if (normalizeWhitespace && (isLineBreak(c) || isSpace(c))) {
        addSpace(at, at + 1, isLineBreak(c));
        return;
      }
      if (removeInvisible && isInvisible(c)) {
        return;
      }
      char mapped = lowerCase && c >= 'A' && c <= 'Z' ? (char) (c + ('a' - 'A')) : c;
      flushSpace();
      appendLinear(mapped, at);
    }

    private void segment(int from, int to) {
      String seg = in.substring(from, to);
      String s = seg;
      if (unicodeNfkc && !Normalizer.isNormalized(s, Normalizer.Form.NFKC)) {
        s = Normalizer.normalize(s, Normalizer.Form.NFKC);
      }
      if (lowerCase) {
        s = s.toLowerCase(Locale.ROOT);
      }
      boolean unchanged = true;
      // Where this segment's own output starts: after a pending space that its first character
      // flushes, which belongs to the white space before the segment, not to the segment.
      int outBefore = -1;
      for (int k = 0; k < s.length(); ) {
        int cp = s.codePointAt(k);
        k += Character.charCount(cp);
        if (normalizeWhitespace && (isLineBreak(cp) || isSpace(cp))) {
          addSpace(from, to, isLineBreak(cp));
          unchanged = false;
          continue;
        }
        if (removeInvisible && isInvisible(cp)) {
          unchanged = false;
          continue;
        }
        int folded = foldPunctuation ? foldedPunctuation(cp) : -1;
        if (folded >= 0) {
          cp = folded;
        }
        flushSpace();
        if (outBefore < 0) {
          outBefore = out.length();
        }
        out.appendCodePoint(cp);
      }
      if (outBefore < 0) {
        return; // nothing produced
      }
      int produced = out.length() - outBefore;
      if (unchanged && produced == to - from && in.codePointCount(from, to) == 1) {
        // One output unit per input unit: keep the exact per-char map (lower-casing "É" -> "é").
        addEntry(outBefore, from, to, true);
      } else {
        addEntry(outBefore, from, to, false);
      }
    }

    private void addSpace(int from, int to, boolean lineBreak) {
      if (spaceFrom < 0) {
        spaceFrom = from;
        spaceHasLineBreak = false;
      }
      spaceTo = Math.max(spaceTo, to);
      spaceHasLineBreak |= lineBreak;
    }

    private void flushSpace() {
      if (spaceFrom < 0) {
        return;
      }
      if (out.length() > 0) { // leading white space is dropped
        int at = out.length();
        out.append(spaceHasLineBreak ? '\n' : ' ');
        addEntry(at, spaceFrom, spaceTo, spaceTo - spaceFrom == 1);
      }
      spaceFrom = -1;
    }

    private void appendLinear(char c, int at) {
      int o = out.length();
      out.append(c);
      addEntry(o, at, at + 1, true);
    }

    private void addEntry(int outAt, int from, int to, boolean isLinear) {
      if (isLinear && entries > 0) {
        int last = entries - 1;
        // Extend the previous linear run when this one continues it in both texts.
        if (linear[last]
            && origEnd[last] == from
            && outStart[last] + (origEnd[last] - origStart[last]) == outAt) {
          origEnd[last] = to;
          return;
        }
      }
      if (entries == outStart.length) {
        int cap = entries * 2;
        outStart = Arrays.copyOf(outStart, cap);
        origStart = Arrays.copyOf(origStart, cap);
        origEnd = Arrays.copyOf(origEnd, cap);
        linear = Arrays.copyOf(linear, cap);
      }
      outStart[entries] = outAt;
      origStart[entries] = from;
      origEnd[entries] = to;
      linear[entries] = isLinear;
      entries++;
    }
  }

  /**
   * Chooses the normalization steps. Every step defaults to on (the news profile).
   *
   * <p>Not thread-safe; build once and share the immutable {@link TextNormalizer}.
   */
  public static final class Builder {
    private boolean stripByteOrderMark = true;
    private boolean unicodeNfkc = true;
    private boolean lowerCase = true;
    private boolean foldPunctuation = true;
    private boolean removeInvisible = true;
    private boolean normalizeWhitespace = true;

    private Builder() {}

    /** Strip one leading U+FEFF. Default on. */
    public Builder stripByteOrderMark(boolean on) {
      this.stripByteOrderMark = on;
      return this;
    }

    /** Apply Unicode NFKC. Default on. */
    public Builder unicodeNfkc(boolean on) {
      this.unicodeNfkc = on;
      return this;
    }

    /** Lower-case with {@link Locale#ROOT}. Default on. */
    public Builder lowerCase(boolean on) {
      this.lowerCase = on;
      return this;
    }

    /** Fold typographic quotes and dashes to ASCII. Default on. */
    public Builder foldPunctuation(boolean on) {
      this.foldPunctuation = on;
      return this;
    }

    /** Drop zero-width, format and non-white-space control characters. Default on. */
    public Builder removeInvisible(boolean on) {
      this.removeInvisible = on;
      return this;
    }

    /** Map line breaks and spaces, collapse runs, trim the ends. Default on. */
    public Builder normalizeWhitespace(boolean on) {
      this.normalizeWhitespace = on;
      return this;
    }

    /** Returns the normalizer. */
    public TextNormalizer build() {
      return new TextNormalizer(this);
    }
  }
}
