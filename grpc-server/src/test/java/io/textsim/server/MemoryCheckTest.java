package io.textsim.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The start-up check of the default limits against the heap: one warning naming the settings. */
class MemoryCheckTest {
  private static MemoryAdmission admission(long budget) {
    return new MemoryAdmission(new MemoryBudget(budget), new MemoryCosts(1 << 20, 3));
  }

  @Test
  void theDefaultsOnA512MiBHeapAreOneWarningNamingTheLimitsAndHowToRaiseThem() {
    long heap = 512L << 20;
    ServerConfig defaults = ServerConfig.builder().build();
    Optional<String> w = MemoryCheck.warning(defaults, admission((long) (heap * 0.6)), 7, heap, 4);
    assertTrue(w.isPresent());
    String text = w.get();
    assertTrue(text.contains("--max-text-chars " + ServerConfig.DEFAULT_MAX_TEXT_CHARS), text);
    assertTrue(text.contains("--max-stream-chars " + ServerConfig.DEFAULT_MAX_STREAM_CHARS), text);
    assertTrue(text.contains("-Xmx") && text.contains("--memory-budget"), text);
    assertEquals(1, text.lines().count(), "one line");
  }

  @Test
  void limitsThatFitTheHeapGiveNoWarning() {
    long heap = 8L << 30;
    ServerConfig small =
        ServerConfig.builder()
            .maxTextChars(100_000)
            .maxStreamChars(10_000_000)
            .maxMessageBytes(4 << 20)
            .build();
    assertEquals(
        Optional.empty(), MemoryCheck.warning(small, admission((long) (heap * 0.6)), 100, heap, 4));
  }

  @Test
  void aDirectMemoryLimitOfOneRequestAtATimeIsNamed() {
    long heap = 8L << 30;
    ServerConfig small =
        ServerConfig.builder().maxTextChars(100_000).maxStreamChars(10_000_000).build();
    String text =
        MemoryCheck.warning(small, admission((long) (heap * 0.6)), 1, heap, 4).orElseThrow();
    assertTrue(text.contains("one request of --max-message-bytes"), text);
    assertTrue(!text.contains("--max-text-chars"), text);
  }
}
