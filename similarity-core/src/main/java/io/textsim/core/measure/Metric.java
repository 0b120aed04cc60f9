package io.textsim.core.measure;

/**
 * Marks a measure whose {@linkplain SimilarityMeasure#distance distance} is a metric: besides
 * identity and symmetry it satisfies the triangle inequality {@code d(a, c) <= d(a, b) + d(b, c)}.
 * Index structures may prune with it.
 */
public interface Metric extends SimilarityMeasure {}
