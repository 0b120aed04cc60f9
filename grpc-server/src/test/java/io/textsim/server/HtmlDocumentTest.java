package io.textsim.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.grpc.ManagedChannel;
import io.grpc.inprocess.InProcessChannelBuilder;
import io.grpc.inprocess.InProcessServerBuilder;
import io.textsim.proto.v1.ClusterRequest;
import io.textsim.proto.v1.ClusterResponse;
import io.textsim.proto.v1.CompareManyRequest;
import io.textsim.proto.v1.CompareRequest;
import io.textsim.proto.v1.CompareResponse;
import io.textsim.proto.v1.Document;
import io.textsim.proto.v1.Passage;
import io.textsim.proto.v1.SimilarityServiceGrpc;
import io.textsim.proto.v1.Verdict;
import io.textsim.wire.WireResults;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Documents given as web pages ({@code Document.html}): the server compares their visible text. */
class HtmlDocumentTest {
  static final String STORY =
      "The swing bridge will close for eleven weeks while engineers replace the gear that turns"
          + " it, the county\u2019s highways department said on Tuesday. A foot ferry will run"
          + " every fifteen minutes from the quay steps.";

  static TextsimServer server;
  static ManagedChannel channel;
  static SimilarityServiceGrpc.SimilarityServiceBlockingStub stub;

  @BeforeAll
  static void start() throws Exception {
    String name = InProcessServerBuilder.generateName();
    server =
        new TextsimServer(
                ServerConfig.builder().threads(2).build(), InProcessServerBuilder.forName(name))
            .start();
    channel = InProcessChannelBuilder.forName(name).build();
    stub = SimilarityServiceGrpc.newBlockingStub(channel).withDeadlineAfter(60, TimeUnit.SECONDS);
  }

  @AfterAll
  static void stop() throws Exception {
    channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
    server.stop(java.time.Duration.ofSeconds(5));
  }

  /** The story in a windows-1252 page declared by its meta tag, with a script and a nav. */
  static Document page(String id) {
    String html =
        "<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=windows-1252\">"
            + "<script>var tracker = 'SCRIPT TEXT';</script><style>p{}</style></head><body>"
            + "<nav>Home | Local</nav><p>"
            + STORY
            + "</p><div hidden>Hidden text</div></body></html>";
    return WireResults.htmlDocument(id, html.getBytes(Charset.forName("windows-1252")), "");
  }

  @Test
  void compareReadsThePagesVisibleTextAndItsOffsetsReferToIt() {
    CompareResponse r =
        stub.compare(
            CompareRequest.newBuilder()
                .setA(page("page"))
                .setB(WireResults.document("text", STORY))
                .setExplain(true)
                .build());
    assertEquals(Verdict.VERDICT_NEAR_DUPLICATE, r.getVerdict());
    assertEquals(1, r.getPassages().getOnlyACount(), r.toString());
    Passage nav = r.getPassages().getOnlyA(0);
    assertEquals(0, nav.getStart());
    assertEquals("Home | Local", nav.getText());
    Passage shared = r.getPassages().getSharedInA(0);
    assertEquals("Home | Local\n\n".length(), shared.getStart());
    assertEquals(STORY, shared.getText(), "typographic apostrophe kept, offsets in the text");
    assertFalse(r.toString().contains("SCRIPT TEXT") || r.toString().contains("Hidden text"));
  }

  @Test
  void compareManyAndClusterTakePagesToo() {
    assertEquals(
        1,
        stub.compareMany(
                CompareManyRequest.newBuilder()
                    .setQuery(WireResults.document("q", STORY))
                    .addCandidates(page("p"))
                    .setMinScore(0.5)
                    .build())
            .getMatchesCount());
    ClusterResponse c =
        stub.cluster(
            ClusterRequest.newBuilder()
                .addDocuments(page("p1"))
                .addDocuments(WireResults.document("t1", STORY))
                .addDocuments(WireResults.document("other", "Nothing to do with bridges at all."))
                .build());
    assertEquals(2, c.getClustering().getClusters(0).getMembersCount(), c.toString());
  }

  @Test
  void textAndHtmlTogetherAreInvalidArgumentNamingTheHtmlField() {
    Document both = page("p").toBuilder().setText("some text").build();
    SimilarityServiceTest.assertViolation(
        () ->
            stub.compare(
                CompareRequest.newBuilder()
                    .setA(WireResults.document("a", STORY))
                    .setB(both)
                    .build()),
        "b.html");
    SimilarityServiceTest.assertViolation(
        () -> stub.cluster(ClusterRequest.newBuilder().addDocuments(both).build()),
        "documents[0].html");
  }

  @Test
  void bytesNotValidInThePagesCharsetAreReadNotRefused() {
    byte[] bad = "<p>caf\u00e9</p>".getBytes(StandardCharsets.ISO_8859_1);
    CompareResponse r =
        stub.compare(
            CompareRequest.newBuilder()
                .setA(WireResults.htmlDocument("a", bad, ""))
                .setB(WireResults.document("b", "caf\uFFFD"))
                .build());
    assertTrue(r.getScores().getJaccard() == 1.0, r.toString());
  }
}
