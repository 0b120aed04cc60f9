package io.textsim.core.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

class CandidateStrategyTest {

  @ParameterizedTest
  @EnumSource(CandidateStrategy.class)
  void fromNameInvertsWireName(CandidateStrategy strategy) {
    assertEquals(strategy, CandidateStrategy.fromName(strategy.wireName()));
  }

  @ParameterizedTest
  @CsvSource({
    "auto, AUTO",
    "all-pairs, ALL_PAIRS",
    "ALL-PAIRS, ALL_PAIRS",
    "all_pairs, ALL_PAIRS",
    "' lsh ', LSH",
    "LSH, LSH"
  })
  void fromNameIgnoresCaseSeparatorAndSurroundingSpace(String name, CandidateStrategy expected) {
    assertEquals(expected, CandidateStrategy.fromName(name));
  }

  @Test
  void wireNamesAreTheDocumentedOnes() {
    assertEquals("auto", CandidateStrategy.AUTO.wireName());
    assertEquals("all-pairs", CandidateStrategy.ALL_PAIRS.wireName());
    assertEquals("lsh", CandidateStrategy.LSH.wireName());
  }

  @ParameterizedTest
  @ValueSource(strings = {"some", "", "allpairs", "all pairs"})
  void unknownNameIsRefusedNamingTheOptionAndTheValidNames(String name) {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> CandidateStrategy.fromName(name));
    assertEquals(
        "candidate strategy '" + name + "' is not one of auto, all-pairs, lsh", e.getMessage());
  }

  @Test
  void nullNameIsRefused() {
    assertThrows(NullPointerException.class, () -> CandidateStrategy.fromName(null));
  }
}
