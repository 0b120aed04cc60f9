/**
 * Near-duplicate clustering: {@link io.textsim.core.cluster.Clusterer} turns documents into
 * clusters of copies, with candidate pairs from all pairs or MinHash LSH, exact verification, and
 * single or average linkage.
 */
package io.textsim.core.cluster;
