package io.textsim.core.furniture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.textsim.core.Cancellation;
import io.textsim.core.TextProfiler;
import io.textsim.core.shingle.ShingleSet;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class FurnitureLearnerTest {
  private static final TextProfiler PROFILER = TextProfiler.defaults();

  private static ShingleSet shingles(String text) {
    return PROFILER.profile(text).shingles();
  }

  private static FurnitureModel learn(List<String> ids, List<String> sources, List<String> texts) {
    ShingleSet[] sets =
        texts.stream().map(FurnitureLearnerTest::shingles).toArray(ShingleSet[]::new);
    return FurnitureLearner.learn(
        ids.toArray(new String[0]),
        sources.toArray(new String[0]),
        sets,
        PROFILER.shingles(),
        FurnitureOptions.defaults(),
        Cancellation.never());
  }

  /** The share of {@code part}'s shingles that the model holds as furniture of {@code source}. */
  private static double furnitureShare(FurnitureModel model, String source, String part) {
    ShingleSet s = shingles(part);
    int furniture = s.size() - model.content(source, s).size();
    return (double) furniture / s.size();
  }

  @Test
  void furnitureOfThirtyPagesIsFoundInTheThirtyFirst() {
    Pages pages = new Pages(7, Pages.LATIN, 4000);
    Pages.Outlet outlet = pages.outlet();
    List<String> headlines = new ArrayList<>();
    for (int i = 0; i < 12; i++) {
      headlines.add(pages.words(8));
    }
    List<String> ids = new ArrayList<>();
    List<String> texts = new ArrayList<>();
    for (int i = 0; i < 30; i++) {
      String related = headlines.get(i % 12) + ". " + headlines.get((i + 5) % 12);
      ids.add("page-" + i);
      texts.add(outlet.page(pages.words(80 + 10 * (i % 7)), related));
    }
    List<String> sources = new ArrayList<>(java.util.Collections.nCopies(30, "outlet.example"));
    FurnitureModel model = learn(ids, sources, texts);

    String story = pages.words(120);
    String thirtyFirst = outlet.page(story, headlines.get(3) + ". " + headlines.get(9));
    ShingleSet page = shingles(thirtyFirst);
    ShingleSet content = model.content("outlet.example", page);
    // The frame, the comment form and the related headlines are taken out; the new story stays.
    assertEquals(1.0, furnitureShare(model, "outlet.example", outlet.header()), 1e-9);
    assertEquals(1.0, furnitureShare(model, "outlet.example", outlet.footer()), 1e-9);
    assertEquals(0.0, furnitureShare(model, "outlet.example", story), 1e-9);
    assertTrue(furnitureShare(model, "outlet.example", headlines.get(3)) > 0.99);
    ShingleSet storyShingles = shingles(story);
    assertTrue(
        content.intersectionSize(storyShingles) >= storyShingles.size() - 6,
        "the story survives but for the shingles that span its edges");
    assertTrue(content.size() < storyShingles.size() + 12, content + " vs " + storyShingles);
    // Another source learned nothing.
    assertTrue(model.furniture("elsewhere.example").isEmpty());
  }

  @Test
  void aStoryThatTwentyOutletsCarryIsNotFurniture() {
    Pages pages = new Pages(11, Pages.LATIN, 4000);
    String wire = pages.words(300);
    List<String> ids = new ArrayList<>();
    List<String> sources = new ArrayList<>();
    List<String> texts = new ArrayList<>();
    for (int o = 0; o < 20; o++) {
      Pages.Outlet outlet = pages.outlet();
      for (int p = 0; p < 4; p++) {
        ids.add("o" + o + "-p" + p);
        sources.add("outlet-" + o);
        texts.add(outlet.page(p == 0 ? wire : pages.words(200), pages.words(10)));
      }
    }
    FurnitureModel withSources = learn(ids, sources, texts);
    FurnitureModel withoutSources =
        learn(ids, java.util.Collections.nCopies(ids.size(), FurnitureModel.UNKNOWN_SOURCE), texts);
    for (int o = 0; o < 20; o++) {
      assertEquals(0.0, furnitureShare(withSources, "outlet-" + o, wire), 1e-9);
      assertTrue(furnitureShare(withSources, "outlet-" + o, texts.get(4 * o + 1)) > 0.4);
    }
    assertEquals(0.0, furnitureShare(withoutSources, FurnitureModel.UNKNOWN_SOURCE, wire), 1e-9);
  }

  @Test
  void snapshotsOfOneLiveBlogKeepTheirText() {
    Pages pages = new Pages(5, Pages.LATIN, 4000);
    Pages.Outlet outlet = pages.outlet();
    List<String> updates = new ArrayList<>();
    List<String> ids = new ArrayList<>();
    List<String> texts = new ArrayList<>();
    StringBuilder blog = new StringBuilder();
    for (int i = 0; i < 10; i++) {
      updates.add(pages.words(40));
      blog.insert(0, updates.get(i) + "\n\n");
      ids.add("snapshot-" + i);
      texts.add(outlet.page(blog.toString(), "none"));
    }
    FurnitureModel model = learn(ids, java.util.Collections.nCopies(10, "blog.example"), texts);
    assertEquals(0.0, furnitureShare(model, "blog.example", updates.get(0)), 1e-9);
    assertEquals(0.0, furnitureShare(model, "blog.example", updates.get(5)), 1e-9);
  }

  @Test
  void persianPagesLearnTheirFrame() {
    Pages pages = new Pages(3, Pages.PERSIAN, 3000);
    Pages.Outlet outlet = pages.outlet();
    List<String> ids = new ArrayList<>();
    List<String> texts = new ArrayList<>();
    for (int i = 0; i < 12; i++) {
      ids.add("fa-" + i);
      texts.add(outlet.page(pages.words(70), pages.words(8)));
    }
    FurnitureModel model = learn(ids, java.util.Collections.nCopies(12, "fa.example"), texts);
    assertEquals(1.0, furnitureShare(model, "fa.example", outlet.footer()), 1e-9);
    assertEquals(0.0, furnitureShare(model, "fa.example", pages.words(70)), 1e-9);
  }

  @Test
  void theAnswerDoesNotDependOnTheInputOrder() {
    Pages pages = new Pages(13, Pages.LATIN, 2000);
    Pages.Outlet outlet = pages.outlet();
    List<String> ids = new ArrayList<>();
    List<String> texts = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      ids.add("p" + i);
      texts.add(outlet.page(pages.words(30 + i), pages.words(5)));
    }
    List<String> sources = java.util.Collections.nCopies(40, "s");
    FurnitureModel forward = learn(ids, sources, texts);
    List<String> rIds = new ArrayList<>(ids);
    List<String> rTexts = new ArrayList<>(texts);
    java.util.Collections.reverse(rIds);
    java.util.Collections.reverse(rTexts);
    assertEquals(forward, learn(rIds, sources, rTexts));
    assertFalse(forward.isEmpty());
  }

  @Test
  void fewerDocumentsThanTheMinimumLearnNothing() {
    List<String> texts =
        List.of("same frame words here and there a", "same frame words here and there b");
    FurnitureModel model = learn(List.of("a", "b"), List.of("s", "s"), texts);
    assertTrue(model.isEmpty());
  }

  @Test
  void badArgumentsAreNamed() {
    ShingleSet[] one = {ShingleSet.empty()};
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                FurnitureLearner.learn(
                    new String[] {"a"},
                    new String[0],
                    one,
                    PROFILER.shingles(),
                    FurnitureOptions.defaults(),
                    Cancellation.never()));
    assertTrue(e.getMessage().contains("differ in length"), e.getMessage());
    NullPointerException npe =
        assertThrows(
            NullPointerException.class,
            () ->
                FurnitureLearner.learn(
                    new String[] {null},
                    new String[] {"s"},
                    one,
                    PROFILER.shingles(),
                    FurnitureOptions.defaults(),
                    Cancellation.never()));
    assertEquals("ids[0]", npe.getMessage());
    assertThrows(IllegalArgumentException.class, () -> new FurnitureOptions(1, 0.5, 0.5, 8, 25));
    assertThrows(IllegalArgumentException.class, () -> new FurnitureOptions(3, 0.0, 0.5, 8, 25));
    assertThrows(
        IllegalArgumentException.class, () -> new FurnitureOptions(3, 0.5, Double.NaN, 8, 25));
    assertThrows(IllegalArgumentException.class, () -> new FurnitureOptions(3, 0.5, 0.5, 1, 25));
  }
}
