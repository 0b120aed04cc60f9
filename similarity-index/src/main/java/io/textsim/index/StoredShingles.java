package io.textsim.index;

import io.textsim.core.shingle.ShingleSet;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.LongBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.Optional;

/**
 * What a query needs of one candidate, kept in the {@code shingles} column family apart from the
 * text so that verifying a candidate is one small read: the shingle set it is compared on, when it
 * expires, and its source (which a match reports).
 *
 * <p>Value format version 1, big-endian: version (1 byte), flags (1 byte: bit 0 source present, bit
 * 2 expiry present), expires at (8, epoch ms, if present), source (2-byte length + UTF-8, if
 * present), shingle count (4), the shingles (8 bytes each, ascending). The shingles are 64-bit
 * hashes and do not compress, so the column family is stored uncompressed.
 *
 * @param expiresAtMillis as {@link StoredDocument#expiresAtMillis()}
 * @param shingles the set after furniture was taken out
 */
record StoredShingles(Optional<String> source, long expiresAtMillis, ShingleSet shingles) {
  static final byte VALUE_VERSION = 1;

  StoredShingles {
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(shingles, "shingles");
  }

  boolean isExpiredAt(long nowMillis) {
    return expiresAtMillis <= nowMillis;
  }

  byte[] toBytes() {
    byte[] sourceBytes = source.map(IndexLayout::utf8).orElse(new byte[0]);
    boolean expires = expiresAtMillis != StoredDocument.NEVER;
    int size =
        2
            + (expires ? 8 : 0)
            + (source.isPresent() ? 2 + sourceBytes.length : 0)
            + 4
            + 8 * shingles.size();
    ByteBuffer out = ByteBuffer.allocate(size);
    out.put(VALUE_VERSION).put((byte) ((source.isPresent() ? 1 : 0) | (expires ? 4 : 0)));
    if (expires) {
      out.putLong(expiresAtMillis);
    }
    if (source.isPresent()) {
      out.putShort((short) sourceBytes.length).put(sourceBytes);
    }
    out.putInt(shingles.size());
    LongBuffer longs = out.asLongBuffer();
    for (int i = 0; i < shingles.size(); i++) {
      longs.put(shingles.get(i));
    }
    return out.array();
  }

  /**
   * Reads value format version 1.
   *
   * @throws IllegalStateException naming what is wrong if the value is not version 1 or is
   *     truncated (the store is damaged)
   */
  static StoredShingles decode(byte[] value) {
    try {
      ByteBuffer in = ByteBuffer.wrap(value);
      int version = Byte.toUnsignedInt(in.get());
      if (version != VALUE_VERSION) {
        throw new IllegalStateException(
            "stored shingles have value version "
                + version
                + ", this library reads "
                + VALUE_VERSION);
      }
      int flags = in.get();
      long expiresAt = (flags & 4) != 0 ? in.getLong() : StoredDocument.NEVER;
      Optional<String> source = Optional.empty();
      if ((flags & 1) != 0) {
        int n = Short.toUnsignedInt(in.getShort());
        source = Optional.of(new String(value, in.position(), n, StandardCharsets.UTF_8));
        in.position(in.position() + n);
      }
      int count = in.getInt();
      if (count < 0 || in.remaining() != 8L * count) {
        throw new IllegalStateException(
            "stored shingles have "
                + value.length
                + " bytes, not what "
                + count
                + " shingles need");
      }
      long[] shingles = new long[count];
      in.asLongBuffer().get(shingles);
      return new StoredShingles(source, expiresAt, ShingleSet.of(shingles));
    } catch (BufferUnderflowException | IllegalArgumentException e) {
      throw new IllegalStateException("stored shingles value is damaged: " + e.getMessage(), e);
    }
  }
}
