package io.textsim.cli;

import static io.textsim.cli.Cli.run;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.textsim.server.ServerConfig;
import io.textsim.server.TextsimServer;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Pages and HTML reports in remote mode, against a real server on a loopback port: the same bytes
 * as locally (the CLI extracts a page's text itself, so its passages and the report's texts agree).
 */
class HtmlRemoteModeTest {
  private static TextsimServer server;
  private static String address;

  @BeforeAll
  static void start() throws IOException {
    server = new TextsimServer(ServerConfig.builder().host("127.0.0.1").port(0).build()).start();
    address = "127.0.0.1:" + server.port();
  }

  @AfterAll
  static void stop() throws InterruptedException {
    if (server != null) {
      server.stop(Duration.ofSeconds(1));
    }
  }

  static Stream<List<String>> commands() {
    String a = HtmlInputTest.GAZETTE;
    String b = HtmlInputTest.COURIER;
    return Stream.of(
        List.of("compare", a, b),
        List.of("compare", "--format", "json", a, b),
        List.of("compare", "--format", "html", a, b),
        List.of("compare", "--format", "html", Cli.TEHRAN, Cli.MEHR),
        List.of("cluster", "--format", "html", a, b, Cli.TEHRAN, Cli.MEHR),
        List.of("search", a, b, Cli.TEHRAN));
  }

  @ParameterizedTest
  @MethodSource("commands")
  void remoteIsByteForByteLocal(List<String> command) {
    Cli.Result local = run(command.toArray(String[]::new));
    List<String> remote = new ArrayList<>(command);
    remote.add("--server");
    remote.add(address);
    Cli.Result r = run(remote.toArray(String[]::new));
    local.succeeds();
    assertEquals(local, r);
  }
}
