package io.textsim.spark;

import java.io.Serializable;

/**
 * A document as profiled on an executor: its whole shingle set, as the sorted hashes of {@link
 * io.textsim.core.shingle.ShingleSet} (which does not travel).
 */
record ProfiledDocument(long position, String id, String source, long[] shingles)
    implements Serializable {
  private static final long serialVersionUID = 1L;
}
