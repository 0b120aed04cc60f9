package io.textsim.benchmarks.load;

import io.grpc.Status;
import io.textsim.benchmarks.load.Soak.Kind;
import io.textsim.benchmarks.load.SoakVerdict.Sample;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The soak's process side: starts the server as a child process, drives {@link Soak}'s calls,
 * samples the server each minute and always stops it. See {@link Soak} for the load and flags.
 */
final class SoakRun {
  private static final Pattern LISTENING = Pattern.compile("listening on 127\\.0\\.0\\.1:(\\d+)");
  private static final Pattern HEAP_USED = Pattern.compile("heap\\s+total \\d+K, used (\\d+)K");
  private static final Pattern THREADS = Pattern.compile("(?m)^Threads:\\s+(\\d+)");

  private SoakRun() {}

  static int run(String[] args, PrintStream out) throws IOException, InterruptedException {
    int minutes = 10;
    double rate = 20;
    int inFlight = 8;
    String heap = "512m";
    Path root = Path.of(".");
    for (int i = 0; i + 1 < args.length; i += 2) {
      switch (args[i]) {
        case "--minutes" -> minutes = Integer.parseInt(args[i + 1]);
        case "--rate" -> rate = Double.parseDouble(args[i + 1]);
        case "--in-flight" -> inFlight = Integer.parseInt(args[i + 1]);
        case "--heap" -> heap = args[i + 1];
        case "--root" -> root = Path.of(args[i + 1]);
        default -> {
          out.println(
              "soak: unknown flag "
                  + args[i]
                  + "; flags: --minutes N (10), --rate"
                  + " CALLS_PER_S (20), --in-flight N (8), --heap SIZE (512m), --root REPO (.)");
          return 2;
        }
      }
    }
    if (args.length % 2 != 0 || minutes < 6 || rate <= 0 || inFlight < 1) {
      out.println(
          "soak: flags come in pairs; --minutes >= 6 (the verdict needs six samples),"
              + " --rate > 0, --in-flight >= 1");
      return 2;
    }
    Path tmp = Files.createTempDirectory("soak-");
    Path log = tmp.resolve("server.log");
    Path launcher = root.resolve("bin/textsim-server").toAbsolutePath();
    Path jar = root.resolve("grpc-server/target/textsim-server.jar").toAbsolutePath();
    List<String> command =
        List.of(
            launcher.toString(),
            "--host",
            "127.0.0.1",
            "--port",
            "0",
            "--index-dir",
            tmp.resolve("index").toString(),
            "--grace-period",
            "5s");
    ProcessBuilder pb =
        new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
    pb.environment().put("JAVA_OPTS", "-Xmx" + heap);
    // The jar as built; the launcher would otherwise rebuild a stale jar with Maven, outside the
    // build lock of a shared machine.
    pb.environment().put("TEXTSIM_SERVER_CLASSPATH", jar.toString());
    out.println(
        "soak: "
            + Instant.now()
            + ", load "
            + Machine.format(Machine.loadAverage())
            + "; server: JAVA_OPTS=-Xmx"
            + heap
            + " TEXTSIM_SERVER_CLASSPATH="
            + jar
            + " "
            + String.join(" ", command));
    Process server = pb.start();
    Thread stopper = new Thread(() -> stop(server));
    Runtime.getRuntime().addShutdownHook(stopper);
    try {
      return soak(server, log, minutes, rate, inFlight, out);
    } catch (Exception e) {
      out.println("soak: FAILED: " + e);
      return 1;
    } finally {
      int code = stop(server);
      Runtime.getRuntime().removeShutdownHook(stopper);
      out.println("soak: server stopped, exit code " + code + "; its log: " + log);
    }
  }

  private static int soak(
      Process server, Path log, int minutes, double rate, int inFlight, PrintStream out)
      throws Exception {
    int port = port(server, log);
    long pid = server.pid();
    out.println("soak: server pid " + pid + " on port " + port);
    Soak soak = new Soak(Soak.channel(port));
    Soak.Tally tally = new Soak.Tally();
    List<Sample> samples = Collections.synchronizedList(new ArrayList<>());
    try {
      soak.preseed();
      soak.preflightLong();
      // Every kind once before the clock starts, so that a wrong expectation fails at once.
      SplittableRandom pr = new SplittableRandom(1);
      for (Kind k : Kind.values()) {
        once(soak, k, pr, tally, 0);
      }
      if (tally.failed.get() > 0) {
        out.println("soak: preflight failed: " + tally.failures);
        return 1;
      }
      Sample before = sample(pid, 0);
      out.printf(
          Locale.ROOT,
          "before load: heap after GC %.1f MiB, %d threads%n",
          before.heapAfterGcBytes() / 1048576.0,
          before.threads());
      long start = System.nanoTime();
      long end = start + TimeUnit.MINUTES.toNanos(minutes);
      long interval = (long) (1e9 / rate);
      long[] next = {start};
      List<Thread> workers = new ArrayList<>();
      int[] weights = Stream.of(Kind.values()).mapToInt(k -> k.weight).toArray();
      int sum = java.util.Arrays.stream(weights).sum();
      for (int w = 0; w < inFlight; w++) {
        SplittableRandom r = new SplittableRandom(1000 + w);
        Thread t =
            new Thread(
                () -> {
                  while (true) {
                    long slot;
                    synchronized (next) {
                      slot = Math.max(next[0], System.nanoTime());
                      next[0] = slot + interval;
                    }
                    if (slot >= end) {
                      return;
                    }
                    long wait = slot - System.nanoTime();
                    if (wait > 0) {
                      try {
                        TimeUnit.NANOSECONDS.sleep(wait);
                      } catch (InterruptedException e) {
                        return;
                      }
                    }
                    int pick = r.nextInt(sum);
                    Kind kind = Kind.values()[0];
                    for (int k = 0; k < weights.length; k++) {
                      if (pick < weights[k]) {
                        kind = Kind.values()[k];
                        break;
                      }
                      pick -= weights[k];
                    }
                    int minute =
                        (int) Math.min(minutes, 1 + (System.nanoTime() - start) / 60_000_000_000L);
                    long backoff = once(soak, kind, r, tally, minute);
                    if (backoff > 0) {
                      try {
                        Thread.sleep(backoff);
                      } catch (InterruptedException e) {
                        return;
                      }
                    }
                  }
                },
                "soak-client-" + w);
        t.setDaemon(true);
        t.start();
        workers.add(t);
      }
      for (int m = 1; m <= minutes; m++) {
        long due = start + TimeUnit.MINUTES.toNanos(m);
        long wait = due - System.nanoTime();
        if (wait > 0) {
          TimeUnit.NANOSECONDS.sleep(wait);
        }
        if (!server.isAlive()) {
          out.println("soak: the server died; exit code " + server.exitValue());
          return 1;
        }
        Sample s = sample(pid, m);
        samples.add(s);
        out.printf(
            Locale.ROOT,
            "minute %d: %d calls, heap after GC %.1f MiB, %d threads, %d" + " failures, load %s%n",
            m,
            tally.total(m),
            s.heapAfterGcBytes() / 1048576.0,
            s.threads(),
            tally.failed.get(),
            Machine.format(Machine.loadAverage()));
      }
      for (Thread t : workers) {
        t.join(TimeUnit.SECONDS.toMillis(90));
      }
    } finally {
      soak.close();
    }
    String serverLog = Files.readString(log, StandardCharsets.UTF_8);
    boolean oom = serverLog.contains("OutOfMemoryError");
    SoakVerdict.Result verdict = SoakVerdict.judge(samples);
    out.println();
    out.print(Soak.markdown(tally, samples, minutes));
    out.println();
    out.println("verdict: " + verdict.word() + " (" + verdict.reason() + ")");
    out.println(
        "failures: "
            + tally.failed.get()
            + (tally.failures.isEmpty()
                ? ""
                : "; the first: " + String.join(" | ", tally.failures)));
    out.println(
        "OutOfMemoryError in the server log: "
            + (oom ? "yes" : "no")
            + "; load at end "
            + Machine.format(Machine.loadAverage()));
    if (tally.failed.get() > 0 || oom) {
      return 1;
    }
    return verdict.flat() ? 0 : 3;
  }

  /** One call, counted and judged; returns how long to back off (RetryInfo), in ms. */
  static long once(Soak soak, Kind kind, SplittableRandom r, Soak.Tally tally, int minute) {
    String status;
    long backoff = 0;
    try {
      soak.call(kind, r);
      status = "OK";
    } catch (Soak.WrongAnswer e) {
      tally.add(minute, kind, Soak.WRONG);
      tally.fail(minute, kind, e.getMessage());
      return 0;
    } catch (Exception e) {
      status = Soak.statusName(e);
      Status.Code code = Status.fromThrowable(e).getCode();
      if (code == Status.Code.RESOURCE_EXHAUSTED) {
        long delay = Soak.retryDelayMillis(e);
        if (delay < 0) {
          tally.add(minute, kind, status);
          tally.fail(minute, kind, "RESOURCE_EXHAUSTED without retry info: " + e.getMessage());
          return 0;
        }
        backoff = Math.min(5000, delay + r.nextInt(1 + (int) Math.min(delay, 1000)));
      } else if (!Soak.expected(kind).contains(code)) {
        tally.add(minute, kind, status);
        tally.fail(minute, kind, status + ": " + e.getMessage());
        return 0;
      }
    }
    if (!Soak.expected(kind).contains(Status.Code.valueOf(status))) {
      tally.add(minute, kind, status);
      tally.fail(minute, kind, "unexpected " + status);
      return 0;
    }
    tally.add(minute, kind, status);
    return backoff;
  }

  private static int port(Process server, Path log) throws IOException, InterruptedException {
    long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (System.nanoTime() < until) {
      if (Files.exists(log)) {
        Matcher m = LISTENING.matcher(Files.readString(log, StandardCharsets.UTF_8));
        if (m.find()) {
          return Integer.parseInt(m.group(1));
        }
      }
      if (!server.isAlive()) {
        throw new IOException("the server exited with " + server.exitValue() + "; log " + log);
      }
      Thread.sleep(100);
    }
    throw new IOException("the server did not say it was listening within 60 s; log " + log);
  }

  /** Heap after a full GC (jcmd GC.run, then GC.heap_info) and the process's thread count. */
  static Sample sample(long pid, int minute) throws IOException, InterruptedException {
    jcmd(pid, "GC.run");
    String info = jcmd(pid, "GC.heap_info");
    Matcher h = HEAP_USED.matcher(info);
    if (!h.find()) {
      throw new IOException("no heap size in jcmd " + pid + " GC.heap_info: " + info);
    }
    String status = Files.readString(Path.of("/proc/" + pid + "/status"));
    Matcher t = THREADS.matcher(status);
    if (!t.find()) {
      throw new IOException("no Threads line in /proc/" + pid + "/status");
    }
    return new Sample(minute, Long.parseLong(h.group(1)) * 1024, Integer.parseInt(t.group(1)));
  }

  private static String jcmd(long pid, String what) throws IOException, InterruptedException {
    Process p =
        new ProcessBuilder("jcmd", Long.toString(pid), what).redirectErrorStream(true).start();
    String text = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
      throw new IOException("jcmd " + pid + " " + what + " failed: " + text);
    }
    return text;
  }

  /** SIGTERM, then SIGKILL after 30 s; returns the exit code. */
  static int stop(Process server) {
    if (!server.isAlive()) {
      return server.exitValue();
    }
    server.destroy();
    try {
      if (!server.waitFor(30, TimeUnit.SECONDS)) {
        server.destroyForcibly();
        server.waitFor(10, TimeUnit.SECONDS);
      }
      return server.exitValue();
    } catch (InterruptedException | IllegalThreadStateException e) {
      server.destroyForcibly();
      return -1;
    }
  }
}
