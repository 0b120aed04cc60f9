package io.textsim.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The metrics flags of {@code textsim-server}: off by default, flag or variable, bad values. */
class MetricsOptionsTest {

  private static MetricsOptions parse(Map<String, String> env, String... args) {
    ServerCommand command = new ServerCommand();
    ServerCommand.commandLine(command, env).parseArgs(args);
    return command.metrics;
  }

  @Test
  void offByDefaultOnLoopbackWhenAsked() throws Exception {
    MetricsOptions none = parse(Map.of());
    assertTrue(none.open().isEmpty());
    assertEquals("127.0.0.1", none.host);

    assertEquals(9464, parse(Map.of(), "--metrics-port", "9464").port);
    assertEquals(0, parse(Map.of("TEXTSIM_METRICS_PORT", "0")).port);
    assertEquals(
        "0.0.0.0", parse(Map.of("TEXTSIM_METRICS_HOST", "0.0.0.0"), "--metrics-port", "1").host);
    assertEquals(7, parse(Map.of("TEXTSIM_METRICS_PORT", "0"), "--metrics-port", "7").port);
  }

  @Test
  void aPortOutsideTheRangeIsAUsageError() {
    ServerCommandTest.Run run = ServerCommandTest.run(Map.of(), "--metrics-port", "70000");
    assertEquals(2, run.exitCode());
    assertTrue(run.err().contains("'70000' is not a port: use 0..65535"), run.err());
    run = ServerCommandTest.run(Map.of(), "--metrics-port", "http");
    assertEquals(2, run.exitCode());
    assertTrue(run.err().contains("'http' is not a port number"), run.err());
  }

  @Test
  void aTakenMetricsPortStopsTheServerFromStarting() throws Exception {
    try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
      ServerCommandTest.Run run =
          ServerCommandTest.run(
              Map.of(), "--port", "0", "--metrics-port", "" + taken.getLocalPort());
      assertEquals(1, run.exitCode());
      assertTrue(
          run.err()
              .startsWith(
                  "textsim-server: cannot serve metrics on 127.0.0.1:" + taken.getLocalPort()),
          run.err());
    }
  }
}
