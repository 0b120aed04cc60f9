/**
 * The quality evaluation of near-duplicate clustering: a syndication simulator, exact reference
 * clusterings and pair-counting metrics, run by {@link io.textsim.evaluation.QualityEvaluation} and
 * documented with its results in {@code docs/QUALITY.md}.
 *
 * <ul>
 *   <li>{@link io.textsim.evaluation.SyndicationSimulator}: the copies outlets make of a story
 *       (page furniture, flattening, punctuation, truncation, edits).
 *   <li>{@link io.textsim.evaluation.SimulatedCorpus}: base stories, their copies and hard
 *       negatives, with the true clusters.
 *   <li>{@link io.textsim.evaluation.ClusteringMetrics}: pairwise precision, recall, F1 and the
 *       adjusted Rand index.
 *   <li>{@code ExactJoin} and {@code ThresholdSweep}: every pair at or above a threshold, without
 *       comparing all pairs, and the clusterings they give at many thresholds, the same as the
 *       library's all-pairs clustering.
 *   <li>{@link io.textsim.evaluation.ReutersCorpus}: reads the development corpus, which is
 *       licensed for research only and never copied into the repository.
 * </ul>
 *
 * <p>Running it:
 *
 * <pre>
 * ./mvnw -B -q -pl evaluation -am package -DskipTests
 * java -cp evaluation/target/evaluation.jar io.textsim.evaluation.QualityEvaluation \
 *     --devdata ../shared/devdata --out quality.md
 * </pre>
 *
 * <p>It skips with a message (exit 0) when the corpus is not found.
 */
package io.textsim.evaluation;
