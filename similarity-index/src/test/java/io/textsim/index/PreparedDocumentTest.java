package io.textsim.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Profiling apart from the store: prepared adds and queries answer as the one-step calls do. */
class PreparedDocumentTest {
  @TempDir Path dir;

  private final TestTexts.ManualClock clock =
      new TestTexts.ManualClock(Instant.parse("2026-01-01T00:00:00Z"));

  private IndexOptions options() {
    return IndexOptions.defaults().withClock(clock).withDurability(Durability.PROCESS_CRASH);
  }

  @Test
  void preparedAddsAndQueriesAnswerAsTheOneStepCalls() {
    List<IndexDocument> docs = new ArrayList<>();
    for (int i = 0; i < 60; i++) {
      docs.add(IndexDocument.of("a" + i, TestTexts.article(i, 200)));
    }
    List<String> queries = new ArrayList<>();
    for (int i = 0; i < 60; i += 5) {
      queries.add(TestTexts.copy(docs.get(i).text(), 100 + i));
    }
    List<List<IndexMatch>> oneStep = new ArrayList<>();
    try (NearDuplicateIndex index = NearDuplicateIndex.open(dir.resolve("one"), options())) {
      index.add(docs);
      for (String q : queries) {
        oneStep.add(index.query(q, Optional.empty(), 5, 0.0));
      }
    }
    try (NearDuplicateIndex index = NearDuplicateIndex.open(dir.resolve("two"), options())) {
      List<PreparedDocument> prepared = new ArrayList<>();
      for (IndexDocument d : docs) {
        prepared.add(index.prepare(d));
      }
      AddResult result = index.addPrepared(prepared);
      assertEquals(60, result.added());
      assertEquals(60, index.addPrepared(prepared).replaced());
      for (int i = 0; i < queries.size(); i++) {
        PreparedQuery q = index.prepareQuery(queries.get(i), Optional.empty());
        assertEquals(oneStep.get(i), index.query(q, 5, 0.0));
        assertEquals(oneStep.get(i), index.query(q, 5, 0.0), "a prepared query can be asked again");
        assertEquals("a" + (5 * i), index.query(q, 1, 0.0).get(0).id());
      }
      assertEquals(60, index.stats().documents());
    }
  }

  @Test
  void aPreparedDocumentKeepsTheTimeItWasPreparedAt() {
    try (NearDuplicateIndex index = NearDuplicateIndex.open(dir, options())) {
      PreparedDocument p =
          index.prepare(
              IndexDocument.of("x", TestTexts.article(1, 50)).withTtl(Duration.ofHours(1)));
      clock.advance(Duration.ofMinutes(30));
      index.addPrepared(List.of(p));
      assertEquals(
          Instant.parse("2026-01-01T01:00:00Z"),
          index.get("x").orElseThrow().expiresAt().orElseThrow());
      clock.advance(Duration.ofMinutes(31));
      assertTrue(index.get("x").isEmpty());
    }
  }

  @Test
  void preparedWorkOfAnotherIndexAndRepeatedIdsAreRefused() {
    try (NearDuplicateIndex a = NearDuplicateIndex.open(dir.resolve("a"), options());
        NearDuplicateIndex b = NearDuplicateIndex.open(dir.resolve("b"), options())) {
      PreparedDocument fromA = a.prepare(IndexDocument.of("x", "some words here"));
      IllegalArgumentException e =
          assertThrows(IllegalArgumentException.class, () -> b.addPrepared(List.of(fromA)));
      assertEquals(
          "document 1 (id 'x') was prepared by another index than " + dir.resolve("b"),
          e.getMessage());
      PreparedQuery q = a.prepareQuery("some words", Optional.empty());
      assertThrows(IllegalArgumentException.class, () -> b.query(q, 3, 0.0));
      IllegalArgumentException dup =
          assertThrows(IllegalArgumentException.class, () -> a.addPrepared(List.of(fromA, fromA)));
      assertTrue(dup.getMessage().startsWith("duplicate id 'x' in one batch"), dup.getMessage());
      assertThrows(
          IllegalArgumentException.class,
          () ->
              a.prepare(
                  IndexDocument.of("y", "x".repeat(IndexOptions.DEFAULT_MAX_TEXT_LENGTH + 1))));
      assertEquals(0, a.stats().documents());
      assertEquals(0, b.stats().documents());
    }
  }
}
