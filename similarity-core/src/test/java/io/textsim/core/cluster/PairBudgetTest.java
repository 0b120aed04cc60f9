package io.textsim.core.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.textsim.core.furniture.Furniture;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The LSH candidate search announces the room of its pairs to the budget before holding it. */
class PairBudgetTest {
  /** {@code n} copies of one story: every band puts them all in one bucket, n (n - 1) / 2 pairs. */
  private static List<Document> copies(int n) {
    SplittableRandom r = new SplittableRandom(7);
    String story = ClustererTest.story(r, 120);
    List<Document> docs = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      docs.add(new Document("d" + i, ClustererTest.copy(r, story)));
    }
    return docs;
  }

  private static ClusterOptions.Builder lsh() {
    return ClusterOptions.builder().candidates(CandidateStrategy.LSH).furniture(Furniture.none());
  }

  @Test
  void isToldAtLeastEveryCandidatePairBeforeTheClusteringEnds() {
    List<Document> docs = copies(300);
    AtomicLong told = new AtomicLong();
    Clustering c =
        Clusterer.cluster(docs, lsh().pairBudget(p -> told.accumulateAndGet(p, Math::max)).build());
    long pairs = c.stats().candidatePairs();
    assertTrue(pairs > 300 * 299 / 4, "copies make most pairs candidates: " + pairs);
    assertTrue(told.get() >= pairs, told + " told, " + pairs + " candidate pairs");
    assertEquals(Clusterer.cluster(docs, lsh().build()), c, "a budget that admits changes nothing");
  }

  @Test
  void aBudgetThatRefusesStopsTheClusteringWithItsException() {
    IllegalStateException refused = new IllegalStateException("no room for the pairs");
    AtomicLong largest = new AtomicLong();
    PairBudget budget =
        p -> {
          largest.accumulateAndGet(p, Math::max);
          if (p > 10_000) {
            throw refused;
          }
        };
    IllegalStateException e =
        assertThrows(
            IllegalStateException.class,
            () -> Clusterer.cluster(copies(300), lsh().pairBudget(budget).build()));
    // The parallel stream rethrows it, or a copy of its type with it as the cause.
    assertSame(refused, e.getCause() == refused ? e.getCause() : e);
    // Stopped at the first growths past the bound (one a band being searched), long before the
    // room that all the pairs take.
    AtomicLong unlimited = new AtomicLong();
    Clusterer.cluster(
        copies(300), lsh().pairBudget(p -> unlimited.accumulateAndGet(p, Math::max)).build());
    assertTrue(
        largest.get() < unlimited.get() / 2, "told " + largest + " of " + unlimited + " in all");
  }

  @Test
  void allPairsAndSmallInputsAreNotTold() {
    AtomicLong told = new AtomicLong();
    ClusterOptions options =
        ClusterOptions.builder()
            .candidates(CandidateStrategy.ALL_PAIRS)
            .furniture(Furniture.none())
            .pairBudget(told::addAndGet)
            .build();
    Clusterer.cluster(copies(50), options);
    assertEquals(0, told.get(), "all pairs are counted in advance by their number");
  }
}
