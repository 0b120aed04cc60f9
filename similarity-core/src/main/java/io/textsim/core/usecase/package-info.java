/**
 * The use cases as plain library calls: compare a pair ({@link
 * io.textsim.core.usecase.UseCases#compare}), rank candidates against a query ({@link
 * io.textsim.core.usecase.UseCases#search}) and cluster ({@link
 * io.textsim.core.cluster.Clusterer#cluster}, already one call). Each takes texts and an options
 * value and returns a typed record; the command line client and the gRPC server only adapt their
 * input and output to these calls, so a capability added here reaches both.
 *
 * <p>Decided here, once: which measures are computed for a verdict ({@link
 * io.textsim.core.measure.VerdictRule#measures()}), which are reported, when a search weighs words
 * by the collection's IDF ({@link io.textsim.core.usecase.IdfPolicy}), how matches are filtered,
 * ordered and cut.
 */
package io.textsim.core.usecase;
