/**
 * The quality evaluation of near-duplicate clustering: a syndication simulator, exact reference
 * clusterings and pair-counting metrics, run by {@link io.textsim.evaluation.QualityEvaluation}
 * (and, on collections of other shapes, {@link io.textsim.evaluation.ShapesEvaluation}) and
 * documented with its results in {@code docs/QUALITY.md}.
 *
 * <h2>Corpora</h2>
 *
 * <ul>
 *   <li>{@link io.textsim.evaluation.ReutersCorpus}: reads the development corpus, which is
 *       licensed for research only and never copied into the repository; {@code StoryPool} groups
 *       its near-duplicate stories so that no two base stories are copies of each other.
 *   <li>{@link io.textsim.evaluation.SyndicationSimulator}: the copies outlets make of a story,
 *       built from {@code Outlet} (the page templates), {@code PageFurniture}, {@code StoryText},
 *       {@code StoryEdits} and {@code Punctuation}.
 *   <li>{@link io.textsim.evaluation.SimulatedCorpus}: base stories, their copies and hard
 *       negatives, with the true clusters; {@code ShapedCollection}: collections of other shapes.
 * </ul>
 *
 * <h2>Reference clusterings and metrics</h2>
 *
 * <ul>
 *   <li>{@link io.textsim.evaluation.ClusteringMetrics}: pairwise precision, recall, F1 and the
 *       adjusted Rand index.
 *   <li>{@code ExactJoin} and {@code ThresholdSweep}: every pair at or above a threshold, without
 *       comparing all pairs, and the clusterings they give at many thresholds, the same as the
 *       library's all-pairs clustering; {@code ExactScoring} scores the pairs.
 * </ul>
 *
 * <h2>The evaluation: engine and report</h2>
 *
 * <p>{@code QualityArguments} holds the command line (picocli). Each step of the evaluation
 * computes its results in one class and a {@code ...Section} class writes them as Markdown: {@code
 * CorpusSummary} and {@code CorpusSection} (1, the simulated corpus); {@code SweepRunner}, {@code
 * SweepStatistics} and {@code SweepSection} (2, measure, shingles and threshold); {@code
 * ErrorAnalysis} and {@code ErrorSection} (3); {@code LibraryCheck} and {@code LibrarySection} (4,
 * the library's clusterer); {@code ReutersClustering} and {@code ReutersSection} (5); {@code
 * LshRecall} and {@code LshRecallSection} (6). {@code QualityReport} prints the report and keeps it
 * for {@code --out}.
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
