package io.textsim.server;

import java.util.Objects;

/**
 * A request field with a value the server does not accept: a bad option, an unknown enum value, a
 * text over the length limit. Answered INVALID_ARGUMENT with a {@code google.rpc.BadRequest} field
 * violation naming {@link #field()}.
 */
final class BadFieldException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final String field;

  /**
   * Creates the exception.
   *
   * @param field the field's path in the request, e.g. {@code "profile.shingles.size"} or {@code
   *     "candidates[3].text"}
   * @param description what is wrong and what is accepted
   */
  BadFieldException(String field, String description) {
    super(description, null, false, false); // no stack trace: this is an answer, not a bug
    this.field = Objects.requireNonNull(field, "field");
  }

  /** The field's path in the request. */
  String field() {
    return field;
  }
}
