package io.textsim.core.shingle;

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

  private static final long SHINGLE_SEED = 0x2545F4914F6CDD1DL;
  private static final long GOLDEN = 0x9E3779B97F4A7C15L;
  private static final long CODE_POINT_OFFSET = 0x632BE59BD9B4E019L;

  private ShingleHashing() {}

  /**
   * The 64-bit hash of one word token: equal to {@code Hashing.murmur3_128().hashString(token,
   * UTF_8).asLong()}, computed without allocating.
   *
   * <p>Written here because profiling hashes every token of every text: Guava's path copies the
   * token to a String, encodes it to a byte array and allocates a hasher, which made token hashing
   * a third of the cost of building a profile. This streams the UTF-8 bytes straight into the
   * MurmurHash3 x64 128 blocks. As in {@link String#getBytes}, an unpaired surrogate is encoded as
   * {@code '?'}. Tests check equality with Guava on random and adversarial strings.
   */
  public static long token(CharSequence token) {
    return token(token, 0, token.length());
  }

  /**
   * The hash of {@code text.subSequence(start, end)} as {@link #token(CharSequence)} defines it.
   */
  public static long token(CharSequence text, int start, int end) {
    Murmur3Utf8 m = new Murmur3Utf8();
    for (int i = start; i < end; i++) {
      char c = text.charAt(i);
      if (c < 0x80) {
        m.put(c);
      } else if (c < 0x800) {
        m.put(0xC0 | (c >>> 6));
        m.put(0x80 | (c & 0x3F));
      } else if (Character.isHighSurrogate(c)
          && i + 1 < end
          && Character.isLowSurrogate(text.charAt(i + 1))) {
        int cp = Character.toCodePoint(c, text.charAt(++i));
        m.put(0xF0 | (cp >>> 18));
        m.put(0x80 | ((cp >>> 12) & 0x3F));
        m.put(0x80 | ((cp >>> 6) & 0x3F));
        m.put(0x80 | (cp & 0x3F));
      } else if (Character.isSurrogate(c)) {
        m.put('?');
      } else {
        m.put(0xE0 | (c >>> 12));
        m.put(0x80 | ((c >>> 6) & 0x3F));
        m.put(0x80 | (c & 0x3F));
      }
    }
    return m.finish();
  }

  /** MurmurHash3 x64 128 with seed 0 over a stream of bytes; only the first 64 bits are kept. */
  private static final class Murmur3Utf8 {
    private static final long C1 = 0x87C37B91114253D5L;
    private static final long C2 = 0x4CF5AD432745937FL;
    private long h1;
    private long h2;
    private long k1;
    private long k2;
    private int filled; // bytes in the current block
    private int length;

    void put(int b) {
      long v = b & 0xFFL;
      if (filled < 8) {
        k1 |= v << (filled << 3);
      } else {
        k2 |= v << ((filled - 8) << 3);
      }
      length++;
      if (++filled == 16) {
        block();
      }
    }

    private void block() {
      h1 ^= mixK1(k1);
      h1 = Long.rotateLeft(h1, 27);
      h1 += h2;
      h1 = h1 * 5 + 0x52DCE729;
      h2 ^= mixK2(k2);
      h2 = Long.rotateLeft(h2, 31);
      h2 += h1;
      h2 = h2 * 5 + 0x38495AB5;
      k1 = 0;
      k2 = 0;
      filled = 0;
    }

    long finish() {
      if (filled > 0) { // the tail: the bytes of a partial block, zero-padded
        h1 ^= mixK1(k1);
        h2 ^= mixK2(k2);
      }
      h1 ^= length;
      h2 ^= length;
      h1 += h2;
      h2 += h1;
      h1 = fmix64(h1);
      h2 = fmix64(h2);
      h1 += h2;
      return h1;
    }

    private static long mixK1(long k) {
      k *= C1;
      k = Long.rotateLeft(k, 31);
      return k * C2;
    }

    private static long mixK2(long k) {
      k *= C2;
      k = Long.rotateLeft(k, 33);
      return k * C1;
    }
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
