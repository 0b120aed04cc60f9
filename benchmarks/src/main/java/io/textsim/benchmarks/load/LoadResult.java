package io.textsim.benchmarks.load;

import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.HdrHistogram.Histogram;

/**
 * The measurement of one workload on one path at one concurrency.
 *
 * @param workload what each call does, e.g. {@code "Compare seed pair"}
 * @param path {@link Path#GRPC} or {@link Path#LIBRARY}
 * @param concurrency calls in flight
 * @param calls calls completed successfully in the measured windows
 * @param seconds the total length of the measured windows (for calls made one at a time: the sum of
 *     the measured calls' latencies)
 * @param p50Micros median latency, microseconds
 * @param p99Micros 99th percentile latency, microseconds
 * @param maxMicros highest latency, microseconds
 * @param cpuMicrosPerCall this process's CPU time (every thread: client, server, library, JIT, GC)
 *     in the measured windows per completed call, microseconds; NaN if unavailable
 * @param clientCpuMicrosPerCall of that, the gRPC client's threads' share (0 on the library path):
 *     CPU that a client on another machine would not take from the server; NaN if unavailable
 * @param processCores this process's CPU time over the windows' length: the cores it kept busy
 * @param machineCores the whole machine's busy CPU time over the windows' length (this process
 *     included); NaN where {@code /proc/stat} is unavailable
 * @param errors failed calls by kind (gRPC status code or exception class), over the whole run
 *     including warm-up
 * @param mismatches successful calls whose answer differed from the library's, over the whole run
 * @param loadAverage the system's one-minute load average at the end of the measured windows,
 *     averaged over them; NaN if unavailable
 */
public record LoadResult(
    String workload,
    Path path,
    int concurrency,
    long calls,
    double seconds,
    long p50Micros,
    long p99Micros,
    long maxMicros,
    double cpuMicrosPerCall,
    double clientCpuMicrosPerCall,
    double processCores,
    double machineCores,
    Map<String, Long> errors,
    long mismatches,
    double loadAverage) {

  /** Where the work is done. */
  public enum Path {
    /** Calls to the core in this process, on a fixed thread pool. */
    LIBRARY,
    /** Async gRPC calls to a TextsimServer over a real (loopback) connection. */
    GRPC;

    /** The name shown in tables. */
    public String label() {
      return this == GRPC ? "gRPC" : "library";
    }
  }

  /** Validates the result and copies the error counts. */
  public LoadResult {
    Objects.requireNonNull(workload, "workload");
    Objects.requireNonNull(path, "path");
    errors = Collections.unmodifiableMap(new TreeMap<>(Objects.requireNonNull(errors, "errors")));
    if (seconds <= 0) {
      throw new IllegalArgumentException("seconds must be positive, got " + seconds);
    }
  }

  /** A result from a histogram of microsecond latencies. */
  static LoadResult of(
      String workload,
      Path path,
      int concurrency,
      Histogram micros,
      double seconds,
      Machine.Snapshot usage,
      Map<String, Long> errors,
      long mismatches,
      double loadAverage) {
    long calls = micros.getTotalCount();
    double cpuSeconds = usage.processCpuNanos() < 0 ? Double.NaN : usage.processCpuNanos() / 1e9;
    double clientCpuSeconds =
        usage.clientCpuNanos() < 0 ? Double.NaN : usage.clientCpuNanos() / 1e9;
    return new LoadResult(
        workload,
        path,
        concurrency,
        calls,
        seconds,
        micros.getValueAtPercentile(50),
        micros.getValueAtPercentile(99),
        micros.getMaxValue(),
        calls == 0 ? Double.NaN : cpuSeconds * 1e6 / calls,
        calls == 0 ? Double.NaN : clientCpuSeconds * 1e6 / calls,
        cpuSeconds / seconds,
        usage.machineCores(),
        errors,
        mismatches,
        loadAverage);
  }

  /**
   * CPU per call of everything but the gRPC client: the server's threads (or the library's), JIT
   * and GC. NaN if unavailable.
   */
  public double serverCpuMicrosPerCall() {
    return cpuMicrosPerCall - clientCpuMicrosPerCall;
  }

  /** Completed calls per second. */
  public double throughput() {
    return calls / seconds;
  }

  /** All failed calls. */
  public long errorCount() {
    return errors.values().stream().mapToLong(Long::longValue).sum();
  }

  /** Calls the server refused as overloaded (RESOURCE_EXHAUSTED). */
  public long rejected() {
    return errors.getOrDefault("RESOURCE_EXHAUSTED", 0L);
  }
}
