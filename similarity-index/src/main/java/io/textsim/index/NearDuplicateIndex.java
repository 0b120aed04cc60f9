package io.textsim.index;

import io.textsim.core.TextProfile;
import io.textsim.core.TextProfiler;
import io.textsim.core.lsh.LshParameters;
import io.textsim.core.measure.Comparison;
import io.textsim.core.measure.Measure;
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
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.stream.Stream;
import org.rocksdb.ReadOptions;
import org.rocksdb.RocksDBException;
import org.rocksdb.RocksIterator;
import org.rocksdb.Snapshot;
import org.rocksdb.WriteBatch;
import org.rocksdb.WriteOptions;

/**
 * A near-duplicate index that remembers: documents added over time are kept in an embedded RocksDB
 * with their MinHash signature, their LSH band postings and the shingle set a query verifies
 * against, and can be queried, removed, read back and expired.
 *
 * <p><b>Queries.</b> A query text is profiled and signed as a stored document is; each band of its
 * signature is looked up (one prefix seek per band); every candidate is verified by exact Jaccard
 * of the shingle sets ({@link Measures#jaccard(ShingleSet, ShingleSet)}) and given a {@link
 * Verdict} at the index's threshold. A query reads one RocksDB snapshot, so it sees each document
 * whole or not at all. Cost: one seek per band plus O(|A| + |B|) per candidate.
 *
 * <p><b>Writes and durability.</b> A document, its postings, its expiry entry and the document
 * count go into one {@link WriteBatch}: readers see all of it or none. Every batch goes through the
 * write-ahead log before the call returns; with {@link Durability#SYNC} (the default) the log is
 * also fsynced, so an acknowledged add survives a power loss, and with either policy it survives
 * {@code kill -9}. Profiling and signing run outside any lock; the short read-modify-write that
 * replaces old postings and counts documents is serialized.
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

  /** Deletions per write batch when sweeping. */
  private static final int SWEEP_BATCH = 1000;

  private static final System.Logger LOG = System.getLogger(NearDuplicateIndex.class.getName());

  private final Path directory;
  private final IndexOptions options;
  private final IndexSettings settings;
  private final RocksStore store;
  private final TextProfiler profiler;
  private final MinHasher hasher;
  private final WriteOptions writeOptions;
  private final ReentrantLock writeLock = new ReentrantLock();
  private final ReentrantReadWriteLock lifecycle = new ReentrantReadWriteLock();
  private final ScheduledExecutorService sweeper;
  private volatile long documentCount; // written under writeLock
  private boolean closed; // guarded by lifecycle

  private NearDuplicateIndex(Path directory, IndexOptions options, RocksStore store) {
    this.directory = directory;
    this.options = options;
    this.store = store;
    this.settings = readOrCreateSettings();
    this.profiler =
        TextProfiler.defaults()
            .withShingles(settings.minHash().shingles())
            .withMaxLength(Math.max(options.maxTextLength(), 1));
    this.hasher = MinHasher.of(settings.minHash());
    this.writeOptions = new WriteOptions().setSync(options.durability() == Durability.SYNC);
    try {
      this.documentCount = IndexLayout.readCount(store.db.get(store.meta, IndexLayout.COUNT_KEY));
    } catch (RocksDBException e) {
      throw new IllegalStateException("cannot read the document count of " + directory, e);
    }
    this.sweeper =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "textsim-index-sweeper");
              t.setDaemon(true);
              return t;
            });
    long every = options.sweepInterval().toMillis();
    Future<?> unused =
        sweeper.scheduleWithFixedDelay(this::sweepQuietly, every, every, TimeUnit.MILLISECONDS);
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

  private IndexSettings readOrCreateSettings() {
    try {
      byte[] bytes = store.db.get(store.meta, IndexLayout.SETTINGS_KEY);
      if (bytes == null) {
        if (isEmpty(store.documents)) {
          IndexSettings created =
              new IndexSettings(
                  new MinHashParameters(
                      io.textsim.core.sketch.MinHashFamily.CLASSIC,
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
        throw notAnIndex("it has documents but no settings record");
      }
      int version = IndexSettings.formatVersionOf(bytes);
      if (version < 0) {
        throw notAnIndex("its settings record is not textsim's");
      }
      if (version > IndexSettings.FORMAT_VERSION) {
        throw new IndexOpenException(
            IndexOpenException.Reason.NEWER_FORMAT,
            directory,
            "index "
                + directory
                + " has format version "
                + version
                + ", newer than version "
                + IndexSettings.FORMAT_VERSION
                + " that this textsim reads; open it with a newer textsim",
            null);
      }
      try {
        return IndexSettings.fromBytes(bytes);
      } catch (IllegalArgumentException e) {
        throw notAnIndex("its settings record is damaged (" + e.getMessage() + ")");
      }
    } catch (RocksDBException e) {
      throw new IndexOpenException(
          IndexOpenException.Reason.UNREADABLE,
          directory,
          "cannot read index " + directory + ": " + e.getMessage(),
          e);
    }
  }

  private boolean isEmpty(org.rocksdb.ColumnFamilyHandle family) {
    try (RocksIterator it = store.db.newIterator(family)) {
      it.seekToFirst();
      return !it.isValid();
    }
  }

  private IndexOpenException notAnIndex(String why) {
    return new IndexOpenException(
        IndexOpenException.Reason.NOT_AN_INDEX,
        directory,
        directory + " is not a textsim index: " + why,
        null);
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
    Map<String, Integer> positions = new HashMap<>();
    for (int i = 0; i < documents.size(); i++) {
      IndexDocument d = Objects.requireNonNull(documents.get(i), "documents[" + i + "]");
      validate(d, i);
      Integer previous = positions.putIfAbsent(d.id(), i);
      if (previous != null) {
        throw new IllegalArgumentException(
            "duplicate id '"
                + d.id()
                + "' in one batch (documents "
                + (previous + 1)
                + " and "
                + (i + 1)
                + ")");
      }
    }
    long now = options.clock().millis();
    List<StoredDocument> prepared = new ArrayList<>(documents.size());
    for (IndexDocument d : documents) {
      prepared.add(prepare(d, now));
    }
    return withOpenIndex(() -> write(documents, prepared, now));
  }

  private void validate(IndexDocument d, int position) {
    String where = "document " + (position + 1) + " (id '" + d.id() + "')";
    requireWellFormed(d.id(), "id of document " + (position + 1));
    int idBytes = IndexLayout.utf8(d.id()).length;
    if (idBytes == 0 || idBytes > MAX_ID_BYTES) {
      throw new IllegalArgumentException(
          "id of document "
              + (position + 1)
              + " must be 1 to "
              + MAX_ID_BYTES
              + " bytes of UTF-8, got "
              + idBytes);
    }
    if (d.text().length() > options.maxTextLength()) {
      throw new IllegalArgumentException(
          where
              + ": text is "
              + d.text().length()
              + " UTF-16 units long, over the limit of "
              + options.maxTextLength());
    }
    requireWellFormed(d.text(), "text of " + where);
    if (d.source().isPresent()) {
      requireWellFormed(d.source().get(), "source of " + where);
      int n = IndexLayout.utf8(d.source().get()).length;
      if (n > MAX_SOURCE_BYTES) {
        throw new IllegalArgumentException(
            "source of " + where + " is " + n + " bytes of UTF-8, over " + MAX_SOURCE_BYTES);
      }
    }
  }

  /** Refuses unpaired surrogates, which UTF-8 would silently store as '?'. */
  private static void requireWellFormed(String s, String what) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (Character.isHighSurrogate(c)
          && i + 1 < s.length()
          && Character.isLowSurrogate(s.charAt(i + 1))) {
        i++;
      } else if (Character.isSurrogate(c)) {
        throw new IllegalArgumentException(what + " has an unpaired surrogate at index " + i);
      }
    }
  }

  private StoredDocument prepare(IndexDocument d, long now) {
    ShingleSet content = contentShingles(profiler.profile(d.text()), d.source());
    long expiresAt = StoredDocument.NEVER;
    if (d.ttl().isPresent()) {
      expiresAt = saturatedAdd(now, d.ttl().get().toMillis());
    }
    if (options.retention().isPresent()) {
      long from = d.time().map(Instant::toEpochMilli).orElse(now);
      expiresAt = Math.min(expiresAt, saturatedAdd(from, options.retention().get().toMillis()));
    }
    return new StoredDocument(
        d.text(),
        d.source(),
        d.time().map(Instant::toEpochMilli),
        now,
        expiresAt,
        hasher.sign(content),
        content);
  }

  /** The point where furniture leaves a document: before it is signed, stored or compared. */
  private ShingleSet contentShingles(TextProfile profile, Optional<String> source) {
    ContentFilter filter = options.furniture().apply(source.orElse(""));
    ShingleSet content =
        Objects.requireNonNull(filter, "furniture filter").content(profile.shingles());
    return Objects.requireNonNull(content, "furniture filter result");
  }

  private static long saturatedAdd(long a, long b) {
    long r = a + b;
    return ((a ^ r) & (b ^ r)) < 0
        ? StoredDocument.NEVER - 1
        : Math.min(r, StoredDocument.NEVER - 1);
  }

  private AddResult write(List<IndexDocument> documents, List<StoredDocument> prepared, long now)
      throws RocksDBException {
    writeLock.lock();
    try (WriteBatch batch = new WriteBatch()) {
      sweepLocked(now);
      List<byte[]> keys = new ArrayList<>(documents.size());
      for (IndexDocument d : documents) {
        keys.add(IndexLayout.documentKey(d.id()));
      }
      List<byte[]> old = store.db.multiGetAsList(nCopies(store.documents, keys.size()), keys);
      long count = documentCount;
      int added = 0;
      int replaced = 0;
      List<String> expired = new ArrayList<>();
      for (int i = 0; i < documents.size(); i++) {
        byte[] idUtf8 = IndexLayout.utf8(documents.get(i).id());
        StoredDocument next = prepared.get(i);
        boolean had = false;
        if (old.get(i) != null) {
          StoredDocument previous = StoredDocument.decode(old.get(i), false);
          deleteEntries(batch, keys.get(i), idUtf8, previous);
          had = !previous.isExpiredAt(now);
          count--;
        }
        if (next.isExpiredAt(now)) {
          expired.add(documents.get(i).id());
          continue;
        }
        batch.put(store.documents, keys.get(i), next.toBytes());
        MinHashSignature signature = next.signature();
        LshParameters lsh = settings.lsh();
        for (int b = 0; b < lsh.bands(); b++) {
          batch.put(
              store.postings,
              IndexLayout.postingKey(b, signature.bandKey(b, lsh.rows()), idUtf8),
              new byte[0]);
        }
        if (next.expiresAtMillis() != StoredDocument.NEVER) {
          batch.put(
              store.expiry, IndexLayout.expiryKey(next.expiresAtMillis(), idUtf8), new byte[0]);
        }
        count++;
        if (had) {
          replaced++;
        } else {
          added++;
        }
      }
      batch.put(store.meta, IndexLayout.COUNT_KEY, IndexLayout.countValue(count));
      store.db.write(writeOptions, batch);
      documentCount = count;
      return new AddResult(added, replaced, expired);
    } finally {
      writeLock.unlock();
    }
  }

  private void deleteEntries(WriteBatch batch, byte[] key, byte[] idUtf8, StoredDocument doc)
      throws RocksDBException {
    batch.delete(store.documents, key);
    LshParameters lsh = settings.lsh();
    for (int b = 0; b < lsh.bands(); b++) {
      batch.delete(
          store.postings,
          IndexLayout.postingKey(b, doc.signature().bandKey(b, lsh.rows()), idUtf8));
    }
    if (doc.expiresAtMillis() != StoredDocument.NEVER) {
      batch.delete(store.expiry, IndexLayout.expiryKey(doc.expiresAtMillis(), idUtf8));
    }
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
    checkQuery(topK, minScore);
    if (text.length() > options.maxTextLength()) {
      throw new IllegalArgumentException(
          "query text is "
              + text.length()
              + " UTF-16 units long, over the limit of "
              + options.maxTextLength());
    }
    requireWellFormed(text, "query text");
    ShingleSet content = contentShingles(profiler.profile(text), source);
    MinHashSignature signature = hasher.sign(content);
    return withOpenIndex(() -> search(signature, content, Optional.empty(), topK, minScore));
  }

  /**
   * The stored documents most like the stored document {@code id} (itself left out), as {@link
   * #query}; empty if the index holds no such document.
   */
  public Optional<List<IndexMatch>> queryById(String id, int topK, double minScore) {
    Objects.requireNonNull(id, "id");
    checkQuery(topK, minScore);
    return withOpenIndex(
        () -> {
          Optional<StoredDocument> doc = read(id, false);
          if (doc.isEmpty()) {
            return Optional.empty();
          }
          return Optional.of(
              search(doc.get().signature(), doc.get().shingles(), Optional.of(id), topK, minScore));
        });
  }

  private static void checkQuery(int topK, double minScore) {
    if (topK < 1) {
      throw new IllegalArgumentException("topK must be >= 1, got " + topK);
    }
    if (!(minScore >= 0.0 && minScore <= 1.0)) {
      throw new IllegalArgumentException("minScore must be in [0, 1], got " + minScore);
    }
  }

  private List<IndexMatch> search(
      MinHashSignature signature,
      ShingleSet query,
      Optional<String> exclude,
      int topK,
      double minScore) {
    long now = options.clock().millis();
    LshParameters lsh = settings.lsh();
    Snapshot snapshot = store.db.getSnapshot();
    try (ReadOptions read = new ReadOptions().setSnapshot(snapshot).setPrefixSameAsStart(true)) {
      Set<String> candidates = new LinkedHashSet<>();
      try (RocksIterator it = store.db.newIterator(store.postings, read)) {
        for (int b = 0; b < lsh.bands(); b++) {
          byte[] prefix = IndexLayout.postingPrefix(b, signature.bandKey(b, lsh.rows()));
          for (it.seek(prefix); it.isValid(); it.next()) {
            byte[] key = it.key();
            if (!IndexLayout.startsWith(key, prefix)) {
              break;
            }
            candidates.add(IndexLayout.idOfPostingKey(key));
          }
        }
      }
      exclude.ifPresent(candidates::remove);
      List<String> ids = new ArrayList<>(candidates);
      List<byte[]> keys = new ArrayList<>(ids.size());
      for (String id : ids) {
        keys.add(IndexLayout.documentKey(id));
      }
      List<byte[]> values =
          keys.isEmpty()
              ? List.of()
              : store.db.multiGetAsList(read, nCopies(store.documents, keys.size()), keys);
      List<IndexMatch> scored = new ArrayList<>();
      for (int i = 0; i < ids.size(); i++) {
        if (values.get(i) == null) {
          continue;
        }
        StoredDocument doc = StoredDocument.decode(values.get(i), false);
        if (doc.isExpiredAt(now)) {
          continue;
        }
        IndexMatch match = verify(ids.get(i), query, doc);
        if (match.score() >= minScore) {
          scored.add(match);
        }
      }
      scored.sort(
          Comparator.comparingDouble(IndexMatch::score).reversed().thenComparing(IndexMatch::id));
      List<IndexMatch> top = new ArrayList<>(Math.min(topK, scored.size()));
      for (int r = 0; r < Math.min(topK, scored.size()); r++) {
        IndexMatch m = scored.get(r);
        top.add(new IndexMatch(r + 1, m.id(), m.score(), m.containment(), m.verdict(), m.source()));
      }
      return top;
    } catch (RocksDBException e) {
      throw new IllegalStateException("cannot read index " + directory + ": " + e.getMessage(), e);
    } finally {
      store.db.releaseSnapshot(snapshot);
    }
  }

  /** Exact Jaccard and containment both ways, with the empty-set rules of {@link Measures}. */
  private IndexMatch verify(String id, ShingleSet query, StoredDocument doc) {
    ShingleSet stored = doc.shingles();
    double jaccard = Measures.jaccard(query, stored);
    int common = query.intersectionSize(stored);
    Map<Measure, Double> scores = new EnumMap<>(Measure.class);
    scores.put(Measure.JACCARD, jaccard);
    double queryInDoc = ratio(common, query, stored);
    scores.put(Measure.CONTAINMENT_A_IN_B, queryInDoc);
    scores.put(Measure.CONTAINMENT_B_IN_A, ratio(common, stored, query));
    Verdict verdict =
        Verdict.of(
            new Comparison(scores, OptionalInt.empty(), OptionalInt.empty()),
            Measure.JACCARD,
            settings.threshold());
    return new IndexMatch(1, id, jaccard, queryInDoc, verdict, doc.source());
  }

  private static double ratio(int common, ShingleSet over, ShingleSet other) {
    if (over.isEmpty() || other.isEmpty()) {
      return over.isEmpty() && other.isEmpty() ? 1.0 : 0.0;
    }
    return (double) common / over.size();
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
    return withOpenIndex(
        () -> {
          long now = options.clock().millis();
          writeLock.lock();
          try (WriteBatch batch = new WriteBatch()) {
            List<byte[]> keys = new ArrayList<>();
            for (String id : unique) {
              keys.add(IndexLayout.documentKey(id));
            }
            List<byte[]> old =
                keys.isEmpty()
                    ? List.of()
                    : store.db.multiGetAsList(nCopies(store.documents, keys.size()), keys);
            List<String> removed = new ArrayList<>();
            List<String> notFound = new ArrayList<>();
            long count = documentCount;
            for (int i = 0; i < unique.size(); i++) {
              if (old.get(i) == null) {
                notFound.add(unique.get(i));
                continue;
              }
              StoredDocument doc = StoredDocument.decode(old.get(i), false);
              deleteEntries(batch, keys.get(i), IndexLayout.utf8(unique.get(i)), doc);
              count--;
              (doc.isExpiredAt(now) ? notFound : removed).add(unique.get(i));
            }
            if (count != documentCount) {
              batch.put(store.meta, IndexLayout.COUNT_KEY, IndexLayout.countValue(count));
              store.db.write(writeOptions, batch);
              documentCount = count;
            }
            return new RemoveResult(removed, notFound);
          } finally {
            writeLock.unlock();
          }
        });
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
                            d.shingles().size())));
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
              documentCount,
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
    return withOpenIndex(
        () -> {
          writeLock.lock();
          try {
            return sweepLocked(options.clock().millis());
          } finally {
            writeLock.unlock();
          }
        });
  }

  private void sweepQuietly() {
    try {
      expire();
    } catch (IllegalStateException e) {
      // Closed between the schedule and the run: nothing to sweep.
    } catch (RuntimeException e) {
      LOG.log(System.Logger.Level.WARNING, "expiry sweep of " + directory + " failed", e);
    }
  }

  /** Deletes what is due, reading the time-ordered expiry entries from the start up to now. */
  private int sweepLocked(long now) throws RocksDBException {
    int swept = 0;
    byte[] upper = IndexLayout.expiryPrefix(saturatedAdd(now, 1));
    while (true) {
      List<byte[]> due = new ArrayList<>();
      try (org.rocksdb.Slice bound = new org.rocksdb.Slice(upper);
          ReadOptions read = new ReadOptions().setIterateUpperBound(bound);
          RocksIterator it = store.db.newIterator(store.expiry, read)) {
        for (it.seekToFirst(); it.isValid() && due.size() < SWEEP_BATCH; it.next()) {
          due.add(it.key());
        }
      }
      if (due.isEmpty()) {
        return swept;
      }
      try (WriteBatch batch = new WriteBatch()) {
        long count = documentCount;
        for (byte[] expiryKey : due) {
          String id = IndexLayout.idOfExpiryKey(expiryKey);
          byte[] key = IndexLayout.documentKey(id);
          byte[] value = store.db.get(store.documents, key);
          StoredDocument doc = value == null ? null : StoredDocument.decode(value, false);
          if (doc != null && doc.expiresAtMillis() == IndexLayout.timeOfExpiryKey(expiryKey)) {
            deleteEntries(batch, key, IndexLayout.utf8(id), doc);
            count--;
            swept++;
          } else {
            batch.delete(store.expiry, expiryKey); // left behind by a replaced document
          }
        }
        batch.put(store.meta, IndexLayout.COUNT_KEY, IndexLayout.countValue(count));
        store.db.write(writeOptions, batch);
        documentCount = count;
      }
    }
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
          store.db.put(store.furniture, writeOptions, IndexLayout.furnitureKey(source), value);
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

  private static <T> List<T> nCopies(T value, int n) {
    return java.util.Collections.nCopies(n, value);
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
      sweeper.shutdownNow();
      writeOptions.close();
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
