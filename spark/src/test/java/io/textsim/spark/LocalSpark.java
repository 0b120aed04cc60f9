package io.textsim.spark;

import org.apache.spark.sql.SparkSession;

/** A small local Spark for tests: no UI, few shuffle partitions. */
final class LocalSpark {
  private LocalSpark() {}

  static SparkSession session(int cores) {
    return SparkSession.builder()
        .master("local[" + cores + "]")
        .appName("textsim-spark-test")
        .config("spark.ui.enabled", "false")
        .config("spark.sql.shuffle.partitions", "4")
        .config("spark.driver.host", "127.0.0.1")
        .config("spark.driver.bindAddress", "127.0.0.1")
        .config(JobKryo.configure(new org.apache.spark.SparkConf()))
        .getOrCreate();
  }
}
