package io.textsim.server;

import com.google.protobuf.Timestamp;
import io.textsim.core.shingle.ShingleConfig;
import io.textsim.index.AddResult;
import io.textsim.index.IndexDocument;
import io.textsim.index.IndexMatch;
import io.textsim.index.IndexStats;
import io.textsim.index.IndexedDocument;
import io.textsim.index.NearDuplicateIndex;
import io.textsim.index.RemoveResult;
import io.textsim.proto.v1.AddResponse;
import io.textsim.proto.v1.GetResponse;
import io.textsim.proto.v1.IndexQuery;
import io.textsim.proto.v1.QueryRequest;
import io.textsim.proto.v1.QueryResponse;
import io.textsim.proto.v1.QueryResult;
import io.textsim.proto.v1.RemoveResponse;
import io.textsim.proto.v1.StatsResponse;
import io.textsim.proto.v1.StoredDocument;
import io.textsim.proto.v1.Verdict;
import io.textsim.wire.BadFieldException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Converts between the IndexService messages and the index library, checking the limits. */
final class IndexMapper {
  /** The number of matches per query when the request leaves top_k at 0. */
  static final int DEFAULT_TOP_K = 10;

  private final int maxTextChars;
  private final int maxDocuments;

  IndexMapper(int maxTextChars, int maxDocuments) {
    this.maxTextChars = maxTextChars;
    this.maxDocuments = maxDocuments;
  }

  int maxDocuments() {
    return maxDocuments;
  }

  /**
   * The documents of one Add message, checked field by field.
   *
   * @param field the path of the message's documents in the stream, e.g. {@code
   *     "messages[2].documents"}
   */
  List<IndexDocument> documents(List<io.textsim.proto.v1.IndexDocument> batch, String field) {
    if (batch.size() > maxDocuments) {
      throw new BadFieldException(
          field,
          batch.size()
              + " documents in one message, over the server's limit of "
              + maxDocuments
              + " (send smaller batches, or start the server with a larger --max-documents)");
    }
    List<IndexDocument> out = new ArrayList<>(batch.size());
    Map<String, Integer> seen = new HashMap<>();
    for (int i = 0; i < batch.size(); i++) {
      io.textsim.proto.v1.IndexDocument d = batch.get(i);
      String at = field + "[" + i + "]";
      int idBytes = d.getId().getBytes(StandardCharsets.UTF_8).length;
      if (idBytes == 0 || idBytes > NearDuplicateIndex.MAX_ID_BYTES) {
        throw new BadFieldException(
            at + ".id",
            "id must be 1 to "
                + NearDuplicateIndex.MAX_ID_BYTES
                + " bytes of UTF-8, got "
                + idBytes);
      }
      Integer previous = seen.putIfAbsent(d.getId(), i);
      if (previous != null) {
        throw new BadFieldException(
            at + ".id",
            "duplicate id '"
                + d.getId()
                + "' in one batch (also at "
                + field
                + "["
                + previous
                + "])");
      }
      checkText(d.getText(), at + ".text");
      if (d.getSource().getBytes(StandardCharsets.UTF_8).length
          > NearDuplicateIndex.MAX_SOURCE_BYTES) {
        throw new BadFieldException(
            at + ".source", "source is over " + NearDuplicateIndex.MAX_SOURCE_BYTES + " bytes");
      }
      Optional<Duration> ttl = Optional.empty();
      if (d.hasTtl()) {
        Duration t = Duration.ofSeconds(d.getTtl().getSeconds(), d.getTtl().getNanos());
        if (t.isNegative() || t.isZero()) {
          throw new BadFieldException(at + ".ttl", "ttl must be positive, got " + t);
        }
        ttl = Optional.of(t);
      }
      out.add(
          new IndexDocument(
              d.getId(),
              d.getText(),
              d.getSource().isEmpty() ? Optional.empty() : Optional.of(d.getSource()),
              d.hasTime() ? Optional.of(instant(d.getTime())) : Optional.empty(),
              ttl));
    }
    return out;
  }

  private void checkText(String text, String field) {
    if (text.length() > maxTextChars) {
      throw new BadFieldException(
          field,
          "text is "
              + text.length()
              + " UTF-16 code units long, over the server's limit of "
              + maxTextChars
              + " (split it, or start the server with a larger --max-text-chars)");
    }
  }

  AddResponse addResponse(List<AddResult> results) {
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

  /** Answers every query of {@code request} on {@code index}. */
  QueryResponse query(QueryRequest request, NearDuplicateIndex index) {
    if (request.getQueriesCount() > maxDocuments) {
      throw new BadFieldException(
          "queries",
          request.getQueriesCount() + " queries, over the server's limit of " + maxDocuments);
    }
    if (request.getTopK() < 0) {
      throw new BadFieldException(
          "top_k", "top_k must be >= 0 (0 for 10), got " + request.getTopK());
    }
    double minScore = request.getMinScore();
    if (!(minScore >= 0.0 && minScore <= 1.0)) {
      throw new BadFieldException("min_score", "min_score must be in [0, 1], got " + minScore);
    }
    int topK = request.getTopK() == 0 ? DEFAULT_TOP_K : request.getTopK();
    QueryResponse.Builder out = QueryResponse.newBuilder();
    for (int i = 0; i < request.getQueriesCount(); i++) {
      IndexQuery q = request.getQueries(i);
      String at = "queries[" + i + "]";
      List<IndexMatch> matches =
          switch (q.getTargetCase()) {
            case TEXT -> {
              checkText(q.getText(), at + ".text");
              yield index.query(
                  q.getText(),
                  q.getSource().isEmpty() ? Optional.empty() : Optional.of(q.getSource()),
                  topK,
                  minScore);
            }
            case STORED_ID ->
                index
                    .queryById(q.getStoredId(), topK, minScore)
                    .orElseThrow(
                        () ->
                            io.grpc.Status.NOT_FOUND
                                .withDescription(
                                    at + ".stored_id: no document '" + q.getStoredId() + "'")
                                .asRuntimeException());
            case TARGET_NOT_SET ->
                throw new BadFieldException(at, "a query needs a text or a stored_id");
          };
      QueryResult.Builder result = QueryResult.newBuilder().setQuery(q.getId());
      for (IndexMatch m : matches) {
        result.addMatches(
            io.textsim.proto.v1.IndexMatch.newBuilder()
                .setRank(m.rank())
                .setId(m.id())
                .setScore(m.score())
                .setContainment(m.containment())
                .setVerdict(verdict(m.verdict()))
                .setSource(m.source().orElse("")));
      }
      out.addResults(result);
    }
    return out.build();
  }

  static Verdict verdict(io.textsim.core.measure.Verdict v) {
    return switch (v) {
      case NEAR_DUPLICATE -> Verdict.VERDICT_NEAR_DUPLICATE;
      case RELATED -> Verdict.VERDICT_RELATED;
      case DIFFERENT -> Verdict.VERDICT_DIFFERENT;
    };
  }

  static RemoveResponse removeResponse(RemoveResult r) {
    return RemoveResponse.newBuilder()
        .addAllRemoved(r.removed())
        .addAllNotFound(r.notFound())
        .build();
  }

  static GetResponse getResponse(IndexedDocument d) {
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

  static StatsResponse statsResponse(IndexStats s) {
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
