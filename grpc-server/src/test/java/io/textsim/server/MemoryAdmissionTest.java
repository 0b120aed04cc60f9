package io.textsim.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.ByteString;
import io.grpc.ManagedChannel;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.inprocess.InProcessChannelBuilder;
import io.grpc.inprocess.InProcessServerBuilder;
import io.grpc.stub.StreamObserver;
import io.textsim.core.cluster.PairBudget;
import io.textsim.proto.v1.ClusterRequest;
import io.textsim.proto.v1.ClusterStreamRequest;
import io.textsim.proto.v1.ClusterStreamResponse;
import io.textsim.proto.v1.CompareManyRequest;
import io.textsim.proto.v1.CompareRequest;
import io.textsim.proto.v1.Document;
import io.textsim.proto.v1.SimilarityServiceGrpc;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * What the admission estimate counts: CompareMany's furniture (examples and a sent model), and the
 * LSH candidate pairs of Cluster and ClusterStream beyond the room given in advance.
 */
class MemoryAdmissionTest {
  private static final MemoryCosts COSTS = new MemoryCosts(0, 2);

  private static MemoryAdmission admission(long budget) {
    return new MemoryAdmission(new MemoryBudget(budget), COSTS);
  }

  private static Document doc(String id, String text) {
    return Document.newBuilder().setId(id).setText(text).build();
  }

  private static long held(MemoryBudget.Reservation r) {
    try (r) {
      return r.held();
    }
  }

  private static CompareManyRequest.Builder search(Random random) {
    CompareManyRequest.Builder b =
        CompareManyRequest.newBuilder().setQuery(doc("q", Fixtures.randomWords(random, 2000)));
    for (int i = 0; i < 5; i++) {
      b.addCandidates(doc("c" + i, Fixtures.randomWords(random, 2000)));
    }
    return b;
  }

  @Test
  void compareManyCountsItsFurnitureExamples() {
    MemoryAdmission memory = admission(1L << 30);
    Random random = new Random(1);
    CompareManyRequest plain = search(random).build();
    CompareManyRequest.Builder withExamples = plain.toBuilder();
    long examples = 0;
    long tokens = 0;
    for (int i = 0; i < 20; i++) {
      String text = Fixtures.randomWords(random, 5000);
      withExamples.addFurnitureExamples(doc("e" + i, text));
      MemoryCosts.Shape s = MemoryCosts.Shape.of(text);
      // At least the example's text and its shingle set are held until the model is learned.
      examples += COSTS.text(s.chars()) + COSTS.array(MemoryCosts.SHINGLE_BYTES * s.tokens());
      tokens += s.tokens();
    }
    long without = held(memory.compareMany(plain));
    long with = held(memory.compareMany(withExamples.build()));
    assertTrue(
        with - without >= examples + COSTS.furnitureLearned(tokens),
        "furniture examples add " + (with - without) + ", their texts and shingles " + examples);
    // And the texts' contents, kept with their mappings: at least one more copy of each text.
    long texts = 0;
    texts += COSTS.text(plain.getQuery().getText().length());
    for (Document d : plain.getCandidatesList()) {
      texts += COSTS.text(d.getText().length());
    }
    assertTrue(with - without >= examples + texts, "contents: " + (with - without));
  }

  @Test
  void compareManyAndCompareCountASentFurnitureModelAsItIsRead() {
    MemoryAdmission memory = admission(1L << 30);
    Random random = new Random(2);
    CompareManyRequest plain = search(random).build();
    // The size is what counts for the estimate; the bytes are read only once admitted.
    ByteString model = ByteString.copyFrom(new byte[8 << 20]);
    long without = held(memory.compareMany(plain));
    long with = held(memory.compareMany(plain.toBuilder().setFurnitureModel(model).build()));
    // The request's bytes copied out, and 8 bytes of sets plus lookups per 8-byte shingle.
    long read = (8L << 20) + MemoryCosts.FURNITURE_MODEL_PER_SHINGLE * (1L << 20);
    assertTrue(with - without >= read, "a model of 8 MiB adds " + (with - without));
    assertTrue(COSTS.furnitureModel(8L << 20) >= read);

    CompareRequest pair =
        CompareRequest.newBuilder()
            .setA(doc("a", Fixtures.MEHR))
            .setB(doc("b", Fixtures.TEHRAN))
            .build();
    long pairWithout = held(memory.compare(pair));
    long pairWith = held(memory.compare(pair.toBuilder().setFurnitureModel(model).build()));
    assertTrue(pairWith - pairWithout >= read, "Compare: " + (pairWith - pairWithout));
  }

  @Test
  void thePairBudgetGrowsTheReservationBeyondTheRoomGivenInAdvance() {
    MemoryAdmission memory = admission(64L << 20);
    MemoryBudget.Reservation r = memory.budget().reserve(1 << 20, "this Cluster");
    PairBudget pairs = memory.pairBudget(r, 1000);
    // 1000 documents have room for 16,000 pairs in advance (one array header of it taken):
    // nothing more is taken for fewer.
    pairs.reserve(1000 * MemoryCosts.LSH_PAIRS_PER_DOCUMENT - 1);
    assertEquals(1 << 20, r.held());
    pairs.reserve(1_000_000);
    long grown = r.held();
    assertTrue(grown >= 1_000_000 * MemoryCosts.LSH_PAIR_BYTES, "held " + grown);
    assertEquals(grown, memory.budget().reserved());
    StatusRuntimeException e =
        assertThrows(StatusRuntimeException.class, () -> pairs.reserve(10_000_000));
    assertEquals(Status.Code.RESOURCE_EXHAUSTED, e.getStatus().getCode());
    assertTrue(e.getStatus().getDescription().contains("LSH candidate pairs"), e::toString);
    assertTrue(e.getStatus().getDescription().contains("--memory-budget"), e::toString);
    assertEquals(grown, r.held(), "what was held stays held until the call ends");
    r.close();
    assertEquals(0, memory.budget().reserved());
  }

  /** {@code n} copies of one story, which LSH puts into one bucket in every band. */
  private static List<Document> copies(int n) {
    String story = Fixtures.randomWords(new Random(3), 150);
    List<Document> docs = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      docs.add(doc("d" + i, story + " copy " + i));
    }
    return docs;
  }

  /**
   * 3000 copies of one story fit a 96 MiB budget as documents (about 4 KB each), but their LSH
   * candidates (4.5 million pairs in each band) do not: Cluster and ClusterStream are refused
   * RESOURCE_EXHAUSTED naming the pairs, and the memory is given back.
   */
  @Test
  void clusteringsOfCopiesAreRefusedForTheirCandidatePairs() throws Exception {
    String name = InProcessServerBuilder.generateName();
    TextsimServer server =
        new TextsimServer(
                ServerConfig.builder().threads(1).memoryBudget(96L << 20).build(),
                InProcessServerBuilder.forName(name))
            .start();
    ManagedChannel channel = InProcessChannelBuilder.forName(name).build();
    try {
      List<Document> docs = copies(3000);
      StatusRuntimeException e =
          assertThrows(
              StatusRuntimeException.class,
              () ->
                  SimilarityServiceGrpc.newBlockingStub(channel)
                      .withDeadlineAfter(60, TimeUnit.SECONDS)
                      .cluster(ClusterRequest.newBuilder().addAllDocuments(docs).build()));
      assertEquals(Status.Code.RESOURCE_EXHAUSTED, e.getStatus().getCode(), e::toString);
      assertTrue(e.getStatus().getDescription().contains("LSH candidate pairs"), e::toString);

      CompletableFuture<Status> done = new CompletableFuture<>();
      StreamObserver<ClusterStreamRequest> requests =
          SimilarityServiceGrpc.newStub(channel)
              .withDeadlineAfter(60, TimeUnit.SECONDS)
              .clusterStream(
                  new StreamObserver<ClusterStreamResponse>() {
                    @Override
                    public void onNext(ClusterStreamResponse value) {}

                    @Override
                    public void onError(Throwable t) {
                      done.complete(Status.fromThrowable(t));
                    }

                    @Override
                    public void onCompleted() {
                      done.complete(Status.OK);
                    }
                  });
      for (Document d : docs) {
        requests.onNext(ClusterStreamRequest.newBuilder().setDocument(d).build());
      }
      requests.onCompleted();
      Status stream = done.get(60, TimeUnit.SECONDS);
      assertEquals(Status.Code.RESOURCE_EXHAUSTED, stream.getCode(), stream::toString);
      assertTrue(stream.getDescription().contains("LSH candidate pairs"), stream::toString);

      // A clustering of a few copies still fits, and nothing stays reserved.
      assertEquals(
          200,
          SimilarityServiceGrpc.newBlockingStub(channel)
              .cluster(ClusterRequest.newBuilder().addAllDocuments(copies(200)).build())
              .getClustering()
              .getDocuments());
    } finally {
      channel.shutdownNow();
      server.stop();
    }
  }
}
