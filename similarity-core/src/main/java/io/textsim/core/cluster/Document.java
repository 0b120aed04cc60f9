package io.textsim.core.cluster;

import io.textsim.core.furniture.FurnitureModel;
import java.util.Objects;

/**
 * A text with the caller's identifier for it and, where known, its source.
 *
 * @param id the caller's identifier (a path, a database key); not interpreted
 * @param text the text
 * @param source where the text was published (an outlet, a site's host, a directory): page
 *     furniture is learned per source; {@link FurnitureModel#UNKNOWN_SOURCE} (empty) when not known
 */
public record Document(String id, String text, String source) {
  /** Validates that no component is null. */
  public Document {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(text, "text");
    Objects.requireNonNull(source, "source");
  }

  /** A document of no known source. */
  public Document(String id, String text) {
    this(id, text, FurnitureModel.UNKNOWN_SOURCE);
  }
}
