package io.textsim.index;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A document to add: an id, its text, and optionally its source (the outlet or site, whose
 * furniture model applies to it), its time (when it was published; the retention window counts from
 * it) and a time to live (counted from when it is added).
 *
 * @param id the document's id, 1 to {@value NearDuplicateIndex#MAX_ID_BYTES} bytes of UTF-8
 * @param text the text; at most the index's text limit
 * @param source the source, if known
 * @param time when the document was published, if known
 * @param ttl how long after it is added the document expires, if it does
 */
public record IndexDocument(
    String id,
    String text,
    Optional<String> source,
    Optional<Instant> time,
    Optional<Duration> ttl) {

  /** Validates the fields that do not depend on the index. */
  public IndexDocument {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(text, "text");
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(time, "time");
    Objects.requireNonNull(ttl, "ttl");
    if (ttl.isPresent() && (ttl.get().isNegative() || ttl.get().isZero())) {
      throw new IllegalArgumentException(
          "ttl of document '" + id + "' must be positive, got " + ttl.get());
    }
  }

  /**
   * Checks what the index needs of every document whatever its limits: an id of 1 to {@value
   * NearDuplicateIndex#MAX_ID_BYTES} bytes of UTF-8, a source of at most {@value
   * NearDuplicateIndex#MAX_SOURCE_BYTES}, and no unpaired surrogate (which UTF-8 cannot hold) in
   * the id, text or source. The index checks this itself; callers that name their documents their
   * own way (a file and line) check first to say where.
   *
   * @throws IllegalArgumentException naming the field and the problem, e.g. {@code "text has an
   *     unpaired surrogate at index 4"}
   */
  public void checkStorable() {
    requireWellFormed(id, "id");
    int idBytes = IndexLayout.utf8(id).length;
    if (idBytes == 0 || idBytes > NearDuplicateIndex.MAX_ID_BYTES) {
      throw new IllegalArgumentException(
          "id must be 1 to " + NearDuplicateIndex.MAX_ID_BYTES + " bytes of UTF-8, got " + idBytes);
    }
    requireWellFormed(text, "text");
    if (source.isPresent()) {
      requireWellFormed(source.get(), "source");
      int n = IndexLayout.utf8(source.get()).length;
      if (n > NearDuplicateIndex.MAX_SOURCE_BYTES) {
        throw new IllegalArgumentException(
            "source is " + n + " bytes of UTF-8, over " + NearDuplicateIndex.MAX_SOURCE_BYTES);
      }
    }
  }

  /** Refuses unpaired surrogates, which UTF-8 would silently store as '?'. */
  static void requireWellFormed(String s, String what) {
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

  /** A document with only an id and a text. */
  public static IndexDocument of(String id, String text) {
    return new IndexDocument(id, text, Optional.empty(), Optional.empty(), Optional.empty());
  }

  /** This document with {@code source}. */
  public IndexDocument withSource(String source) {
    return new IndexDocument(id, text, Optional.of(source), time, ttl);
  }

  /** This document with {@code time}. */
  public IndexDocument withTime(Instant time) {
    return new IndexDocument(id, text, source, Optional.of(time), ttl);
  }

  /** This document with {@code ttl}. */
  public IndexDocument withTtl(Duration ttl) {
    return new IndexDocument(id, text, source, time, Optional.of(ttl));
  }
}
