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
    if (d.text().length() > maxTextLength) {
      throw new IllegalArgumentException(
          where
              + ": text is "
              + d.text().length()
              + " UTF-16 units long, over the limit of "
              + maxTextLength);
    }
    try {
      d.checkStorable();
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(where + ": " + e.getMessage(), e);
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
    IndexDocument.requireWellFormed(text, "query text");
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
}
