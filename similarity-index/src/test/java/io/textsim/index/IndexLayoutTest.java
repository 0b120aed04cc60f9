package io.textsim.index;

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
}
