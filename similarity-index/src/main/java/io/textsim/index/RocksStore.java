package io.textsim.index;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.rocksdb.BlockBasedTableConfig;
import org.rocksdb.BloomFilter;
import org.rocksdb.Cache;
import org.rocksdb.ColumnFamilyDescriptor;
import org.rocksdb.ColumnFamilyHandle;
import org.rocksdb.ColumnFamilyOptions;
import org.rocksdb.CompressionType;
import org.rocksdb.DBOptions;
import org.rocksdb.FlushOptions;
import org.rocksdb.LRUCache;
import org.rocksdb.Options;
import org.rocksdb.RocksDB;
import org.rocksdb.RocksDBException;
import org.rocksdb.StringAppendOperator;

/**
 * The RocksDB handles of one open index: the database, one handle per column family of {@link
 * IndexLayout}, and the native options behind them. Options are built once per open and closed
 * after the database, in the reverse order of their creation.
 */
final class RocksStore implements AutoCloseable {
  /** The block cache shared by the column families of one open index. */
  static final long BLOCK_CACHE_BYTES = 256L << 20;

  /** The memtable size of the {@code buckets} column family. */
  static final long BUCKETS_WRITE_BUFFER_BYTES = 8L << 20;

  /**
   * How many full memtables of the {@code buckets} column family one flush merges into one table
   * file: the inserts stay in a small skip list, but level 0 gains a file a fourth as often.
   */
  static final int BUCKETS_MEMTABLES_PER_FLUSH = 4;

  /** Values at least this long go to blob files (documents and shingles), shorter ones inline. */
  static final long MIN_BLOB_BYTES = 256;

  final RocksDB db;
  final ColumnFamilyHandle meta;
  final ColumnFamilyHandle documents;
  final ColumnFamilyHandle shingles;
  final ColumnFamilyHandle buckets;
  final ColumnFamilyHandle expiry;
  final ColumnFamilyHandle furniture;
  private final List<AutoCloseable> resources;

  private RocksStore(RocksDB db, List<ColumnFamilyHandle> handles, List<AutoCloseable> resources) {
    this.db = db;
    this.meta = handles.get(0);
    this.documents = handles.get(1);
    this.shingles = handles.get(2);
    this.buckets = handles.get(3);
    this.expiry = handles.get(4);
    this.furniture = handles.get(5);
    this.resources = resources;
  }

  /**
   * Opens (or, when {@code create} allows and the directory is missing or empty, creates) the store
   * in {@code dir}.
   *
   * @throws IndexOpenException if the directory is missing, not a RocksDB store with the index's
   *     column families, locked by another process, or unreadable
   */
  static RocksStore open(Path dir, boolean create) {
    RocksDB.loadLibrary();
    boolean fresh = checkDirectory(dir, create);
    List<AutoCloseable> resources = new ArrayList<>();
    try {
      DBOptions dbOptions =
          add(resources, new DBOptions())
              .setCreateIfMissing(fresh)
              .setCreateMissingColumnFamilies(fresh)
              // One flush and one compaction at a time: with three compactions (tried at a million
              // documents) blob garbage collection and the buckets' compactions did half as much
              // work again, on the same two cores.
              .setMaxBackgroundJobs(2)
              // Table and blob files written out a megabyte at a time, not in one burst at the
              // end of a flush or compaction (whose fsync then stalls the disk for the log's).
              .setBytesPerSync(1L << 20)
              .setKeepLogFileNum(3)
              .setInfoLogLevel(org.rocksdb.InfoLogLevel.WARN_LEVEL);
      // One cache for the data blocks of every column family: at a million documents the
      // shingles alone are about 4 GB, so the cache holds the hot part and the page cache the rest.
      Cache cache = add(resources, new LRUCache(BLOCK_CACHE_BYTES));
      List<ColumnFamilyDescriptor> descriptors = new ArrayList<>();
      for (String name : IndexLayout.COLUMN_FAMILIES) {
        descriptors.add(
            new ColumnFamilyDescriptor(
                name.getBytes(java.nio.charset.StandardCharsets.UTF_8),
                columnFamilyOptions(name, cache, resources)));
      }
      List<ColumnFamilyHandle> handles = new ArrayList<>();
      Files.createDirectories(dir);
      RocksDB db = RocksDB.open(dbOptions, dir.toString(), descriptors, handles);
      // Handles close before the database; the database before the options it was opened with.
      List<AutoCloseable> ordered = new ArrayList<>(resources);
      ordered.add(db);
      ordered.addAll(handles);
      return new RocksStore(db, handles, ordered);
    } catch (RocksDBException e) {
      closeAll(resources);
      throw mapOpenFailure(dir, e);
    } catch (IOException e) {
      closeAll(resources);
      throw new IndexOpenException(
          IndexOpenException.Reason.UNREADABLE,
          dir,
          "cannot create index directory " + dir + ": " + e.getMessage(),
          e);
    }
  }

  /** True if a new store is to be created; refuses what is not an index. */
  private static boolean checkDirectory(Path dir, boolean create) {
    if (Files.exists(dir) && !Files.isDirectory(dir)) {
      throw new IndexOpenException(
          IndexOpenException.Reason.NOT_AN_INDEX,
          dir,
          dir + " is a file, not an index directory",
          null);
    }
    boolean empty;
    try (Stream<Path> entries = Files.isDirectory(dir) ? Files.list(dir) : Stream.empty()) {
      empty = entries.findAny().isEmpty();
    } catch (IOException e) {
      throw new IndexOpenException(
          IndexOpenException.Reason.UNREADABLE,
          dir,
          "cannot read index directory " + dir + ": " + e.getMessage(),
          e);
    }
    if (empty) {
      if (!create) {
        throw new IndexOpenException(
            IndexOpenException.Reason.MISSING,
            dir,
            "no index at "
                + dir
                + (Files.isDirectory(dir) ? " (the directory is empty)" : "")
                + "; add documents to create one",
            null);
      }
      return true;
    }
    if (!Files.exists(dir.resolve("CURRENT"))) {
      throw new IndexOpenException(
          IndexOpenException.Reason.NOT_AN_INDEX,
          dir,
          dir + " is not a textsim index: it holds other files and no RocksDB store",
          null);
    }
    List<String> families = new ArrayList<>();
    try (Options options = new Options()) {
      for (byte[] name : RocksDB.listColumnFamilies(options, dir.toString())) {
        families.add(new String(name, java.nio.charset.StandardCharsets.UTF_8));
      }
    } catch (RocksDBException e) {
      throw new IndexOpenException(
          IndexOpenException.Reason.NOT_AN_INDEX,
          dir,
          dir
              + " is not a textsim index: its RocksDB store cannot be read ("
              + e.getMessage()
              + ")",
          e);
    }
    if (!new HashSet<>(families).containsAll(IndexLayout.COLUMN_FAMILIES)) {
      // Another format version has other column families: say which version it is, not "foreign".
      IndexFormat.refuseOtherVersion(dir, IndexFormat.storedFormatVersion(dir));
      throw new IndexOpenException(
          IndexOpenException.Reason.NOT_AN_INDEX,
          dir,
          dir
              + " is a RocksDB store but not a textsim index (column families "
              + families
              + ", expected "
              + IndexLayout.COLUMN_FAMILIES
              + ")",
          null);
    }
    return false;
  }

  /**
   * The column family options of {@code name}. Index and filter blocks are not put in the block
   * cache: RocksDB then keeps them in memory for every open table file (pinned, never evicted), so
   * that a point read costs at most one data block read and a read of a key that a file does not
   * hold costs none (a Bloom filter says so). At a million documents they take some tens of MB.
   */
  private static ColumnFamilyOptions columnFamilyOptions(
      String name, Cache cache, List<AutoCloseable> out) {
    ColumnFamilyOptions options = add(out, new ColumnFamilyOptions());
    BlockBasedTableConfig table = new BlockBasedTableConfig().setBlockCache(cache);
    switch (name) {
      case IndexLayout.CF_DOCUMENTS -> {
        // Texts compress; a new document's id is looked up here to find what it replaces, and the
        // Bloom filter answers "not here" without a block read.
        options.setCompressionType(CompressionType.LZ4_COMPRESSION);
        table.setFilterPolicy(add(out, new BloomFilter(10)));
        blobFiles(options, CompressionType.LZ4_COMPRESSION);
      }
      case IndexLayout.CF_SHINGLES -> {
        // 64-bit hashes do not compress: storing them as they are saves the decompression of
        // every candidate a query verifies. The filter spares the table files of level 0 that
        // do not hold a candidate a block read each.
        options.setCompressionType(CompressionType.NO_COMPRESSION);
        table.setFilterPolicy(add(out, new BloomFilter(10)));
        blobFiles(options, CompressionType.NO_COMPRESSION);
      }
      case IndexLayout.CF_BUCKETS -> {
        // A query reads one bucket per band, most of them empty: the Bloom filter makes those
        // reads free. New ids are appended by merge operands, never read back on an add.
        // Its memtable is small: 25 entries a document inserted at random places in a skip list
        // cost a cache miss a level, and a list of 8 MB stays mostly in the processor's cache
        // (measured: a quarter less CPU per add than with the default 64 MB).
        // Small memtables flushed one at a time gave level 0 a file every 7,000 documents or so;
        // at a million documents (one compaction thread) compaction fell behind and RocksDB
        // delayed writes for 30% of the adds' time. Merged by four, level 0 grows a fourth as
        // fast.
        options
            .setWriteBufferSize(BUCKETS_WRITE_BUFFER_BYTES)
            .setMinWriteBufferNumberToMerge(BUCKETS_MEMTABLES_PER_FLUSH)
            .setMaxWriteBufferNumber(BUCKETS_MEMTABLES_PER_FLUSH + 2)
            .setMergeOperator(add(out, new StringAppendOperator("")))
            .setCompressionType(CompressionType.NO_COMPRESSION)
            .setMemtablePrefixBloomSizeRatio(0.05)
            .useFixedLengthPrefixExtractor(IndexLayout.BUCKET_KEY_BYTES);
        table.setFilterPolicy(add(out, new BloomFilter(10))).setWholeKeyFiltering(true);
      }
      default -> {}
    }
    return options.setTableFormatConfig(table);
  }

  /**
   * Keeps the values of {@code options}' column family (texts, shingle sets: kilobytes each) in
   * blob files, written once at flush, so that compaction moves only the keys and a reference to
   * each value instead of rewriting the values at every level. Measured at a million documents: the
   * table files of the two column families stay a few tens of MB (keys and references), the values
   * are written once at flush (6.2 GB) and once more only when garbage collection moves them (3.2
   * GB in that add-only run). Garbage collection is on: compaction drops the keys of removed,
   * replaced and expired documents, which leaves their values as garbage in their blob files; live
   * values in the oldest quarter of the blob files are moved to new ones when compaction meets
   * their keys; and a blob file with no live value left is deleted. Expired documents thus still
   * leave the disk through compaction alone.
   */
  private static void blobFiles(ColumnFamilyOptions options, CompressionType compression) {
    options
        .setEnableBlobFiles(true)
        .setMinBlobSize(MIN_BLOB_BYTES)
        .setBlobFileSize(256L << 20)
        .setBlobCompressionType(compression)
        .setEnableBlobGarbageCollection(true);
  }

  private static IndexOpenException mapOpenFailure(Path dir, RocksDBException e) {
    String message = String.valueOf(e.getMessage());
    if (message.toLowerCase(Locale.ROOT).contains("lock")) {
      return new IndexOpenException(
          IndexOpenException.Reason.LOCKED,
          dir,
          "index "
              + dir
              + " is in use by another process (RocksDB's LOCK file is held); stop that process,"
              + " or reach the index through the server that holds it",
          e);
    }
    return new IndexOpenException(
        IndexOpenException.Reason.UNREADABLE, dir, "cannot open index " + dir + ": " + message, e);
  }

  private static <T extends AutoCloseable> T add(List<AutoCloseable> resources, T resource) {
    resources.add(resource);
    return resource;
  }

  private static void closeAll(List<AutoCloseable> resources) {
    for (int i = resources.size() - 1; i >= 0; i--) {
      try {
        resources.get(i).close();
      } catch (Exception e) {
        // Closing native handles does not fail in practice; nothing more can be done here.
      }
    }
  }

  /**
   * Flushes the memtables, so that the next open reads table files instead of replaying the
   * write-ahead log (every write is already durable in the log either way), then closes.
   */
  @Override
  public void close() {
    try (FlushOptions flush = new FlushOptions().setWaitForFlush(true)) {
      db.flush(flush, List.of(meta, documents, shingles, buckets, expiry, furniture));
    } catch (RocksDBException e) {
      // The log still holds every write: the next open replays it.
    }
    closeAll(resources);
  }
}
