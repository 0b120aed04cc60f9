package io.textsim.index;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The checks of what callers hand the index, made before any work: ids, texts and sources of a
 * batch, a query text and a query's bounds. Each failure is an {@link IllegalArgumentException}
 * naming the document (by position and id) or the parameter.
 */
final class DocumentChecks {
  private DocumentChecks() {}

  /** Checks every document of a batch and that no id repeats in it. */
  static void checkBatch(List<IndexDocument> documents, int maxTextLength) {
    Map<String, Integer> positions = new HashMap<>();
    for (int i = 0; i < documents.size(); i++) {
      IndexDocument d = Objects.requireNonNull(documents.get(i), "documents[" + i + "]");
      check(d, i, maxTextLength);
      Integer previous = positions.putIfAbsent(d.id(), i);
      if (previous != null) {
        throw new IllegalArgumentException(
            "duplicate id '"
                + d.id()
                + "' in one batch (documents "
                + (previous + 1)
                + " and "
                + (i + 1)
                + ")");
      }
    }
  }

  private static void check(IndexDocument d, int position, int maxTextLength) {
    String where = "document " + (position + 1) + " (id '" + d.id() + "')";
    requireWellFormed(d.id(), "id of document " + (position + 1));
    int idBytes = IndexLayout.utf8(d.id()).length;
    if (idBytes == 0 || idBytes > NearDuplicateIndex.MAX_ID_BYTES) {
      throw new IllegalArgumentException(
          "id of document "
              + (position + 1)
              + " must be 1 to "
              + NearDuplicateIndex.MAX_ID_BYTES
              + " bytes of UTF-8, got "
              + idBytes);
    }
    if (d.text().length() > maxTextLength) {
      throw new IllegalArgumentException(
          where
              + ": text is "
              + d.text().length()
              + " UTF-16 units long, over the limit of "
              + maxTextLength);
    }
    requireWellFormed(d.text(), "text of " + where);
    if (d.source().isPresent()) {
      requireWellFormed(d.source().get(), "source of " + where);
      int n = IndexLayout.utf8(d.source().get()).length;
      if (n > NearDuplicateIndex.MAX_SOURCE_BYTES) {
        throw new IllegalArgumentException(
            "source of "
                + where
                + " is "
                + n
                + " bytes of UTF-8, over "
                + NearDuplicateIndex.MAX_SOURCE_BYTES);
      }
    }
  }

  /** Checks a query text against the limit and for unpaired surrogates. */
  static void checkQueryText(String text, int maxTextLength) {
    if (text.length() > maxTextLength) {
      throw new IllegalArgumentException(
          "query text is "
              + text.length()
              + " UTF-16 units long, over the limit of "
              + maxTextLength);
    }
    requireWellFormed(text, "query text");
  }

  /** Checks the bounds of a query. */
  static void checkQuery(int topK, double minScore) {
    if (topK < 1) {
      throw new IllegalArgumentException("topK must be >= 1, got " + topK);
    }
    if (!(minScore >= 0.0 && minScore <= 1.0)) {
      throw new IllegalArgumentException("minScore must be in [0, 1], got " + minScore);
    }
  }

  /** Refuses unpaired surrogates, which UTF-8 would silently store as '?'. */
  private static void requireWellFormed(String s, String what) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (Character.isHighSurrogate(c)
          && i + 1 < s.length()
          && Character.isLowSurrogate(s.charAt(i + 1))) {
        i++;
      } else if (Character.isSurrogate(c)) {
        throw new IllegalArgumentException(what + " has an unpaired surrogate at index " + i);
      }
    }
  }
}
