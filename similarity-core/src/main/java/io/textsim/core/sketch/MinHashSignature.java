package io.textsim.core.sketch;

import io.textsim.core.shingle.ShingleConfig;
import io.textsim.core.shingle.ShingleHashing;
import java.io.InvalidObjectException;
import java.io.ObjectInputStream;
import java.io.Serializable;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;

/**
 * A MinHash signature: {@code k} 64-bit slots computed by a {@link MinHasher}, together with the
 * parameters and format version that produced them.
 *
 * <p>{@link #estimateJaccard} is the fraction of equal slots, an unbiased estimate of the Jaccard
 * similarity of the two signed sets with standard error {@code sqrt(J (1 - J) / k)}. Signatures
 * with different parameters or format versions are never compared: the answer would be meaningless,
 * so they throw.
 *
 * <p>Slot values are in [0, 2<sup>63</sup>), except that the signature of the empty set has every
 * slot equal to {@link #EMPTY_SLOT}. Two empty signatures therefore estimate 1 and an empty and a
 * non-empty one estimate 0, the convention of the Jaccard measure.
 *
 * <h2>Binary format, version 1</h2>
 *
 * <p>{@link #toBytes()} writes, big-endian, {@code 24 + 8k} bytes:
 *
 * <table>
 *   <caption>MinHash signature layout, version 1</caption>
 *   <tr><th>offset</th><th>size</th><th>field</th></tr>
 *   <tr><td>0</td><td>4</td><td>magic, ASCII {@code "TSMH"} ({@code 0x54534D48})</td></tr>
 *   <tr><td>4</td><td>1</td><td>format version, {@value #FORMAT_VERSION}</td></tr>
 *   <tr><td>5</td><td>1</td><td>hash family, {@link MinHashFamily#code()}: 1 classic, 2
 *       one-permutation</td></tr>
 *   <tr><td>6</td><td>1</td><td>shingle kind: 1 words, 2 characters</td></tr>
 *   <tr><td>7</td><td>1</td><td>shingle size, 1 to {@value ShingleConfig#MAX_SIZE}</td></tr>
 *   <tr><td>8</td><td>8</td><td>seed, two's complement</td></tr>
 *   <tr><td>16</td><td>4</td><td>{@code k}, the number of slots, 1 to {@value
 *       MinHashParameters#MAX_NUM_HASHES}</td></tr>
 *   <tr><td>20</td><td>4</td><td>reserved, zero</td></tr>
 *   <tr><td>24</td><td>8k</td><td>the slots, each a two's complement 64-bit integer</td></tr>
 * </table>
 *
 * <p>Format version 1 also fixes the functions behind the slots ({@link MinHasher}) and the shingle
 * hashes they are computed from ({@link io.textsim.core.shingle.ShingleHashing} version 1). A
 * change to any of them gets a new format version; {@link #fromBytes} refuses versions it does not
 * know.
 *
 * <p>Immutable and thread-safe. Java serialization writes the binary format above.
 */
public final class MinHashSignature implements Serializable {
  /** The golden-ratio multiplier of {@link #bandKey}. */
  private static final long BAND_KEY_MULTIPLIER = 0x9E3779B97F4A7C15L;

  /** The format version this library writes and reads. */
  public static final int FORMAT_VERSION = 1;

  /** Every slot of the empty set's signature holds this value; no other signature does. */
  public static final long EMPTY_SLOT = -1L;

  /** The magic number at the start of the binary format, ASCII "TSMH". */
  public static final int MAGIC = 0x54534D48;

  /** The size of the binary header, before the slots. */
  public static final int HEADER_BYTES = 24;

  private static final long serialVersionUID = 1L;

  private final int formatVersion;
  private final MinHashParameters parameters;
  private final long[] slots;

  /** Takes ownership of {@code slots}; callers guarantee it is valid for {@code parameters}. */
  MinHashSignature(int formatVersion, MinHashParameters parameters, long[] slots) {
    this.formatVersion = formatVersion;
    this.parameters = parameters;
    this.slots = slots;
  }

  static MinHashSignature empty(MinHashParameters parameters) {
    long[] slots = new long[parameters.numHashes()];
    Arrays.fill(slots, EMPTY_SLOT);
    return new MinHashSignature(FORMAT_VERSION, parameters, slots);
  }

  /**
   * A signature with the given slots, for signatures kept outside this library as plain numbers
   * (the array is copied). The values must be what a {@link MinHasher} with these parameters
   * produced; only their form is checked.
   *
   * @throws NullPointerException if an argument is null
   * @throws IllegalArgumentException if {@code slots} does not have {@code numHashes} values, each
   *     in [0, 2<sup>63</sup>), or all {@link #EMPTY_SLOT}
   */
  public static MinHashSignature of(MinHashParameters parameters, long[] slots) {
    Objects.requireNonNull(parameters, "parameters");
    Objects.requireNonNull(slots, "slots");
    if (slots.length != parameters.numHashes()) {
      throw new IllegalArgumentException(
          "slots has "
              + slots.length
              + " values but numHashes is "
              + parameters.numHashes()
              + " in "
              + parameters);
    }
    long[] copy = slots.clone();
    checkSlots(copy);
    return new MinHashSignature(FORMAT_VERSION, parameters, copy);
  }

  private static void checkSlots(long[] slots) {
    boolean empty = slots[0] == EMPTY_SLOT;
    for (int i = 0; i < slots.length; i++) {
      long v = slots[i];
      if (empty ? v != EMPTY_SLOT : v < 0) {
        throw new IllegalArgumentException(
            "slot "
                + i
                + " holds "
                + v
                + ": slots must all be in [0, 2^63), or all "
                + EMPTY_SLOT
                + " for the empty set");
      }
    }
  }

  /** The format version the slots were computed under ({@value #FORMAT_VERSION}). */
  public int formatVersion() {
    return formatVersion;
  }

  /** The parameters that produced this signature. */
  public MinHashParameters parameters() {
    return parameters;
  }

  /** The number of slots, {@code k}. */
  public int numHashes() {
    return slots.length;
  }

  /** Slot {@code i}. */
  public long slot(int i) {
    return slots[i];
  }

  /** A copy of the slots. */
  public long[] slots() {
    return slots.clone();
  }

  /**
   * The LSH bucket key of band {@code band}: slots {@code band * rows} to {@code band * rows + rows
   * - 1} folded into 64 bits. Equal bands always give equal keys; different ones collide with
   * probability about 2<sup>-64</sup>. Frozen like the signature format, so that every index and
   * every clustering, in this process or another, buckets a band alike. With {@code g =
   * 0x9E3779B97F4A7C15}: {@code h = g * (band + 1)}; for each slot {@code s} of the band, {@code h
   * = rotateLeft((h ^ s) * g, 31)}; the key is {@link ShingleHashing#fmix64 fmix64}{@code (h)}.
   *
   * @throws IllegalArgumentException if {@code rows < 1} or the band is not within the signature
   */
  public long bandKey(int band, int rows) {
    if (rows < 1 || band < 0 || ((long) band + 1) * rows > slots.length) {
      throw new IllegalArgumentException(
          "band "
              + band
              + " of "
              + rows
              + " rows is not within a signature of "
              + slots.length
              + " slots");
    }
    long h = BAND_KEY_MULTIPLIER * (band + 1);
    for (int i = band * rows, end = i + rows; i < end; i++) {
      h = Long.rotateLeft((h ^ slots[i]) * BAND_KEY_MULTIPLIER, 31);
    }
    return ShingleHashing.fmix64(h);
  }

  /** True if this is the signature of the empty set. */
  public boolean isEmpty() {
    return slots[0] == EMPTY_SLOT;
  }

  /**
   * True if {@code other} has the same format version and parameters, so that the two can be
   * compared.
   */
  public boolean isCompatible(MinHashSignature other) {
    Objects.requireNonNull(other, "other");
    return formatVersion == other.formatVersion && parameters.equals(other.parameters);
  }

  /**
   * Checks that {@code other} can be compared with this signature.
   *
   * @throws IllegalArgumentException naming both parameter sets if they differ
   */
  public void requireCompatible(MinHashSignature other) {
    if (!isCompatible(other)) {
      throw new IllegalArgumentException(
          "MinHash signatures with different parameters cannot be compared: "
              + describe()
              + " vs "
              + other.describe());
    }
  }

  private String describe() {
    return "v" + formatVersion + " " + parameters;
  }

  /**
   * The estimated Jaccard similarity of the two signed sets: the fraction of slots where the
   * signatures agree, in [0, 1]. Two empty signatures give 1, an empty and a non-empty one give 0.
   * Cost: O(k).
   *
   * @throws NullPointerException if {@code other} is null
   * @throws IllegalArgumentException naming both parameter sets if they differ
   */
  public double estimateJaccard(MinHashSignature other) {
    requireCompatible(other);
    long[] a = slots;
    long[] b = other.slots;
    int equal = 0;
    for (int i = 0; i < a.length; i++) {
      if (a[i] == b[i]) {
        equal++;
      }
    }
    return (double) equal / a.length;
  }

  /** The size of {@link #toBytes()}, {@code 24 + 8k}. */
  public int serializedSize() {
    return HEADER_BYTES + 8 * slots.length;
  }

  /** The binary form described in the class documentation. */
  public byte[] toBytes() {
    ByteBuffer out = ByteBuffer.allocate(serializedSize()); // big-endian
    ShingleConfig shingles = parameters.shingles();
    out.putInt(MAGIC)
        .put((byte) formatVersion)
        .put((byte) parameters.family().code())
        .put((byte) (shingles.kind() == ShingleConfig.Kind.WORDS ? 1 : 2))
        .put((byte) shingles.size())
        .putLong(parameters.seed())
        .putInt(slots.length)
        .putInt(0);
    for (long v : slots) {
      out.putLong(v);
    }
    return out.array();
  }

  /**
   * Reads the binary form written by {@link #toBytes()}, checking every field.
   *
   * @throws NullPointerException if {@code bytes} is null
   * @throws IllegalArgumentException saying what is wrong if {@code bytes} is truncated, too long,
   *     has a bad magic number, an unknown format version, family or shingle kind, out-of-range
   *     sizes, non-zero reserved bytes or invalid slot values
   */
  public static MinHashSignature fromBytes(byte[] bytes) {
    Objects.requireNonNull(bytes, "bytes");
    if (bytes.length < HEADER_BYTES) {
      throw new IllegalArgumentException(
          "MinHash signature truncated: the header needs "
              + HEADER_BYTES
              + " bytes, got "
              + bytes.length);
    }
    ByteBuffer in = ByteBuffer.wrap(bytes);
    int magic = in.getInt();
    if (magic != MAGIC) {
      throw new IllegalArgumentException(
          String.format(
              Locale.ROOT,
              "not a MinHash signature: bad magic 0x%08X, expected 0x%08X (\"TSMH\")",
              magic,
              MAGIC));
    }
    int version = Byte.toUnsignedInt(in.get());
    if (version != FORMAT_VERSION) {
      throw new IllegalArgumentException(
          "unknown MinHash signature format version "
              + version
              + "; this library reads version "
              + FORMAT_VERSION);
    }
    MinHashFamily family = MinHashFamily.fromCode(Byte.toUnsignedInt(in.get()));
    int kindCode = Byte.toUnsignedInt(in.get());
    ShingleConfig.Kind kind;
    if (kindCode == 1) {
      kind = ShingleConfig.Kind.WORDS;
    } else if (kindCode == 2) {
      kind = ShingleConfig.Kind.CHARACTERS;
    } else {
      throw new IllegalArgumentException(
          "unknown shingle kind code " + kindCode + " (known: 1 = WORDS, 2 = CHARACTERS)");
    }
    int size = Byte.toUnsignedInt(in.get());
    if (size < 1 || size > ShingleConfig.MAX_SIZE) {
      throw new IllegalArgumentException(
          "shingle size must be between 1 and " + ShingleConfig.MAX_SIZE + ", got " + size);
    }
    long seed = in.getLong();
    int k = in.getInt();
    if (k < 1 || k > MinHashParameters.MAX_NUM_HASHES) {
      throw new IllegalArgumentException(
          "numHashes must be between 1 and " + MinHashParameters.MAX_NUM_HASHES + ", got " + k);
    }
    int reserved = in.getInt();
    if (reserved != 0) {
      throw new IllegalArgumentException(
          "reserved header bytes 20-23 must be zero, got 0x" + Integer.toHexString(reserved));
    }
    long expected = HEADER_BYTES + 8L * k;
    if (bytes.length < expected) {
      throw new IllegalArgumentException(
          "MinHash signature truncated: "
              + k
              + " slots need "
              + expected
              + " bytes, got "
              + bytes.length);
    }
    if (bytes.length > expected) {
      throw new IllegalArgumentException(
          "MinHash signature has "
              + (bytes.length - expected)
              + " trailing bytes after its "
              + k
              + " slots");
    }
    long[] slots = new long[k];
    for (int i = 0; i < k; i++) {
      slots[i] = in.getLong();
    }
    checkSlots(slots);
    return new MinHashSignature(
        version, new MinHashParameters(family, k, seed, new ShingleConfig(kind, size)), slots);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof MinHashSignature s
        && formatVersion == s.formatVersion
        && parameters.equals(s.parameters)
        && Arrays.equals(slots, s.slots);
  }

  @Override
  public int hashCode() {
    return 31 * (31 * formatVersion + parameters.hashCode()) + Arrays.hashCode(slots);
  }

  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder("MinHashSignature[").append(describe());
    if (isEmpty()) {
      return sb.append(", empty]").toString();
    }
    sb.append(", slots=[");
    int shown = Math.min(3, slots.length);
    for (int i = 0; i < shown; i++) {
      sb.append(i == 0 ? "" : ", ").append(String.format(Locale.ROOT, "0x%016X", slots[i]));
    }
    return sb.append(slots.length > shown ? ", ...]]" : "]]").toString();
  }

  private Object writeReplace() {
    return new SerializedForm(toBytes());
  }

  private void readObject(ObjectInputStream in) throws InvalidObjectException {
    throw new InvalidObjectException("MinHashSignature is serialized through its binary form");
  }

  /** The serialization proxy: the binary form, validated again by {@link #fromBytes} on read. */
  private static final class SerializedForm implements Serializable {
    private static final long serialVersionUID = 1L;

    private final byte[] bytes;

    SerializedForm(byte[] bytes) {
      this.bytes = bytes;
    }

    private Object readResolve() throws InvalidObjectException {
      if (bytes == null) {
        throw new InvalidObjectException("MinHashSignature: no bytes");
      }
      try {
        return fromBytes(bytes);
      } catch (IllegalArgumentException e) {
        InvalidObjectException ioe = new InvalidObjectException(e.getMessage());
        ioe.initCause(e);
        throw ioe;
      }
    }
  }
}
