/**
 * The gRPC load generator: the same work over gRPC and through the library, in one process and one
 * run, so that the cost of the RPC path can be read off as a ratio.
 *
 * <p>{@link io.textsim.benchmarks.load.LoadGenerator} starts a {@link
 * io.textsim.server.TextsimServer} on 127.0.0.1 in the same JVM (or loads a running one with {@code
 * --target}), keeps a fixed number of async Compare calls in flight ({@link
 * io.textsim.benchmarks.load.ClosedLoop}), records every call's latency in an HdrHistogram, and
 * does the same work on a fixed thread pool calling the core directly. Every answer is checked
 * against the library's ({@link io.textsim.benchmarks.load.LibraryAnswers}). The report ({@link
 * io.textsim.benchmarks.load.LoadReport}) is a Markdown table of throughput, p50, p99 and max
 * latency per workload, path and concurrency, with gRPC throughput as a fraction of the library's.
 *
 * <pre>
 * ./mvnw -B -q -pl benchmarks -am package -DskipTests
 * java -cp benchmarks/target/benchmarks.jar io.textsim.benchmarks.load.LoadGenerator --help
 * </pre>
 */
package io.textsim.benchmarks.load;
