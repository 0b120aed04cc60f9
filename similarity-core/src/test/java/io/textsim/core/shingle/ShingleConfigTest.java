package io.textsim.core.shingle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

class ShingleConfigTest {

  @ParameterizedTest
  @EnumSource(ShingleConfig.Kind.class)
  void kindFromNameInvertsWireName(ShingleConfig.Kind kind) {
    assertEquals(kind, ShingleConfig.Kind.fromName(kind.wireName()));
  }

  @ParameterizedTest
  @CsvSource({"words, WORDS", "' Characters ', CHARACTERS"})
  void kindFromNameIgnoresCaseAndSurroundingSpace(String name, ShingleConfig.Kind expected) {
    assertEquals(expected, ShingleConfig.Kind.fromName(name));
  }

  @ParameterizedTest
  @ValueSource(strings = {"word", "", "bytes"})
  void unknownKindIsRefusedNamingTheOptionAndTheValidNames(String name) {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> ShingleConfig.Kind.fromName(name));
    assertEquals("shingle kind '" + name + "' is not one of words, characters", e.getMessage());
  }

  @Test
  void nullKindNameIsRefused() {
    assertThrows(NullPointerException.class, () -> ShingleConfig.Kind.fromName(null));
  }
}
