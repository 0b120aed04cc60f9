package io.textsim.core.cluster;

/** How linked pairs become clusters. */
public enum Linkage {
  /**
   * Connected components of the graph of pairs scoring at or above the threshold (single linkage).
   * Fast and the right choice for copies of one story; one document that resembles two stories can
   * chain them into one cluster.
   */
  SINGLE,
  /**
   * Average linkage: pairs are considered best first, and two clusters merge only if the average
   * score over all their cross pairs is at or above the threshold, so a single bridging document
   * cannot merge two stories.
   */
  AVERAGE
}
