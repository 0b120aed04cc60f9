package io.textsim.spark;

import java.io.Serializable;
import java.util.Objects;

/**
 * A document of the job's input.
 *
 * @param position its place in the input (a line number, a row number): it orders the output as
 *     input positions order the core's, and need not be dense
 * @param id the caller's identifier
 * @param text the text
 * @param source where it was published, for learning furniture per source; empty when not known
 */
public record InputDocument(long position, String id, String text, String source)
    implements Serializable {
  private static final long serialVersionUID = 1L;

  /** Validates that no component is null. */
  public InputDocument {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(text, "text");
    Objects.requireNonNull(source, "source");
  }
}
