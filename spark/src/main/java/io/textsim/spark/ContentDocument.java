package io.textsim.spark;

import io.textsim.core.shingle.ShingleSet;
import java.io.Serializable;

/**
 * A document once its source's furniture is taken out: the content shingles that links are decided
 * on, and whether its text had no shingles at all.
 */
record ContentDocument(long position, String id, long[] content, boolean blank)
    implements Serializable {
  private static final long serialVersionUID = 1L;

  ShingleSet contentSet() {
    return ShingleSet.of(content);
  }

  /**
   * Whether this document can link to any other: content left, or a blank text (two blank texts are
   * equal). A text that is all furniture links to nothing.
   */
  boolean linkable() {
    return content.length > 0 || blank;
  }
}
