package io.textsim.evaluation;

/**
 * The scores of one configuration at one threshold over all seeds.
 *
 * @param threshold the threshold
 * @param precision mean pairwise precision
 * @param recall mean pairwise recall
 * @param f1 mean pairwise F1
 * @param ari mean adjusted Rand index
 * @param minF1 the lowest F1 of any seed
 * @param minAri the lowest ARI of any seed
 * @param computed false if a clustering was skipped as too slow (the scores are then 0)
 */
record Mean(
    double threshold,
    double precision,
    double recall,
    double f1,
    double ari,
    double minF1,
    double minAri,
    boolean computed) {}
