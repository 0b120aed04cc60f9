package io.textsim.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.grpc.Attributes;
import io.grpc.Context;
import io.grpc.Deadline;
import io.grpc.Metadata;
import io.grpc.MethodDescriptor;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.Status;
import io.textsim.core.Durations;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Which deadline a call runs under: the client's when it is the earlier one, else the server's. */
class CallTimeLimitTest {
  private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
  private final CallTimeLimit limit = new CallTimeLimit(Duration.ofSeconds(10), timer);

  @AfterEach
  void stopTimer() {
    timer.shutdownNow();
  }

  /** The context the handler starts the call in. */
  private Context startedIn(Context callContext) throws Exception {
    AtomicReference<Context> seen = new AtomicReference<>();
    ServerCallHandler<String, String> handler =
        (call, headers) -> {
          seen.set(Context.current());
          return new ServerCall.Listener<>() {};
        };
    callContext.call(() -> limit.interceptCall(new NoCall(), new Metadata(), handler));
    return seen.get();
  }

  @Test
  void aCallWithoutADeadlineGetsTheServers() throws Exception {
    Context c = startedIn(Context.ROOT);
    assertEquals(Duration.ofSeconds(10), CallTimeLimit.IMPOSED.get(c));
    long left = c.getDeadline().timeRemaining(TimeUnit.MILLISECONDS);
    assertTrue(left > 9_000 && left <= 10_000, left + " ms left");
  }

  @Test
  void anEarlierClientDeadlineStaysTheClients() throws Exception {
    Context.CancellableContext client =
        Context.ROOT.withDeadline(Deadline.after(2, TimeUnit.SECONDS), timer);
    try {
      Context c = startedIn(client);
      assertNull(CallTimeLimit.IMPOSED.get(c), "the server imposed nothing");
      assertTrue(c.getDeadline().timeRemaining(TimeUnit.MILLISECONDS) <= 2_000);
    } finally {
      client.cancel(null);
    }
  }

  @Test
  void aLaterClientDeadlineIsShortenedToTheServers() throws Exception {
    Context.CancellableContext client =
        Context.ROOT.withDeadline(Deadline.after(1, TimeUnit.HOURS), timer);
    try {
      Context c = startedIn(client);
      assertNotNull(CallTimeLimit.IMPOSED.get(c));
      assertTrue(c.getDeadline().timeRemaining(TimeUnit.MILLISECONDS) <= 10_000);
    } finally {
      client.cancel(null);
    }
  }

  @Test
  void limitsAreDescribedAsTheFlagTakesThem() {
    assertEquals("10m", Durations.format(Duration.ofMinutes(10)));
    assertEquals("90s", Durations.format(Duration.ofSeconds(90)));
    assertEquals("1500ms", Durations.format(Duration.ofMillis(1500)));
    assertEquals("2h", Durations.format(Duration.ofHours(2)));
    assertThrows(
        IllegalArgumentException.class,
        () -> ServerConfig.builder().maxCallTime(Duration.ofNanos(500_000)).build());
    assertThrows(
        IllegalArgumentException.class,
        () -> ServerConfig.builder().maxCallTime(Duration.ofDays(366)).build());
    assertThrows(
        IllegalArgumentException.class,
        () -> ServerConfig.builder().maxCallTime(Duration.ofSeconds(-1)).build());
  }

  /** A call that is never used beyond its start. */
  private static final class NoCall extends ServerCall<String, String> {
    @Override
    public void request(int numMessages) {}

    @Override
    public void sendHeaders(Metadata headers) {}

    @Override
    public void sendMessage(String message) {}

    @Override
    public void close(Status status, Metadata trailers) {}

    @Override
    public boolean isCancelled() {
      return false;
    }

    @Override
    public Attributes getAttributes() {
      return Attributes.EMPTY;
    }

    @Override
    public MethodDescriptor<String, String> getMethodDescriptor() {
      return null;
    }
  }
}
