package io.textsim.core.cluster;

import java.util.List;
import java.util.Objects;

/**
 * The result of a clustering: every input document in exactly one cluster.
 *
 * @param documents the number of documents clustered
 * @param threshold the link threshold used
 * @param measure the exact measure used
 * @param clusters the clusters, largest first, then by the input position of their first member;
 *     singletons included
 * @param stats how the work went
 */
public record Clustering(
    int documents, double threshold, ClusterMeasure measure, List<Cluster> clusters, Stats stats) {

  /** Copies the cluster list. */
  public Clustering {
    Objects.requireNonNull(measure, "measure");
    clusters = List.copyOf(Objects.requireNonNull(clusters, "clusters"));
    Objects.requireNonNull(stats, "stats");
  }

  /**
   * One cluster.
   *
   * @param id 1-based position in the ordered cluster list
   * @param representative the id of the member most similar on average to the others
   * @param members the members, the representative first, then by descending score and input
   *     position
   */
  public record Cluster(int id, String representative, List<Member> members) {
    /** Copies the member list. */
    public Cluster {
      Objects.requireNonNull(representative, "representative");
      members = List.copyOf(Objects.requireNonNull(members, "members"));
    }

    /** The number of members. */
    public int size() {
      return members.size();
    }
  }

  /**
   * A member of a cluster.
   *
   * @param id the document's id
   * @param score its score against the cluster's representative under the clustering's measure (1
   *     for the representative itself)
   */
  public record Member(String id, double score) {
    /** Validates the member. */
    public Member {
      Objects.requireNonNull(id, "id");
    }
  }

  /**
   * Counters of a clustering run.
   *
   * @param strategy the candidate strategy actually used (never AUTO)
   * @param candidatePairs the pairs verified with the exact measure
   * @param linkedPairs the pairs at or above the threshold
   */
  public record Stats(CandidateStrategy strategy, long candidatePairs, long linkedPairs) {}
}
