package io.textsim.server;

import io.textsim.core.measure.Measure;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The start-up check of the limits against the heap: which of the largest calls the limits allow
 * cannot be served by the memory budget, and whether the heap left over holds the messages being
 * parsed. The server still starts (such calls are refused with RESOURCE_EXHAUSTED, not failed); the
 * warning tells the operator which settings to change.
 */
final class MemoryCheck {
  private MemoryCheck() {}

  /**
   * One warning naming every setting that cannot be served at once, or empty if all can.
   *
   * @param heap the largest heap of this JVM ({@code -Xmx})
   * @param eventLoops the transport threads, each of which may be parsing one message at once
   */
  static Optional<String> warning(
      ServerConfig config, MemoryAdmission memory, int slots, long heap, int eventLoops) {
    MemoryCosts costs = memory.costs();
    long budget = memory.budget().limit();
    List<String> problems = new ArrayList<>();
    // The worst text for memory: every char a token (CJK), and a large alphabet for the edit
    // distances.
    long chars = config.maxTextChars();
    long compare =
        MemoryCosts.CALL_OVERHEAD
            + 2 * costs.text(chars)
            + costs.profileKept(chars, chars)
            + costs.profilePeak(chars, chars)
            + costs.measureWorkspace(Measure.defaults(), chars, chars, chars);
    if (compare > budget) {
      problems.add(
          "a Compare of two texts of --max-text-chars "
              + chars
              + " may need "
              + MemoryBudget.format(compare));
    }
    long perText = costs.clusterDocument(chars, chars, false, false);
    long texts = Math.max(1, config.maxStreamChars() / chars);
    long stream =
        texts * perText + costs.clusterWork(texts, chars, chars, false) + MemoryCosts.CALL_OVERHEAD;
    if (stream > budget) {
      problems.add(
          "a ClusterStream of --max-stream-chars "
              + config.maxStreamChars()
              + " may need "
              + MemoryBudget.format(stream));
    }
    // Each transport thread turns a message into a byte array, then into strings of up to twice
    // its size, outside the budget.
    long parsing = (long) eventLoops * 3 * config.maxMessageBytes();
    if (heap - budget < parsing) {
      problems.add(
          "the heap outside the budget ("
              + MemoryBudget.format(heap - budget)
              + ") is less than "
              + eventLoops
              + " messages of --max-message-bytes "
              + config.maxMessageBytes()
              + " being parsed at once ("
              + MemoryBudget.format(parsing)
              + ")");
    }
    if (slots == 1) {
      problems.add(
          "the direct memory limit ("
              + MemoryBudget.format(InboundGate.directMemoryLimit())
              + ") serves one request of --max-message-bytes "
              + config.maxMessageBytes()
              + " at a time");
    }
    if (problems.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(
        "memory: with a heap of "
            + MemoryBudget.format(heap)
            + " (-Xmx) and --memory-budget "
            + MemoryBudget.format(budget)
            + ", not every call the limits allow can be served at once: "
            + String.join("; ", problems)
            + ". Such calls are refused with RESOURCE_EXHAUSTED; lower those limits, or give the"
            + " server a larger heap (JAVA_OPTS=-Xmx...) or --memory-budget");
  }
}
