package io.textsim.server;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.grpc.Grpc;
import io.grpc.InsecureChannelCredentials;
import io.grpc.ManagedChannel;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.textsim.proto.v1.CompareManyRequest;
import io.textsim.proto.v1.CompareRequest;
import io.textsim.proto.v1.Document;
import io.textsim.proto.v1.Measure;
import io.textsim.proto.v1.SimilarityServiceGrpc;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 15's second failure, over a real port: on a server in a child JVM with a 256 MiB heap (so
 * about 256 MiB of direct memory) and the default limits, 50 clients on 50 connections each send
 * one message of about 10 MB at the same moment, all inside the limits: Compares of two texts of
 * 2,750,000 Cyrillic chars (5 MB of UTF-8 each) and CompareManys of a query and eight candidates of
 * 600,000 such chars. Before the inbound gate, the 500 MB being received exhausted Netty's direct
 * memory and every connection was reset (UNAVAILABLE). Now every call must end OK,
 * RESOURCE_EXHAUSTED or DEADLINE_EXCEEDED, the log must have no OutOfMemoryError (heap or direct),
 * and the server must then answer a plain call.
 */
class DirectMemoryProcessTest {
  private static final Pattern LISTENING =
      Pattern.compile("textsim-server listening on 127\\.0\\.0\\.1:(\\d+)");
  private static final int CLIENTS = 50;

  @TempDir Path tmp;

  private Process server;
  private final List<ManagedChannel> channels = new ArrayList<>();

  @AfterEach
  void stop() throws InterruptedException {
    for (ManagedChannel c : channels) {
      c.shutdownNow();
    }
    for (ManagedChannel c : channels) {
      c.awaitTermination(5, TimeUnit.SECONDS);
    }
    if (server != null) {
      server.destroyForcibly();
      server.waitFor(30, TimeUnit.SECONDS);
    }
  }

  private int start(Path log) throws Exception {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    ProcessBuilder pb =
        new ProcessBuilder(
            java,
            "-Xmx256m",
            "-cp",
            System.getProperty("java.class.path"),
            TextsimServer.class.getName(),
            "--host",
            "127.0.0.1",
            "--port",
            "0");
    pb.redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
    pb.redirectOutput(tmp.resolve("server.out").toFile()).redirectError(log.toFile());
    server = pb.start();
    long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (System.nanoTime() < until) {
      Matcher m = LISTENING.matcher(Files.readString(log, StandardCharsets.UTF_8));
      if (m.find()) {
        return Integer.parseInt(m.group(1));
      }
      assertTrue(server.isAlive(), () -> "the server exited: " + read(log));
      Thread.sleep(50);
    }
    throw new AssertionError("the server did not listen within 60 s: " + read(log));
  }

  /** Random Cyrillic words: two bytes of UTF-8 a char, so 5 MB stay under 4,000,000 chars. */
  private static String randomCyrillic(Random random, int chars) {
    StringBuilder sb = new StringBuilder(chars + 16);
    while (sb.length() < chars) {
      int length = 2 + random.nextInt(9);
      for (int i = 0; i < length; i++) {
        sb.append((char) ('\u0430' + random.nextInt(32)));
      }
      sb.append(' ');
    }
    sb.setLength(chars);
    return sb.toString();
  }

  private ManagedChannel channel(int port) {
    ManagedChannel c =
        Grpc.newChannelBuilderForAddress("127.0.0.1", port, InsecureChannelCredentials.create())
            .build();
    channels.add(c);
    return c;
  }

  /** The status a call ended with. */
  private static Status call(Runnable call) {
    try {
      call.run();
      return Status.OK;
    } catch (StatusRuntimeException e) {
      return e.getStatus();
    }
  }

  @Test
  void fiftySimultaneousTenMegabyteMessagesResetNoConnection() throws Exception {
    Path log = tmp.resolve("server.log");
    int port = start(log);
    Random random = new Random(15);
    // Jaccard only: the point is receiving the messages; the work stays short.
    CompareRequest compare =
        CompareRequest.newBuilder()
            .setA(Document.newBuilder().setText(randomCyrillic(random, 2_750_000)))
            .setB(Document.newBuilder().setText(randomCyrillic(random, 2_750_000)))
            .addMeasures(Measure.MEASURE_JACCARD)
            .build();
    CompareManyRequest.Builder many =
        CompareManyRequest.newBuilder()
            .setQuery(Document.newBuilder().setText(randomCyrillic(random, 600_000)))
            .addMeasures(Measure.MEASURE_JACCARD);
    for (int i = 0; i < 8; i++) {
      many.addCandidates(
          Document.newBuilder().setId("c" + i).setText(randomCyrillic(random, 600_000)));
    }
    CompareManyRequest compareMany = many.build();
    assertTrue(compare.getSerializedSize() > 10_000_000, "a Compare of about 10 MB");
    assertTrue(compareMany.getSerializedSize() > 9_500_000, "a CompareMany of about 10 MB");
    assertTrue(compare.getSerializedSize() < ServerConfig.DEFAULT_MAX_MESSAGE_BYTES);

    List<ManagedChannel> perClient = new ArrayList<>();
    for (int i = 0; i < CLIENTS; i++) {
      perClient.add(channel(port));
    }
    // Connect every channel first, so that the 50 messages really arrive together.
    for (ManagedChannel c : perClient) {
      c.getState(true);
    }
    ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
    CountDownLatch go = new CountDownLatch(1);
    List<Future<Status>> calls = new ArrayList<>();
    try {
      for (int i = 0; i < CLIENTS; i++) {
        ManagedChannel c = perClient.get(i);
        boolean pair = i % 2 == 0;
        calls.add(
            clients.submit(
                () -> {
                  go.await();
                  SimilarityServiceGrpc.SimilarityServiceBlockingStub stub =
                      SimilarityServiceGrpc.newBlockingStub(c)
                          .withDeadlineAfter(60, TimeUnit.SECONDS);
                  return pair
                      ? call(() -> assertTrue(stub.compare(compare).hasScores()))
                      : call(() -> stub.compareMany(compareMany).getMatchesList());
                }));
      }
      go.countDown();
      Map<Status.Code, Integer> outcomes = new EnumMap<>(Status.Code.class);
      for (Future<Status> f : calls) {
        Status status = f.get(120, TimeUnit.SECONDS);
        outcomes.merge(status.getCode(), 1, Integer::sum);
        assertTrue(
            status.getCode() == Status.Code.OK
                || status.getCode() == Status.Code.RESOURCE_EXHAUSTED
                || status.getCode() == Status.Code.DEADLINE_EXCEEDED,
            () -> "a call ended " + status + "; server log:\n" + read(log));
      }
      System.out.println("outcomes of " + CLIENTS + " simultaneous 10 MB calls: " + outcomes);
      // The first calls admitted fit the budget (about 60 MB each of a 150 MiB budget).
      assertTrue(outcomes.getOrDefault(Status.Code.OK, 0) >= 1, outcomes::toString);
    } finally {
      clients.shutdownNow();
    }

    // The server serves the next call, on a connection that carried a big message and a new one.
    // (Retried while RESOURCE_EXHAUSTED: a call's memory is given back just after its answer.)
    for (ManagedChannel c : List.of(perClient.get(0), channel(port))) {
      Status plain = Status.UNKNOWN;
      for (int attempt = 0; attempt < 50; attempt++) {
        plain =
            call(
                () ->
                    SimilarityServiceGrpc.newBlockingStub(c)
                        .withDeadlineAfter(30, TimeUnit.SECONDS)
                        .compare(
                            CompareRequest.newBuilder()
                                .setA(Document.newBuilder().setText("the same story, one outlet"))
                                .setB(Document.newBuilder().setText("the same story, another"))
                                .build()));
        if (plain.getCode() != Status.Code.RESOURCE_EXHAUSTED) {
          break;
        }
        Thread.sleep(200);
      }
      Status last = plain;
      assertTrue(last.isOk(), () -> last + "\n" + read(log));
    }
    assertTrue(server.isAlive(), () -> read(log));
    String text = read(log);
    assertFalse(text.contains("OutOfMemoryError"), text);
    assertFalse(text.contains("OutOfDirectMemoryError"), text);
    assertFalse(text.contains("internal error"), text);
  }

  private static String read(Path p) {
    try {
      return Files.readString(p, StandardCharsets.UTF_8);
    } catch (java.io.IOException e) {
      return e.toString();
    }
  }
}
