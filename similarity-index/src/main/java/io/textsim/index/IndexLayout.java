package io.textsim.index;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/**
 * Every key the index writes, in one place. All keys start with {@link #KEY_LAYOUT} so that a later
 * layout can live beside this one; all integers are big-endian so that byte order is numeric order
 * (signed values have their sign bit flipped first).
 *
 * <table>
 *   <caption>Column families and their keys</caption>
 *   <tr><th>column family</th><th>key</th><th>value</th></tr>
 *   <tr><td>{@code default}</td><td>{@code [1]['S']}</td><td>{@link IndexSettings} (format
 *       version, shingles, hashes, banding)</td></tr>
 *   <tr><td>{@code default}</td><td>{@code [1]['N']}</td><td>live document count, 8 bytes</td></tr>
 *   <tr><td>{@code documents}</td><td>{@code [1][id UTF-8]}</td><td>{@link StoredDocument}</td></tr>
 *   <tr><td>{@code postings}</td><td>{@code [1][band u16][band key i64][id UTF-8]}</td><td>empty;
 *       the first 11 bytes are the prefix a query seeks</td></tr>
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
  static final String CF_POSTINGS = "postings";
  static final String CF_EXPIRY = "expiry";
  static final String CF_FURNITURE = "furniture";

  /** The column families in the order they are opened; handles are indexed by this order. */
  static final List<String> COLUMN_FAMILIES =
      List.of(CF_DEFAULT, CF_DOCUMENTS, CF_POSTINGS, CF_EXPIRY, CF_FURNITURE);

  /** Length of a postings key before the id: the prefix shared by one bucket. */
  static final int POSTING_PREFIX_BYTES = 1 + 2 + 8;

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

  static byte[] postingPrefix(int band, long bandKey) {
    return ByteBuffer.allocate(POSTING_PREFIX_BYTES)
        .put(KEY_LAYOUT)
        .putShort((short) band)
        .putLong(bandKey)
        .array();
  }

  static byte[] postingKey(int band, long bandKey, byte[] idUtf8) {
    return prefixed(postingPrefix(band, bandKey), idUtf8);
  }

  static String idOfPostingKey(byte[] key) {
    return new String(
        key, POSTING_PREFIX_BYTES, key.length - POSTING_PREFIX_BYTES, StandardCharsets.UTF_8);
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

  static boolean startsWith(byte[] key, byte[] prefix) {
    return key.length >= prefix.length
        && Arrays.equals(key, 0, prefix.length, prefix, 0, prefix.length);
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
