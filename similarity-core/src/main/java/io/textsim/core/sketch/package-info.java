/**
 * Sketches: small fixed-size summaries of a document from which similarities are estimated without
 * the document.
 *
 * <ul>
 *   <li>{@link io.textsim.core.sketch.MinHasher} builds {@link
 *       io.textsim.core.sketch.MinHashSignature}s of shingle sets, whose fraction of equal slots
 *       estimates Jaccard similarity (Broder, "On the resemblance and containment of documents",
 *       1997). Two families: classic MinHash with {@code k} hash functions, and one-permutation
 *       hashing (Li, Owen, Zhang, NIPS 2012) with optimal densification (Shrivastava, ICML 2017),
 *       which hashes each shingle once. Signatures carry their {@link
 *       io.textsim.core.sketch.MinHashParameters} (family, {@code k}, seed, shingle configuration)
 *       and format version, refuse to be compared with mismatched ones, and have a versioned binary
 *       form.
 *   <li>{@link io.textsim.core.sketch.SimHash} computes 64-bit SimHashes over word counts
 *       (Charikar, STOC 2002), compared by Hamming distance.
 * </ul>
 *
 * <p>MinHash signatures feed the banded LSH index of {@code io.textsim.core.lsh}. See also
 * Leskovec, Rajaraman and Ullman, <i>Mining of Massive Datasets</i>, chapter 3.
 *
 * <p>The hash functions behind every sketch are frozen and pinned by known-answer tests: a stored
 * signature stays comparable with one computed by a later release of the same format version.
 */
package io.textsim.core.sketch;
