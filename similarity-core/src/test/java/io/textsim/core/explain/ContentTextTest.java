package io.textsim.core.explain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.textsim.core.TextProfile;
import io.textsim.core.TextProfiler;
import io.textsim.core.shingle.ShingleSet;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@link ContentText}: the content and the way back to the text as given. */
class ContentTextTest {
  private static final TextProfiler PROFILER = TextProfiler.defaults();

  // Normalization changes lengths (ligatures, typographic quotes, runs of spaces, CRLF), so offsets
  // into the content and into the original differ in more ways than the cut.
  private static final String[] WORDS = {
    "alpha",
    "beta",
    "\uFB01re",
    "“quoted”",
    "gamma—delta",
    "x",
    "tenants",
    "eviction",
    "ÉCOLE",
    "naïve",
    "日本",
    "\u00A0",
    "\r\n",
    "  ",
    "co-op",
    "it's"
  };

  private static String text(SplittableRandom r, int words) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < words; i++) {
      sb.append(WORDS[r.nextInt(WORDS.length)]).append(r.nextInt(5) == 0 ? "\n" : " ");
    }
    return sb.toString();
  }

  private static String withoutSpace(String s) {
    return s.codePoints()
        .filter(c -> !Character.isWhitespace(c) && !Character.isSpaceChar(c))
        .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append)
        .toString();
  }

  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8})
  void everyPassageOfTheContentMapsBackToTheSameCharacters(long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    String frame = text(r, 12);
    String original = frame + text(r, 30) + frame + text(r, 20) + frame;
    TextProfile profile = PROFILER.profile(original);
    ShingleSet furniture = PROFILER.profile(frame).shingles();
    ContentText.Mapping mapping = ContentText.mapped(profile, furniture);
    String content = mapping.text();
    assertEquals(ContentText.of(profile, furniture), content);
    assertTrue(content.length() < original.length(), content);

    for (int trial = 0; trial < 200; trial++) {
      int s = r.nextInt(content.length() + 1);
      int e = s + r.nextInt(content.length() - s + 1);
      List<Passage> pieces = mapping.toOriginal(new Passage(s, e, content.substring(s, e)));
      StringBuilder mapped = new StringBuilder();
      int last = -1;
      for (Passage p : pieces) {
        assertEquals(original.substring(p.start(), p.end()), p.text(), p.toString());
        assertTrue(p.start() > last, "pieces in text order, apart: " + pieces);
        last = p.end();
        mapped.append(p.text());
      }
      assertEquals(withoutSpace(content.substring(s, e)), withoutSpace(mapped.toString()));
    }
  }

  @Test
  void withNothingCutTheContentIsTheTextItself() {
    String original = "  The council met on Tuesday.\r\n";
    ContentText.Mapping mapping =
        ContentText.mapped(
            PROFILER.profile(original), PROFILER.profile("nothing alike").shingles());
    assertSame(original, mapping.text());
    assertTrue(mapping.isWhole());
    Passage p = new Passage(6, 13, "council");
    assertEquals(List.of(p), mapping.toOriginal(List.of(p)));
  }

  @Test
  void aPassageOverACutIsSplitAroundIt() {
    String frame = "subscribe to our newsletter for more news today";
    String original = "the council met on tuesday " + frame + " and the mayor promised a review";
    ContentText.Mapping mapping =
        ContentText.mapped(PROFILER.profile(original), PROFILER.profile(frame).shingles());
    String content = mapping.text();
    assertEquals("the council met on tuesday\nand the mayor promised a review", content);
    List<Passage> pieces = mapping.toOriginal(new Passage(16, 34, content.substring(16, 34)));
    assertEquals(
        List.of(
            new Passage(16, 26, "on tuesday"),
            new Passage(original.indexOf("and the"), original.indexOf("and the") + 7, "and the")),
        pieces);
  }

  @Test
  void aPassageOutsideTheContentIsRefused() {
    ContentText.Mapping mapping =
        ContentText.mapped(PROFILER.profile("short text"), ShingleSet.empty());
    assertThrows(
        IllegalArgumentException.class,
        () -> mapping.toOriginal(new Passage(5, 20, "x".repeat(15))));
  }
}
