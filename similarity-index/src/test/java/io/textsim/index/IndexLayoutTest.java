package io.textsim.index;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.textsim.core.shingle.ShingleSet;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class IndexLayoutTest {
  @Test
  void bucketValuesHoldIdsOfAnyBytesInOrder() {
    List<String> ids = List.of("a", "", "ü,é\u0000x", "long-" + "x".repeat(1000), "a");
    assertEquals(ids, IndexLayout.bucketIds(IndexLayout.bucketValue(ids)));
    assertEquals(List.of(), IndexLayout.bucketIds(null));
    assertEquals(List.of(), IndexLayout.bucketIds(new byte[0]));
  }

  @Test
  void appendedBucketEntriesReadAsOneListAsTheMergeOperatorConcatenatesThem() {
    byte[] first = IndexLayout.bucketValue(List.of("x1", "x2"));
    byte[] second = IndexLayout.bucketEntry(IndexLayout.utf8("y"));
    byte[] joined = Arrays.copyOf(first, first.length + second.length);
    System.arraycopy(second, 0, joined, first.length, second.length);
    assertEquals(List.of("x1", "x2", "y"), IndexLayout.bucketIds(joined));
  }

  @Test
  void aCutBucketValueIsReportedAsDamage() {
    byte[] value = IndexLayout.bucketValue(List.of("abc"));
    IllegalStateException e =
        assertThrows(
            IllegalStateException.class,
            () -> IndexLayout.bucketIds(Arrays.copyOf(value, value.length - 1)));
    assertEquals("bucket value is damaged: an id is cut short", e.getMessage());
    assertThrows(IllegalStateException.class, () -> IndexLayout.bucketIds(new byte[] {0}));
  }

  @Test
  void storedShinglesRoundTripWithAndWithoutSourceAndExpiry() {
    ShingleSet set = ShingleSet.of(5, -3, Long.MAX_VALUE, Long.MIN_VALUE, 0);
    for (StoredShingles s :
        List.of(
            new StoredShingles(Optional.empty(), StoredDocument.NEVER, set),
            new StoredShingles(Optional.of("outlet.example"), 1234L, set),
            new StoredShingles(Optional.of(""), StoredDocument.NEVER, ShingleSet.empty()))) {
      StoredShingles back = StoredShingles.decode(s.toBytes());
      assertEquals(s.source(), back.source());
      assertEquals(s.expiresAtMillis(), back.expiresAtMillis());
      assertEquals(s.shingles(), back.shingles());
    }
    // version, flags, count, then 8 bytes a shingle
    assertEquals(
        2 + 4 + 8 * 5,
        new StoredShingles(Optional.empty(), StoredDocument.NEVER, set).toBytes().length);
  }

  @Test
  void storedShinglesOfAnotherVersionOrCutShortAreDamage() {
    byte[] bytes = new StoredShingles(Optional.empty(), 9L, ShingleSet.of(1, 2)).toBytes();
    byte[] cut = Arrays.copyOf(bytes, bytes.length - 3);
    assertThrows(IllegalStateException.class, () -> StoredShingles.decode(cut));
    bytes[0] = 9;
    IllegalStateException e =
        assertThrows(IllegalStateException.class, () -> StoredShingles.decode(bytes));
    assertEquals("stored shingles have value version 9, this library reads 1", e.getMessage());
  }

  @Test
  void storedDocumentsRoundTripWithTheirBandKeys() {
    long[] keys = {0, -1, Long.MIN_VALUE, Long.MAX_VALUE, 42};
    for (StoredDocument d :
        List.of(
            new StoredDocument(
                "Tehran (Mehr) - text \u00fc",
                Optional.empty(),
                Optional.empty(),
                7L,
                StoredDocument.NEVER,
                keys,
                12),
            new StoredDocument(
                "", Optional.of("outlet.example"), Optional.of(-5L), 8L, 99L, new long[0], 0))) {
      assertEquals(d, StoredDocument.decode(d.toBytes(), true));
      StoredDocument noText = StoredDocument.decode(d.toBytes(), false);
      assertEquals("", noText.text());
      assertArrayEquals(d.bandKeys(), noText.bandKeys());
      assertEquals(d.expiresAtMillis(), noText.expiresAtMillis());
    }
    // version, flags, added at, text length and UTF-8, band key count, 8 bytes a key, shingle count
    assertEquals(
        2 + 8 + 4 + 3 + 2 + 8 * 5 + 4,
        new StoredDocument(
                "abc", Optional.empty(), Optional.empty(), 1L, StoredDocument.NEVER, keys, 3)
            .toBytes()
            .length);
  }

  @Test
  void aStoredDocumentOfFormatTwoIsNotReadAsOfThisOne() {
    byte[] bytes =
        new StoredDocument(
                "abc",
                Optional.empty(),
                Optional.empty(),
                1L,
                StoredDocument.NEVER,
                new long[] {1, 2},
                3)
            .toBytes();
    bytes[0] = 2;
    IllegalStateException e =
        assertThrows(IllegalStateException.class, () -> StoredDocument.decode(bytes, false));
    assertEquals("stored document has value version 2, this library reads 3", e.getMessage());
    byte[] cut = Arrays.copyOf(bytes, bytes.length - 9);
    cut[0] = 3;
    assertThrows(IllegalStateException.class, () -> StoredDocument.decode(cut, false));
  }
}
