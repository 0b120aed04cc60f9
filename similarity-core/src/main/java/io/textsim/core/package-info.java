/**
 * textsim's core: {@link io.textsim.core.TextProfiler} turns a text into an immutable {@link
 * io.textsim.core.TextProfile} once, and every measure, sketch and index compares profiles without
 * re-tokenizing.
 *
 * <p>Subpackages: {@code text} (normalization, tokenization), {@code shingle} (shingles and their
 * frozen hashes), {@code edit} (bit-parallel edit distance), {@code measure} (similarity measures),
 * {@code html} (the visible text of web pages).
 */
package io.textsim.core;
