package io.textsim.core.cluster;

/** Where the candidate pairs that are verified with the exact measure come from. */
public enum CandidateStrategy {
  /** All pairs for small inputs, the LSH index for large ones; see {@link ClusterOptions}. */
  AUTO,
  /** Every pair: exact, quadratic. */
  ALL_PAIRS,
  /** Pairs that share a MinHash LSH bucket: near-linear, finds almost all linked pairs. */
  LSH
}
