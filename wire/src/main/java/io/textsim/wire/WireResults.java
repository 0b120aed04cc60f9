package io.textsim.wire;

import io.textsim.core.TextProfile;
import io.textsim.core.cluster.ClusterOptions;
import io.textsim.core.cluster.Clustering;
import io.textsim.core.cluster.Document;
import io.textsim.core.explain.Explanation;
import io.textsim.core.explain.Passage;
import io.textsim.core.html.Html;
import io.textsim.proto.v1.ClusterMember;
import io.textsim.proto.v1.ClusterStats;
import io.textsim.proto.v1.Passages;
import io.textsim.proto.v1.TextStats;
import java.util.ArrayList;
import java.util.List;

/** Core documents, explanations and clusterings as proto messages, and back. */
public final class WireResults {
  private WireResults() {}

  /** A core document as a proto one. */
  public static io.textsim.proto.v1.Document document(String id, String text) {
    return document(id, text, "");
  }

  /** A proto document with its source (empty when not known). */
  public static io.textsim.proto.v1.Document document(String id, String text, String source) {
    return io.textsim.proto.v1.Document.newBuilder()
        .setId(id)
        .setText(text)
        .setSource(source)
        .build();
  }

  /**
   * A proto document as a core one (not checked against any limit): its text, or the visible text
   * of its html.
   *
   * @throws BadFieldException if both text and html are set
   */
  public static Document document(io.textsim.proto.v1.Document document) {
    return document(document, "document");
  }

  /**
   * A proto document as a core one, as {@link #document(io.textsim.proto.v1.Document)}.
   *
   * @param field the path of {@code document} in the request, for error messages
   * @throws BadFieldException if both text and html are set
   */
  public static Document document(io.textsim.proto.v1.Document document, String field) {
    return new Document(document.getId(), text(document, field), document.getSource());
  }

  /**
   * The text a document stands for: its {@code text}, or the visible text of its {@code html} (see
   * {@link Html#visibleText(byte[])}); passage offsets refer to this text.
   *
   * @param field the path of {@code document} in the request, for error messages
   * @throws BadFieldException naming {@code field.html} if both text and html are set
   */
  public static String text(io.textsim.proto.v1.Document document, String field) {
    if (document.getHtml().isEmpty()) {
      return document.getText();
    }
    if (!document.getText().isEmpty()) {
      throw new BadFieldException(field + ".html", "set text or html, not both");
    }
    return Html.visibleText(document.getHtml().toByteArray()).text();
  }

  /** A proto document of a page's bytes, to be read as HTML by the server. */
  public static io.textsim.proto.v1.Document htmlDocument(String id, byte[] html, String source) {
    return io.textsim.proto.v1.Document.newBuilder()
        .setId(id)
        .setHtml(com.google.protobuf.ByteString.copyFrom(html))
        .setSource(source)
        .build();
  }

  /** The sizes of a profile. */
  public static TextStats stats(TextProfile p) {
    return TextStats.newBuilder()
        .setCodePoints(p.codePointCount())
        .setWords(p.tokenCount())
        .setShingles(p.shingles().size())
        .build();
  }

  /** The passages of an explanation. */
  public static Passages passages(Explanation explanation) {
    Passages.Builder out = Passages.newBuilder();
    explanation.sharedInA().forEach(p -> out.addSharedInA(passage(p)));
    explanation.sharedInB().forEach(p -> out.addSharedInB(passage(p)));
    explanation.onlyA().forEach(p -> out.addOnlyA(passage(p)));
    explanation.onlyB().forEach(p -> out.addOnlyB(passage(p)));
    return out.build();
  }

  /**
   * The explanation of proto passages.
   *
   * @throws BadFieldException naming a passage whose offsets are not a range
   */
  public static Explanation explanation(Passages passages, String field) {
    return new Explanation(
        passages(passages.getSharedInAList(), field + ".shared_in_a"),
        passages(passages.getSharedInBList(), field + ".shared_in_b"),
        passages(passages.getOnlyAList(), field + ".only_a"),
        passages(passages.getOnlyBList(), field + ".only_b"));
  }

  /**
   * Proto passages as core ones.
   *
   * @param field the path of the passages in the message, for error messages
   * @throws BadFieldException naming a passage whose offsets are not a range
   */
  public static List<Passage> passages(List<io.textsim.proto.v1.Passage> in, String field) {
    List<Passage> out = new ArrayList<>(in.size());
    for (int i = 0; i < in.size(); i++) {
      io.textsim.proto.v1.Passage p = in.get(i);
      try {
        out.add(new Passage(p.getStart(), p.getEnd(), p.getText(), p.getFurniture()));
      } catch (IllegalArgumentException e) {
        throw new BadFieldException(field + "[" + i + "]", e.getMessage());
      }
    }
    return out;
  }

  private static io.textsim.proto.v1.Passage passage(Passage p) {
    return io.textsim.proto.v1.Passage.newBuilder()
        .setStart(p.start())
        .setEnd(p.end())
        .setText(p.text())
        .setFurniture(p.furniture())
        .build();
  }

  /** Core passages as proto ones. */
  public static List<io.textsim.proto.v1.Passage> passages(List<Passage> passages) {
    List<io.textsim.proto.v1.Passage> out = new ArrayList<>(passages.size());
    passages.forEach(p -> out.add(passage(p)));
    return out;
  }

  /** A core clustering as a proto one. */
  public static io.textsim.proto.v1.Clustering clustering(Clustering clustering) {
    io.textsim.proto.v1.Clustering.Builder out =
        io.textsim.proto.v1.Clustering.newBuilder()
            .setDocuments(clustering.documents())
            .setThreshold(clustering.threshold())
            .setMeasure(WireEnums.toProto(clustering.measure()))
            .setStats(
                ClusterStats.newBuilder()
                    .setStrategy(WireEnums.toProto(clustering.stats().strategy()))
                    .setCandidatePairs(clustering.stats().candidatePairs())
                    .setLinkedPairs(clustering.stats().linkedPairs()));
    for (Clustering.Cluster c : clustering.clusters()) {
      io.textsim.proto.v1.Cluster.Builder cluster =
          io.textsim.proto.v1.Cluster.newBuilder()
              .setId(c.id())
              .setRepresentative(c.representative());
      for (Clustering.Member m : c.members()) {
        cluster.addMembers(ClusterMember.newBuilder().setId(m.id()).setScore(m.score()));
      }
      out.addClusters(cluster);
    }
    return out.build();
  }

  /**
   * A proto clustering as a core one.
   *
   * @throws BadFieldException for an unset measure or strategy
   */
  public static Clustering clustering(io.textsim.proto.v1.Clustering c, String field) {
    List<Clustering.Cluster> clusters = new ArrayList<>(c.getClustersCount());
    for (io.textsim.proto.v1.Cluster cluster : c.getClustersList()) {
      List<Clustering.Member> members = new ArrayList<>(cluster.getMembersCount());
      for (ClusterMember m : cluster.getMembersList()) {
        members.add(new Clustering.Member(m.getId(), m.getScore()));
      }
      clusters.add(new Clustering.Cluster(cluster.getId(), cluster.getRepresentative(), members));
    }
    if (c.getMeasureValue() == 0) {
      throw new BadFieldException(field + ".measure", "not set");
    }
    if (c.getStats().getStrategyValue() == 0) {
      throw new BadFieldException(field + ".stats.strategy", "not set");
    }
    return new Clustering(
        c.getDocuments(),
        c.getThreshold(),
        WireEnums.clusterMeasure(
            c.getMeasureValue(), ClusterOptions.DEFAULT_MEASURE, field + ".measure"),
        clusters,
        new Clustering.Stats(
            WireEnums.candidates(c.getStats().getStrategyValue(), field + ".stats.strategy"),
            c.getStats().getCandidatePairs(),
            c.getStats().getLinkedPairs()));
  }
}
