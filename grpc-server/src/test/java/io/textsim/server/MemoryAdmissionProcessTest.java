package io.textsim.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.grpc.Grpc;
import io.grpc.InsecureChannelCredentials;
import io.grpc.ManagedChannel;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.stub.ClientCallStreamObserver;
import io.grpc.stub.ClientResponseObserver;
import io.textsim.proto.v1.ClusterStreamRequest;
import io.textsim.proto.v1.ClusterStreamResponse;
import io.textsim.proto.v1.CompareRequest;
import io.textsim.proto.v1.CompareResponse;
import io.textsim.proto.v1.Document;
import io.textsim.proto.v1.SimilarityServiceGrpc;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
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
 * Issue 15's first "done when", over a real port: a server in a child JVM with a 512 MiB heap and
 * the default limits gets two concurrent ClusterStreams of 150 random-text documents of 1,000,000
 * chars each (what ran it out of memory before), a smaller stream, and Compares of two texts of
 * 4,000,000 chars, all at once. Every call must end OK, RESOURCE_EXHAUSTED or DEADLINE_EXCEEDED
 * (never INTERNAL, never a reset connection), the log must have no OutOfMemoryError, and the server
 * must then answer a plain Compare and cluster the smaller stream on its own.
 */
class MemoryAdmissionProcessTest {
  private static final Pattern LISTENING =
      Pattern.compile("textsim-server listening on 127\\.0\\.0\\.1:(\\d+)");
  private static final int DOCUMENT_CHARS = 1_000_000;

  @TempDir Path tmp;

  private Process server;
  private ManagedChannel channel;

  @AfterEach
  void stop() throws InterruptedException {
    if (channel != null) {
      channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
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
            "-Xmx512m",
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

  /** Random words, as in the report: almost every 3-shingle distinct. */
  private static String randomWords(Random random, int chars) {
    StringBuilder sb = new StringBuilder(chars + 16);
    while (sb.length() < chars) {
      int length = 2 + random.nextInt(9);
      for (int i = 0; i < length; i++) {
        sb.append((char) ('a' + random.nextInt(26)));
      }
      sb.append(' ');
    }
    sb.setLength(chars);
    return sb.toString();
  }

  /**
   * Streams {@code count} documents (each a distinct prefix on one of {@code bases}), honouring
   * flow control, and stops sending once the server has answered; completes with the status.
   */
  private CompletableFuture<Status> clusterStream(List<String> bases, int count, String name) {
    CompletableFuture<Status> done = new CompletableFuture<>();
    ClientResponseObserver<ClusterStreamRequest, ClusterStreamResponse> responses =
        new ClientResponseObserver<>() {
          @Override
          public void beforeStart(ClientCallStreamObserver<ClusterStreamRequest> requests) {}

          @Override
          public void onNext(ClusterStreamResponse value) {
            assertEquals(count, value.getClustering().getDocuments(), name);
          }

          @Override
          public void onError(Throwable t) {
            done.complete(Status.fromThrowable(t));
          }

          @Override
          public void onCompleted() {
            done.complete(Status.OK);
          }
        };
    ClientCallStreamObserver<ClusterStreamRequest> requests =
        (ClientCallStreamObserver<ClusterStreamRequest>)
            SimilarityServiceGrpc.newStub(channel)
                .withDeadlineAfter(120, TimeUnit.SECONDS)
                .clusterStream(responses);
    try {
      for (int i = 0; i < count && !done.isDone(); i++) {
        while (!requests.isReady() && !done.isDone()) {
          Thread.sleep(1);
        }
        String text = name + " document " + i + " " + bases.get(i % bases.size());
        requests.onNext(
            ClusterStreamRequest.newBuilder()
                .setDocument(
                    Document.newBuilder()
                        .setId(name + "-" + i)
                        .setText(text.substring(0, DOCUMENT_CHARS)))
                .build());
      }
      if (!done.isDone()) {
        requests.onCompleted();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      requests.cancel("interrupted", e);
    } catch (RuntimeException e) {
      done.complete(Status.fromThrowable(e));
    }
    return done;
  }

  private Status compare(String a, String b, long deadlineSeconds) {
    try {
      CompareResponse r =
          SimilarityServiceGrpc.newBlockingStub(channel)
              .withDeadlineAfter(deadlineSeconds, TimeUnit.SECONDS)
              .compare(
                  CompareRequest.newBuilder()
                      .setA(Document.newBuilder().setText(a))
                      .setB(Document.newBuilder().setText(b))
                      .build());
      assertTrue(r.hasScores());
      return Status.OK;
    } catch (StatusRuntimeException e) {
      return e.getStatus();
    }
  }

  @Test
  void concurrentLargeCallsEndCleanlyOnASmallHeap() throws Exception {
    Path log = tmp.resolve("server.log");
    int port = start(log);
    channel =
        Grpc.newChannelBuilderForAddress("127.0.0.1", port, InsecureChannelCredentials.create())
            .maxInboundMessageSize(64 << 20)
            .build();
    Random random = new Random(15);
    List<String> bases = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      bases.add(randomWords(random, DOCUMENT_CHARS + 64));
    }
    int maxText = ServerConfig.DEFAULT_MAX_TEXT_CHARS;
    String longA = randomWords(random, maxText);
    String longB = randomWords(random, maxText);

    ExecutorService clients = Executors.newFixedThreadPool(6);
    List<Future<Status>> calls = new ArrayList<>();
    try {
      // The Compares first, so that one of them gets its memory and runs into its deadline
      // (Levenshtein on two random 4M-char texts takes minutes) while the streams arrive.
      for (int i = 0; i < 3; i++) {
        calls.add(clients.submit(() -> compare(longA, longB, 8)));
      }
      Thread.sleep(2500);
      calls.add(clients.submit(() -> clusterStream(bases, 150, "big1").get(150, TimeUnit.SECONDS)));
      calls.add(clients.submit(() -> clusterStream(bases, 150, "big2").get(150, TimeUnit.SECONDS)));
      calls.add(clients.submit(() -> clusterStream(bases, 20, "small").get(150, TimeUnit.SECONDS)));
      List<Status.Code> codes = new ArrayList<>();
      for (Future<Status> call : calls) {
        Status status = call.get(180, TimeUnit.SECONDS);
        codes.add(status.getCode());
        assertTrue(
            status.getCode() == Status.Code.OK
                || status.getCode() == Status.Code.RESOURCE_EXHAUSTED
                || status.getCode() == Status.Code.DEADLINE_EXCEEDED,
            () -> "a call ended " + status + "; server log:\n" + read(log));
      }
      System.out.println("outcomes (compare x3, big1, big2, small): " + codes);
      // 150 documents of this size can never fit a 512 MiB heap's budget: both big streams are
      // refused, at the document where their memory ran out.
      assertEquals(Status.Code.RESOURCE_EXHAUSTED, codes.get(3), () -> codes + "\n" + read(log));
      assertEquals(Status.Code.RESOURCE_EXHAUSTED, codes.get(4), () -> codes + "\n" + read(log));
    } finally {
      clients.shutdownNow();
    }

    // The server recovers: the calls still running are stopped by their deadlines, their memory
    // given back, and a plain call is answered (retried while the stopped work drains).
    Status plain = Status.UNKNOWN;
    long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (System.nanoTime() < until) {
      plain =
          compare("the same story, as one outlet ran it", "the same story, as another ran it", 10);
      if (plain.isOk()) {
        break;
      }
      assertEquals(Status.Code.RESOURCE_EXHAUSTED, plain.getCode(), () -> read(log));
      Thread.sleep(500);
    }
    assertTrue(plain.isOk(), plain::toString);
    Status alone = clusterStream(bases, 20, "alone").get(120, TimeUnit.SECONDS);
    assertTrue(alone.isOk(), () -> "the small stream alone: " + alone + "\n" + read(log));

    assertTrue(server.isAlive(), () -> read(log));
    String text = read(log);
    assertFalse(text.contains("OutOfMemoryError"), text);
    assertFalse(text.contains("internal error"), text);
    assertFalse(text.contains("OutOfDirectMemoryError"), text);
  }

  private static String read(Path p) {
    try {
      return Files.readString(p, StandardCharsets.UTF_8);
    } catch (java.io.IOException e) {
      return e.toString();
    }
  }
}
