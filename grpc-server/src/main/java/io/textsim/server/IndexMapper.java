package io.textsim.server;

import io.textsim.index.IndexDocument;
import io.textsim.index.IndexMatch;
import io.textsim.index.NearDuplicateIndex;
import io.textsim.proto.v1.IndexQuery;
import io.textsim.proto.v1.QueryRequest;
import io.textsim.proto.v1.QueryResponse;
import io.textsim.proto.v1.QueryResult;
import io.textsim.wire.BadFieldException;
import io.textsim.wire.WireIndex;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Checks IndexService requests against the server's limits (naming the field of each violation) and
 * answers queries; the messages themselves map onto the index library through {@link WireIndex}.
 */
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
      if (d.hasTime()) {
        checkTimestamp(d.getTime(), at + ".time");
      }
      if (d.hasTtl()) {
        checkDuration(d.getTtl(), at + ".ttl");
        Duration t = Duration.ofSeconds(d.getTtl().getSeconds(), d.getTtl().getNanos());
        if (t.isNegative() || t.isZero()) {
          throw new BadFieldException(at + ".ttl", "ttl must be positive, got " + t);
        }
      }
      out.add(WireIndex.document(d));
    }
    return out;
  }

  /** The range of google.protobuf.Timestamp: 0001-01-01T00:00:00Z to 9999-12-31T23:59:59Z. */
  private static final long MIN_TIMESTAMP_SECONDS = -62_135_596_800L;

  private static final long MAX_TIMESTAMP_SECONDS = 253_402_300_799L;

  /** The range of google.protobuf.Duration: about 10,000 years either way. */
  private static final long MAX_DURATION_SECONDS = 315_576_000_000L;

  /**
   * Refuses a Timestamp outside the range its definition allows: the conversions to {@code Instant}
   * and the index's arithmetic are only defined inside it.
   */
  private static void checkTimestamp(com.google.protobuf.Timestamp t, String field) {
    if (t.getSeconds() < MIN_TIMESTAMP_SECONDS
        || t.getSeconds() > MAX_TIMESTAMP_SECONDS
        || t.getNanos() < 0
        || t.getNanos() > 999_999_999) {
      throw new BadFieldException(
          field,
          "time is not a valid timestamp (seconds="
              + t.getSeconds()
              + ", nanos="
              + t.getNanos()
              + "): seconds must be in the years 1 to 9999 ("
              + MIN_TIMESTAMP_SECONDS
              + " to "
              + MAX_TIMESTAMP_SECONDS
              + ") and nanos 0 to 999999999");
    }
  }

  /** Refuses a Duration outside the range and sign rules of its definition. */
  private static void checkDuration(com.google.protobuf.Duration d, String field) {
    long seconds = d.getSeconds();
    int nanos = d.getNanos();
    boolean signsDisagree = (seconds > 0 && nanos < 0) || (seconds < 0 && nanos > 0);
    if (seconds < -MAX_DURATION_SECONDS
        || seconds > MAX_DURATION_SECONDS
        || nanos < -999_999_999
        || nanos > 999_999_999
        || signsDisagree) {
      throw new BadFieldException(
          field,
          "ttl is not a valid duration (seconds="
              + seconds
              + ", nanos="
              + nanos
              + "): seconds must be within "
              + MAX_DURATION_SECONDS
              + " either way, nanos within 999999999, both of the same sign");
    }
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
        result.addMatches(WireIndex.match(m));
      }
      out.addResults(result);
    }
    return out.build();
  }
}
