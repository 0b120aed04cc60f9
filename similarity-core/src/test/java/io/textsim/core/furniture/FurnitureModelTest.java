package io.textsim.core.furniture;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.textsim.core.shingle.ShingleConfig;
import io.textsim.core.shingle.ShingleSet;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class FurnitureModelTest {
  /** The model frozen in {@code furniture/model-v1.bin}. */
  static FurnitureModel goldenModel() {
    Map<String, ShingleSet> sources = new TreeMap<>();
    sources.put(FurnitureModel.UNKNOWN_SOURCE, ShingleSet.of(1, 2));
    sources.put("mehrnews.com", ShingleSet.of(-5, 7, 1L << 40, Long.MAX_VALUE, Long.MIN_VALUE));
    sources.put("تهران‌تایمز", ShingleSet.of(3));
    return new FurnitureModel(
        ShingleConfig.words(4), new FurnitureOptions(3, 0.5, 0.5, 8, 25), sources);
  }

  private static byte[] golden() throws IOException {
    try (InputStream in = FurnitureModelTest.class.getResourceAsStream("/furniture/model-v1.bin")) {
      assertNotNull(in, "missing golden file furniture/model-v1.bin");
      return in.readAllBytes();
    }
  }

  @Test
  void formatVersionOneIsFrozen() throws IOException {
    byte[] golden = golden();
    assertArrayEquals(golden, goldenModel().toBytes(), "the furniture model's format changed");
    FurnitureModel read = FurnitureModel.fromBytes(golden);
    assertEquals(goldenModel(), read);
    assertArrayEquals(golden, read.toBytes());
  }

  @Test
  void roundTripsThroughBytes() {
    FurnitureModel model = goldenModel();
    assertEquals(model, FurnitureModel.fromBytes(model.toBytes()));
    FurnitureModel empty = FurnitureModel.empty(ShingleConfig.characters(5));
    assertEquals(empty, FurnitureModel.fromBytes(empty.toBytes()));
    assertTrue(empty.isEmpty());
  }

  @Test
  void answersPerSource() {
    FurnitureModel model = goldenModel();
    assertTrue(model.isFurniture("mehrnews.com", 7));
    assertFalse(model.isFurniture("mehrnews.com", 1));
    assertFalse(model.isFurniture("elsewhere", 7));
    assertEquals(ShingleSet.of(8, 9), model.content("mehrnews.com", ShingleSet.of(7, 8, 9, -5)));
    assertEquals(8, model.allFurniture().size());
    assertThrows(
        IllegalArgumentException.class, () -> model.requireShingles(ShingleConfig.words(5)));
  }

  @Test
  void damagedOrForeignBytesAreRefusedWithTheReason() throws IOException {
    byte[] golden = golden();
    assertRefused(new byte[0], "ends early");
    assertRefused("not a model at all".getBytes(java.nio.charset.StandardCharsets.UTF_8), "magic");
    byte[] newer = golden.clone();
    newer[4] = 2;
    assertRefused(newer, "format version 2 is newer than this build reads (1)");
    byte[] flipped = golden.clone();
    flipped[golden.length / 2] ^= 1;
    assertRefused(flipped, "checksum");
    assertRefused(Arrays.copyOf(golden, golden.length - 9), "");
  }

  private static void assertRefused(byte[] bytes, String reason) {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> FurnitureModel.fromBytes(bytes));
    assertTrue(e.getMessage().startsWith("not a furniture model"), e.getMessage());
    assertTrue(e.getMessage().contains(reason), e.getMessage());
  }
}
