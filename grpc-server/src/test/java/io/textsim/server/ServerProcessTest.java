package io.textsim.server;

import static io.textsim.server.Fixtures.MEHR;
import static io.textsim.server.Fixtures.TEHRAN;
import static io.textsim.server.Fixtures.doc;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.grpc.Grpc;
import io.grpc.InsecureChannelCredentials;
import io.grpc.ManagedChannel;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.stub.StreamObserver;
import io.textsim.proto.v1.ClusterStreamRequest;
import io.textsim.proto.v1.ClusterStreamResponse;
import io.textsim.proto.v1.CompareRequest;
import io.textsim.proto.v1.SimilarityServiceGrpc;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The server as its users run it: {@code bin/textsim-server} as a child process (run from the test
 * class path, so that nothing is built inside the build) on 127.0.0.1 and a free port, stopped by
 * SIGTERM ({@link Process#destroy()} on Linux). Shows the exit codes of a stop (0 when every call
 * finished within the grace period, 3 when one had to be cancelled) and what the log says about a
 * request over the message size limit (one line, no stack trace).
 */
class ServerProcessTest {
  private static final Path ROOT =
      Path.of(System.getProperty("textsim.root", "..")).toAbsolutePath().normalize();
  private static final Pattern LISTENING =
      Pattern.compile("textsim-server listening on 127\\.0\\.0\\.1:(\\d+)");

  @TempDir Path tmp;

  private final List<Process> started = new ArrayList<>();
  private final List<ManagedChannel> channels = new ArrayList<>();

  /** A running server child, its port and where its log (stderr) goes. */
  record Child(Process process, int port, Path log) {}

  @BeforeAll
  static void needsBashAndSignals() {
    assumeTrue(new File("/bin/bash").canExecute(), "bash is needed to run the launcher");
    assumeTrue(
        !System.getProperty("os.name").startsWith("Windows"),
        "Process.destroy() sends SIGTERM only on Unix-like systems");
  }

  @AfterEach
  void cleanUp() throws InterruptedException {
    for (ManagedChannel c : channels) {
      c.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
    }
    for (Process p : started) {
      p.destroyForcibly();
    }
  }

  private Child start(String... flags) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    command.add(ROOT.resolve("bin/textsim-server").toString());
    command.addAll(List.of("--host", "127.0.0.1", "--port", "0", "--threads", "2"));
    command.addAll(List.of(flags));
    Path log = tmp.resolve("server-" + started.size() + ".log");
    ProcessBuilder pb = new ProcessBuilder(command);
    pb.environment().put("TEXTSIM_SERVER_CLASSPATH", System.getProperty("java.class.path"));
    pb.environment().put("JAVA_HOME", System.getProperty("java.home"));
    pb.environment().put("JAVA_OPTS", "-Xmx256m");
    pb.redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
    pb.redirectOutput(tmp.resolve("server-" + started.size() + ".out").toFile());
    pb.redirectError(log.toFile());
    Process p = pb.start();
    started.add(p);
    long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
    while (System.nanoTime() < until) {
      Matcher m = LISTENING.matcher(read(log));
      if (m.find()) {
        return new Child(p, Integer.parseInt(m.group(1)), log);
      }
      if (!p.isAlive()) {
        throw new AssertionError("the server exited " + p.exitValue() + ": " + read(log));
      }
      Thread.sleep(50);
    }
    throw new AssertionError("the server did not listen within 120 s: " + read(log));
  }

  private SimilarityServiceGrpc.SimilarityServiceBlockingStub stub(ManagedChannel channel) {
    return SimilarityServiceGrpc.newBlockingStub(channel).withDeadlineAfter(60, TimeUnit.SECONDS);
  }

  private ManagedChannel channel(Child child) {
    ManagedChannel c =
        Grpc.newChannelBuilderForAddress(
                "127.0.0.1", child.port(), InsecureChannelCredentials.create())
            .build();
    channels.add(c);
    return c;
  }

  private static CompareRequest seedPair() {
    return CompareRequest.newBuilder().setA(doc("a", MEHR)).setB(doc("b", TEHRAN)).build();
  }

  /** Sends SIGTERM and waits for the exit; returns the exit code. */
  private static int terminate(Child child) throws InterruptedException {
    child.process().destroy(); // SIGTERM
    assertTrue(
        child.process().waitFor(120, TimeUnit.SECONDS),
        () -> "still running 120 s after SIGTERM: " + read(child.log()));
    return child.process().exitValue();
  }

  @Test
  void aCleanStopOnSigtermExitsZero() throws Exception {
    Child child = start();
    assertTrue(stub(channel(child)).compare(seedPair()).getScores().getJaccard() > 0.5);

    assertEquals(0, terminate(child), () -> read(child.log()));
    String log = read(child.log());
    assertTrue(log.contains("shutting down: waiting up to 30000 ms for calls in flight"), log);
    assertTrue(log.contains("textsim-server stopped\n"), log);
    assertFalse(log.contains("cancelling"), log);
  }

  @Test
  void aCallStillRunningAfterTheGracePeriodMakesTheExitCodeThree() throws Exception {
    Child child = start("--grace-period", "300ms");
    ManagedChannel channel = channel(child);
    stub(channel).compare(seedPair()); // connected
    CompletableFuture<Throwable> ended = new CompletableFuture<>();
    StreamObserver<ClusterStreamRequest> requests =
        SimilarityServiceGrpc.newStub(channel)
            .clusterStream(
                new StreamObserver<ClusterStreamResponse>() {
                  @Override
                  public void onNext(ClusterStreamResponse value) {
                    ended.complete(new AssertionError("answered: " + value));
                  }

                  @Override
                  public void onError(Throwable t) {
                    ended.complete(t);
                  }

                  @Override
                  public void onCompleted() {
                    ended.complete(new AssertionError("completed"));
                  }
                });
    // One document, and the stream is never half-closed: a call that cannot finish by itself.
    requests.onNext(ClusterStreamRequest.newBuilder().setDocument(doc("a", MEHR)).build());
    // The server reads one connection's streams in order: once this later call is answered, the
    // stream above has started there.
    stub(channel).compare(seedPair());

    assertEquals(ServerCommand.EXIT_CALLS_CANCELLED, terminate(child), () -> read(child.log()));
    String log = read(child.log());
    assertTrue(
        log.contains("grace period of 300 ms over: cancelling the calls still running"), log);
    assertTrue(
        log.contains(
            "textsim-server stopped (calls were cancelled at the end of the grace period)"),
        log);
    Status status = Status.fromThrowable(ended.get(60, TimeUnit.SECONDS));
    assertTrue(
        status.getCode() == Status.Code.CANCELLED || status.getCode() == Status.Code.UNAVAILABLE,
        status::toString);
  }

  @Test
  void requestsOverTheMessageSizeLimitAreOneLogLineEachWithoutAStackTrace() throws Exception {
    Child child = start("--max-message-bytes", "65536");
    SimilarityServiceGrpc.SimilarityServiceBlockingStub stub = stub(channel(child));
    CompareRequest tooLarge =
        CompareRequest.newBuilder().setA(doc("a", "x ".repeat(50_000))).setB(doc("b", "y")).build();
    int size = tooLarge.getSerializedSize();
    for (int i = 0; i < 3; i++) {
      StatusRuntimeException e =
          assertThrows(StatusRuntimeException.class, () -> stub.compare(tooLarge));
      assertEquals(Status.Code.RESOURCE_EXHAUSTED, e.getStatus().getCode(), e.toString());
    }
    assertTrue(stub.compare(seedPair()).getScores().getJaccard() > 0.5);

    assertEquals(0, terminate(child), () -> read(child.log()));
    String log = read(child.log());
    List<String> refused =
        log.lines().filter(l -> l.contains("status=RESOURCE_EXHAUSTED")).toList();
    assertEquals(3, refused.size(), log);
    for (String line : refused) {
      assertTrue(
          line.contains(
              " message_bytes=" + size + " max_message_bytes=65536 (--max-message-bytes)"),
          line);
    }
    assertFalse(log.contains("\tat "), log);
    assertFalse(log.contains("Exception"), log);
    // The one warning allowed is the start-up check of the limits against this small heap.
    assertEquals(
        List.of(),
        log.lines().filter(l -> l.contains("WARNING") && !l.contains(" memory: ")).toList(),
        log);
  }

  private static String read(Path p) {
    try {
      return Files.readString(p, StandardCharsets.UTF_8);
    } catch (IOException e) {
      return e.toString();
    }
  }
}
