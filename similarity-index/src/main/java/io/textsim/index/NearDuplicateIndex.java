package io.textsim.index;

import io.textsim.core.TextProfile;
import io.textsim.core.TextProfiler;
import io.textsim.core.lsh.LshParameters;
import io.textsim.core.measure.Measures;
import io.textsim.core.measure.Verdict;
import io.textsim.core.shingle.ShingleSet;
import io.textsim.core.sketch.MinHashParameters;
import io.textsim.core.sketch.MinHashSignature;
import io.textsim.core.sketch.MinHasher;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.stream.Stream;
import org.rocksdb.RocksDBException;
import org.rocksdb.WriteBatch;

/**
 * A near-duplicate index that remembers: documents added over time are kept in an embedded RocksDB
 * with the band keys of their MinHash signature, their LSH band postings and the shingle set a
 * query verifies against, and can be queried, removed, read back and expired.
 *
 * <p><b>Queries.</b> A query text is profiled and signed as a stored document is; the bucket of
 * each band of its signature is read (one batched point read for all bands); every candidate is
 * verified by exact Jaccard of the shingle sets ({@link Measures#jaccard(ShingleSet, ShingleSet)}),
 * read in a second batched point read from a column family that holds only them, and given a {@link
 * Verdict} at the index's threshold. A query reads one RocksDB snapshot, so it sees each document
 * whole or not at all. Cost: one point read per band plus one small read and O(|A| + |B|) per
 * candidate. {@link #prepareQuery} and {@link #prepare} do the profiling apart, for callers that
 * want it on threads of their own.
 *
 * <p><b>Writes and durability.</b> A document, its shingles, its bucket entries, its expiry entry
 * and the document count go into one {@link WriteBatch}: readers see all of it or none. Every batch
 * goes through the write-ahead log before the call returns; with {@link Durability#SYNC} (the
 * default) the log is also fsynced before the call returns, so an acknowledged add survives a power
 * loss, and with either policy it survives {@code kill -9}. Profiling and signing run outside any
 * lock; the short read-modify-write that replaces old bucket entries and counts documents is
 * serialized; the fsync is not, so that concurrent writers share it (see {@code IndexWriter}).
 *
 * <p><b>Expiry.</b> A document expires at its TTL after it is added, or at the retention window
 * after its time, whichever is first. Queries, gets and removes never return an expired document
 * (the expiry time is in the record they read anyway). A background sweeper deletes what is due by
 * reading the {@code expiry} column family, which is ordered by time, from its start to now;
 * RocksDB compaction then drops the deleted entries. (rocksdbjni accepts no compaction filter
 * written in Java, so the time-ordered queue stands in for one: no query ever scans for expired
 * entries.)
 *
 * <p><b>Files.</b> The directory is locked by RocksDB for one process; a second opener gets {@link
 * IndexOpenException} with {@link IndexOpenException.Reason#LOCKED}. Reopening reads the settings
 * the index was created with and nothing else: no text is profiled again.
 *
 * <p>Thread-safe: any number of threads may add, query and remove at once.
 */
public final class NearDuplicateIndex implements AutoCloseable {
  /** The longest id accepted, in bytes of UTF-8. */
  public static final int MAX_ID_BYTES = 1024;

  /** The longest source accepted, in bytes of UTF-8. */
  public static final int MAX_SOURCE_BYTES = 1024;

  private final Path directory;
  private final IndexOptions options;
  private final IndexSettings settings;
  private final RocksStore store;
  private final TextProfiler profiler;
  private final MinHasher hasher;
  private final IndexWriter writer;
  private final IndexSearcher searcher;
  private final ReentrantReadWriteLock lifecycle = new ReentrantReadWriteLock();
  private final ExpirySweeper sweeper;
  private boolean closed; // guarded by lifecycle

  private NearDuplicateIndex(Path directory, IndexOptions options, RocksStore store) {
    this.directory = directory;
    this.options = options;
    this.store = store;
    this.settings = IndexFormat.readOrCreateSettings(directory, store, options);
    this.profiler =
        TextProfiler.defaults()
            .withShingles(settings.minHash().shingles())
            .withMaxLength(Math.max(options.maxTextLength(), 1));
    this.hasher = MinHasher.of(settings.minHash());
    this.writer =
        new IndexWriter(
            store, settings.lsh(), options.durability(), IndexFormat.readCount(directory, store));
    this.searcher = new IndexSearcher(directory, store, settings.lsh(), settings.threshold());
    this.sweeper = new ExpirySweeper(directory, options.sweepInterval(), this::expire);
  }

  /**
   * Opens the index in {@code directory}, creating it if the directory is missing or empty and
   * {@link IndexOptions#createIfMissing()} allows.
   *
   * @throws IndexOpenException if the directory is missing (and not to be created), not an index,
   *     of a newer format, locked by another process, or unreadable; the message names the path
   */
  public static NearDuplicateIndex open(Path directory, IndexOptions options) {
    Objects.requireNonNull(directory, "directory");
    Objects.requireNonNull(options, "options");
    RocksStore store = RocksStore.open(directory, options.createIfMissing());
    try {
      return new NearDuplicateIndex(directory, options, store);
    } catch (RuntimeException e) {
      store.close();
      throw e;
    }
  }

  /** The directory the index lives in. */
  public Path directory() {
    return directory;
  }

  /** How documents are signed: fixed when the index was created. */
  public MinHashParameters minHashParameters() {
    return settings.minHash();
  }

  /** How signatures are banded: fixed when the index was created. */
  public LshParameters lshParameters() {
    return settings.lsh();
  }

  /** The Jaccard threshold of verdicts: fixed when the index was created. */
  public double threshold() {
    return settings.threshold();
  }

  /**
   * Adds {@code documents}, replacing any stored document of the same id, in one atomic write: when
   * this returns, all of them are durable (see {@link Durability}); if it throws, none was written.
   *
   * @throws IllegalArgumentException naming the id (and its position in the batch) if an id is
   *     empty, too long or repeated in the batch, a text is over the limit, or a string is not
   *     well-formed UTF-16
   */
  public AddResult add(List<IndexDocument> documents) {
    Objects.requireNonNull(documents, "documents");
    DocumentChecks.checkBatch(documents, options.maxTextLength());
    long now = options.clock().millis();
    List<IndexWriter.Entry> prepared = new ArrayList<>(documents.size());
    for (IndexDocument d : documents) {
      prepared.add(entry(d, now));
    }
    return withOpenIndex(() -> writer.add(documents, prepared, now));
  }

  /**
   * Profiles and signs {@code document} for this index without touching the store: the first half
   * of {@link #add(List)}, for {@link #addPrepared(List)}.
   *
   * @throws IllegalArgumentException as {@link #add(List)} for a batch of this one document
   */
  public PreparedDocument prepare(IndexDocument document) {
    Objects.requireNonNull(document, "document");
    DocumentChecks.checkBatch(List.of(document), options.maxTextLength());
    return new PreparedDocument(this, document, entry(document, options.clock().millis()));
  }

  /**
   * Adds documents prepared by {@link #prepare(IndexDocument)} of this index, as {@link #add(List)}
   * adds them: one atomic, durable write.
   *
   * @throws IllegalArgumentException if a document was prepared by another index, or an id repeats
   *     in the batch (naming it)
   */
  public AddResult addPrepared(List<PreparedDocument> documents) {
    Objects.requireNonNull(documents, "documents");
    List<IndexDocument> given = new ArrayList<>(documents.size());
    List<IndexWriter.Entry> entries = new ArrayList<>(documents.size());
    for (int i = 0; i < documents.size(); i++) {
      PreparedDocument p = Objects.requireNonNull(documents.get(i), "documents[" + i + "]");
      if (p.index() != this) {
        throw new IllegalArgumentException(
            "document "
                + (i + 1)
                + " (id '"
                + p.document().id()
                + "') was prepared by another index than "
                + directory);
      }
      given.add(p.document());
      entries.add(p.entry());
    }
    DocumentChecks.checkBatch(given, options.maxTextLength());
    long now = options.clock().millis();
    return withOpenIndex(() -> writer.add(given, entries, now));
  }

  private IndexWriter.Entry entry(IndexDocument d, long now) {
    ShingleSet content = contentShingles(profiler.profile(d.text()), d.source());
    long expiresAt = StoredDocument.NEVER;
    if (d.ttl().isPresent()) {
      expiresAt = StoredDocument.saturatedAdd(now, d.ttl().get().toMillis());
    }
    if (options.retention().isPresent()) {
      long from = d.time().map(Instant::toEpochMilli).orElse(now);
      expiresAt =
          Math.min(
              expiresAt, StoredDocument.saturatedAdd(from, options.retention().get().toMillis()));
    }
    StoredDocument stored =
        new StoredDocument(
            d.text(),
            d.source(),
            d.time().map(Instant::toEpochMilli),
            now,
            expiresAt,
            bandKeys(hasher.sign(content)),
            content.size());
    return new IndexWriter.Entry(stored, content);
  }

  /** The key of each band of {@code signature} under this index's banding, band 0 first. */
  private long[] bandKeys(MinHashSignature signature) {
    LshParameters lsh = settings.lsh();
    long[] keys = new long[lsh.bands()];
    for (int b = 0; b < keys.length; b++) {
      keys[b] = signature.bandKey(b, lsh.rows());
    }
    return keys;
  }

  /** The point where furniture leaves a document: before it is signed, stored or compared. */
  private ShingleSet contentShingles(TextProfile profile, Optional<String> source) {
    ContentFilter filter = options.furniture().apply(source.orElse(""));
    ShingleSet content =
        Objects.requireNonNull(filter, "furniture filter").content(profile.shingles());
    return Objects.requireNonNull(content, "furniture filter result");
  }

  /**
   * The stored documents most like {@code text}, best first: at most {@code topK}, each with a
   * Jaccard score of at least {@code minScore}. Ties are broken by id.
   *
   * @param source the query's source, whose furniture is taken out of it; empty if unknown
   * @throws IllegalArgumentException if the text is over the limit, {@code topK < 1} or {@code
   *     minScore} is outside [0, 1]
   */
  public List<IndexMatch> query(String text, Optional<String> source, int topK, double minScore) {
    Objects.requireNonNull(text, "text");
    Objects.requireNonNull(source, "source");
    DocumentChecks.checkQuery(topK, minScore);
    return query(prepareQuery(text, source), topK, minScore);
  }

  /**
   * Profiles and signs a query text for this index without touching the store: the first half of
   * {@link #query(String, Optional, int, double)}.
   *
   * @throws IllegalArgumentException if the text is over the limit or not well-formed UTF-16
   */
  public PreparedQuery prepareQuery(String text, Optional<String> source) {
    Objects.requireNonNull(text, "text");
    Objects.requireNonNull(source, "source");
    DocumentChecks.checkQueryText(text, options.maxTextLength());
    ShingleSet content = contentShingles(profiler.profile(text), source);
    return new PreparedQuery(this, content, hasher.sign(content));
  }

  /**
   * The stored documents most like a query prepared by {@link #prepareQuery(String, Optional)} of
   * this index, as {@link #query(String, Optional, int, double)}.
   *
   * @throws IllegalArgumentException if the query was prepared by another index, {@code topK < 1}
   *     or {@code minScore} is outside [0, 1]
   */
  public List<IndexMatch> query(PreparedQuery query, int topK, double minScore) {
    Objects.requireNonNull(query, "query");
    DocumentChecks.checkQuery(topK, minScore);
    if (query.index() != this) {
      throw new IllegalArgumentException("query was prepared by another index than " + directory);
    }
    return withOpenIndex(
        () ->
            searcher.search(
                bandKeys(query.signature()),
                query.content(),
                Optional.empty(),
                topK,
                minScore,
                options.clock().millis()));
  }

  /**
   * The stored documents most like the stored document {@code id} (itself left out), as {@link
   * #query}; empty if the index holds no such document.
   */
  public Optional<List<IndexMatch>> queryById(String id, int topK, double minScore) {
    Objects.requireNonNull(id, "id");
    DocumentChecks.checkQuery(topK, minScore);
    return withOpenIndex(
        () -> {
          Optional<StoredDocument> doc = read(id, false);
          if (doc.isEmpty()) {
            return Optional.empty();
          }
          byte[] shingles = store.db.get(store.shingles, IndexLayout.documentKey(id));
          if (shingles == null) {
            throw new IllegalStateException(
                "index " + directory + " holds document '" + id + "' without its shingles");
          }
          return Optional.of(
              searcher.search(
                  doc.get().bandKeys(),
                  StoredShingles.decode(shingles).shingles(),
                  Optional.of(id),
                  topK,
                  minScore,
                  options.clock().millis()));
        });
  }

  /**
   * Removes the documents of {@code ids} in one atomic write; ids the index does not hold (or holds
   * only expired) are reported, not refused.
   */
  public RemoveResult remove(Collection<String> ids) {
    Objects.requireNonNull(ids, "ids");
    List<String> unique = new ArrayList<>(new LinkedHashSet<>(ids));
    for (String id : unique) {
      Objects.requireNonNull(id, "id");
    }
    return withOpenIndex(() -> writer.remove(unique, options.clock().millis()));
  }

  /** The stored document {@code id}, if the index holds it and it has not expired. */
  public Optional<IndexedDocument> get(String id) {
    Objects.requireNonNull(id, "id");
    return withOpenIndex(
        () ->
            read(id, true)
                .map(
                    d ->
                        new IndexedDocument(
                            id,
                            d.text(),
                            d.source(),
                            d.timeMillis().map(Instant::ofEpochMilli),
                            Instant.ofEpochMilli(d.addedAtMillis()),
                            d.expiresAtMillis() == StoredDocument.NEVER
                                ? Optional.empty()
                                : Optional.of(Instant.ofEpochMilli(d.expiresAtMillis())),
                            d.shingleCount())));
  }

  private Optional<StoredDocument> read(String id, boolean withText) throws RocksDBException {
    byte[] value = store.db.get(store.documents, IndexLayout.documentKey(id));
    if (value == null) {
      return Optional.empty();
    }
    StoredDocument doc = StoredDocument.decode(value, withText);
    return doc.isExpiredAt(options.clock().millis()) ? Optional.empty() : Optional.of(doc);
  }

  /** The state of the index, after deleting what has expired. */
  public IndexStats stats() {
    return withOpenIndex(
        () -> {
          expire();
          return new IndexStats(
              writer.documentCount(),
              diskBytes(),
              IndexSettings.FORMAT_VERSION,
              settings.minHash(),
              settings.lsh(),
              settings.threshold());
        });
  }

  private long diskBytes() {
    try (Stream<Path> files = Files.walk(directory)) {
      return files
          .filter(Files::isRegularFile)
          .mapToLong(
              p -> {
                try {
                  return Files.size(p);
                } catch (IOException e) {
                  return 0; // a file RocksDB deleted while we walked
                }
              })
          .sum();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list index directory " + directory, e);
    }
  }

  /**
   * Deletes every document whose expiry time has passed, now rather than at the next background
   * sweep.
   *
   * @return the number of documents deleted
   */
  public int expire() {
    return withOpenIndex(() -> writer.expireDue(options.clock().millis()));
  }

  /**
   * Keeps {@code model}, a learned furniture model's bytes in its own versioned format, for {@code
   * source} ("" for documents without one), replacing any kept before. The index does not read the
   * bytes; {@link IndexOptions#furniture()} turns them into a {@link ContentFilter}.
   */
  public void putFurnitureModel(String source, byte[] model) {
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(model, "model");
    byte[] value = new byte[model.length + 1];
    value[0] = IndexLayout.FURNITURE_VALUE_VERSION;
    System.arraycopy(model, 0, value, 1, model.length);
    withOpenIndex(
        () -> {
          writer.putFurniture(IndexLayout.furnitureKey(source), value);
          return null;
        });
  }

  /** The furniture model kept for {@code source}, if any. */
  public Optional<byte[]> furnitureModel(String source) {
    Objects.requireNonNull(source, "source");
    return withOpenIndex(
        () -> {
          byte[] value = store.db.get(store.furniture, IndexLayout.furnitureKey(source));
          if (value == null) {
            return Optional.empty();
          }
          if (value.length == 0 || value[0] != IndexLayout.FURNITURE_VALUE_VERSION) {
            throw new IllegalStateException(
                "furniture model of source '" + source + "' has an unknown value version");
          }
          return Optional.of(Arrays.copyOfRange(value, 1, value.length));
        });
  }

  @FunctionalInterface
  private interface StoreAction<T> {
    T run() throws RocksDBException;
  }

  private <T> T withOpenIndex(StoreAction<T> action) {
    lifecycle.readLock().lock();
    try {
      if (closed) {
        throw new IllegalStateException("index " + directory + " is closed");
      }
      return action.run();
    } catch (RocksDBException e) {
      throw new IllegalStateException("index " + directory + " failed: " + e.getMessage(), e);
    } finally {
      lifecycle.readLock().unlock();
    }
  }

  /** Stops the sweeper and closes the store; every acknowledged write is already durable. */
  @Override
  public void close() {
    lifecycle.writeLock().lock();
    try {
      if (closed) {
        return;
      }
      closed = true;
      sweeper.close();
      writer.close();
      store.close();
    } finally {
      lifecycle.writeLock().unlock();
    }
  }

  @Override
  public String toString() {
    return "NearDuplicateIndex("
        + directory
        + ", "
        + settings.minHash()
        + ", "
        + settings.lsh()
        + ")";
  }
}
