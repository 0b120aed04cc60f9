/**
 * A persistent near-duplicate index: {@link io.textsim.index.NearDuplicateIndex} keeps documents
 * added over time in an embedded RocksDB and answers which stored documents a new text copies,
 * verified by the exact measure.
 *
 * <p>This is a module of its own ({@code textsim-index}) rather than a package of similarity-core
 * because RocksDB's Java binding carries its native libraries for every platform in one jar of
 * about 60 MB: a program that only compares texts with similarity-core should not inherit it.
 *
 * <p>The on-disk layout (keys, column families, value formats, versions) is written down in {@code
 * IndexLayout}, {@code IndexSettings} and {@code StoredDocument}; values are textsim's own
 * versioned byte formats, never Java serialization.
 *
 * <p>Inside, {@code NearDuplicateIndex} is the public face and owns the lifecycle and the profiling
 * of texts; an opening goes through {@code RocksStore} (directory checks, lock, column families)
 * and {@code IndexFormat} (settings, format version); {@code DocumentChecks} refuses bad input
 * before any work; {@code IndexWriter} is the write path (batch encoding, adds, removes and the
 * expiry sweep under one lock); {@code IndexSearcher} the query path (band lookups and exact
 * verification on one snapshot); {@code ExpirySweeper} runs the sweep in the background.
 */
package io.textsim.index;
