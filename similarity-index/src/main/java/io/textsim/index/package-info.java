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
 */
package io.textsim.index;
