/**
 * Shingling: {@link io.textsim.core.shingle.ShingleConfig} says what a shingle is, {@link
 * io.textsim.core.shingle.ShingleHashing} holds the frozen 64-bit hash functions, and {@link
 * io.textsim.core.shingle.ShingleSet} is the sorted set of a document's shingle hashes that every
 * set measure and sketch works on.
 */
package io.textsim.core.shingle;
