package io.textsim.wire;

import com.google.protobuf.Timestamp;
import io.textsim.core.shingle.ShingleConfig;
import io.textsim.index.AddResult;
import io.textsim.index.IndexDocument;
import io.textsim.index.IndexMatch;
import io.textsim.index.IndexStats;
import io.textsim.index.IndexedDocument;
import io.textsim.index.RemoveResult;
import io.textsim.proto.v1.AddResponse;
import io.textsim.proto.v1.GetResponse;
import io.textsim.proto.v1.RemoveResponse;
import io.textsim.proto.v1.StatsResponse;
import io.textsim.proto.v1.StoredDocument;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * IndexService messages ({@code textsim/v1/index.proto}) and the index library's values ({@code
 * io.textsim.index}), both ways: the server maps requests in and results out, the command line's
 * remote mode requests out and results in, so that both modes report the same values. An empty
 * proto string stands for an absent optional one (a source), an unset message for an absent time.
 * Limits are not checked here: that is the server's business.
 */
public final class WireIndex {
  private WireIndex() {}

  /** A document to add as a proto one. */
  public static io.textsim.proto.v1.IndexDocument document(IndexDocument d) {
    io.textsim.proto.v1.IndexDocument.Builder out =
        io.textsim.proto.v1.IndexDocument.newBuilder()
            .setId(d.id())
            .setText(d.text())
            .setSource(d.source().orElse(""));
    d.time().ifPresent(t -> out.setTime(timestamp(t)));
    d.ttl()
        .ifPresent(
            t ->
                out.setTtl(
                    com.google.protobuf.Duration.newBuilder()
                        .setSeconds(t.getSeconds())
                        .setNanos(t.getNano())));
    return out.build();
  }

  /**
   * A proto document to add as a library one.
   *
   * @throws IllegalArgumentException if its ttl is set but not positive
   */
  public static IndexDocument document(io.textsim.proto.v1.IndexDocument d) {
    return new IndexDocument(
        d.getId(),
        d.getText(),
        d.getSource().isEmpty() ? Optional.empty() : Optional.of(d.getSource()),
        d.hasTime() ? Optional.of(instant(d.getTime())) : Optional.empty(),
        d.hasTtl()
            ? Optional.of(Duration.ofSeconds(d.getTtl().getSeconds(), d.getTtl().getNanos()))
            : Optional.empty());
  }

  /** A verified match as a proto one. */
  public static io.textsim.proto.v1.IndexMatch match(IndexMatch m) {
    return io.textsim.proto.v1.IndexMatch.newBuilder()
        .setRank(m.rank())
        .setId(m.id())
        .setScore(m.score())
        .setContainment(m.containment())
        .setVerdict(WireEnums.toProto(m.verdict()))
        .setSource(m.source().orElse(""))
        .build();
  }

  /**
   * A proto match as a library one.
   *
   * @throws BadFieldException naming {@code field} if the verdict is unknown or a number is out of
   *     range
   */
  public static IndexMatch match(io.textsim.proto.v1.IndexMatch m, String field) {
    try {
      return new IndexMatch(
          m.getRank(),
          m.getId(),
          m.getScore(),
          m.getContainment(),
          WireEnums.verdict(m.getVerdictValue(), field + ".verdict"),
          m.getSource().isEmpty() ? Optional.empty() : Optional.of(m.getSource()));
    } catch (IllegalArgumentException e) {
      throw new BadFieldException(field, e.getMessage());
    }
  }

  /** The matches of one proto query result. */
  public static List<IndexMatch> matches(io.textsim.proto.v1.QueryResult result, String field) {
    List<IndexMatch> out = new ArrayList<>(result.getMatchesCount());
    for (int i = 0; i < result.getMatchesCount(); i++) {
      out.add(match(result.getMatches(i), field + ".matches[" + i + "]"));
    }
    return out;
  }

  /** What a whole Add stream did: the sum of its batches' results. */
  public static AddResponse addResponse(List<AddResult> results) {
    AddResponse.Builder out = AddResponse.newBuilder();
    long added = 0;
    long replaced = 0;
    for (AddResult r : results) {
      added += r.added();
      replaced += r.replaced();
      out.addAllExpired(r.expired());
    }
    return out.setAdded(added).setReplaced(replaced).build();
  }

  /**
   * An Add answer as a library result.
   *
   * @throws BadFieldException if a count is negative or too large
   */
  public static AddResult addResult(AddResponse r) {
    return new AddResult(
        count(r.getAdded(), "added"), count(r.getReplaced(), "replaced"), r.getExpiredList());
  }

  private static int count(long value, String field) {
    if (value < 0 || value > Integer.MAX_VALUE) {
      throw new BadFieldException(field, "count out of range: " + value);
    }
    return (int) value;
  }

  /** A remove result as a proto answer. */
  public static RemoveResponse removeResponse(RemoveResult r) {
    return RemoveResponse.newBuilder()
        .addAllRemoved(r.removed())
        .addAllNotFound(r.notFound())
        .build();
  }

  /** A Remove answer as a library result. */
  public static RemoveResult removeResult(RemoveResponse r) {
    return new RemoveResult(r.getRemovedList(), r.getNotFoundList());
  }

  /** A stored document as a Get answer. */
  public static GetResponse getResponse(IndexedDocument d) {
    StoredDocument.Builder doc =
        StoredDocument.newBuilder()
            .setId(d.id())
            .setText(d.text())
            .setSource(d.source().orElse(""))
            .setAddedAt(timestamp(d.addedAt()))
            .setShingles(d.shingles());
    d.time().ifPresent(t -> doc.setTime(timestamp(t)));
    d.expiresAt().ifPresent(t -> doc.setExpiresAt(timestamp(t)));
    return GetResponse.newBuilder().setDocument(doc).build();
  }

  /** The state of an index as a Stats answer. */
  public static StatsResponse statsResponse(IndexStats s) {
    ShingleConfig shingles = s.minHash().shingles();
    return StatsResponse.newBuilder()
        .setDocuments(s.documents())
        .setDiskBytes(s.diskBytes())
        .setFormatVersion(s.formatVersion())
        .setNumHashes(s.minHash().numHashes())
        .setBands(s.lsh().bands())
        .setRows(s.lsh().rows())
        .setThreshold(s.threshold())
        .setShingleWords(shingles.kind() == ShingleConfig.Kind.WORDS ? shingles.size() : 0)
        .build();
  }

  private static Instant instant(Timestamp t) {
    return Instant.ofEpochSecond(t.getSeconds(), t.getNanos());
  }

  private static Timestamp timestamp(Instant i) {
    return Timestamp.newBuilder().setSeconds(i.getEpochSecond()).setNanos(i.getNano()).build();
  }
}
