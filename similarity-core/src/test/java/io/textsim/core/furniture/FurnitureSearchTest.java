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
import io.textsim.core.shingle.ShingleConfig;
import io.textsim.core.usecase.SearchOptions;
import io.textsim.core.usecase.SearchResult;
import io.textsim.core.usecase.UseCases;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@link UseCases#searchDocuments} with furniture learned from the collection searched: 33 pages of
 * two outlets whose frames outweigh their short stories.
 */
class FurnitureSearchTest {
  private static final TextProfiler PROFILER = TextProfiler.defaults();

  private final Pages pages = new Pages(113, Pages.LATIN, 4000);
  private final Pages.Outlet a = pages.outlet();
  private final Pages.Outlet b = pages.outlet();
  private final String story = pages.words(40);
  private final List<Document> collection = new ArrayList<>();
  private final int copy;

  FurnitureSearchTest() {
    for (int i = 0; i < 16; i++) {
      collection.add(new Document("a" + i, a.page(pages.words(40), pages.words(6)), "a"));
      collection.add(new Document("b" + i, b.page(pages.words(40), pages.words(6)), "b"));
    }
    copy = 21;
    collection.add(copy, new Document("copy", b.page(story, pages.words(6)), "b"));
  }

  private FurnitureModel learned() {
    return UseCases.learnFurniture(
        collection, PROFILER, FurnitureOptions.defaults(), Cancellation.never());
  }

  private String query() {
    return a.page(story, pages.words(6));
  }

  @Test
  void withoutFurnitureThePageOfTheSameOutletWinsWithItTheCopy() {
    String query = query();
    SearchResult plain =
        UseCases.searchDocuments(query, collection, SearchOptions.builder().build());
    int top = plain.matches().get(0).index();
    assertTrue(
        collection.get(top).id().startsWith("a"),
        "as given, a page of the query's outlet shares the most: " + plain.matches().get(0));

    FurnitureModel model = learned();
    assertFalse(model.furniture("a").isEmpty(), model.toString());
    assertFalse(model.furniture("b").isEmpty(), model.toString());
    SearchResult onContent =
        UseCases.searchDocuments(
            query, collection, SearchOptions.builder().furniture(model).build());
    SearchResult.Match best = onContent.matches().get(0);
    assertEquals(copy, best.index(), onContent.matches().subList(0, 3).toString());
    assertTrue(best.score() > 0.5, best.toString());
    assertTrue(
        onContent.matches().get(1).score() < 0.1,
        "other stories share only furniture: " + onContent.matches().get(1));
  }

  @Test
  void locatedPassagesPointIntoTheCandidateAsGiven() {
    FurnitureModel model = learned();
    String page = collection.get(copy).text();
    SearchResult r =
        UseCases.searchDocuments(
            query(),
            collection,
            SearchOptions.builder().furniture(model).rankBy(Measure.CONTAINMENT_A_IN_B).build());
    SearchResult.Match best = r.matches().get(0);
    assertEquals(copy, best.index());
    assertFalse(best.located().isEmpty(), best.toString());
    for (Passage p : best.located()) {
      assertEquals(page.substring(p.start(), p.end()), p.text(), p.toString());
    }
    Passage first = best.located().get(0);
    assertEquals(page.indexOf(story), first.start(), "the story starts after b's header");
    assertTrue(first.text().startsWith(story), first.text());
  }

  @Test
  void aShortQueryIsLocatedInTheCandidateAsGiven() {
    FurnitureModel model = learned();
    String page = collection.get(copy).text();
    String[] words = story.split(" ");
    String phrase = words[10] + " " + words[11] + " " + words[12];
    SearchResult r =
        UseCases.searchDocuments(
            phrase, collection, SearchOptions.builder().furniture(model).build());
    SearchResult.Match best = r.matches().get(0);
    assertEquals(copy, best.index(), r.matches().subList(0, 2).toString());
    assertTrue(best.score() > 0, best.toString());
    Passage at = best.located().get(0);
    assertEquals(phrase, page.substring(at.start(), at.end()));
    assertEquals(page.indexOf(phrase), at.start());
  }

  @Test
  void anEmptyModelScoresAsNone() {
    String query = query();
    SearchResult plain =
        UseCases.searchDocuments(query, collection, SearchOptions.builder().build());
    SearchResult empty =
        UseCases.searchDocuments(
            query,
            collection,
            SearchOptions.builder().furniture(FurnitureModel.empty(ShingleConfig.DEFAULT)).build());
    assertEquals(plain, empty);
  }

  @Test
  void theStringCandidatesTakeEverySourcesFurniture() {
    FurnitureModel model = learned();
    List<String> texts = collection.stream().map(Document::text).toList();
    SearchResult r =
        UseCases.search(query(), texts, SearchOptions.builder().furniture(model).build());
    assertEquals(copy, r.matches().get(0).index());
  }

  @Test
  void aModelOfOtherShinglesIsRefusedByName() {
    FurnitureModel model = learned();
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                SearchOptions.builder()
                    .profiler(PROFILER.withShingles(ShingleConfig.words(3)))
                    .furniture(model)
                    .build());
    assertTrue(e.getMessage().contains("furniture model"), e.getMessage());
  }
}
