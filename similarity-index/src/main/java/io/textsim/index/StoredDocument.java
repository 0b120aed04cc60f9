package io.textsim.index;

import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;

/**
 * One document as kept in the {@code documents} column family: what a get, a replacement, a removal
 * or the expiry sweep needs (the band keys give the buckets to leave), so that no operation
 * re-profiles a stored text. The shingles a query verifies against are kept apart, in {@link
 * StoredShingles}.
 *
 * <p>Value format version 3, big-endian: version (1 byte), flags (1 byte: bit 0 source present, bit
 * 1 time present, bit 2 expiry present), added at (8, epoch ms), time (8, if present), expires at
 * (8, if present), source (2-byte length + UTF-8, if present), text (4-byte length + UTF-8), band
 * keys (2-byte count + 8 bytes each, band 0 first), shingle count (4). Only the band keys of the
 * signature are kept: they are all that leaving the buckets or querying by id needs, 200 bytes
 * where the whole signature of 128 hashes takes 1,048. (Version 2, of index format 2, held the
 * whole signature; version 1, of index format 1, ended with the shingles themselves.)
 *
 * @param bandKeys the key of each band of the document's signature, band 0 first (not copied: the
 *     record is package-private and no caller changes it)
 * @param text the text as given; empty when decoded without it ({@link #decode(byte[], boolean)})
 * @param expiresAtMillis epoch ms after which the document is gone, {@link #NEVER} if it does not
 *     expire
 * @param shingleCount the size of the document's shingle set (after furniture was taken out)
 */
record StoredDocument(
    String text,
    Optional<String> source,
    Optional<Long> timeMillis,
    long addedAtMillis,
    long expiresAtMillis,
    long[] bandKeys,
    int shingleCount) {

  static final byte VALUE_VERSION = 3;
  static final long NEVER = Long.MAX_VALUE;

  StoredDocument {
    Objects.requireNonNull(text, "text");
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(timeMillis, "timeMillis");
    Objects.requireNonNull(bandKeys, "bandKeys");
    if (bandKeys.length > 0xFFFF) {
      throw new IllegalArgumentException("bandKeys has " + bandKeys.length + " keys, over 65535");
    }
    if (shingleCount < 0) {
      throw new IllegalArgumentException("shingleCount must be >= 0, got " + shingleCount);
    }
  }

  /** {@code a + b} in epoch ms, saturated just below {@link #NEVER} (which means "no expiry"). */
  static long saturatedAdd(long a, long b) {
    long r = a + b;
    return ((a ^ r) & (b ^ r)) < 0 ? NEVER - 1 : Math.min(r, NEVER - 1);
  }

  boolean isExpiredAt(long nowMillis) {
    return expiresAtMillis <= nowMillis;
  }

  byte[] toBytes() {
    byte[] sourceBytes = source.map(IndexLayout::utf8).orElse(new byte[0]);
    byte[] textBytes = text.getBytes(StandardCharsets.UTF_8);
    int size =
        2
            + 8
            + (timeMillis.isPresent() ? 8 : 0)
            + (expiresAtMillis != NEVER ? 8 : 0)
            + (source.isPresent() ? 2 + sourceBytes.length : 0)
            + 4
            + textBytes.length
            + 2
            + 8 * bandKeys.length
            + 4;
    int flags =
        (source.isPresent() ? 1 : 0)
            | (timeMillis.isPresent() ? 2 : 0)
            | (expiresAtMillis != NEVER ? 4 : 0);
    ByteBuffer out = ByteBuffer.allocate(size);
    out.put(VALUE_VERSION).put((byte) flags).putLong(addedAtMillis);
    timeMillis.ifPresent(out::putLong);
    if (expiresAtMillis != NEVER) {
      out.putLong(expiresAtMillis);
    }
    if (source.isPresent()) {
      out.putShort((short) sourceBytes.length).put(sourceBytes);
    }
    out.putInt(textBytes.length).put(textBytes);
    out.putShort((short) bandKeys.length);
    for (long k : bandKeys) {
      out.putLong(k);
    }
    out.putInt(shingleCount);
    return out.array();
  }

  /**
   * Reads value format version 3; without {@code withText} the text is skipped, and {@link #text()}
   * is empty.
   *
   * @throws IllegalStateException naming what is wrong if the value is not version 3 or is
   *     truncated (the store is damaged: a bad value is not the caller's input)
   */
  static StoredDocument decode(byte[] value, boolean withText) {
    try {
      ByteBuffer in = ByteBuffer.wrap(value);
      int version = Byte.toUnsignedInt(in.get());
      if (version != VALUE_VERSION) {
        throw new IllegalStateException(
            "stored document has value version "
                + version
                + ", this library reads "
                + VALUE_VERSION);
      }
      int flags = in.get();
      long addedAt = in.getLong();
      Optional<Long> time = (flags & 2) != 0 ? Optional.of(in.getLong()) : Optional.empty();
      long expiresAt = (flags & 4) != 0 ? in.getLong() : NEVER;
      Optional<String> source = Optional.empty();
      if ((flags & 1) != 0) {
        int n = Short.toUnsignedInt(in.getShort());
        source = Optional.of(new String(value, in.position(), n, StandardCharsets.UTF_8));
        in.position(in.position() + n);
      }
      int textLength = in.getInt();
      String text =
          withText ? new String(value, in.position(), textLength, StandardCharsets.UTF_8) : "";
      in.position(in.position() + textLength);
      long[] bandKeys = new long[Short.toUnsignedInt(in.getShort())];
      for (int b = 0; b < bandKeys.length; b++) {
        bandKeys[b] = in.getLong();
      }
      int shingleCount = in.getInt();
      if (in.hasRemaining()) {
        throw new IllegalStateException(
            "stored document has " + value.length + " bytes, its fields need fewer");
      }
      return new StoredDocument(text, source, time, addedAt, expiresAt, bandKeys, shingleCount);
    } catch (BufferUnderflowException | IllegalArgumentException e) {
      throw new IllegalStateException("stored document value is damaged: " + e.getMessage(), e);
    }
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof StoredDocument d
        && text.equals(d.text)
        && source.equals(d.source)
        && timeMillis.equals(d.timeMillis)
        && addedAtMillis == d.addedAtMillis
        && expiresAtMillis == d.expiresAtMillis
        && Arrays.equals(bandKeys, d.bandKeys)
        && shingleCount == d.shingleCount;
  }

  @Override
  public int hashCode() {
    return Objects.hash(text, source, timeMillis, addedAtMillis, expiresAtMillis, shingleCount) * 31
        + Arrays.hashCode(bandKeys);
  }

  @Override
  public String toString() {
    return "StoredDocument("
        + text.length()
        + " chars, source "
        + source
        + ", "
        + bandKeys.length
        + " band keys, "
        + shingleCount
        + " shingles)";
  }
}
