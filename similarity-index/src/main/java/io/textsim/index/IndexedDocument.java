package io.textsim.index;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A document as the index holds it.
 *
 * @param id the id
 * @param text the text as added
 * @param source the source, if one was given
 * @param time the publication time, if one was given
 * @param addedAt when the index received it
 * @param expiresAt when it expires, if it does
 * @param shingles the number of distinct shingles it is compared on (after furniture was taken out)
 */
public record IndexedDocument(
    String id,
    String text,
    Optional<String> source,
    Optional<Instant> time,
    Instant addedAt,
    Optional<Instant> expiresAt,
    int shingles) {

  /** Checks that no field is null. */
  public IndexedDocument {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(text, "text");
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(time, "time");
    Objects.requireNonNull(addedAt, "addedAt");
    Objects.requireNonNull(expiresAt, "expiresAt");
  }
}
