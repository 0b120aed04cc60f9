package io.textsim.server;

import static io.textsim.server.Fixtures.MEHR;
import static io.textsim.server.Fixtures.TEHRAN;
import static io.textsim.server.Fixtures.doc;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.ByteString;
import io.grpc.ManagedChannel;
import io.grpc.inprocess.InProcessChannelBuilder;
import io.grpc.inprocess.InProcessServerBuilder;
import io.textsim.core.Cancellation;
import io.textsim.core.TextProfiler;
import io.textsim.core.cluster.Document;
import io.textsim.core.furniture.FurnitureModel;
import io.textsim.core.furniture.FurnitureOptions;
import io.textsim.core.usecase.PairOptions;
import io.textsim.core.usecase.PairResult;
import io.textsim.core.usecase.UseCases;
import io.textsim.proto.v1.CompareManyRequest;
import io.textsim.proto.v1.CompareManyResponse;
import io.textsim.proto.v1.CompareRequest;
import io.textsim.proto.v1.CompareResponse;
import io.textsim.proto.v1.Passage;
import io.textsim.proto.v1.SimilarityServiceGrpc;
import io.textsim.proto.v1.Verdict;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Compare with furniture, and CompareMany with short queries, over an in-process transport. */
class CompareFurnitureServiceTest {
  private static TextsimServer server;
  private static ManagedChannel channel;
  private static SimilarityServiceGrpc.SimilarityServiceBlockingStub stub;
  private static List<Document> examples;

  @BeforeAll
  static void start() throws Exception {
    String name = InProcessServerBuilder.generateName();
    server =
        new TextsimServer(
                ServerConfig.builder().threads(1).build(), InProcessServerBuilder.forName(name))
            .start();
    channel = InProcessChannelBuilder.forName(name).build();
    stub = SimilarityServiceGrpc.newBlockingStub(channel).withDeadlineAfter(60, TimeUnit.SECONDS);
    examples = new ArrayList<>();
    Path outlets = Path.of("..", "examples", "outlets");
    for (String outlet : List.of("mehr-news", "tehran-times")) {
      try (Stream<Path> pages = Files.list(outlets.resolve(outlet))) {
        for (Path p : pages.sorted().toList()) {
          examples.add(
              new Document(p.toString(), Files.readString(p, StandardCharsets.UTF_8), outlet));
        }
      }
    }
  }

  @AfterAll
  static void stop() throws Exception {
    channel.shutdownNow();
    server.stop(java.time.Duration.ofSeconds(1));
  }

  private static CompareRequest.Builder seedPair() {
    return CompareRequest.newBuilder()
        .setA(doc("tehran", TEHRAN))
        .setB(doc("mehr", MEHR))
        .setExplain(true);
  }

  @Test
  void examplesAndASavedModelAnswerAsTheLibraryDoes() throws IOException {
    CompareRequest.Builder fromExamples = seedPair();
    for (Document d : examples) {
      fromExamples.addFurnitureExamples(
          io.textsim.proto.v1.Document.newBuilder()
              .setId(d.id())
              .setText(d.text())
              .setSource(d.source()));
    }
    CompareResponse learned = stub.compare(fromExamples.build());

    FurnitureModel model =
        UseCases.learnFurniture(
            examples, TextProfiler.defaults(), FurnitureOptions.defaults(), Cancellation.never());
    CompareResponse saved =
        stub.compare(seedPair().setFurnitureModel(ByteString.copyFrom(model.toBytes())).build());
    assertEquals(learned, saved);

    PairResult library =
        UseCases.compare(
            TEHRAN, MEHR, PairOptions.builder().explain(true).furniture(model).build());
    PairResult.Content content = library.content().orElseThrow();
    assertEquals(
        content.comparison().score(io.textsim.core.measure.Measure.JACCARD),
        learned.getContentScores().getJaccard());
    assertEquals(Verdict.VERDICT_NEAR_DUPLICATE, learned.getContentVerdict());
    Passage licence = learned.getPassages().getOnlyB(0);
    assertTrue(licence.getText().startsWith("All Content by Mehr News Agency"));
    assertTrue(licence.getFurniture());
    assertFalse(learned.getPassages().getOnlyA(0).getFurniture());
  }

  @Test
  void withoutFurnitureNoContentIsSent() {
    CompareResponse r = stub.compare(seedPair().build());
    assertFalse(r.hasContentScores());
    assertEquals(Verdict.VERDICT_UNSPECIFIED, r.getContentVerdict());
  }

  @Test
  void badFurnitureNamesTheField() {
    SimilarityServiceTest.assertViolation(
        () ->
            stub.compare(
                seedPair().setFurnitureModel(ByteString.copyFromUtf8("not a model")).build()),
        "furniture_model");
    FurnitureModel words3 = FurnitureModel.empty(io.textsim.core.shingle.ShingleConfig.words(3));
    SimilarityServiceTest.assertViolation(
        () ->
            stub.compare(
                seedPair().setFurnitureModel(ByteString.copyFrom(words3.toBytes())).build()),
        "furniture_model");
    SimilarityServiceTest.assertViolation(
        () ->
            stub.compare(
                seedPair()
                    .setFurnitureModel(ByteString.copyFrom(words3.toBytes()))
                    .addFurnitureExamples(doc("x", "y"))
                    .build()),
        "furniture_model");
  }

  @Test
  void aShortQueryIsFoundAndLocated() {
    CompareManyResponse r =
        stub.compareMany(
            CompareManyRequest.newBuilder()
                .setQuery(doc("q", "Leave a Comment"))
                .addCandidates(doc("mehr", MEHR))
                .addCandidates(doc("tehran", TEHRAN))
                .build());
    assertEquals("tehran", r.getMatches(0).getId());
    assertTrue(r.getMatches(0).getScore() > 0);
    Passage at = r.getMatches(0).getLocated(0);
    assertEquals("Leave a Comment", TEHRAN.substring(at.getStart(), at.getEnd()));
    assertEquals(0.0, r.getMatches(1).getScore());
    assertEquals(0, r.getMatches(1).getLocatedCount());
  }
}
