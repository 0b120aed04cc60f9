package io.textsim.benchmarks;

import com.sun.management.GarbageCollectionNotificationInfo;
import com.sun.management.OperatingSystemMXBean;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import javax.management.ListenerNotFoundException;
import javax.management.Notification;
import javax.management.NotificationEmitter;
import javax.management.NotificationListener;
import javax.management.openmbean.CompositeData;

/**
 * Measures what one benchmark iteration needed, from {@link #start()} to {@link #stop}: its peak
 * heap, three ways, and the CPU and collector time it used.
 *
 * <ul>
 *   <li><b>sampled peak</b>: the largest {@code MemoryMXBean} heap "used" seen by a thread that
 *       polls it every {@value #SAMPLE_MILLIS} ms. A lower bound of the true peak (a peak between
 *       two samples is missed), but close to it, since the heap fills over seconds between
 *       collections.
 *   <li><b>pool peaks</b>: the sum over the heap's memory pools (for G1: eden, survivor, old) of
 *       {@link MemoryPoolMXBean#getPeakUsage()} after {@link MemoryPoolMXBean#resetPeakUsage()}. An
 *       upper bound: the pools need not peak at the same moment.
 *   <li><b>after GC</b>: the largest heap "used" right after a garbage collection, from the
 *       collectors' notifications: close to what the iteration kept reachable at its fullest (a
 *       young collection leaves the old generation's garbage in place, so it can be more). Zero if
 *       no collection happened.
 *   <li><b>CPU</b>: the process CPU time ({@code OperatingSystemMXBean.getProcessCpuTime()}, all
 *       threads: workers, collector and JIT threads). Unlike wall time it hardly depends on what
 *       else runs on the machine, so ratios of CPU times stay meaningful on a shared machine.
 *   <li><b>GC</b>: the collectors' accumulated collection time ({@link
 *       GarbageCollectorMXBean#getCollectionTime()}, pause time for G1's young and mixed
 *       collections).
 * </ul>
 *
 * <p>Each {@link #stop} prints one line to standard output ({@code "# iteration ..."}, which JMH
 * shows in its log) and, if the environment variable {@value #LOG_ENV} names a file, appends a
 * tab-separated line to it (the forked benchmark JVM inherits the environment): the label, then
 * sampled peak, pool peaks, after-GC peak and heap limit in MiB, then CPU, GC and wall time in
 * seconds. Not thread-safe; one per benchmark state.
 */
final class IterationWatch {
  /** Environment variable naming the file that collects one line per iteration. */
  static final String LOG_ENV = "TEXTSIM_HEAP_LOG";

  static final int SAMPLE_MILLIS = 5;

  private static final double MIB = 1024.0 * 1024.0;

  private final List<MemoryPoolMXBean> heapPools = new ArrayList<>();
  private final Set<String> heapPoolNames = new HashSet<>();
  private final AtomicLong sampledPeak = new AtomicLong();
  private final AtomicLong afterGc = new AtomicLong();
  private final NotificationListener gcListener = this::onGc;
  private Thread sampler;
  private long cpuStart;
  private long gcStart;
  private long wallStart;

  IterationWatch() {
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP) {
        heapPools.add(pool);
        heapPoolNames.add(pool.getName());
      }
    }
  }

  /** Resets the peaks, starts sampling and notes the CPU, GC and wall clocks. */
  void start() {
    for (MemoryPoolMXBean pool : heapPools) {
      pool.resetPeakUsage();
    }
    sampledPeak.set(heapUsed());
    afterGc.set(0);
    for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
      if (gc instanceof NotificationEmitter emitter) {
        emitter.addNotificationListener(gcListener, null, null);
      }
    }
    sampler =
        new Thread(
            () -> {
              while (!Thread.currentThread().isInterrupted()) {
                sampledPeak.accumulateAndGet(heapUsed(), Math::max);
                try {
                  Thread.sleep(SAMPLE_MILLIS);
                } catch (InterruptedException e) {
                  return;
                }
              }
            },
            "iteration-watch");
    sampler.setDaemon(true);
    sampler.start();
    gcStart = gcMillis();
    cpuStart = cpuNanos();
    wallStart = System.nanoTime();
  }

  /**
   * Stops watching, prints and logs what the iteration described by {@code label} used, and returns
   * it.
   */
  Usage stop(String label) {
    long wall = System.nanoTime() - wallStart;
    long cpu = cpuNanos() - cpuStart;
    long gc = gcMillis() - gcStart;
    sampler.interrupt();
    try {
      sampler.join();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    for (GarbageCollectorMXBean bean : ManagementFactory.getGarbageCollectorMXBeans()) {
      if (bean instanceof NotificationEmitter emitter) {
        try {
          emitter.removeNotificationListener(gcListener);
        } catch (ListenerNotFoundException e) {
          // not registered: nothing to remove
        }
      }
    }
    sampledPeak.accumulateAndGet(heapUsed(), Math::max);
    long poolPeaks = 0;
    for (MemoryPoolMXBean pool : heapPools) {
      poolPeaks += pool.getPeakUsage().getUsed();
    }
    Usage usage =
        new Usage(
            sampledPeak.get(),
            poolPeaks,
            afterGc.get(),
            Runtime.getRuntime().maxMemory(),
            cpu / 1e9,
            gc / 1e3,
            wall / 1e9);
    System.out.printf(
        Locale.ROOT,
        "# iteration %s: heap sampled peak %.0f MiB, pool peaks %.0f MiB, after GC %.0f MiB,"
            + " max %.0f MiB; CPU %.2f s, GC %.2f s, wall %.2f s%n",
        label.replace('\t', ' '),
        usage.sampledPeak() / MIB,
        usage.poolPeaks() / MIB,
        usage.afterGc() / MIB,
        usage.maxHeap() / MIB,
        usage.cpuSeconds(),
        usage.gcSeconds(),
        usage.wallSeconds());
    String log = System.getenv(LOG_ENV);
    if (log != null && !log.isEmpty()) {
      String line =
          String.format(
              Locale.ROOT,
              "%s\t%.0f\t%.0f\t%.0f\t%.0f\t%.3f\t%.3f\t%.3f%n",
              label,
              usage.sampledPeak() / MIB,
              usage.poolPeaks() / MIB,
              usage.afterGc() / MIB,
              usage.maxHeap() / MIB,
              usage.cpuSeconds(),
              usage.gcSeconds(),
              usage.wallSeconds());
      try {
        Files.writeString(
            Path.of(log),
            line,
            StandardCharsets.UTF_8,
            StandardOpenOption.CREATE,
            StandardOpenOption.APPEND);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot append to " + log, e);
      }
    }
    return usage;
  }

  /**
   * What an iteration used.
   *
   * @param sampledPeak the largest sampled heap use, in bytes
   * @param poolPeaks the sum of the heap pools' peaks, in bytes
   * @param afterGc the largest heap use right after a collection, in bytes
   * @param maxHeap the heap limit ({@code -Xmx}), in bytes
   * @param cpuSeconds the process CPU time, all threads
   * @param gcSeconds the collectors' collection time
   * @param wallSeconds the elapsed time
   */
  record Usage(
      long sampledPeak,
      long poolPeaks,
      long afterGc,
      long maxHeap,
      double cpuSeconds,
      double gcSeconds,
      double wallSeconds) {}

  private static long heapUsed() {
    return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
  }

  private static long cpuNanos() {
    return ManagementFactory.getOperatingSystemMXBean() instanceof OperatingSystemMXBean os
        ? os.getProcessCpuTime()
        : 0;
  }

  private static long gcMillis() {
    long total = 0;
    for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
      total += Math.max(0, gc.getCollectionTime());
    }
    return total;
  }

  private void onGc(Notification notification, Object handback) {
    if (!GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(
        notification.getType())) {
      return;
    }
    GarbageCollectionNotificationInfo info =
        GarbageCollectionNotificationInfo.from((CompositeData) notification.getUserData());
    long used = 0;
    for (Map.Entry<String, MemoryUsage> e : info.getGcInfo().getMemoryUsageAfterGc().entrySet()) {
      if (heapPoolNames.contains(e.getKey())) {
        used += e.getValue().getUsed();
      }
    }
    afterGc.accumulateAndGet(used, Math::max);
  }
}
