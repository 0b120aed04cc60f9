package io.textsim.core.measure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

class VerdictTest {

  @ParameterizedTest
  @EnumSource(Verdict.class)
  void fromNameInvertsWireName(Verdict verdict) {
    assertEquals(verdict, Verdict.fromName(verdict.wireName()));
  }

  @ParameterizedTest
  @CsvSource({
    "near-duplicate, NEAR_DUPLICATE",
    "NEAR_DUPLICATE, NEAR_DUPLICATE",
    "' related ', RELATED",
    "Different, DIFFERENT"
  })
  void fromNameIgnoresCaseSeparatorAndSurroundingSpace(String name, Verdict expected) {
    assertEquals(expected, Verdict.fromName(name));
  }

  @ParameterizedTest
  @ValueSource(strings = {"duplicate", "", "near duplicate"})
  void unknownNameIsRefusedNamingTheOptionAndTheValidNames(String name) {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> Verdict.fromName(name));
    assertEquals(
        "verdict '" + name + "' is not one of near-duplicate, related, different", e.getMessage());
  }

  @Test
  void nullNameIsRefused() {
    assertThrows(NullPointerException.class, () -> Verdict.fromName(null));
  }
}
