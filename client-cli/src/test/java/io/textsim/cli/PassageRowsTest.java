package io.textsim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.textsim.core.TextProfiler;
import io.textsim.core.explain.Explainer;
import io.textsim.core.explain.Explanation;
import io.textsim.core.explain.Passage;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@link PassageRows}: shared passages paired by their words, every passage in one row. */
class PassageRowsTest {
  private static Passage p(int start, String text) {
    return new Passage(start, start + text.length(), text);
  }

  @Test
  void sharedPassagesArePairedByTheirWordsNotTheirPosition() {
    // a: X S1 S2; b: S2' Y S1' (a paragraph moved): S1 pairs with S1', S2 is left in a row.
    Passage x = p(0, "own a");
    Passage s1 = p(10, "first shared paragraph with many words");
    Passage s2 = p(60, "second shared piece here");
    Passage s2b = p(0, "second shared piece here");
    Passage y = p(30, "own b");
    Passage s1b = p(40, "first shared paragraph with many words");
    Explanation e = new Explanation(List.of(s1, s2), List.of(s2b, s1b), List.of(x), List.of(y));
    List<PassageRows.Row> rows = PassageRows.of(e);
    assertEquals(3, rows.size(), rows.toString());
    assertEquals(new PassageRows.Row(List.of(x), List.of(s2b, y), false), rows.get(0));
    assertEquals(new PassageRows.Row(List.of(s1), List.of(s1b), true), rows.get(1));
    assertEquals(new PassageRows.Row(List.of(s2), List.of(), false), rows.get(2));
  }

  @Test
  void everyPassageOfTheSeedPairIsInExactlyOneRowInTextOrder() throws Exception {
    String a = java.nio.file.Files.readString(java.nio.file.Path.of(Cli.TEHRAN));
    String b = java.nio.file.Files.readString(java.nio.file.Path.of(Cli.MEHR));
    TextProfiler profiler = TextProfiler.defaults();
    Explanation e = Explainer.explain(profiler.profile(a), profiler.profile(b));
    List<Passage> seenA = new ArrayList<>();
    List<Passage> seenB = new ArrayList<>();
    boolean anyAligned = false;
    for (PassageRows.Row r : PassageRows.of(e)) {
      assertFalse(r.a().isEmpty() && r.b().isEmpty(), "empty row");
      seenA.addAll(r.a());
      seenB.addAll(r.b());
      anyAligned |= r.aligned();
    }
    assertTrue(anyAligned);
    assertEquals(e.sharedInA().size() + e.onlyA().size(), seenA.size());
    assertEquals(e.sharedInB().size() + e.onlyB().size(), seenB.size());
    for (int i = 1; i < seenA.size(); i++) {
      assertTrue(seenA.get(i - 1).end() <= seenA.get(i).start(), "a in text order");
    }
    for (int i = 1; i < seenB.size(); i++) {
      assertTrue(seenB.get(i - 1).end() <= seenB.get(i).start(), "b in text order");
    }
  }

  @Test
  void nothingSharedIsOneRow() {
    Passage x = p(0, "alpha");
    Passage y = p(0, "beta");
    List<PassageRows.Row> rows =
        PassageRows.of(new Explanation(List.of(), List.of(), List.of(x), List.of(y)));
    assertEquals(List.of(new PassageRows.Row(List.of(x), List.of(y), false)), rows);
    assertEquals(
        List.of(), PassageRows.of(new Explanation(List.of(), List.of(), List.of(), List.of())));
  }
}
