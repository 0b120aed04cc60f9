package io.textsim.core.shingle;

import com.google.common.hash.HashFunction;
import com.google.common.hash.Hashing;
import java.nio.charset.StandardCharsets;

/**
 * The frozen 64-bit hash functions behind tokens and shingles, format version {@value #VERSION}.
 *
 * <p>Shingle hashes are stored in signatures and indexes that outlive a process, so these functions
 * never change. A different function would get a new version number and a new method, never a
 * changed body. Known-answer tests pin the outputs.
 *
 * <ul>
 *   <li>{@link #token(CharSequence)}: the first 8 bytes, little-endian, of MurmurHash3 x64 128
 *       (seed 0) of the token's UTF-8 bytes, as Guava's {@code Hashing.murmur3_128()} computes it.
 *   <li>{@link #codePoint(int)}: the MurmurHash3 64-bit finalizer of the code point plus a fixed
 *       constant; character shingles use it instead of a byte hash, one multiply per character.
 *   <li>{@link #combine(long[], int, int)}: a shingle of unit hashes {@code u1..uk} is {@code h =
 *       0x2545F4914F6CDD1D; for each u: h = rotl64((h ^ u) * 0x9E3779B97F4A7C15, 31)}, then {@code
 *       fmix64(h ^ k)}. It is order-sensitive and costs two multiplies per unit, so a shingle costs
 *       nothing like re-hashing its text.
 * </ul>
 */
public final class ShingleHashing {
  /** The version of the functions in this class. */
  public static final int VERSION = 1;

  private static final HashFunction TOKEN_HASH = Hashing.murmur3_128();
  private static final long SHINGLE_SEED = 0x2545F4914F6CDD1DL;
  private static final long GOLDEN = 0x9E3779B97F4A7C15L;
  private static final long CODE_POINT_OFFSET = 0x632BE59BD9B4E019L;

  private ShingleHashing() {}

  /** The 64-bit hash of one word token. */
  public static long token(CharSequence token) {
    return TOKEN_HASH.hashString(token, StandardCharsets.UTF_8).asLong();
  }

  /** The 64-bit hash of one code point, for character shingles. */
  public static long codePoint(int codePoint) {
    return fmix64(codePoint + CODE_POINT_OFFSET);
  }

  /** The hash of the shingle made of {@code units[from, from + count)}. */
  public static long combine(long[] units, int from, int count) {
    long h = SHINGLE_SEED;
    for (int i = from; i < from + count; i++) {
      h = Long.rotateLeft((h ^ units[i]) * GOLDEN, 31);
    }
    return fmix64(h ^ count);
  }

  /** The MurmurHash3 64-bit finalizer: a bijection that spreads every input bit to every output. */
  public static long fmix64(long k) {
    k ^= k >>> 33;
    k *= 0xFF51AFD7ED558CCDL;
    k ^= k >>> 33;
    k *= 0xC4CEB9FE1A85EC53L;
    k ^= k >>> 33;
    return k;
  }
}
