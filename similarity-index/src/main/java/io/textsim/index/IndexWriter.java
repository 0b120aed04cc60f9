package io.textsim.index;

import io.textsim.core.lsh.LshParameters;
import io.textsim.core.sketch.MinHashSignature;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.locks.ReentrantLock;
import org.rocksdb.ReadOptions;
import org.rocksdb.RocksDBException;
import org.rocksdb.RocksIterator;
import org.rocksdb.Slice;
import org.rocksdb.WriteBatch;
import org.rocksdb.WriteOptions;

/**
 * The write path of an index: how a document becomes the entries of one {@link WriteBatch} (its
 * record, one posting per band, its expiry entry) and how adds, removes and the expiry sweep commit
 * them together with the document count. The read-modify-write of each (read the documents being
 * replaced or removed, write the batch, update the count) is serialized by one lock; the profiling
 * and signing that precede an add are not done here.
 */
final class IndexWriter implements AutoCloseable {
  /** Deletions per write batch when sweeping. */
  private static final int SWEEP_BATCH = 1000;

  private final RocksStore store;
  private final LshParameters lsh;
  private final WriteOptions writeOptions;
  private final ReentrantLock lock = new ReentrantLock();
  private volatile long documentCount; // written under lock

  IndexWriter(RocksStore store, LshParameters lsh, Durability durability, long documentCount) {
    this.store = store;
    this.lsh = lsh;
    this.writeOptions = new WriteOptions().setSync(durability == Durability.SYNC);
    this.documentCount = documentCount;
  }

  /** The live documents, as of the last committed write. */
  long documentCount() {
    return documentCount;
  }

  /**
   * Writes {@code prepared} (the stored form of {@code documents}, in the same order) in one batch,
   * after sweeping what is due at {@code now}; a stored document of the same id is replaced.
   */
  AddResult add(List<IndexDocument> documents, List<StoredDocument> prepared, long now)
      throws RocksDBException {
    lock.lock();
    try (WriteBatch batch = new WriteBatch()) {
      sweepLocked(now);
      List<byte[]> keys = new ArrayList<>(documents.size());
      for (IndexDocument d : documents) {
        keys.add(IndexLayout.documentKey(d.id()));
      }
      List<byte[]> old =
          store.db.multiGetAsList(Collections.nCopies(keys.size(), store.documents), keys);
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
        putEntries(batch, keys.get(i), idUtf8, next);
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
      lock.unlock();
    }
  }

  /** Removes the documents of {@code ids} (distinct) in one batch, reporting what was not held. */
  RemoveResult remove(List<String> ids, long now) throws RocksDBException {
    lock.lock();
    try (WriteBatch batch = new WriteBatch()) {
      List<byte[]> keys = new ArrayList<>();
      for (String id : ids) {
        keys.add(IndexLayout.documentKey(id));
      }
      List<byte[]> old =
          keys.isEmpty()
              ? List.of()
              : store.db.multiGetAsList(Collections.nCopies(keys.size(), store.documents), keys);
      List<String> removed = new ArrayList<>();
      List<String> notFound = new ArrayList<>();
      long count = documentCount;
      for (int i = 0; i < ids.size(); i++) {
        if (old.get(i) == null) {
          notFound.add(ids.get(i));
          continue;
        }
        StoredDocument doc = StoredDocument.decode(old.get(i), false);
        deleteEntries(batch, keys.get(i), IndexLayout.utf8(ids.get(i)), doc);
        count--;
        (doc.isExpiredAt(now) ? notFound : removed).add(ids.get(i));
      }
      if (count != documentCount) {
        batch.put(store.meta, IndexLayout.COUNT_KEY, IndexLayout.countValue(count));
        store.db.write(writeOptions, batch);
        documentCount = count;
      }
      return new RemoveResult(removed, notFound);
    } finally {
      lock.unlock();
    }
  }

  /** Deletes every document due at {@code now}; returns how many. */
  int expireDue(long now) throws RocksDBException {
    lock.lock();
    try {
      return sweepLocked(now);
    } finally {
      lock.unlock();
    }
  }

  /** Writes a furniture model value with the index's durability. */
  void putFurniture(byte[] key, byte[] value) throws RocksDBException {
    store.db.put(store.furniture, writeOptions, key, value);
  }

  private void putEntries(WriteBatch batch, byte[] key, byte[] idUtf8, StoredDocument doc)
      throws RocksDBException {
    batch.put(store.documents, key, doc.toBytes());
    MinHashSignature signature = doc.signature();
    for (int b = 0; b < lsh.bands(); b++) {
      batch.put(
          store.postings,
          IndexLayout.postingKey(b, signature.bandKey(b, lsh.rows()), idUtf8),
          new byte[0]);
    }
    if (doc.expiresAtMillis() != StoredDocument.NEVER) {
      batch.put(store.expiry, IndexLayout.expiryKey(doc.expiresAtMillis(), idUtf8), new byte[0]);
    }
  }

  private void deleteEntries(WriteBatch batch, byte[] key, byte[] idUtf8, StoredDocument doc)
      throws RocksDBException {
    batch.delete(store.documents, key);
    for (int b = 0; b < lsh.bands(); b++) {
      batch.delete(
          store.postings,
          IndexLayout.postingKey(b, doc.signature().bandKey(b, lsh.rows()), idUtf8));
    }
    if (doc.expiresAtMillis() != StoredDocument.NEVER) {
      batch.delete(store.expiry, IndexLayout.expiryKey(doc.expiresAtMillis(), idUtf8));
    }
  }

  /** Deletes what is due, reading the time-ordered expiry entries from the start up to now. */
  private int sweepLocked(long now) throws RocksDBException {
    int swept = 0;
    byte[] upper = IndexLayout.expiryPrefix(StoredDocument.saturatedAdd(now, 1));
    while (true) {
      List<byte[]> due = new ArrayList<>();
      try (Slice bound = new Slice(upper);
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

  @Override
  public void close() {
    writeOptions.close();
  }
}
