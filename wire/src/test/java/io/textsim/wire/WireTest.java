package io.textsim.wire;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.Descriptors.FieldDescriptor;
import io.textsim.core.TextProfiler;
import io.textsim.core.cluster.CandidateStrategy;
import io.textsim.core.cluster.ClusterMeasure;
import io.textsim.core.cluster.ClusterOptions;
import io.textsim.core.cluster.Clusterer;
import io.textsim.core.cluster.Clustering;
import io.textsim.core.cluster.Document;
import io.textsim.core.cluster.Linkage;
import io.textsim.core.explain.Explainer;
import io.textsim.core.explain.Explanation;
import io.textsim.core.measure.Comparison;
import io.textsim.core.measure.Measure;
import io.textsim.core.measure.Similarity;
import io.textsim.core.measure.Verdict;
import io.textsim.core.measure.VerdictRule;
import io.textsim.core.shingle.ShingleConfig;
import io.textsim.proto.v1.Scores;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;

class WireTest {
  @Test
  void everyEnumConstantSurvivesTheRoundTrip() {
    for (Measure m : Measure.values()) {
      assertEquals(m, WireEnums.measure(WireEnums.toProto(m).getNumber(), "f"));
      // The proto numbers a measure and its Scores field alike: the table agrees with both.
      assertEquals(
          m.wireName(),
          Scores.getDescriptor().findFieldByNumber(WireEnums.toProto(m).getNumber()).getName());
    }
    for (Verdict v : Verdict.values()) {
      assertEquals(v, WireEnums.verdict(WireEnums.toProto(v).getNumber(), "f"));
    }
    for (ClusterMeasure m : ClusterMeasure.values()) {
      assertEquals(m, WireEnums.clusterMeasure(WireEnums.toProto(m).getNumber(), null, "f"));
    }
    for (Linkage l : Linkage.values()) {
      assertEquals(l, WireEnums.linkage(WireEnums.toProto(l).getNumber(), "f"));
    }
    for (CandidateStrategy c : CandidateStrategy.values()) {
      assertEquals(c, WireEnums.candidates(WireEnums.toProto(c).getNumber(), "f"));
    }
    for (ShingleConfig.Kind k : ShingleConfig.Kind.values()) {
      assertEquals(k, WireEnums.shingleKind(WireEnums.toProto(k).getNumber(), "f"));
    }
    // Every proto value other than UNSPECIFIED has a core counterpart.
    assertEquals(
        Measure.values().length + 1,
        io.textsim.proto.v1.Measure.getDescriptor().getValues().size());
  }

  @Test
  void unknownNumbersAndUnspecifiedMeasuresAreRefusedNamingTheField() {
    BadFieldException e =
        assertThrows(BadFieldException.class, () -> WireEnums.measure(99, "measures[2]"));
    assertEquals("measures[2]", e.field());
    assertEquals("unknown measure number 99", e.getMessage());
    e = assertThrows(BadFieldException.class, () -> WireEnums.measure(0, "rank_by"));
    assertEquals("MEASURE_UNSPECIFIED is not a measure", e.getMessage());
    e = assertThrows(BadFieldException.class, () -> WireEnums.linkage(7, "options.linkage"));
    assertEquals(
        "unknown Linkage number 7; valid: LINKAGE_UNSPECIFIED, LINKAGE_SINGLE, LINKAGE_AVERAGE,"
            + " LINKAGE_REPRESENTATIVE",
        e.getMessage());
    assertEquals(Linkage.REPRESENTATIVE, WireEnums.linkage(0, "f"));
    assertEquals(CandidateStrategy.AUTO, WireEnums.candidates(0, "f"));
  }

  @Test
  void everyMeasureHasItsOwnScoreField() {
    TextProfiler p = TextProfiler.defaults();
    Comparison c =
        Similarity.compare(
            p.profile("one two three four five six"),
            p.profile("one two three four five seven"),
            EnumSet.allOf(Measure.class));
    Scores scores = WireScores.scores(c);
    for (Measure m : Measure.values()) {
      FieldDescriptor f = Scores.getDescriptor().findFieldByName(m.wireName());
      assertEquals(c.score(m), (double) scores.getField(f), m.wireName());
    }
    assertEquals(c, WireScores.comparison(scores, WireScores.distances(c), "scores"));
    assertEquals(Measure.values().length, scores.getAllFields().size());
  }

  @Test
  void aScoreOutsideTheUnitIntervalIsRefused() {
    Scores bad = Scores.newBuilder().setCosine(Double.NaN).build();
    BadFieldException e =
        assertThrows(
            BadFieldException.class,
            () ->
                WireScores.comparison(
                    bad, io.textsim.proto.v1.EditDistances.getDefaultInstance(), "scores"));
    assertEquals("scores.cosine", e.field());
  }

  @Test
  void explanationsAndClusteringsSurviveTheRoundTrip() {
    TextProfiler p = TextProfiler.defaults();
    Explanation x =
        Explainer.explain(
            p.profile("a b c d e f g h. Leave a comment"), p.profile("a b c d e f g h! Licence"));
    assertEquals(x, WireResults.explanation(WireResults.passages(x), "passages"));
    Clustering c =
        Clusterer.cluster(
            List.of(
                new Document("x", "the same story told twice over here"),
                new Document("y", "the same story told twice over here!"),
                new Document("z", "something else entirely")),
            ClusterOptions.defaults());
    assertEquals(c, WireResults.clustering(WireResults.clustering(c), "clustering"));
  }

  @Test
  void optionsSurviveTheRoundTrip() {
    VerdictRule rule = new VerdictRule(Measure.COSINE, 0.7);
    assertEquals(rule, WireOptions.verdict(WireOptions.verdict(rule), "verdict"));
    assertEquals(
        VerdictRule.DEFAULT,
        WireOptions.verdict(io.textsim.proto.v1.VerdictOptions.getDefaultInstance(), "verdict"));
    ClusterOptions o =
        ClusterOptions.builder()
            .threshold(0.4)
            .measure(ClusterMeasure.COSINE)
            .linkage(Linkage.AVERAGE)
            .candidates(CandidateStrategy.LSH)
            .profiler(TextProfiler.defaults().withShingles(ShingleConfig.words(3)))
            .build();
    ClusterOptions back =
        WireOptions.clusterOptions(WireOptions.clusterOptions(o), "options", 1000).build();
    assertEquals(o.threshold(), back.threshold());
    assertEquals(o.measure(), back.measure());
    assertEquals(o.linkage(), back.linkage());
    assertEquals(o.candidates(), back.candidates());
    assertEquals(o.profiler().shingles(), back.profiler().shingles());
    assertEquals(1000, back.profiler().maxLength());
    BadFieldException e =
        assertThrows(
            BadFieldException.class,
            () ->
                WireOptions.clusterOptions(
                    io.textsim.proto.v1.ClusterOptions.newBuilder().setThreshold(2).build(),
                    "options",
                    1000));
    assertEquals("options.threshold", e.field());
    assertTrue(e.getMessage().contains("[0, 1]"));
  }
}
