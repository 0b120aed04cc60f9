package io.textsim.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.rpc.RetryInfo;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.protobuf.StatusProto;
import org.junit.jupiter.api.Test;

class MemoryBudgetTest {
  private static boolean retryInfo(StatusRuntimeException e) {
    com.google.rpc.Status s = StatusProto.fromThrowable(e);
    return s != null && s.getDetailsList().stream().anyMatch(d -> d.is(RetryInfo.class));
  }

  @Test
  void refusesWhatDoesNotFitNowWithRetryInfoAndGivesMemoryBack() {
    MemoryBudget budget = new MemoryBudget(1000);
    MemoryBudget.Reservation a = budget.reserve(600, "call a");
    StatusRuntimeException busy =
        assertThrows(StatusRuntimeException.class, () -> budget.reserve(500, "call b"));
    assertEquals(Status.Code.RESOURCE_EXHAUSTED, busy.getStatus().getCode());
    assertTrue(retryInfo(busy), busy::toString);
    assertEquals(600, budget.reserved());
    a.close();
    a.close(); // once only
    assertEquals(0, budget.reserved());
    budget.reserve(500, "call b").close();
    assertEquals(1, budget.refused());
  }

  @Test
  void refusesWhatCanNeverFitNamingTheBudgetWithoutRetryInfo() {
    MemoryBudget budget = new MemoryBudget(1000);
    StatusRuntimeException never =
        assertThrows(StatusRuntimeException.class, () -> budget.reserve(1001, "this Compare"));
    assertEquals(Status.Code.RESOURCE_EXHAUSTED, never.getStatus().getCode());
    assertTrue(never.getStatus().getDescription().contains("--memory-budget"), never::toString);
    assertTrue(!retryInfo(never), never::toString);
    assertEquals(0, budget.reserved());
  }

  @Test
  void aGrowingReservationKeepsWhatItHadWhenRefused() {
    MemoryBudget budget = new MemoryBudget(1000);
    MemoryBudget.Reservation stream = budget.reserve(100, "this ClusterStream");
    stream.growTo(700);
    MemoryBudget.Reservation other = budget.reserve(200, "other");
    assertThrows(StatusRuntimeException.class, () -> stream.growTo(900));
    assertEquals(700, stream.held());
    assertEquals(900, budget.reserved());
    stream.close();
    other.close();
    assertEquals(0, budget.reserved());
  }

  @Test
  void humongousArraysAreRoundedToWholeRegions() {
    MemoryCosts g1 = new MemoryCosts(1 << 20, 2);
    assertEquals(2 << 20, g1.array(1_130_000)); // a 1M-char article's shingle set takes 2 MiB
    assertEquals(1016, g1.array(1000));
    assertEquals(1_130_016, new MemoryCosts(0, 2).array(1_130_000));
  }

  @Test
  void shapesBoundTheTokensOfEveryScript() {
    assertEquals(new MemoryCosts.Shape(11, 3, 0), MemoryCosts.Shape.of("hello world"));
    MemoryCosts.Shape cjk = MemoryCosts.Shape.of("東京都");
    assertEquals(4, cjk.tokens());
    assertEquals(3, cjk.wide());
    assertEquals(1, MemoryCosts.Shape.of("").tokens());
    // The bound holds against the real tokenizer on mixed text.
    String mixed = "Die Zeitung 東京 berichtet: 42 Fälle, co-op's ไทย!";
    long real = io.textsim.core.text.Tokenizer.words().tokenize(mixed).size();
    assertTrue(MemoryCosts.Shape.of(mixed).tokens() >= real);
  }

  @Test
  void formatsSizesForPeople() {
    assertEquals("512 bytes", MemoryBudget.format(512));
    assertEquals("1.5 KiB", MemoryBudget.format(1536));
    assertEquals("307 MiB", MemoryBudget.format(307L << 20));
  }
}
