package io.textsim.server;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.grpc.ManagedChannel;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.inprocess.InProcessChannelBuilder;
import io.grpc.inprocess.InProcessServerBuilder;
import io.textsim.proto.v1.SimilarityServiceGrpc;
import java.io.IOException;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * Fuzzes the service with arbitrary request bytes for each unary method, through a real server
 * (in-process transport) with small limits: every answer is OK or a status a client can act on
 * (INVALID_ARGUMENT, RESOURCE_EXHAUSTED), never INTERNAL or UNKNOWN, and no description carries a
 * stack trace. Most byte strings are not valid protobuf; the saved inputs include valid requests so
 * that mutations reach the mapping and the core. In a plain {@code mvn test} this runs the inputs
 * under {@code ServiceFuzzTestInputs/}; with {@code JAZZER_FUZZ=1} it fuzzes.
 */
class ServiceFuzzTest {
  private static final Set<Status.Code> ACCEPTABLE =
      Set.of(Status.Code.OK, Status.Code.INVALID_ARGUMENT, Status.Code.RESOURCE_EXHAUSTED);

  /** The unary methods, called with raw request bytes through {@link Fixtures#callRaw}. */
  private static final List<String> METHODS =
      List.of(
          SimilarityServiceGrpc.getCompareMethod().getFullMethodName(),
          SimilarityServiceGrpc.getCompareManyMethod().getFullMethodName(),
          SimilarityServiceGrpc.getClusterMethod().getFullMethodName());

  private static TextsimServer server;
  private static ManagedChannel channel;

  @BeforeAll
  static void start() throws IOException {
    String name = InProcessServerBuilder.generateName();
    ServerConfig config =
        ServerConfig.builder().threads(2).maxTextChars(4_000).maxDocuments(50).build();
    server = new TextsimServer(config, InProcessServerBuilder.forName(name)).start();
    channel = InProcessChannelBuilder.forName(name).build();
  }

  @AfterAll
  static void stop() throws InterruptedException {
    channel.shutdownNow();
    server.stop();
  }

  @FuzzTest(maxDuration = "60s")
  void everyRequestGetsAnAnswerAClientCanActOn(FuzzedDataProvider data) {
    String method = data.pickValue(METHODS);
    byte[] request = data.consumeRemainingAsBytes();
    Status status;
    try {
      Fixtures.callRaw(channel, method, request);
      status = Status.OK;
    } catch (StatusRuntimeException e) {
      status = e.getStatus();
    }
    Status answered = status;
    assertTrue(ACCEPTABLE.contains(answered.getCode()), () -> method + " answered " + answered);
    String description = String.valueOf(answered.getDescription());
    assertFalse(description.contains("\tat ") || description.contains("Exception"), description);
  }
}
