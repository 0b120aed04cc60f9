package io.textsim.index;

import io.textsim.core.lsh.LshParameters;
import io.textsim.core.sketch.MinHashFamily;
import io.textsim.core.sketch.MinHashParameters;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import org.rocksdb.ColumnFamilyDescriptor;
import org.rocksdb.ColumnFamilyHandle;
import org.rocksdb.DBOptions;
import org.rocksdb.RocksDB;
import org.rocksdb.RocksDBException;
import org.rocksdb.RocksIterator;
import org.rocksdb.WriteOptions;

/**
 * The format check of an opening: reads the settings an index was created with, or writes them for
 * a new one, and refuses a store that is not a textsim index or is of a newer format with an {@link
 * IndexOpenException} naming the path.
 */
final class IndexFormat {
  private IndexFormat() {}

  /**
   * The settings of the index in {@code store}: those it holds, or, for a store without documents
   * or settings, new ones from {@code options}, written (and synced) before this returns.
   */
  static IndexSettings readOrCreateSettings(
      Path directory, RocksStore store, IndexOptions options) {
    try {
      byte[] bytes = store.db.get(store.meta, IndexLayout.SETTINGS_KEY);
      if (bytes == null) {
        if (isEmpty(store, store.documents)) {
          IndexSettings created =
              new IndexSettings(
                  new MinHashParameters(
                      MinHashFamily.CLASSIC,
                      options.numHashes(),
                      options.seed(),
                      options.shingles()),
                  LshParameters.forThreshold(options.threshold(), options.numHashes()),
                  options.threshold(),
                  options.clock().millis());
          try (WriteOptions sync = new WriteOptions().setSync(true)) {
            store.db.put(store.meta, sync, IndexLayout.SETTINGS_KEY, created.toBytes());
          }
          return created;
        }
        throw notAnIndex(directory, "it has documents but no settings record");
      }
      int version = IndexSettings.formatVersionOf(bytes);
      if (version < 0) {
        throw notAnIndex(directory, "its settings record is not textsim's");
      }
      refuseOtherVersion(directory, OptionalInt.of(version));
      try {
        return IndexSettings.fromBytes(bytes);
      } catch (IllegalArgumentException e) {
        throw notAnIndex(directory, "its settings record is damaged (" + e.getMessage() + ")");
      }
    } catch (RocksDBException e) {
      throw new IndexOpenException(
          IndexOpenException.Reason.UNREADABLE,
          directory,
          "cannot read index " + directory + ": " + e.getMessage(),
          e);
    }
  }

  /**
   * Throws {@link IndexOpenException} if {@code version} is present and not {@link
   * IndexSettings#FORMAT_VERSION}: {@link IndexOpenException.Reason#NEWER_FORMAT} or {@link
   * IndexOpenException.Reason#OLDER_FORMAT}, the message naming both versions and what to do.
   */
  static void refuseOtherVersion(Path directory, OptionalInt version) {
    if (version.isEmpty() || version.getAsInt() == IndexSettings.FORMAT_VERSION) {
      return;
    }
    int v = version.getAsInt();
    if (v > IndexSettings.FORMAT_VERSION) {
      throw new IndexOpenException(
          IndexOpenException.Reason.NEWER_FORMAT,
          directory,
          "index "
              + directory
              + " has format version "
              + v
              + ", newer than version "
              + IndexSettings.FORMAT_VERSION
              + " that this textsim reads; open it with a newer textsim",
          null);
    }
    throw new IndexOpenException(
        IndexOpenException.Reason.OLDER_FORMAT,
        directory,
        "index "
            + directory
            + " has format version "
            + v
            + ", older than version "
            + IndexSettings.FORMAT_VERSION
            + " that this textsim reads; open it with the textsim that wrote it, or add its"
            + " documents again to a new index",
        null);
  }

  /**
   * The format version in the settings record of the RocksDB store in {@code dir}, read without
   * opening its other column families (whose options may differ between versions) and without
   * taking its lock; empty if the store has no textsim settings record or cannot be read.
   */
  static OptionalInt storedFormatVersion(Path dir) {
    List<ColumnFamilyHandle> handles = new ArrayList<>();
    try (DBOptions options = new DBOptions();
        RocksDB db =
            RocksDB.openReadOnly(
                options,
                dir.toString(),
                List.of(new ColumnFamilyDescriptor(RocksDB.DEFAULT_COLUMN_FAMILY)),
                handles)) {
      try {
        byte[] bytes = db.get(handles.get(0), IndexLayout.SETTINGS_KEY);
        int version = bytes == null ? -1 : IndexSettings.formatVersionOf(bytes);
        return version < 0 ? OptionalInt.empty() : OptionalInt.of(version);
      } finally {
        handles.forEach(ColumnFamilyHandle::close);
      }
    } catch (RocksDBException e) {
      return OptionalInt.empty();
    }
  }

  /** The live document count an index keeps beside its documents. */
  static long readCount(Path directory, RocksStore store) {
    try {
      return IndexLayout.readCount(store.db.get(store.meta, IndexLayout.COUNT_KEY));
    } catch (RocksDBException e) {
      throw new IllegalStateException("cannot read the document count of " + directory, e);
    }
  }

  private static boolean isEmpty(RocksStore store, ColumnFamilyHandle family) {
    try (RocksIterator it = store.db.newIterator(family)) {
      it.seekToFirst();
      return !it.isValid();
    }
  }

  private static IndexOpenException notAnIndex(Path directory, String why) {
    return new IndexOpenException(
        IndexOpenException.Reason.NOT_AN_INDEX,
        directory,
        directory + " is not a textsim index: " + why,
        null);
  }
}
