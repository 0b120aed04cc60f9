/**
 * JMH benchmarks: textsim side by side with its peers (Apache Commons Text, java-string-similarity)
 * on the seed pair in {@code examples/articles/} and on generated text.
 *
 * <h2>Suites</h2>
 *
 * <ul>
 *   <li>{@link io.textsim.benchmarks.LevenshteinBenchmark}: exact edit distance on three pairs
 *       (seed pair, 16 KB near-duplicates, unrelated 3 KB texts).
 *   <li>{@link io.textsim.benchmarks.ProfileBenchmark}: building a profile, Jaccard plus cosine
 *       from prebuilt profiles and from raw text, and the Commons Text equivalents.
 *   <li>{@link io.textsim.benchmarks.MinHashBenchmark}: MinHash signatures (classic and
 *       one-permutation) against java-LSH on the same shingle set.
 *   <li>{@link io.textsim.benchmarks.LshQueryBenchmark}: queries against an LSH index of 100,000
 *       signatures.
 *   <li>{@link io.textsim.benchmarks.ClusteringBenchmark}: clustering 10,000 and 100,000 simulated
 *       articles ({@link io.textsim.benchmarks.CorpusGenerator}) beside building their profiles
 *       alone; {@link io.textsim.benchmarks.TargetReport} turns the results into ratios.
 * </ul>
 *
 * <p>Not JMH: {@code io.textsim.benchmarks.load.LoadGenerator} (gRPC against the library, same
 * process); see docs/BENCHMARKS.md. The clustering quality evaluation has a module of its own,
 * {@code evaluation/} (docs/QUALITY.md).
 *
 * <h2>Running</h2>
 *
 * <p>Build the self-contained {@code benchmarks/target/benchmarks.jar} (JMH, the peers and the seed
 * articles shaded in), then run a suite by name (a regular expression over benchmark names):
 *
 * <pre>
 * ./mvnw -B -q -pl benchmarks -am package -DskipTests
 * java -jar benchmarks/target/benchmarks.jar Levenshtein -f 1 -wi 3 -i 5 -w 1s -r 1s
 * java -jar benchmarks/target/benchmarks.jar ProfileBenchmark -f 1 -wi 3 -i 5 -w 1s -r 1s
 * </pre>
 *
 * <p>The annotations carry the same defaults (one fork, three warm-up and five measured iterations
 * of one second each, average time in microseconds), so the flags may be left out. Useful extras:
 * {@code -p pair=seed-pair} (one case only), {@code -rf json -rff result.json} (machine-readable
 * results), {@code -prof gc} (allocation), {@code -l} (list the benchmarks). Run on an otherwise
 * idle machine; on a shared or small one, more forks ({@code -f 3}) make the error bars honest.
 *
 * <p>Each {@code @Setup} checks its inputs first: the Levenshtein suite refuses to run if the three
 * implementations disagree on a distance.
 */
package io.textsim.benchmarks;
