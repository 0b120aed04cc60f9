package io.textsim.index;

import java.nio.file.Path;
import java.util.Objects;

/**
 * An index directory that cannot be opened: missing, not an index, of a newer or older format, or
 * in use by another process. The message names the path and says what to do.
 */
public final class IndexOpenException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** Why the directory could not be opened. */
  public enum Reason {
    /** The directory does not exist and creating was not asked for. */
    MISSING,
    /** The path holds something other than a textsim index. */
    NOT_AN_INDEX,
    /** The index was written by a newer textsim, in a format this one does not read. */
    NEWER_FORMAT,
    /**
     * The index was written by an earlier textsim, in a format this one no longer reads; its
     * documents have to be added again to a new index.
     */
    OLDER_FORMAT,
    /** Another process (or another open index in this one) holds the directory's lock. */
    LOCKED,
    /** The store could not be read (an I/O error or damage). */
    UNREADABLE
  }

  private final Reason reason;
  private final transient Path path;

  IndexOpenException(Reason reason, Path path, String message, Throwable cause) {
    super(message, cause);
    this.reason = Objects.requireNonNull(reason, "reason");
    this.path = Objects.requireNonNull(path, "path");
  }

  /** Why the directory could not be opened. */
  public Reason reason() {
    return reason;
  }

  /** The directory. */
  public Path path() {
    return path;
  }
}
