package io.textsim.core.sketch;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.textsim.core.shingle.ShingleConfig;
import io.textsim.core.shingle.ShingleHashing;
import io.textsim.core.shingle.ShingleSet;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InvalidObjectException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

class MinHashSignatureTest {
  private static final long FROZEN_BAND_KEY = -9191385882195704780L;
  private static final ShingleConfig W4 = ShingleConfig.words(4);
  private static final MinHashParameters P = MinHashParameters.classic(16, 7, W4);

  private static MinHashSignature sign(MinHashParameters p, long... shingles) {
    return MinHasher.of(p).sign(ShingleSet.of(shingles));
  }

  @ParameterizedTest
  @EnumSource(MinHashFamily.class)
  void roundTripsThroughBytes(MinHashFamily family) {
    SplittableRandom random = new SplittableRandom(11);
    for (int k : new int[] {1, 2, 128, 1000}) {
      MinHashParameters p =
          new MinHashParameters(family, k, random.nextLong(), ShingleConfig.characters(7));
      for (int n : new int[] {0, 1, 50}) {
        MinHashSignature sig = sign(p, SketchTestData.randomDistinct(random, n));
        byte[] bytes = sig.toBytes();
        assertEquals(24 + 8 * k, bytes.length);
        assertEquals(sig.serializedSize(), bytes.length);
        MinHashSignature back = MinHashSignature.fromBytes(bytes);
        assertEquals(sig, back);
        assertEquals(sig.hashCode(), back.hashCode());
        assertEquals(n == 0, back.isEmpty());
      }
    }
  }

  @Test
  void headerLayout() {
    MinHashParameters p =
        MinHashParameters.onePermutation(3, 0x0102030405060708L, ShingleConfig.characters(9));
    ByteBuffer b = ByteBuffer.wrap(sign(p, 5, 6, 7).toBytes());
    assertEquals(0x54534D48, b.getInt(0)); // "TSMH"
    assertEquals(1, b.get(4)); // format version
    assertEquals(2, b.get(5)); // one-permutation
    assertEquals(2, b.get(6)); // characters
    assertEquals(9, b.get(7)); // shingle size
    assertEquals(0x0102030405060708L, b.getLong(8));
    assertEquals(3, b.getInt(16));
    assertEquals(0, b.getInt(20));
    MinHashSignature sig = sign(p, 5, 6, 7);
    for (int i = 0; i < 3; i++) {
      assertEquals(sig.slot(i), b.getLong(24 + 8 * i));
    }
  }

  private static byte[] valid() {
    return sign(P, 1, 2, 3, 4, 5).toBytes();
  }

  private static byte[] with(Consumer<ByteBuffer> edit) {
    ByteBuffer b = ByteBuffer.wrap(valid());
    edit.accept(b);
    return b.array();
  }

  static Stream<Arguments> corruptions() {
    return Stream.of(
        Arguments.of(new byte[0], "truncated: the header needs 24 bytes, got 0"),
        Arguments.of(Arrays.copyOf(valid(), 23), "truncated: the header needs 24 bytes, got 23"),
        Arguments.of(Arrays.copyOf(valid(), 24), "truncated: 16 slots need 152 bytes, got 24"),
        Arguments.of(Arrays.copyOf(valid(), 151), "truncated: 16 slots need 152 bytes, got 151"),
        Arguments.of(Arrays.copyOf(valid(), 160), "8 trailing bytes after its 16 slots"),
        Arguments.of(with(b -> b.putInt(0, 0xCAFEBABE)), "bad magic 0xCAFEBABE"),
        Arguments.of(with(b -> b.put(4, (byte) 2)), "unknown MinHash signature format version 2"),
        Arguments.of(with(b -> b.put(4, (byte) 0)), "unknown MinHash signature format version 0"),
        Arguments.of(with(b -> b.put(5, (byte) 3)), "unknown MinHash family code 3"),
        Arguments.of(with(b -> b.put(6, (byte) 0)), "unknown shingle kind code 0"),
        Arguments.of(with(b -> b.put(6, (byte) 3)), "unknown shingle kind code 3"),
        Arguments.of(with(b -> b.put(7, (byte) 0)), "shingle size must be between 1 and 64, got 0"),
        Arguments.of(
            with(b -> b.put(7, (byte) 200)), "shingle size must be between 1 and 64, got 200"),
        Arguments.of(with(b -> b.putInt(16, 0)), "numHashes must be between 1 and 65536, got 0"),
        Arguments.of(with(b -> b.putInt(16, -1)), "numHashes must be between 1 and 65536, got -1"),
        Arguments.of(with(b -> b.putInt(16, 17)), "truncated: 17 slots need 160 bytes, got 152"),
        Arguments.of(with(b -> b.putInt(16, 15)), "8 trailing bytes after its 15 slots"),
        Arguments.of(with(b -> b.put(23, (byte) 1)), "reserved header bytes 20-23 must be zero"),
        Arguments.of(with(b -> b.putLong(24 + 8 * 5, -5)), "slot 5 holds -5"),
        Arguments.of(with(b -> b.putLong(24, -1)), "slot 1 holds"));
  }

  @ParameterizedTest(name = "{1}")
  @MethodSource("corruptions")
  void fromBytesRejectsCorruptInput(byte[] bytes, String message) {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> MinHashSignature.fromBytes(bytes));
    assertTrue(e.getMessage().contains(message), e.getMessage());
  }

  @Test
  void fromBytesRejectsNull() {
    assertEquals(
        "bytes",
        assertThrows(NullPointerException.class, () -> MinHashSignature.fromBytes(null))
            .getMessage());
  }

  @ParameterizedTest
  @EnumSource(MinHashFamily.class)
  void emptySignaturesFollowJaccardConventions(MinHashFamily family) {
    MinHashParameters p = new MinHashParameters(family, 64, 3, W4);
    MinHashSignature empty = sign(p);
    MinHashSignature other = sign(p);
    MinHashSignature full = sign(p, 1, 2, 3);
    assertEquals(1.0, empty.estimateJaccard(other));
    assertEquals(0.0, empty.estimateJaccard(full));
    assertEquals(0.0, full.estimateJaccard(empty));
    assertEquals(1.0, full.estimateJaccard(full));
  }

  @Test
  void estimateIsTheFractionOfEqualSlots() {
    long[] a = new long[16];
    long[] b = new long[16];
    for (int i = 0; i < 16; i++) {
      a[i] = i;
      b[i] = i < 4 ? i : i + 100;
    }
    MinHashSignature x = MinHashSignature.of(P, a);
    MinHashSignature y = MinHashSignature.of(P, b);
    assertEquals(0.25, x.estimateJaccard(y));
    assertEquals(0.25, y.estimateJaccard(x));
  }

  static Stream<MinHashParameters> mismatches() {
    return Stream.of(
        P.withSeed(8),
        P.withNumHashes(17),
        P.withFamily(MinHashFamily.ONE_PERMUTATION),
        P.withShingles(ShingleConfig.words(3)),
        P.withShingles(ShingleConfig.characters(4)));
  }

  @ParameterizedTest
  @MethodSource("mismatches")
  void refusesToCompareMismatchedParameters(MinHashParameters other) {
    MinHashSignature a = sign(P, 1, 2, 3);
    MinHashSignature b = sign(other, 1, 2, 3);
    assertFalse(a.isCompatible(b));
    for (var call :
        Arrays.<Runnable>asList(() -> a.estimateJaccard(b), () -> b.estimateJaccard(a))) {
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class, call::run);
      assertTrue(e.getMessage().contains("v1 " + P), e.getMessage());
      assertTrue(e.getMessage().contains("v1 " + other), e.getMessage());
    }
  }

  @Test
  void nullComparisonsThrow() {
    MinHashSignature a = sign(P, 1);
    assertEquals(
        "other",
        assertThrows(NullPointerException.class, () -> a.estimateJaccard(null)).getMessage());
  }

  @Test
  void ofCopiesAndValidates() {
    long[] slots = new long[16];
    MinHashSignature sig = MinHashSignature.of(P, slots);
    slots[0] = 99;
    assertEquals(0, sig.slot(0));
    long[] out = sig.slots();
    out[1] = 99;
    assertEquals(0, sig.slot(1));
    assertEquals(
        "slots has 3 values but numHashes is 16 in " + P,
        assertThrows(IllegalArgumentException.class, () -> MinHashSignature.of(P, new long[3]))
            .getMessage());
    long[] bad = new long[16];
    bad[15] = Long.MIN_VALUE;
    assertThrows(IllegalArgumentException.class, () -> MinHashSignature.of(P, bad));
    long[] empty = new long[16];
    Arrays.fill(empty, -1);
    assertTrue(MinHashSignature.of(P, empty).isEmpty());
    assertThrows(NullPointerException.class, () -> MinHashSignature.of(null, empty));
    assertThrows(NullPointerException.class, () -> MinHashSignature.of(P, null));
  }

  @Test
  void equalsHashCodeAndToString() {
    MinHashSignature a = sign(P, 1, 2, 3);
    MinHashSignature b = sign(P, 1, 2, 3);
    assertEquals(a, b);
    assertEquals(a.hashCode(), b.hashCode());
    assertNotEquals(a, sign(P, 1, 2, 4));
    assertNotEquals(a, sign(P.withSeed(8), 1, 2, 3));
    assertNotEquals(a, (Object) "a string");
    assertTrue(
        a.toString()
            .startsWith(
                "MinHashSignature[v1 MinHashParameters[family=CLASSIC, numHashes=16, seed=7,"
                    + " shingles=ShingleConfig.words(4)], slots=[0x"),
        a.toString());
    assertTrue(a.toString().endsWith(", ...]]"), a.toString());
    assertTrue(sign(P).toString().endsWith("], empty]"), sign(P).toString());
    assertEquals(16, a.numHashes());
    assertEquals(1, a.formatVersion());
  }

  @Test
  void javaSerializationUsesTheBinaryForm() throws Exception {
    MinHashSignature sig = sign(MinHashParameters.defaults(), 1, 2, 3, 4);
    ByteArrayOutputStream buffer = new ByteArrayOutputStream();
    try (ObjectOutputStream out = new ObjectOutputStream(buffer)) {
      out.writeObject(sig);
    }
    try (ObjectInputStream in =
        new ObjectInputStream(new ByteArrayInputStream(buffer.toByteArray()))) {
      assertEquals(sig, in.readObject());
    }
  }

  @Test
  void javaSerializationValidatesOnRead() throws IOException {
    MinHashSignature sig = sign(P, 1, 2, 3, 4);
    ByteArrayOutputStream buffer = new ByteArrayOutputStream();
    try (ObjectOutputStream out = new ObjectOutputStream(buffer)) {
      out.writeObject(sig);
    }
    byte[] stream = buffer.toByteArray();
    // Corrupt the embedded magic number.
    byte[] magic = {0x54, 0x53, 0x4D, 0x48};
    int at = indexOf(stream, magic);
    assertTrue(at > 0);
    stream[at] = 0;
    try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(stream))) {
      InvalidObjectException e = assertThrows(InvalidObjectException.class, in::readObject);
      assertTrue(e.getMessage().contains("bad magic"), e.getMessage());
    }
  }

  private static int indexOf(byte[] haystack, byte[] needle) {
    outer:
    for (int i = 0; i + needle.length <= haystack.length; i++) {
      for (int j = 0; j < needle.length; j++) {
        if (haystack[i + j] != needle[j]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }

  @Test
  void slotsAreDefensiveCopies() {
    MinHashSignature sig = sign(P, 1, 2, 3);
    long[] slots = sig.slots();
    Arrays.fill(slots, 0);
    assertArrayEquals(ReferenceMinHash.slots(P, ShingleSet.of(1, 2, 3)), sig.slots());
  }

  @Test
  void bandKeysFollowTheFrozenDefinition() {
    MinHashSignature sig = MinHasher.of(P).sign(ShingleSet.of(10, 20, 30, 40, 50));
    for (int rows : new int[] {1, 2, 4, 16}) {
      for (int band = 0; band < 16 / rows; band++) {
        long h = 0x9E3779B97F4A7C15L * (band + 1);
        for (int i = band * rows; i < band * rows + rows; i++) {
          h = Long.rotateLeft((h ^ sig.slot(i)) * 0x9E3779B97F4A7C15L, 31);
        }
        assertEquals(ShingleHashing.fmix64(h), sig.bandKey(band, rows), band + "/" + rows);
      }
    }
    // Frozen: a change here moves every bucket of every index built before it.
    MinHashSignature fixed =
        MinHashSignature.of(P, new long[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16});
    assertEquals(FROZEN_BAND_KEY, fixed.bandKey(1, 4));
  }

  @Test
  void equalBandsGiveEqualKeysAndBandsOutsideTheSignatureAreRefused() {
    long[] x = new long[16];
    long[] y = new long[16];
    for (int i = 0; i < 16; i++) {
      x[i] = i;
      y[i] = i < 8 ? i : 100 + i; // the first two bands of 4 agree, the others do not
    }
    MinHashSignature a = MinHashSignature.of(P, x);
    MinHashSignature b = MinHashSignature.of(P, y);
    assertEquals(a.bandKey(0, 4), b.bandKey(0, 4));
    assertEquals(a.bandKey(1, 4), b.bandKey(1, 4));
    assertNotEquals(a.bandKey(2, 4), b.bandKey(2, 4));
    assertNotEquals(a.bandKey(0, 4), a.bandKey(1, 4), "the band's number is part of its key");
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> a.bandKey(4, 4));
    assertEquals("band 4 of 4 rows is not within a signature of 16 slots", e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> a.bandKey(0, 0));
    assertThrows(IllegalArgumentException.class, () -> a.bandKey(-1, 2));
  }
}
