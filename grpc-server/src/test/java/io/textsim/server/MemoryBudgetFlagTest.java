package io.textsim.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** --memory-budget: sizes, shares of the heap, its variable, its help and its errors. */
class MemoryBudgetFlagTest {
  @Test
  void defaultsToSixtyPercentOfTheHeap() {
    assertEquals(
        (long) (Runtime.getRuntime().maxMemory() * 0.6),
        ServerCommandTest.parse(Map.of()).memoryBudget());
  }

  @Test
  void readsBytesSuffixesSharesAndTheVariable() {
    assertEquals(
        300L << 20, ServerCommandTest.parse(Map.of(), "--memory-budget", "300m").memoryBudget());
    assertEquals(
        2L << 30, ServerCommandTest.parse(Map.of(), "--memory-budget", "2GiB").memoryBudget());
    assertEquals(1536, ServerCommandTest.parse(Map.of(), "--memory-budget", "1.5k").memoryBudget());
    assertEquals(
        123456, ServerCommandTest.parse(Map.of(), "--memory-budget", "123456").memoryBudget());
    assertEquals(
        Runtime.getRuntime().maxMemory() / 2,
        ServerCommandTest.parse(Map.of(), "--memory-budget", "50%").memoryBudget(),
        1.0);
    assertEquals(
        64L << 20, ServerCommandTest.parse(Map.of("TEXTSIM_MEMORY_BUDGET", "64m")).memoryBudget());
  }

  @Test
  void refusesWhatIsNotASizeNamingTheFlag() {
    ServerCommandTest.Run r = ServerCommandTest.run(Map.of(), "--memory-budget", "lots");
    assertEquals(2, r.exitCode());
    assertTrue(r.err().contains("--memory-budget") && r.err().contains("not a size"), r.err());
    ServerCommandTest.Run share = ServerCommandTest.run(Map.of(), "--memory-budget", "150%");
    assertEquals(2, share.exitCode());
    assertTrue(share.err().contains("at most 100%"), share.err());
  }

  @Test
  void isInTheHelp() {
    ServerCommandTest.Run r = ServerCommandTest.run(Map.of(), "--help");
    assertEquals(0, r.exitCode());
    assertTrue(r.out().contains("--memory-budget=SIZE"), r.out());
  }
}
