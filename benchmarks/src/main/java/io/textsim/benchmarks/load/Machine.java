package io.textsim.benchmarks.load;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.OperatingSystemMXBean;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * What the machine is doing, recorded next to each measurement because the machine may be shared:
 * the load average, this process's CPU time and, on Linux, the whole machine's busy CPU time (from
 * {@code /proc/stat}), so that a window's throughput can be read together with the CPU this process
 * got and the CPU everything else took.
 */
final class Machine {
  private static final Path PROC_STAT = Path.of("/proc/stat");

  private Machine() {}

  /**
   * CPU counters at one instant.
   *
   * @param processCpuNanos this JVM's CPU time (all threads), or -1 if unavailable
   * @param clientCpuNanos the CPU time of this JVM's gRPC client threads (named {@value
   *     ClosedLoop#CLIENT_THREADS}...), or -1 if unavailable
   * @param busyTicks the machine's non-idle CPU time in clock ticks, or -1 if unavailable
   * @param totalTicks the machine's total CPU time in clock ticks, or -1 if unavailable
   */
  record Snapshot(long processCpuNanos, long clientCpuNanos, long busyTicks, long totalTicks) {
    /** The counters now. */
    static Snapshot now() {
      long[] ticks = systemTicks();
      return new Snapshot(Machine.processCpuNanos(), Machine.clientCpuNanos(), ticks[0], ticks[1]);
    }

    /** The counters' growth from {@code earlier} to this snapshot; -1 where unavailable. */
    Snapshot since(Snapshot earlier) {
      return new Snapshot(
          processCpuNanos < 0 || earlier.processCpuNanos < 0
              ? -1
              : processCpuNanos - earlier.processCpuNanos,
          clientCpuNanos < 0 || earlier.clientCpuNanos < 0
              ? -1
              : clientCpuNanos - earlier.clientCpuNanos,
          busyTicks < 0 || earlier.busyTicks < 0 ? -1 : busyTicks - earlier.busyTicks,
          totalTicks < 0 || earlier.totalTicks < 0 ? -1 : totalTicks - earlier.totalTicks);
    }

    /** The sum of two growths; -1 if either is unavailable. */
    Snapshot plus(Snapshot other) {
      return new Snapshot(
          add(processCpuNanos, other.processCpuNanos),
          add(clientCpuNanos, other.clientCpuNanos),
          add(busyTicks, other.busyTicks),
          add(totalTicks, other.totalTicks));
    }

    /** No growth. */
    static Snapshot zero() {
      return new Snapshot(0, 0, 0, 0);
    }

    private static long add(long a, long b) {
      return a < 0 || b < 0 ? -1 : a + b;
    }

    /**
     * Of a growth: the machine's busy cores on average (busy share times cores); NaN if unknown.
     */
    double machineCores() {
      return busyTicks < 0 || totalTicks <= 0
          ? Double.NaN
          : (double) busyTicks / totalTicks * Runtime.getRuntime().availableProcessors();
    }
  }

  /** The one-minute load average, or NaN where the platform has none. */
  static double loadAverage() {
    double load = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    return load < 0 ? Double.NaN : load;
  }

  /** {@code "3.85"}, or {@code "n/a"} for NaN. */
  static String format(double value) {
    return Double.isNaN(value) ? "n/a" : String.format(Locale.ROOT, "%.2f", value);
  }

  /** This JVM's CPU time in nanoseconds, or -1 where the platform does not say. */
  static long processCpuNanos() {
    OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();
    if (os instanceof com.sun.management.OperatingSystemMXBean sun) {
      return sun.getProcessCpuTime();
    }
    return -1;
  }

  /**
   * The CPU time of the live threads named {@value ClosedLoop#CLIENT_THREADS}..., or -1 where the
   * JVM does not measure thread CPU time. Threads that ended are not counted; the client's threads
   * live for the whole run.
   */
  static long clientCpuNanos() {
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    if (!threads.isThreadCpuTimeSupported() || !threads.isThreadCpuTimeEnabled()) {
      return -1;
    }
    long total = 0;
    for (ThreadInfo info : threads.getThreadInfo(threads.getAllThreadIds())) {
      if (info != null && info.getThreadName().startsWith(ClosedLoop.CLIENT_THREADS)) {
        long cpu = threads.getThreadCpuTime(info.getThreadId());
        if (cpu > 0) {
          total += cpu;
        }
      }
    }
    return total;
  }

  /** The machine's busy and total CPU ticks from {@code /proc/stat}; {-1, -1} if unreadable. */
  private static long[] systemTicks() {
    try {
      String first =
          Files.readString(PROC_STAT, StandardCharsets.US_ASCII).lines().findFirst().orElse("");
      String[] f = first.trim().split("\\s+", -1);
      if (f.length < 5 || !f[0].equals("cpu")) {
        return new long[] {-1, -1};
      }
      long total = 0;
      // user nice system idle iowait irq softirq steal (guest time is already in user and nice)
      for (int i = 1; i < Math.min(f.length, 9); i++) {
        total += Long.parseLong(f[i]);
      }
      long idle = Long.parseLong(f[4]) + (f.length > 5 ? Long.parseLong(f[5]) : 0);
      return new long[] {total - idle, total};
    } catch (IOException | RuntimeException e) {
      return new long[] {-1, -1};
    }
  }
}
