package io.textsim.wire;

import java.util.Objects;

/**
 * A message field with a value that does not map onto the core: a bad option, an unknown enum
 * value, a text over the length limit. The server answers it INVALID_ARGUMENT with a {@code
 * google.rpc.BadRequest} field violation naming {@link #field()}; the client reports it as a bad
 * answer.
 */
public final class BadFieldException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final String field;

  /**
   * Creates the exception.
   *
   * @param field the field's path in the request, e.g. {@code "profile.shingles.size"} or {@code
   *     "candidates[3].text"}
   * @param description what is wrong and what is accepted
   */
  public BadFieldException(String field, String description) {
    super(description, null, false, false); // no stack trace: this is an answer, not a bug
    this.field = Objects.requireNonNull(field, "field");
  }

  /** The field's path in the request. */
  public String field() {
    return field;
  }
}
