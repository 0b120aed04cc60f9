package io.textsim.wire;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.textsim.core.measure.Verdict;
import io.textsim.index.AddResult;
import io.textsim.index.IndexDocument;
import io.textsim.index.IndexMatch;
import io.textsim.index.RemoveResult;
import io.textsim.proto.v1.AddResponse;
import io.textsim.proto.v1.QueryResult;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The IndexService mapping: what one side writes, the other reads back as it was. */
class WireIndexTest {
  @Test
  void documentsSurviveTheRoundTrip() {
    IndexDocument full =
        IndexDocument.of("a", "some text")
            .withSource("outlet.example")
            .withTime(Instant.parse("2026-03-01T08:00:00.123456789Z"))
            .withTtl(Duration.ofDays(7).plusNanos(5));
    assertEquals(full, WireIndex.document(WireIndex.document(full)));
    IndexDocument bare = IndexDocument.of("b", "");
    assertEquals(bare, WireIndex.document(WireIndex.document(bare)));
    assertEquals("", WireIndex.document(bare).getSource(), "no source is the empty string");
  }

  @Test
  void matchesSurviveTheRoundTrip() {
    for (Verdict v : Verdict.values()) {
      IndexMatch m = new IndexMatch(2, "id", 0.25, 0.5, v, Optional.of("s"));
      assertEquals(m, WireIndex.match(WireIndex.match(m), "m"));
    }
    IndexMatch unsourced =
        new IndexMatch(1, "x", 1.0, 1.0, Verdict.NEAR_DUPLICATE, Optional.empty());
    QueryResult result =
        QueryResult.newBuilder().setQuery("q").addMatches(WireIndex.match(unsourced)).build();
    assertEquals(List.of(unsourced), WireIndex.matches(result, "results[0]"));
  }

  @Test
  void aMatchThatDoesNotMapNamesTheField() {
    io.textsim.proto.v1.IndexMatch noVerdict =
        io.textsim.proto.v1.IndexMatch.newBuilder().setRank(1).setId("x").setScore(0.5).build();
    assertEquals(
        "results[0].matches[0].verdict",
        assertThrows(
                BadFieldException.class,
                () ->
                    WireIndex.matches(
                        QueryResult.newBuilder().addMatches(noVerdict).build(), "results[0]"))
            .field());
    io.textsim.proto.v1.IndexMatch badScore =
        WireIndex.match(new IndexMatch(1, "x", 1.0, 1.0, Verdict.RELATED, Optional.empty()))
            .toBuilder()
            .setScore(1.5)
            .build();
    assertEquals(
        "m", assertThrows(BadFieldException.class, () -> WireIndex.match(badScore, "m")).field());
  }

  @Test
  void addAndRemoveResults() {
    AddResponse sum =
        WireIndex.addResponse(
            List.of(new AddResult(2, 1, List.of("old")), new AddResult(3, 0, List.of())));
    assertEquals(new AddResult(5, 1, List.of("old")), WireIndex.addResult(sum));
    assertEquals(
        "added",
        assertThrows(
                BadFieldException.class,
                () -> WireIndex.addResult(AddResponse.newBuilder().setAdded(-1).build()))
            .field());
    RemoveResult removed = new RemoveResult(List.of("a"), List.of("b", "c"));
    assertEquals(removed, WireIndex.removeResult(WireIndex.removeResponse(removed)));
  }
}
