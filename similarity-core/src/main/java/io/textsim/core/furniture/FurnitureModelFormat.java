package io.textsim.core.furniture;

import io.textsim.core.shingle.ShingleConfig;
import io.textsim.core.shingle.ShingleSet;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.CRC32;

/**
 * The byte format of a {@link FurnitureModel}, version {@value #VERSION}. Big-endian:
 *
 * <pre>
 * magic "TSFM" (4 bytes), version (1 byte),
 * shingle kind (1 byte: 1 words, 2 characters), shingle size (int32),
 * minDocuments (int32), frameShare (float64), sameStoryOverlap (float64), sample (int32),
 * unknownSourceFrameDocuments (int32),
 * source count (int32), then per source in ascending order of name:
 *   name length in UTF-8 bytes (int32), name (UTF-8), shingle count (int32),
 *   shingles (int64 each, strictly ascending),
 * CRC-32 of every byte before it (int32).
 * </pre>
 *
 * <p>A released version is never changed; a new layout gets a new version number, and readers
 * refuse versions newer than theirs with a message saying so.
 */
final class FurnitureModelFormat {
  /** The format version written by this build. */
  static final int VERSION = 1;

  private static final byte[] MAGIC = {'T', 'S', 'F', 'M'};

  private FurnitureModelFormat() {}

  static byte[] write(FurnitureModel model) {
    Map<String, ShingleSet> sources = model.bySource();
    int size = 4 + 1 + 1 + 4 + 4 + 8 + 8 + 4 + 4 + 4 + 4;
    for (Map.Entry<String, ShingleSet> e : sources.entrySet()) {
      size += 4 + e.getKey().getBytes(StandardCharsets.UTF_8).length + 4 + 8 * e.getValue().size();
    }
    ByteBuffer out = ByteBuffer.allocate(size);
    out.put(MAGIC).put((byte) VERSION);
    ShingleConfig config = model.shingles();
    out.put((byte) (config.kind() == ShingleConfig.Kind.WORDS ? 1 : 2)).putInt(config.size());
    FurnitureOptions o = model.options();
    out.putInt(o.minDocuments())
        .putDouble(o.frameShare())
        .putDouble(o.sameStoryOverlap())
        .putInt(o.sample())
        .putInt(o.unknownSourceFrameDocuments());
    out.putInt(sources.size());
    for (Map.Entry<String, ShingleSet> e : sources.entrySet()) {
      byte[] name = e.getKey().getBytes(StandardCharsets.UTF_8);
      out.putInt(name.length).put(name);
      ShingleSet s = e.getValue();
      out.putInt(s.size());
      for (int i = 0; i < s.size(); i++) {
        out.putLong(s.get(i));
      }
    }
    CRC32 crc = new CRC32();
    crc.update(out.array(), 0, out.position());
    out.putInt((int) crc.getValue());
    return out.array();
  }

  static FurnitureModel read(byte[] bytes) {
    ByteBuffer in = ByteBuffer.wrap(bytes);
    try {
      byte[] magic = new byte[4];
      in.get(magic);
      for (int i = 0; i < 4; i++) {
        if (magic[i] != MAGIC[i]) {
          throw bad("it does not start with the furniture model's magic bytes \"TSFM\"");
        }
      }
      int version = Byte.toUnsignedInt(in.get());
      if (version > VERSION) {
        throw bad(
            "format version "
                + version
                + " is newer than this build reads ("
                + VERSION
                + "); upgrade textsim");
      }
      if (version < 1) {
        throw bad("format version " + version + " does not exist");
      }
      if (bytes.length < 4) {
        throw bad("it is too short");
      }
      CRC32 crc = new CRC32();
      crc.update(bytes, 0, bytes.length - 4);
      int stored = ByteBuffer.wrap(bytes, bytes.length - 4, 4).getInt();
      if (stored != (int) crc.getValue()) {
        throw bad("its checksum does not match: the bytes are damaged");
      }
      int kind = in.get();
      int k = in.getInt();
      ShingleConfig config;
      if (kind == 1) {
        config = ShingleConfig.words(k);
      } else if (kind == 2) {
        config = ShingleConfig.characters(k);
      } else {
        throw bad("unknown shingle kind " + kind);
      }
      FurnitureOptions options =
          new FurnitureOptions(
              in.getInt(), in.getDouble(), in.getDouble(), in.getInt(), in.getInt());
      int count = in.getInt();
      if (count < 0) {
        throw bad("negative source count " + count);
      }
      TreeMap<String, ShingleSet> sources = new TreeMap<>();
      String previous = null;
      for (int s = 0; s < count; s++) {
        int length = in.getInt();
        if (length < 0 || length > in.remaining()) {
          throw bad("source name length " + length + " is out of range");
        }
        byte[] name = new byte[length];
        in.get(name);
        String source = decode(name);
        if (previous != null && previous.compareTo(source) >= 0) {
          throw bad("sources are not in ascending order at '" + source + "'");
        }
        previous = source;
        int n = in.getInt();
        if (n <= 0 || (long) n * 8 > in.remaining()) {
          throw bad("shingle count " + n + " of source '" + source + "' is out of range");
        }
        long[] hashes = new long[n];
        for (int i = 0; i < n; i++) {
          hashes[i] = in.getLong();
          if (i > 0 && hashes[i] <= hashes[i - 1]) {
            throw bad("shingles of source '" + source + "' are not strictly ascending");
          }
        }
        sources.put(source, ShingleSet.of(hashes));
      }
      if (in.remaining() != 4) {
        throw bad((in.remaining() - 4) + " bytes follow the last source");
      }
      return new FurnitureModel(config, options, sources);
    } catch (BufferUnderflowException e) {
      throw bad("it ends early (" + bytes.length + " bytes)");
    } catch (IllegalArgumentException e) {
      if (String.valueOf(e.getMessage()).startsWith("not a furniture model")) {
        throw e;
      }
      throw bad(e.getMessage());
    }
  }

  private static String decode(byte[] name) {
    try {
      return StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(name))
          .toString();
    } catch (CharacterCodingException e) {
      throw bad("a source name is not valid UTF-8");
    }
  }

  private static IllegalArgumentException bad(String why) {
    return new IllegalArgumentException(
        "not a furniture model of format version <= " + VERSION + ": " + why);
  }
}
