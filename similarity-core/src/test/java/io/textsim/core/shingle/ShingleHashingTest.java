package io.textsim.core.shingle;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.google.common.hash.Hashing;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * Known answers that freeze the shingle hash functions of format version 1. If one of these fails,
 * a released format changed: add a new version instead of editing the expected values.
 */
class ShingleHashingTest {

  @Test
  void versionIsOne() {
    assertEquals(1, ShingleHashing.VERSION);
  }

  @Test
  void tokenHashIsGuavaMurmur3_128Seed0() {
    for (String token : new String[] {"", "iran", "azerbaijan", "東", "\uD835\uDCB3"}) {
      assertEquals(
          Hashing.murmur3_128(0).hashString(token, StandardCharsets.UTF_8).asLong(),
          ShingleHashing.token(token));
    }
  }

  @Test
  void tokenHashEqualsGuavaOnRandomStrings() {
    java.util.SplittableRandom random = new java.util.SplittableRandom(2024);
    char[] interesting = {
      'a', 'Z', '7', '\'', 'é', 'ß', '東', '\u0301', '\uD835', '\uDCB3', '\uFFFF', '\u0000'
    };
    for (int i = 0; i < 20_000; i++) {
      int length = random.nextInt(0, 40);
      StringBuilder sb = new StringBuilder();
      for (int c = 0; c < length; c++) {
        sb.append(
            random.nextBoolean()
                ? interesting[random.nextInt(interesting.length)]
                : (char) random.nextInt(0, 0x10000));
      }
      String s = sb.toString();
      assertEquals(
          Hashing.murmur3_128(0).hashString(s, StandardCharsets.UTF_8).asLong(),
          ShingleHashing.token(s),
          () ->
              "token hash differs from Guava for "
                  + s.chars().mapToObj(Integer::toHexString).toList());
      int from = length == 0 ? 0 : random.nextInt(length);
      assertEquals(ShingleHashing.token(s.substring(from)), ShingleHashing.token(s, from, length));
    }
  }

  @Test
  void tokenHashKnownAnswers() {
    assertEquals(0x0000000000000000L, ShingleHashing.token(""));
    assertEquals(KNOWN_IRAN, ShingleHashing.token("iran"));
    assertEquals(KNOWN_TEHRAN, ShingleHashing.token("tehran"));
  }

  @Test
  void codePointHashKnownAnswers() {
    assertEquals(KNOWN_CP_A, ShingleHashing.codePoint('a'));
    assertEquals(KNOWN_CP_SCRIPT_X, ShingleHashing.codePoint(0x1D4B3));
  }

  @Test
  void combineKnownAnswers() {
    long[] units = {
      ShingleHashing.token("ali"),
      ShingleHashing.token("alizadeh"),
      ShingleHashing.token("the"),
      ShingleHashing.token("azerbaijani")
    };
    assertEquals(KNOWN_SHINGLE_4, ShingleHashing.combine(units, 0, 4));
    assertEquals(KNOWN_SHINGLE_1, ShingleHashing.combine(units, 1, 1));
  }

  @Test
  void combineIsOrderSensitive() {
    long[] ab = {ShingleHashing.token("a"), ShingleHashing.token("b")};
    long[] ba = {ab[1], ab[0]};
    assertNotEquals(ShingleHashing.combine(ab, 0, 2), ShingleHashing.combine(ba, 0, 2));
  }

  @Test
  void shinglerFollowsTheDocumentedRules() {
    long[] units = {1, 2, 3, 4, 5};
    ShingleSet three = Shingler.shingle(units, ShingleConfig.words(3));
    assertEquals(3, three.size());
    assertEquals(
        ShingleSet.of(
            ShingleHashing.combine(units, 0, 3),
            ShingleHashing.combine(units, 1, 3),
            ShingleHashing.combine(units, 2, 3)),
        three);
    // Fewer units than k: one shingle of all of them.
    ShingleSet shortText = Shingler.shingle(new long[] {7, 8}, ShingleConfig.words(4));
    assertArrayEquals(
        new long[] {ShingleHashing.combine(new long[] {7, 8}, 0, 2)}, shortText.toArray());
    assertEquals(0, Shingler.shingle(new long[0], ShingleConfig.words(4)).size());
    // Repeated shingles are stored once.
    assertEquals(1, Shingler.shingle(new long[] {9, 9, 9, 9}, ShingleConfig.words(2)).size());
  }

  @Test
  void shingleSetIsSortedDistinctAndCopied() {
    long[] raw = {5, -3, 5, 0};
    ShingleSet s = ShingleSet.of(raw);
    raw[0] = 42;
    assertArrayEquals(new long[] {-3, 0, 5}, s.toArray());
    assertEquals(2, s.intersectionSize(ShingleSet.of(0, 5, 6)));
    assertEquals(0, s.intersectionSize(ShingleSet.empty()));
  }

  @Test
  void configValidatesSize() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> ShingleConfig.words(0));
    assertEquals("shingle size must be between 1 and 64, got 0", e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> ShingleConfig.characters(65));
    assertThrows(NullPointerException.class, () -> new ShingleConfig(null, 3));
    assertEquals("ShingleConfig.words(4)", ShingleConfig.DEFAULT.toString());
  }

  // Frozen outputs of version 1 (computed once, never edited).
  private static final long KNOWN_IRAN = 0xE094A23F43C04B24L;
  private static final long KNOWN_TEHRAN = 0x4B888AF8EADF26E9L;
  private static final long KNOWN_CP_A = 0xB07B11F117F3C0D2L;
  private static final long KNOWN_CP_SCRIPT_X = 0x9F17FD2926FD4BCFL;
  private static final long KNOWN_SHINGLE_4 = 0xEC7B7A775D486A5FL;
  private static final long KNOWN_SHINGLE_1 = 0x342C028342FAAAE4L;
}
