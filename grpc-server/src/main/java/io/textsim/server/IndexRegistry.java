package io.textsim.server;

import io.grpc.Status;
import io.textsim.index.IndexNames;
import io.textsim.index.IndexOpenException;
import io.textsim.index.IndexOptions;
import io.textsim.index.NearDuplicateIndex;
import io.textsim.wire.BadFieldException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The named indexes a server holds, each in a subdirectory of {@code --index-dir}: opened on first
 * use and kept open (and locked) until the server stops. Thread-safe.
 */
final class IndexRegistry implements AutoCloseable {
  private static final Logger logger = Logger.getLogger(IndexRegistry.class.getName());

  private final Optional<Path> root;
  private final IndexOptions options;
  private final Map<String, NearDuplicateIndex> open = new LinkedHashMap<>();
  private boolean closed;

  private IndexRegistry(Optional<Path> root, IndexOptions options) {
    this.root = root;
    this.options = options;
  }

  /** A registry of the indexes under {@code root}, opened with {@code options}. */
  static IndexRegistry under(Path root, IndexOptions options) {
    return new IndexRegistry(Optional.of(root), options);
  }

  /** The registry of a server started without {@code --index-dir}: every call is refused. */
  static IndexRegistry disabled() {
    return new IndexRegistry(Optional.empty(), IndexOptions.defaults());
  }

  /** The directory the indexes live under, if the service is on. */
  Optional<Path> root() {
    return root;
  }

  /**
   * The index named {@code name} ("" for {@link IndexNames#DEFAULT}), opened if need be; created
   * only if {@code create}.
   *
   * @throws io.grpc.StatusRuntimeException FAILED_PRECONDITION if the service is off or the
   *     directory cannot be used, NOT_FOUND if the index does not exist and is not to be created
   * @throws BadFieldException if the name is not a valid index name
   */
  synchronized NearDuplicateIndex index(String name, String field, boolean create) {
    if (root.isEmpty()) {
      throw Status.FAILED_PRECONDITION
          .withDescription(
              "the index service is off: start the server with --index-dir DIR (or"
                  + " TEXTSIM_INDEX_DIR) to keep indexes under DIR")
          .asRuntimeException();
    }
    String resolved;
    try {
      resolved = IndexNames.resolve(name);
    } catch (IllegalArgumentException e) {
      throw new BadFieldException(field, e.getMessage());
    }
    if (closed) {
      throw Status.UNAVAILABLE.withDescription("server shutting down").asRuntimeException();
    }
    NearDuplicateIndex index = open.get(resolved);
    if (index != null) {
      return index;
    }
    try {
      index = IndexNames.open(root.get(), resolved, options.withCreateIfMissing(create));
    } catch (IndexOpenException e) {
      if (e.reason() == IndexOpenException.Reason.MISSING) {
        throw Status.NOT_FOUND
            .withDescription("no index named '" + resolved + "' (adding documents creates it)")
            .asRuntimeException();
      }
      throw Status.FAILED_PRECONDITION.withDescription(e.getMessage()).asRuntimeException();
    }
    open.put(resolved, index);
    return index;
  }

  /** Closes every open index; later calls are refused. */
  @Override
  public synchronized void close() {
    closed = true;
    for (Map.Entry<String, NearDuplicateIndex> e : open.entrySet()) {
      try {
        e.getValue().close();
      } catch (RuntimeException failure) {
        logger.log(Level.WARNING, "closing index " + e.getKey() + " failed", failure);
      }
    }
    open.clear();
  }
}
