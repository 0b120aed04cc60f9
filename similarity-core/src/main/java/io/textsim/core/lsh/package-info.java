/**
 * Locality-sensitive hashing over MinHash signatures: {@link io.textsim.core.lsh.LshIndex} files
 * each signature in one bucket per band and answers "which indexed sets are probably similar to
 * this one" in time proportional to the answer, and {@link io.textsim.core.lsh.LshParameters}
 * chooses the banding for a similarity threshold by minimizing weighted false positive and false
 * negative probability (the criterion of datasketch's {@code MinHashLSH}).
 *
 * <p>Reference: Leskovec, Rajaraman, Ullman, <i>Mining of Massive Datasets</i>, chapter 3 (sections
 * 3.3 and 3.4); Broder (1997) for MinHash itself.
 */
package io.textsim.core.lsh;
