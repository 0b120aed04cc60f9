package io.textsim.core.furniture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.textsim.core.Cancellation;
import io.textsim.core.TextProfile;
import io.textsim.core.TextProfiler;
import io.textsim.core.explain.Explainer;
import io.textsim.core.explain.Explanation;
import io.textsim.core.explain.Passage;
import io.textsim.core.shingle.ShingleSet;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class FurnitureExplanationTest {
  private static final TextProfiler PROFILER = TextProfiler.defaults();

  @Test
  void ownPassagesAreMarkedFurnitureOrContent() {
    Pages pages = new Pages(61, Pages.LATIN, 4000);
    Pages.Outlet a = pages.outlet();
    Pages.Outlet b = pages.outlet();
    List<String> ids = new ArrayList<>();
    List<String> sources = new ArrayList<>();
    List<ShingleSet> sets = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      for (Pages.Outlet o : List.of(a, b)) {
        ids.add((o == a ? "a" : "b") + i);
        sources.add(o == a ? "a.example" : "b.example");
        sets.add(PROFILER.profile(o.page(pages.words(100), pages.words(6))).shingles());
      }
    }
    FurnitureModel model =
        FurnitureLearner.learn(
            ids.toArray(new String[0]),
            sources.toArray(new String[0]),
            sets.toArray(new ShingleSet[0]),
            PROFILER.shingles(),
            FurnitureOptions.defaults(),
            Cancellation.never());
    String story = pages.words(150);
    String extra = pages.words(30);
    TextProfile pa = PROFILER.profile(a.page(story, "none"));
    TextProfile pb = PROFILER.profile(b.page(story + " " + extra, "none"));
    Explanation e =
        Explainer.explain(pa, pb, model.furniture("a.example"), model.furniture("b.example"));
    Passage header = e.onlyA().get(0);
    assertTrue(header.furniture(), header.toString());
    assertTrue(a.header().startsWith(header.text().substring(0, 20)), header.text());
    boolean extraFound = false;
    for (Passage p : e.onlyB()) {
      if (p.text().contains(extra.substring(0, 30))) {
        assertFalse(p.furniture(), "content only b has is not furniture: " + p);
        extraFound = true;
      }
    }
    assertTrue(extraFound, e.onlyB().toString());
    assertTrue(e.onlyB().stream().anyMatch(Passage::furniture));
    e.sharedInA().forEach(p -> assertFalse(p.furniture()));
    // Without furniture nothing is marked, and the passages cover the same text (but for the white
    // space trimmed where a run was split).
    Explanation plain = Explainer.explain(pa, pb);
    assertTrue(plain.onlyA().stream().noneMatch(Passage::furniture));
    assertEquals(
        plain.onlyA().stream().mapToInt(p -> p.text().replaceAll("\\s", "").length()).sum(),
        e.onlyA().stream().mapToInt(p -> p.text().replaceAll("\\s", "").length()).sum());
  }
}
