/**
 * Edit distances: how many single-element edits turn one sequence into another.
 *
 * <p>{@link io.textsim.core.edit.Levenshtein} computes the unit-cost Levenshtein distance between
 * two sequences of {@code int}s: Unicode code points for text (never UTF-16 units, so a
 * supplementary character or a combining mark is one element), or token ids for word-level
 * distance. It is the library's fastest exact edit distance and the one every measure built on edit
 * distance uses:
 *
 * <ul>
 *   <li>common prefix and suffix are stripped, then the rest is computed with Myers' bit-parallel
 *       algorithm, 64 cells of a matrix column per machine word (Myers 1999; Hyyrö 2003);
 *   <li>with a cutoff {@code k}, only the diagonal band of cells that can lie on a path of cost at
 *       most {@code k} is computed (Ukkonen 1985), and the answer is a {@link
 *       io.textsim.core.edit.BoundedDistance} that is either {@code Exact(d)} or {@code
 *       MoreThan(k)}, never a sentinel;
 *   <li>without a cutoff the band grows until the answer fits, so near-duplicates cost time in
 *       proportion to {@code length * distance / 64} rather than {@code length^2 / 64}.
 * </ul>
 *
 * <p>{@link io.textsim.core.edit.Levenshtein#similarity(int, int, int)} is the single place where a
 * normalized similarity {@code 1 - d / max(|a|, |b|)} is derived from the distance.
 *
 * <p>Long computations poll an {@link io.textsim.core.Cancellation} and stop with {@link
 * io.textsim.core.OperationCancelledException} when it fires. Everything here is stateless and
 * thread-safe.
 */
package io.textsim.core.edit;
