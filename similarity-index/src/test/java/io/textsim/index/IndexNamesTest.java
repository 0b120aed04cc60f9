package io.textsim.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class IndexNamesTest {
  @TempDir Path tmp;

  @Test
  void emptyIsTheDefault() {
    assertEquals("default", IndexNames.resolve(""));
    assertEquals("news-2026.v1_a", IndexNames.resolve("news-2026.v1_a"));
    assertEquals(tmp.resolve("default"), IndexNames.directory(tmp, ""));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        ".hidden",
        "..",
        "a/b",
        "a b",
        "ü",
        "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"
      })
  void namesThatAreNotOnePlainSegmentAreRefused(String name) {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> IndexNames.resolve(name));
    assertEquals(
        "index name '" + name + "' is not 1 to 64 of A-Z a-z 0-9 . _ - (not starting with a dot)",
        e.getMessage());
  }

  @Test
  void opensCreatesOrRefuses() {
    IndexOptions noCreate = IndexOptions.defaults().withCreateIfMissing(false);
    IndexOpenException missing =
        assertThrows(IndexOpenException.class, () -> IndexNames.open(tmp, "news", noCreate));
    assertEquals(IndexOpenException.Reason.MISSING, missing.reason());
    assertEquals(
        "no index named 'news' under " + tmp + " (adding documents creates it)",
        missing.getMessage());
    assertTrue(!Files.exists(tmp.resolve("news")));
    try (NearDuplicateIndex index = IndexNames.open(tmp, "news", IndexOptions.defaults())) {
      index.add(List.of(IndexDocument.of("a", "one two three four five")));
    }
    try (NearDuplicateIndex index = IndexNames.open(tmp, "news", noCreate)) {
      assertEquals(1, index.stats().documents());
    }
    // The directory of one index where a root of named ones belongs.
    IndexOpenException inner =
        assertThrows(
            IndexOpenException.class,
            () -> IndexNames.open(tmp.resolve("news"), "", IndexOptions.defaults()));
    assertEquals(IndexOpenException.Reason.NOT_AN_INDEX, inner.reason());
    assertTrue(inner.getMessage().contains("is an index itself"), inner.getMessage());
  }
}
