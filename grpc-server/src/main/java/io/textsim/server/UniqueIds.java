package io.textsim.server;

import io.textsim.wire.BadFieldException;
import java.util.HashMap;
import java.util.Map;

/**
 * The document ids of one Cluster or ClusterStream call, each allowed once: a clustering names its
 * members by id, so two documents with one id could not be told apart in the answer. Not
 * thread-safe.
 */
final class UniqueIds {
  /** Ids longer than this are cut in messages. */
  private static final int QUOTED_CHARS = 80;

  private final Map<String, Integer> firstPosition = new HashMap<>();
  private final String positionName;

  /**
   * Creates an empty set.
   *
   * @param positionName how a message names the position of a first use, as a format with one
   *     {@code %d}, e.g. {@code "documents[%d]"}
   */
  UniqueIds(String positionName) {
    this.positionName = positionName;
  }

  /**
   * Records the id of the document at {@code position}.
   *
   * @param field the path of the document's id in the request, for the error
   * @throws BadFieldException naming {@code field} and the first position of the id if it was
   *     recorded before
   */
  void add(String id, int position, String field) {
    Integer first = firstPosition.putIfAbsent(id, position);
    if (first != null) {
      throw new BadFieldException(
          field,
          "id "
              + quoted(id)
              + " is already the id of "
              + String.format(java.util.Locale.ROOT, positionName, first)
              + "; ids must be unique within a clustering, whose members are named by id");
    }
  }

  private static String quoted(String id) {
    return id.length() <= QUOTED_CHARS
        ? "\"" + id + "\""
        : "\"" + id.substring(0, QUOTED_CHARS) + "...\" (" + id.length() + " chars)";
  }
}
