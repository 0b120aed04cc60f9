package io.textsim.server;

import static io.textsim.server.Fixtures.MEHR;
import static io.textsim.server.Fixtures.TEHRAN;
import static io.textsim.server.Fixtures.doc;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
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
import io.textsim.core.measure.Measure;
import io.textsim.core.shingle.ShingleConfig;
import io.textsim.core.usecase.SearchOptions;
import io.textsim.core.usecase.SearchResult;
import io.textsim.core.usecase.UseCases;
import io.textsim.proto.v1.CompareManyRequest;
import io.textsim.proto.v1.CompareManyResponse;
import io.textsim.proto.v1.Match;
import io.textsim.proto.v1.Passage;
import io.textsim.proto.v1.SimilarityServiceGrpc;
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

/** CompareMany with furniture (examples or a saved model), over an in-process transport. */
class CompareManyFurnitureServiceTest {
  private static TextsimServer server;
  private static ManagedChannel channel;
  private static SimilarityServiceGrpc.SimilarityServiceBlockingStub stub;
  private static List<Document> candidates;
  private static FurnitureModel model;

  @BeforeAll
  static void start() throws Exception {
    String name = InProcessServerBuilder.generateName();
    server =
        new TextsimServer(
                ServerConfig.builder().threads(1).build(), InProcessServerBuilder.forName(name))
            .start();
    channel = InProcessChannelBuilder.forName(name).build();
    stub = SimilarityServiceGrpc.newBlockingStub(channel).withDeadlineAfter(60, TimeUnit.SECONDS);
    candidates = new ArrayList<>();
    Path outlets = Path.of("..", "examples", "outlets");
    for (String outlet : List.of("mehr-news", "tehran-times")) {
      try (Stream<Path> pages = Files.list(outlets.resolve(outlet))) {
        for (Path p : pages.sorted().toList()) {
          candidates.add(
              new Document(p.toString(), Files.readString(p, StandardCharsets.UTF_8), outlet));
        }
      }
    }
    candidates.add(new Document("mehr", MEHR, "mehr-news"));
    model =
        UseCases.learnFurniture(
            candidates, TextProfiler.defaults(), FurnitureOptions.defaults(), Cancellation.never());
  }

  @AfterAll
  static void stop() throws Exception {
    channel.shutdownNow();
    server.stop(java.time.Duration.ofSeconds(1));
  }

  private static io.textsim.proto.v1.Document proto(Document d) {
    return io.textsim.proto.v1.Document.newBuilder()
        .setId(d.id())
        .setText(d.text())
        .setSource(d.source())
        .build();
  }

  private static CompareManyRequest.Builder search() {
    CompareManyRequest.Builder request =
        CompareManyRequest.newBuilder()
            .setQuery(doc("tehran", TEHRAN))
            .setRankBy(io.textsim.proto.v1.Measure.MEASURE_CONTAINMENT_A_IN_B);
    for (Document d : candidates) {
      request.addCandidates(proto(d));
    }
    return request;
  }

  @Test
  void examplesAndASavedModelAnswerAsTheLibraryDoes() {
    assertFalse(model.isEmpty(), model.toString());
    CompareManyRequest.Builder fromExamples = search();
    for (Document d : candidates) {
      fromExamples.addFurnitureExamples(proto(d));
    }
    CompareManyResponse learned = stub.compareMany(fromExamples.build());
    CompareManyResponse saved =
        stub.compareMany(search().setFurnitureModel(ByteString.copyFrom(model.toBytes())).build());
    assertEquals(learned, saved);
    CompareManyResponse plain = stub.compareMany(search().build());
    assertNotEquals(plain, saved, "the furniture changes the scores");

    SearchResult library =
        UseCases.searchDocuments(
            TEHRAN,
            candidates,
            SearchOptions.builder()
                .rankBy(Measure.CONTAINMENT_A_IN_B)
                .measures(Measure.defaults())
                .furniture(model)
                .build());
    assertEquals(library.matches().size(), saved.getMatchesCount());
    for (int i = 0; i < saved.getMatchesCount(); i++) {
      SearchResult.Match want = library.matches().get(i);
      Match got = saved.getMatches(i);
      assertEquals(want.index(), got.getIndex());
      assertEquals(want.score(), got.getScore());
      assertEquals(want.located().size(), got.getLocatedCount());
    }
  }

  @Test
  void locatedPassagesPointIntoTheCandidatesAsGiven() {
    CompareManyResponse r =
        stub.compareMany(search().setFurnitureModel(ByteString.copyFrom(model.toBytes())).build());
    Match best = r.getMatches(0);
    assertEquals("mehr", best.getId());
    assertTrue(best.getLocatedCount() > 0, best.toString());
    for (Passage p : best.getLocatedList()) {
      assertEquals(MEHR.substring(p.getStart(), p.getEnd()), p.getText(), p.toString());
    }
  }

  @Test
  void badFurnitureNamesTheField() {
    SimilarityServiceTest.assertViolation(
        () ->
            stub.compareMany(
                search().setFurnitureModel(ByteString.copyFromUtf8("not a model")).build()),
        "furniture_model");
    FurnitureModel words3 = FurnitureModel.empty(ShingleConfig.words(3));
    SimilarityServiceTest.assertViolation(
        () ->
            stub.compareMany(
                search().setFurnitureModel(ByteString.copyFrom(words3.toBytes())).build()),
        "furniture_model");
    SimilarityServiceTest.assertViolation(
        () ->
            stub.compareMany(
                search()
                    .setFurnitureModel(ByteString.copyFrom(model.toBytes()))
                    .addFurnitureExamples(doc("x", "y"))
                    .build()),
        "furniture_model");
    SimilarityServiceTest.assertViolation(
        () ->
            stub.compareMany(
                search()
                    .addFurnitureExamples(
                        io.textsim.proto.v1.Document.newBuilder()
                            .setText("x")
                            .setHtml(ByteString.copyFromUtf8("<p>y</p>")))
                    .build()),
        "furniture_examples[0].html");
  }
}
