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
