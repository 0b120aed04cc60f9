package io.textsim.evaluation;

import java.util.Objects;

/**
 * One news story of the development corpus.
 *
 * @param id the corpus identifier, for example {@code reuters-1}
 * @param date the filing date as the corpus gives it (Reuters: {@code 26-FEB-1987 15:01:01.79})
 * @param title the headline; may be empty
 * @param text the body
 */
public record Story(String id, String date, String title, String text) {
  /** Validates that no component is null. */
  public Story {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(date, "date");
    Objects.requireNonNull(title, "title");
    Objects.requireNonNull(text, "text");
  }
}
