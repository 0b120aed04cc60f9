package io.textsim.core.furniture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.textsim.core.Cancellation;
import io.textsim.core.TextProfiler;
import io.textsim.core.cluster.Document;
import io.textsim.core.explain.Passage;
import io.textsim.core.measure.Measure;
import io.textsim.core.measure.Verdict;
import io.textsim.core.shingle.ShingleConfig;
import io.textsim.core.usecase.PairOptions;
import io.textsim.core.usecase.PairResult;
import io.textsim.core.usecase.UseCases;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** {@link UseCases#compare} with furniture learned from other pages of the same outlets. */
class FurnitureCompareTest {
  private static final TextProfiler PROFILER = TextProfiler.defaults();

  private final Pages pages = new Pages(71, Pages.LATIN, 4000);
  private final Pages.Outlet a = pages.outlet();
  private final Pages.Outlet b = pages.outlet();

  private FurnitureModel learnedFromOtherPages() {
    List<Document> examples = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      examples.add(new Document("a" + i, a.page(pages.words(120), pages.words(6)), "a.example"));
      examples.add(new Document("b" + i, b.page(pages.words(120), pages.words(6)), "b.example"));
    }
    return UseCases.learnFurniture(
        examples, PROFILER, FurnitureOptions.defaults(), Cancellation.never());
  }

  @Test
  void twoPagesOfOneStoryAreJudgedOnTheirStory() {
    FurnitureModel model = learnedFromOtherPages();
    String story = pages.words(80);
    String ownLine = pages.words(25);
    String pageA = a.page(story, pages.words(6));
    String pageB = b.page(story + " " + ownLine, pages.words(6));
    PairResult r =
        UseCases.compare(
            pageA, pageB, PairOptions.builder().explain(true).furniture(model).build());

    PairResult.Content content = r.content().orElseThrow();
    assertEquals(r.comparison().scores().keySet(), content.comparison().scores().keySet());
    double given = r.comparison().score(Measure.JACCARD);
    double onContent = content.comparison().score(Measure.JACCARD);
    assertTrue(given < 0.5, "the frames outweigh the story as given: " + given);
    assertTrue(
        onContent > given + 0.2,
        "on content the pair is the story and its own lines: " + onContent);
    assertEquals(Verdict.NEAR_DUPLICATE, content.judgement().verdict());
    assertFalse(content.a().contains(a.header().substring(0, 40)), content.a());
    assertTrue(content.a().contains(story.substring(0, 60)), content.a());

    List<Passage> only = new ArrayList<>(r.explanation().orElseThrow().onlyA());
    only.addAll(r.explanation().orElseThrow().onlyB());
    assertTrue(only.stream().anyMatch(Passage::furniture), only.toString());
    Passage line =
        only.stream()
            .filter(p -> p.text().contains(ownLine.substring(0, 30)))
            .findFirst()
            .orElseThrow();
    assertFalse(line.furniture(), "a line only b has is content: " + line);
  }

  @Test
  void twoStoriesOfOneOutletAreNotLinkedByItsFrame() {
    FurnitureModel model = learnedFromOtherPages();
    PairResult r =
        UseCases.compare(
            a.page(pages.words(60), pages.words(6)),
            a.page(pages.words(60), pages.words(6)),
            PairOptions.builder().furniture(model).build());
    assertTrue(r.comparison().score(Measure.JACCARD) > 0.4, r.comparison().toString());
    PairResult.Content content = r.content().orElseThrow();
    assertTrue(content.comparison().score(Measure.JACCARD) < 0.05, content.toString());
    assertEquals(Verdict.DIFFERENT, content.judgement().verdict());
  }

  @Test
  void withoutFurnitureThereIsNoContentAndNothingIsMarked() {
    PairResult r =
        UseCases.compare(
            a.page(pages.words(60), "x"),
            b.page(pages.words(60), "y"),
            PairOptions.builder().explain(true).measures(Set.of(Measure.JACCARD)).build());
    assertTrue(r.content().isEmpty());
    assertTrue(r.explanation().orElseThrow().onlyA().stream().noneMatch(Passage::furniture));
  }

  @Test
  void aModelOfOtherShinglesIsRefusedByName() {
    FurnitureModel model = learnedFromOtherPages();
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                PairOptions.builder()
                    .profiler(PROFILER.withShingles(ShingleConfig.words(3)))
                    .furniture(model)
                    .build());
    assertTrue(e.getMessage().contains("furniture model"), e.getMessage());
  }
}
