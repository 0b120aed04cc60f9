package io.textsim.core.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

class LinkageTest {

  @ParameterizedTest
  @EnumSource(Linkage.class)
  void fromNameInvertsWireName(Linkage linkage) {
    assertEquals(linkage, Linkage.fromName(linkage.wireName()));
  }

  @ParameterizedTest
  @CsvSource({"single, SINGLE", "AVERAGE, AVERAGE", "' Average ', AVERAGE"})
  void fromNameIgnoresCaseAndSurroundingSpace(String name, Linkage expected) {
    assertEquals(expected, Linkage.fromName(name));
  }

  @Test
  void wireNamesAreTheDocumentedOnes() {
    assertEquals("single", Linkage.SINGLE.wireName());
    assertEquals("average", Linkage.AVERAGE.wireName());
  }

  @ParameterizedTest
  @ValueSource(strings = {"complete", "", "singl", "single linkage"})
  void unknownNameIsRefusedNamingTheOptionAndTheValidNames(String name) {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> Linkage.fromName(name));
    assertEquals(
        "linkage '" + name + "' is not one of single, representative, average", e.getMessage());
  }

  @Test
  void nullNameIsRefused() {
    assertThrows(NullPointerException.class, () -> Linkage.fromName(null));
  }
}
