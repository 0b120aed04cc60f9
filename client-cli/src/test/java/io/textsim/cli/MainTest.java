package io.textsim.cli;

import static io.textsim.cli.Cli.run;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** --help and --version everywhere, the help subcommand, no subcommand. */
class MainTest {
  @ParameterizedTest
  @ValueSource(strings = {"", "compare", "cluster", "search", "health"})
  void versionEverywhere(String sub) {
    String[] args = sub.isEmpty() ? new String[] {"--version"} : new String[] {sub, "--version"};
    String out = run(args).succeeds();
    assertTrue(out.startsWith("client-cli "), out);
    assertTrue(out.contains("Java "), out);
    assertTrue(!out.startsWith("client-cli unknown"), out);
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "compare", "cluster", "search", "health"})
  void helpEverywhere(String sub) {
    String[] args = sub.isEmpty() ? new String[] {"--help"} : new String[] {sub, "--help"};
    String out = run(args).succeeds();
    assertTrue(out.startsWith("Usage: client-cli" + (sub.isEmpty() ? "" : " " + sub)), out);
    assertTrue(out.contains("--help"), out);
    assertTrue(out.contains("--version"), out);
  }

  @Test
  void topHelpListsCommandsAndExitCodes() {
    String out = run("--help").succeeds();
    for (String s :
        new String[] {"compare", "cluster", "search", "health", "help", "Exit codes:"}) {
      assertTrue(out.contains(s), s + " missing:\n" + out);
    }
  }

  @Test
  void helpSubcommand() {
    assertTrue(run("help", "cluster").succeeds().startsWith("Usage: client-cli cluster"));
  }

  @Test
  void compareHelpShowsDefaults() {
    String out = run("compare", "--help").succeeds();
    assertTrue(out.contains("(default: 0.5)"), out);
    assertTrue(out.contains("text, json (default: text)"), out);
    assertTrue(out.contains("(default: 4)"), out);
    assertTrue(out.contains("10MB)"), out);
  }

  @Test
  void noSubcommandIsAUsageError() {
    assertTrue(run().isUsageError().startsWith("client-cli: Missing subcommand"), run().err());
  }
}
