/**
 * Similarity measures over {@link io.textsim.core.TextProfile}s: the {@link
 * io.textsim.core.measure.SimilarityMeasure} interface, the {@link
 * io.textsim.core.measure.Measures} factory and {@link io.textsim.core.measure.Similarity#compare}
 * for many measures at once. Every measure returns a {@code double} in [0, 1], never NaN; the
 * behaviour on blank input is tabled in {@link io.textsim.core.measure.Measures}.
 */
package io.textsim.core.measure;
