package io.textsim.index;

import io.textsim.core.lsh.LshParameters;
import io.textsim.core.shingle.ShingleConfig;
import io.textsim.core.sketch.MinHashFamily;
import io.textsim.core.sketch.MinHashParameters;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.util.Objects;

/**
 * What an index was created with, stored once under {@link IndexLayout#SETTINGS_KEY} and read back
 * at every open, so that a reopened index signs and bands exactly as before whatever options the
 * opener passes.
 *
 * <p>The record's layout is the same in format versions 1 to 3, so that any of them can be told
 * apart by its version byte. Big-endian: magic {@code "TSIX"} (4 bytes), format version (1 byte),
 * normalizer code (1 byte, 1 = news), shingle kind (1 byte, 1 = words, 2 = characters), shingle
 * size (1 byte), MinHash family code (1 byte), number of hashes (4), seed (8), bands (4), rows (4),
 * verdict threshold (8, IEEE double), created at (8, epoch ms). 45 bytes.
 */
record IndexSettings(
    MinHashParameters minHash, LshParameters lsh, double threshold, long createdAtMillis) {

  static final int MAGIC = 0x54534958; // "TSIX"

  /**
   * The version of the whole on-disk format (this record, {@link IndexLayout}'s column families and
   * keys, the value formats). 3: the document record keeps the signature's band keys, not the whole
   * signature (the column families and keys of version 2); 2: shingles and bucket lists in column
   * families of their own; 1: shingles inside the document record, one posting key per band and
   * document.
   */
  static final int FORMAT_VERSION = 3;

  private static final int NORMALIZER_NEWS = 1;
  private static final int BYTES = 45;

  IndexSettings {
    Objects.requireNonNull(minHash, "minHash");
    Objects.requireNonNull(lsh, "lsh");
    if (lsh.slotsUsed() > minHash.numHashes()) {
      throw new IllegalArgumentException(
          "banding " + lsh + " needs more than the " + minHash.numHashes() + " hashes");
    }
  }

  byte[] toBytes() {
    ShingleConfig shingles = minHash.shingles();
    return ByteBuffer.allocate(BYTES)
        .putInt(MAGIC)
        .put((byte) FORMAT_VERSION)
        .put((byte) NORMALIZER_NEWS)
        .put((byte) (shingles.kind() == ShingleConfig.Kind.WORDS ? 1 : 2))
        .put((byte) shingles.size())
        .put((byte) minHash.family().code())
        .putInt(minHash.numHashes())
        .putLong(minHash.seed())
        .putInt(lsh.bands())
        .putInt(lsh.rows())
        .putDouble(threshold)
        .putLong(createdAtMillis)
        .array();
  }

  /**
   * The format version of stored settings, or -1 if the bytes do not start with the magic number.
   */
  static int formatVersionOf(byte[] bytes) {
    if (bytes.length < 5 || ByteBuffer.wrap(bytes).getInt() != MAGIC) {
      return -1;
    }
    return Byte.toUnsignedInt(bytes[4]);
  }

  /**
   * Reads settings of format version {@link #FORMAT_VERSION}.
   *
   * @throws IllegalArgumentException saying what is wrong if the bytes are not such settings
   */
  static IndexSettings fromBytes(byte[] bytes) {
    if (formatVersionOf(bytes) != FORMAT_VERSION || bytes.length != BYTES) {
      throw new IllegalArgumentException(
          "index settings are not format version "
              + FORMAT_VERSION
              + " ("
              + bytes.length
              + " bytes, version "
              + formatVersionOf(bytes)
              + ")");
    }
    try {
      ByteBuffer in = ByteBuffer.wrap(bytes, 5, BYTES - 5);
      int normalizer = Byte.toUnsignedInt(in.get());
      if (normalizer != NORMALIZER_NEWS) {
        throw new IllegalArgumentException("unknown normalizer code " + normalizer);
      }
      int kind = Byte.toUnsignedInt(in.get());
      int size = Byte.toUnsignedInt(in.get());
      ShingleConfig shingles =
          switch (kind) {
            case 1 -> ShingleConfig.words(size);
            case 2 -> ShingleConfig.characters(size);
            default -> throw new IllegalArgumentException("unknown shingle kind code " + kind);
          };
      MinHashFamily family = MinHashFamily.fromCode(Byte.toUnsignedInt(in.get()));
      int numHashes = in.getInt();
      long seed = in.getLong();
      LshParameters lsh = new LshParameters(in.getInt(), in.getInt());
      double threshold = in.getDouble();
      long createdAt = in.getLong();
      return new IndexSettings(
          new MinHashParameters(family, numHashes, seed, shingles), lsh, threshold, createdAt);
    } catch (BufferUnderflowException e) {
      throw new IllegalArgumentException("index settings truncated", e);
    }
  }
}
