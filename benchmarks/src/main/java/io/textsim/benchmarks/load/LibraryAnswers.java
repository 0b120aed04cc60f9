package io.textsim.benchmarks.load;

import com.google.protobuf.Descriptors.FieldDescriptor;
import io.textsim.core.TextProfile;
import io.textsim.core.cluster.Clustering;
import io.textsim.core.explain.Explanation;
import io.textsim.core.explain.Passage;
import io.textsim.core.measure.Comparison;
import io.textsim.core.measure.Measure;
import io.textsim.core.measure.Verdict;
import io.textsim.proto.v1.CandidateStrategy;
import io.textsim.proto.v1.ClusterMeasure;
import io.textsim.proto.v1.ClusterMember;
import io.textsim.proto.v1.CompareResponse;
import io.textsim.proto.v1.EditDistances;
import io.textsim.proto.v1.Passages;
import io.textsim.proto.v1.Scores;
import io.textsim.proto.v1.TextStats;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The library's answers written as textsim.v1 responses, so that every gRPC response of a load run
 * can be checked for equality with what the core computes in this process.
 *
 * <p>Written independently of the server's mapper (which is package-private): scores go to the
 * {@link Scores} field named after the measure's wire name, enum values are the proto enum's prefix
 * plus the core constant's name. A difference between the two mappings shows up as a mismatch.
 */
final class LibraryAnswers {
  private LibraryAnswers() {}

  /**
   * The Compare response for the profiles of the two texts, their comparison, its verdict and, if
   * asked, its explanation.
   */
  static CompareResponse compare(
      TextProfile a,
      TextProfile b,
      Comparison comparison,
      Verdict verdict,
      Optional<Explanation> explanation) {
    Scores.Builder scores = Scores.newBuilder();
    for (Map.Entry<Measure, Double> e : comparison.scores().entrySet()) {
      FieldDescriptor field = Scores.getDescriptor().findFieldByName(e.getKey().wireName());
      if (field == null) {
        throw new IllegalStateException("no Scores field for " + e.getKey().wireName());
      }
      scores.setField(field, e.getValue());
    }
    EditDistances.Builder distances = EditDistances.newBuilder();
    comparison.levenshteinDistance().ifPresent(distances::setLevenshtein);
    comparison.tokenLevenshteinDistance().ifPresent(distances::setTokenLevenshtein);
    CompareResponse.Builder out =
        CompareResponse.newBuilder()
            .setScores(scores)
            .setDistances(distances)
            .setVerdict(io.textsim.proto.v1.Verdict.valueOf("VERDICT_" + verdict.name()))
            .setAStats(stats(a))
            .setBStats(stats(b));
    explanation.ifPresent(
        x ->
            out.setPassages(
                Passages.newBuilder()
                    .addAllSharedInA(passages(x.sharedInA()))
                    .addAllSharedInB(passages(x.sharedInB()))
                    .addAllOnlyA(passages(x.onlyA()))
                    .addAllOnlyB(passages(x.onlyB()))));
    return out.build();
  }

  private static List<io.textsim.proto.v1.Passage> passages(List<Passage> passages) {
    return passages.stream()
        .map(
            p ->
                io.textsim.proto.v1.Passage.newBuilder()
                    .setStart(p.start())
                    .setEnd(p.end())
                    .setText(p.text())
                    .build())
        .toList();
  }

  /** The Cluster response's clustering for a core clustering. */
  static io.textsim.proto.v1.Clustering clustering(Clustering clustering) {
    io.textsim.proto.v1.Clustering.Builder out =
        io.textsim.proto.v1.Clustering.newBuilder()
            .setDocuments(clustering.documents())
            .setThreshold(clustering.threshold())
            .setMeasure(ClusterMeasure.valueOf("CLUSTER_MEASURE_" + clustering.measure().name()))
            .setStats(
                io.textsim.proto.v1.ClusterStats.newBuilder()
                    .setStrategy(
                        CandidateStrategy.valueOf(
                            "CANDIDATE_STRATEGY_" + clustering.stats().strategy().name()))
                    .setCandidatePairs(clustering.stats().candidatePairs())
                    .setLinkedPairs(clustering.stats().linkedPairs()));
    for (Clustering.Cluster c : clustering.clusters()) {
      io.textsim.proto.v1.Cluster.Builder cluster =
          io.textsim.proto.v1.Cluster.newBuilder()
              .setId(c.id())
              .setRepresentative(c.representative());
      for (Clustering.Member m : c.members()) {
        cluster.addMembers(ClusterMember.newBuilder().setId(m.id()).setScore(m.score()));
      }
      out.addClusters(cluster);
    }
    return out.build();
  }

  private static TextStats stats(TextProfile p) {
    return TextStats.newBuilder()
        .setCodePoints(p.normalized().text().codePointCount(0, p.normalized().text().length()))
        .setWords(p.tokenCount())
        .setShingles(p.shingles().size())
        .build();
  }
}
