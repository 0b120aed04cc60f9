package io.textsim.core.cluster;

import java.util.Objects;

/**
 * A text with the caller's identifier for it.
 *
 * @param id the caller's identifier (a path, a database key); not interpreted
 * @param text the text
 */
public record Document(String id, String text) {
  /** Validates that neither component is null. */
  public Document {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(text, "text");
  }
}
