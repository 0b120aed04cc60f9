/**
 * Near-duplicate clustering on Apache Spark with the core's own steps, giving the clusters {@link
 * io.textsim.core.cluster.Clusterer} gives on one machine: {@link io.textsim.spark.SparkClusterer}
 * is the job, {@link io.textsim.spark.Main} its command line (run by {@code bin/textsim-spark} in
 * local mode, or by {@code spark-submit}); docs/SPARK.md describes the design.
 */
package io.textsim.spark;
