package io.textsim.benchmarks.load;

import io.textsim.benchmarks.load.LoadResult.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.stream.Collectors;

/**
 * The results of one {@link LoadGenerator} run, and their Markdown table.
 *
 * @param setup lines describing the run (server, inputs, machine), printed above the table
 * @param results every measurement, in the order they were taken
 */
public record LoadReport(List<String> setup, List<LoadResult> results) {
  /** The least gRPC Compare throughput, as a fraction of the library's, that the project asks. */
  public static final double TARGET_RATIO = 0.70;

  /** Copies the lists. */
  public LoadReport {
    setup = List.copyOf(Objects.requireNonNull(setup, "setup"));
    results = List.copyOf(Objects.requireNonNull(results, "results"));
  }

  /** The result of {@code workload} on {@code path} at {@code concurrency}, if measured. */
  public Optional<LoadResult> find(String workload, Path path, int concurrency) {
    return results.stream()
        .filter(
            r ->
                r.workload().equals(workload) && r.path() == path && r.concurrency() == concurrency)
        .findFirst();
  }

  /** gRPC throughput over library throughput for {@code workload} at {@code concurrency}. */
  public OptionalDouble ratio(String workload, int concurrency) {
    Optional<LoadResult> grpc = find(workload, Path.GRPC, concurrency);
    Optional<LoadResult> library = find(workload, Path.LIBRARY, concurrency);
    if (grpc.isEmpty() || library.isEmpty() || library.get().throughput() == 0) {
      return OptionalDouble.empty();
    }
    return OptionalDouble.of(grpc.get().throughput() / library.get().throughput());
  }

  /** Failed calls over all measurements. */
  public long errors() {
    return results.stream().mapToLong(LoadResult::errorCount).sum();
  }

  /** Answers that differed from the library's, over all measurements. */
  public long mismatches() {
    return results.stream().mapToLong(LoadResult::mismatches).sum();
  }

  /** The setup lines, the table and, per workload, the ratio at the highest concurrency. */
  public String markdown() {
    StringBuilder out = new StringBuilder();
    for (String line : setup) {
      out.append("- ").append(line).append('\n');
    }
    out.append('\n')
        .append(
            "| workload | path | in flight | calls | calls/s | p50 (ms) | p99 (ms) | max (ms) |"
                + " CPU/call (us): all / client | cores busy: this JVM / machine | errors | mismatches |"
                + " load avg | gRPC / library |\n")
        .append("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
    for (LoadResult r : results) {
      OptionalDouble ratio =
          r.path() == Path.GRPC ? ratio(r.workload(), r.concurrency()) : OptionalDouble.empty();
      out.append("| ")
          .append(r.workload())
          .append(" | ")
          .append(r.path().label())
          .append(" | ")
          .append(r.concurrency())
          .append(" | ")
          .append(String.format(Locale.ROOT, "%,d", r.calls()))
          .append(" | ")
          .append(
              String.format(Locale.ROOT, r.throughput() < 100 ? "%,.2f" : "%,.0f", r.throughput()))
          .append(" | ")
          .append(millis(r.p50Micros()))
          .append(" | ")
          .append(millis(r.p99Micros()))
          .append(" | ")
          .append(millis(r.maxMicros()))
          .append(" | ")
          .append(micros(r.cpuMicrosPerCall()))
          .append(" / ")
          .append(micros(r.clientCpuMicrosPerCall()))
          .append(" | ")
          .append(Machine.format(r.processCores()))
          .append(" / ")
          .append(Machine.format(r.machineCores()))
          .append(" | ")
          .append(errors(r.errors()))
          .append(" | ")
          .append(r.mismatches())
          .append(" | ")
          .append(Machine.format(r.loadAverage()))
          .append(" | ")
          .append(ratio.isPresent() ? percent(ratio.getAsDouble()) : "")
          .append(" |\n");
    }
    out.append('\n');
    for (String line : summary()) {
      out.append(line).append('\n');
    }
    return out.toString();
  }

  /** One line per workload: the gRPC / library ratio at its highest concurrency. */
  List<String> summary() {
    List<String> out = new ArrayList<>();
    List<String> workloads = results.stream().map(LoadResult::workload).distinct().toList();
    for (String w : workloads) {
      int top =
          results.stream()
              .filter(r -> r.workload().equals(w))
              .mapToInt(LoadResult::concurrency)
              .max()
              .orElseThrow();
      OptionalDouble ratio = ratio(w, top);
      if (ratio.isEmpty()) {
        continue;
      }
      LoadResult grpc = find(w, Path.GRPC, top).orElseThrow();
      LoadResult library = find(w, Path.LIBRARY, top).orElseThrow();
      String line =
          String.format(
              Locale.ROOT,
              "%s at %d in flight: gRPC %s calls/s = %s of the library's %s calls/s",
              w,
              top,
              rate(grpc.throughput()),
              percent(ratio.getAsDouble()),
              rate(library.throughput()));
      if (w.startsWith("Compare")) {
        line +=
            String.format(
                Locale.ROOT,
                " (target >= %s: %s); gRPC p99 %s ms.",
                percent(TARGET_RATIO),
                ratio.getAsDouble() >= TARGET_RATIO ? "met" : "NOT met",
                millis(grpc.p99Micros()));
      } else {
        line += ".";
      }
      if (!Double.isNaN(grpc.cpuMicrosPerCall()) && !Double.isNaN(library.cpuMicrosPerCall())) {
        line +=
            String.format(
                Locale.ROOT,
                " CPU per call: library %,.0f us, gRPC %,.0f us (library / gRPC = %s).",
                library.cpuMicrosPerCall(),
                grpc.cpuMicrosPerCall(),
                percent(library.cpuMicrosPerCall() / grpc.cpuMicrosPerCall()));
        if (!Double.isNaN(grpc.clientCpuMicrosPerCall())) {
          line +=
              String.format(
                  Locale.ROOT,
                  " Of the gRPC path's, the client's threads took %,.0f us and the server side"
                      + " %,.0f us (library / server side = %s).",
                  grpc.clientCpuMicrosPerCall(),
                  grpc.serverCpuMicrosPerCall(),
                  percent(library.cpuMicrosPerCall() / grpc.serverCpuMicrosPerCall()));
        }
      }
      out.add(line);
    }
    return out;
  }

  private static String rate(double perSecond) {
    return String.format(Locale.ROOT, perSecond < 100 ? "%,.2f" : "%,.0f", perSecond);
  }

  private static String micros(double micros) {
    return Double.isNaN(micros) ? "n/a" : String.format(Locale.ROOT, "%,.0f", micros);
  }

  private static String millis(long micros) {
    return String.format(Locale.ROOT, "%,.2f", micros / 1000.0);
  }

  private static String percent(double ratio) {
    return String.format(Locale.ROOT, "%.1f%%", 100 * ratio);
  }

  private static String errors(Map<String, Long> errors) {
    if (errors.isEmpty()) {
      return "0";
    }
    return errors.entrySet().stream()
        .map(e -> e.getValue() + " " + e.getKey())
        .collect(Collectors.joining(", "));
  }
}
