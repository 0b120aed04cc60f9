package io.textsim.index;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Every key the index writes, in one place. All keys start with {@link #KEY_LAYOUT} so that a later
 * layout can live beside this one; all integers are big-endian so that byte order is numeric order
 * (signed values have their sign bit flipped first).
 *
 * <p>Format version 3 (see {@link IndexSettings#FORMAT_VERSION}). A query touches only the small
 * column families: one point read per band in {@code buckets} and one per candidate in {@code
 * shingles}; the texts in {@code documents} are read only by gets, replacements, removals and the
 * expiry sweep. (Version 1 kept the shingles inside the document record and one posting key per
 * band and document, found by prefix seeks; {@link RocksStore} refuses such a directory, naming the
 * version. Version 2 had these column families and keys and kept the whole signature in the
 * document record; its settings record tells it apart, and it is refused the same way.)
 *
 * <table>
 *   <caption>Column families and their keys</caption>
 *   <tr><th>column family</th><th>key</th><th>value</th></tr>
 *   <tr><td>{@code default}</td><td>{@code [1]['S']}</td><td>{@link IndexSettings} (format
 *       version, shingles, hashes, banding)</td></tr>
 *   <tr><td>{@code default}</td><td>{@code [1]['N']}</td><td>live document count, 8 bytes</td></tr>
 *   <tr><td>{@code documents}</td><td>{@code [1][id UTF-8]}</td><td>{@link StoredDocument}</td></tr>
 *   <tr><td>{@code shingles}</td><td>{@code [1][id UTF-8]}</td><td>{@link StoredShingles}: what a
 *       query verifies against</td></tr>
 *   <tr><td>{@code buckets}</td><td>{@code [1][band u16][band key i64]}</td><td>the ids of the
 *       bucket, each as {@code [length u16][id UTF-8]}, concatenated in the order they were added
 *       (new ids are appended by RocksDB's string-append merge operator, without a
 *       delimiter)</td></tr>
 *   <tr><td>{@code expiry}</td><td>{@code [1][expires at, ms, i64 sign-flipped][id UTF-8]}</td>
 *       <td>empty; ordered by time so the sweeper reads only what is due</td></tr>
 *   <tr><td>{@code furniture}</td><td>{@code [1][source UTF-8]}</td><td>{@code [1][model
 *       bytes]}, opaque to the index</td></tr>
 * </table>
 */
final class IndexLayout {
  /** The version byte that starts every key of this layout. */
  static final byte KEY_LAYOUT = 1;

  static final String CF_DEFAULT = "default";
  static final String CF_DOCUMENTS = "documents";
  static final String CF_SHINGLES = "shingles";
  static final String CF_BUCKETS = "buckets";

  /** A column family of format version 1 only: one key per band and document. */
  static final String CF_V1_POSTINGS = "postings";

  static final String CF_EXPIRY = "expiry";
  static final String CF_FURNITURE = "furniture";

  /** The column families in the order they are opened; handles are indexed by this order. */
  static final List<String> COLUMN_FAMILIES =
      List.of(CF_DEFAULT, CF_DOCUMENTS, CF_SHINGLES, CF_BUCKETS, CF_EXPIRY, CF_FURNITURE);

  /** Length of a bucket key. */
  static final int BUCKET_KEY_BYTES = 1 + 2 + 8;

  /** The longest id a bucket entry can hold, in bytes of UTF-8 (its length is a u16). */
  static final int MAX_BUCKET_ID_BYTES = 0xFFFF;

  /** Length of an expiry key before the id. */
  static final int EXPIRY_PREFIX_BYTES = 1 + 8;

  /** Value version of a stored furniture model wrapper. */
  static final byte FURNITURE_VALUE_VERSION = 1;

  static final byte[] SETTINGS_KEY = {KEY_LAYOUT, 'S'};
  static final byte[] COUNT_KEY = {KEY_LAYOUT, 'N'};

  private IndexLayout() {}

  static byte[] documentKey(String id) {
    return prefixed(new byte[] {KEY_LAYOUT}, utf8(id));
  }

  static String idOfDocumentKey(byte[] key) {
    return new String(key, 1, key.length - 1, StandardCharsets.UTF_8);
  }

  static byte[] bucketKey(int band, long bandKey) {
    return ByteBuffer.allocate(BUCKET_KEY_BYTES)
        .put(KEY_LAYOUT)
        .putShort((short) band)
        .putLong(bandKey)
        .array();
  }

  /** One id as a bucket holds it: the operand appended when a document joins the bucket. */
  static byte[] bucketEntry(byte[] idUtf8) {
    if (idUtf8.length > MAX_BUCKET_ID_BYTES) {
      throw new IllegalArgumentException("id of " + idUtf8.length + " bytes is too long");
    }
    return ByteBuffer.allocate(2 + idUtf8.length)
        .putShort((short) idUtf8.length)
        .put(idUtf8)
        .array();
  }

  /** The ids of a bucket value, in the order they were added; none for {@code null}. */
  static List<String> bucketIds(byte[] value) {
    if (value == null) {
      return List.of();
    }
    List<String> ids = new ArrayList<>();
    int at = 0;
    while (at < value.length) {
      if (at + 2 > value.length) {
        throw new IllegalStateException("bucket value is damaged: a length is cut short");
      }
      int n = ((value[at] & 0xFF) << 8) | (value[at + 1] & 0xFF);
      at += 2;
      if (at + n > value.length) {
        throw new IllegalStateException("bucket value is damaged: an id is cut short");
      }
      ids.add(new String(value, at, n, StandardCharsets.UTF_8));
      at += n;
    }
    return ids;
  }

  /** A bucket value holding {@code ids}, in that order. */
  static byte[] bucketValue(List<String> ids) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (String id : ids) {
      out.writeBytes(bucketEntry(utf8(id)));
    }
    return out.toByteArray();
  }

  static byte[] expiryPrefix(long expiresAtMillis) {
    return ByteBuffer.allocate(EXPIRY_PREFIX_BYTES)
        .put(KEY_LAYOUT)
        .putLong(expiresAtMillis ^ Long.MIN_VALUE)
        .array();
  }

  static byte[] expiryKey(long expiresAtMillis, byte[] idUtf8) {
    return prefixed(expiryPrefix(expiresAtMillis), idUtf8);
  }

  static long timeOfExpiryKey(byte[] key) {
    return ByteBuffer.wrap(key, 1, 8).getLong() ^ Long.MIN_VALUE;
  }

  static String idOfExpiryKey(byte[] key) {
    return new String(
        key, EXPIRY_PREFIX_BYTES, key.length - EXPIRY_PREFIX_BYTES, StandardCharsets.UTF_8);
  }

  static byte[] furnitureKey(String source) {
    return prefixed(new byte[] {KEY_LAYOUT}, utf8(source));
  }

  static byte[] countValue(long count) {
    return ByteBuffer.allocate(8).putLong(count).array();
  }

  static long readCount(byte[] value) {
    if (value == null) {
      return 0;
    }
    if (value.length != 8) {
      throw new IllegalStateException("document count value has " + value.length + " bytes, not 8");
    }
    return ByteBuffer.wrap(value).getLong();
  }

  static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  private static byte[] prefixed(byte[] prefix, byte[] rest) {
    byte[] key = Arrays.copyOf(prefix, prefix.length + rest.length);
    System.arraycopy(rest, 0, key, prefix.length, rest.length);
    return key;
  }
}
