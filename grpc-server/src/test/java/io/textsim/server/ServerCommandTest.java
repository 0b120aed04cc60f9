package io.textsim.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The command line: flags, environment variables, defaults and exit codes. */
class ServerCommandTest {

  /** The configuration {@code args} and {@code env} describe. */
  static ServerConfig parse(Map<String, String> env, String... args) {
    ServerCommand command = new ServerCommand();
    ServerCommand.commandLine(command, env).parseArgs(args);
    return command.config();
  }

  record Run(int exitCode, String out, String err) {}

  static Run run(Map<String, String> env, String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cli = ServerCommand.commandLine(new ServerCommand(), env);
    cli.setOut(new PrintWriter(out));
    cli.setErr(new PrintWriter(err));
    int code = cli.execute(args);
    return new Run(code, out.toString(), err.toString());
  }

  @Test
  void defaultsListenOnLoopbackPort50051() {
    ServerConfig c = parse(Map.of());
    assertEquals("127.0.0.1", c.host());
    assertEquals(50051, c.port());
    assertEquals(Runtime.getRuntime().availableProcessors(), c.threads());
    assertEquals(ServerConfig.DEFAULT_QUEUE_SIZE, c.queueSize());
    assertEquals(ServerConfig.DEFAULT_MAX_MESSAGE_BYTES, c.maxMessageBytes());
    assertEquals(ServerConfig.DEFAULT_MAX_TEXT_CHARS, c.maxTextChars());
    assertTrue(c.reflection());
    assertFalse(c.tls());
    assertEquals(Duration.ofSeconds(30), c.gracePeriod());
    assertEquals(Duration.ofMinutes(10), c.maxCallTime());
    assertEquals(
        ServerConfig.defaults().toBuilder()
            .threads(c.threads())
            .memoryBudget(c.memoryBudget())
            .build(),
        c);
  }

  @Test
  void flagsSetEverySetting() {
    ServerConfig c =
        parse(
            Map.of(),
            "--host=0.0.0.0",
            "--port=6000",
            "--threads=3",
            "--queue-size=0",
            "--max-message-bytes=1048576",
            "--max-text-chars=5000",
            "--max-documents=7",
            "--max-stream-chars=9000",
            "--tls-cert=cert.pem",
            "--tls-key=key.pem",
            "--tls-client-ca=ca.pem",
            "--no-reflection",
            "--grace-period=500ms",
            "--max-call-time=90s");
    assertEquals("0.0.0.0", c.host());
    assertEquals(6000, c.port());
    assertEquals(3, c.threads());
    assertEquals(0, c.queueSize());
    assertEquals(1048576, c.maxMessageBytes());
    assertEquals(5000, c.maxTextChars());
    assertEquals(7, c.maxDocuments());
    assertEquals(9000, c.maxStreamChars());
    assertEquals(Optional.of(Path.of("cert.pem")), c.tlsCert());
    assertEquals(Optional.of(Path.of("key.pem")), c.tlsKey());
    assertEquals(Optional.of(Path.of("ca.pem")), c.tlsClientCa());
    assertFalse(c.reflection());
    assertEquals(Duration.ofMillis(500), c.gracePeriod());
    assertEquals(Duration.ofSeconds(90), c.maxCallTime());
  }

  @Test
  void environmentVariablesSetDefaultsAndFlagsWin() {
    Map<String, String> env =
        Map.of(
            "TEXTSIM_PORT", "7000",
            "TEXTSIM_HOST", "::1",
            "TEXTSIM_MAX_TEXT_CHARS", "123",
            "TEXTSIM_REFLECTION", "false",
            "TEXTSIM_GRACE_PERIOD", "2m",
            "TEXTSIM_MAX_CALL_TIME", "0",
            "TEXTSIM_TLS_CERT", "/etc/cert.pem",
            "TEXTSIM_TLS_KEY", "/etc/key.pem");
    ServerConfig fromEnv = parse(env);
    assertEquals(7000, fromEnv.port());
    assertEquals("::1", fromEnv.host());
    assertEquals(123, fromEnv.maxTextChars());
    assertFalse(fromEnv.reflection());
    assertEquals(Duration.ofMinutes(2), fromEnv.gracePeriod());
    assertEquals(Duration.ZERO, fromEnv.maxCallTime(), "0: no limit");
    assertEquals(Optional.of(Path.of("/etc/cert.pem")), fromEnv.tlsCert());

    ServerConfig flagsWin = parse(env, "--port", "7001", "--reflection");
    assertEquals(7001, flagsWin.port());
    assertTrue(flagsWin.reflection());
    assertEquals(123, flagsWin.maxTextChars());
  }

  @Test
  void helpListsTheFlagsAndTheEnvironmentRule() {
    Run r = run(Map.of(), "--help");
    assertEquals(0, r.exitCode());
    for (String flag :
        new String[] {
          "--port",
          "--host",
          "--threads",
          "--max-message-bytes",
          "--max-text-chars",
          "--tls-cert",
          "--tls-key",
          "--tls-client-ca",
          "--[no-]reflection",
          "--grace-period",
          "--max-call-time",
          "TEXTSIM_PORT"
        }) {
      assertTrue(r.out().contains(flag), flag + " missing from:\n" + r.out());
    }
  }

  @Test
  void badFlagsAreUsageErrors() {
    assertEquals(2, run(Map.of(), "--port=notanumber").exitCode());
    assertEquals(2, run(Map.of(), "--grace-period=soon").exitCode());
    assertEquals(2, run(Map.of(), "--max-call-time=-5s").exitCode());
    assertEquals(2, run(Map.of(), "--max-call-time=PT0.0005S").exitCode());
    Run keyOnly = run(Map.of(), "--port=0", "--tls-key=key.pem");
    assertEquals(2, keyOnly.exitCode());
    assertTrue(
        keyOnly.err().contains("--tls-cert and --tls-key must be given together"), keyOnly.err());
    Run threads = run(Map.of(), "--port=0", "--threads=-1");
    assertEquals(2, threads.exitCode());
    assertTrue(threads.err().contains("threads must be >= 1"), threads.err());
  }

  @Test
  void flagErrorsNameTheFlagsAndPointToHelpWithoutTheWholeUsage() {
    Run keyOnly = run(Map.of(), "--port=0", "--tls-key=key.pem");
    assertEquals(2, keyOnly.exitCode());
    assertEquals(
        List.of(
            "textsim-server: --tls-cert and --tls-key must be given together",
            "Try 'textsim-server --help' for the flags."),
        keyOnly.err().lines().toList());
    Run caOnly = run(Map.of(), "--port=0", "--tls-client-ca=ca.pem");
    assertTrue(
        caOnly
            .err()
            .startsWith(
                "textsim-server: --tls-client-ca (mutual TLS) needs --tls-cert and --tls-key"),
        caOnly.err());
    Run queue = run(Map.of(), "--port=0", "--queue-size=-1");
    assertTrue(
        queue.err().startsWith("textsim-server: --queue-size must be >= 0, got -1"), queue.err());
    Run typo = run(Map.of(), "--prot=1");
    assertEquals(2, typo.exitCode());
    assertTrue(typo.err().startsWith("textsim-server: Unknown option: '--prot=1'"), typo.err());
    assertTrue(typo.err().lines().count() <= 5, typo.err());
    assertFalse(typo.err().contains("--max-text-chars"), "no usage: " + typo.err());
  }

  @Test
  void anAddressInUseExitsWithOneAndSaysWhy() throws Exception {
    try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
      Run r = run(Map.of(), "--host=127.0.0.1", "--port=" + taken.getLocalPort());
      assertEquals(1, r.exitCode());
      assertTrue(r.err().contains("cannot listen on 127.0.0.1:" + taken.getLocalPort()), r.err());
    }
  }

  @Test
  void unreadableTlsFilesExitWithOne(@TempDir Path dir) {
    Run r =
        run(
            Map.of(),
            "--port=0",
            "--tls-cert=" + dir.resolve("missing.pem"),
            "--tls-key=" + dir.resolve("missing.key"));
    assertEquals(1, r.exitCode());
    assertTrue(r.err().contains("TLS"), r.err());
  }

  /** The one line a refused TLS set-up prints: the flag, the file, the reason, no stack trace. */
  private static String refusal(Run r) {
    assertEquals(1, r.exitCode(), r.err());
    assertEquals(1, r.err().lines().count(), r.err());
    assertFalse(r.err().contains("Exception"), r.err());
    return r.err().strip();
  }

  @Test
  void aKeyThatIsNotTheCertificatesStopsTheServerNamingBothFiles(@TempDir Path dir)
      throws Exception {
    TestPki pki = TestPki.create(dir);
    String line =
        refusal(
            run(
                Map.of(),
                "--port=0",
                "--tls-cert=" + pki.serverCert(),
                "--tls-key=" + pki.clientKey()));
    assertEquals(
        "textsim-server: cannot start TLS: --tls-key "
            + pki.clientKey()
            + ": not the private key of the certificate in "
            + pki.serverCert()
            + " (they do not match)",
        line);
  }

  @Test
  void aPkcs1KeyIsRefusedWithTheCommandThatConvertsIt(@TempDir Path dir) throws Exception {
    TestPki pki = TestPki.create(dir);
    Path rsa = dir.resolve("rsa.key");
    TestPki.writePkcs1RsaKey(rsa);
    String line =
        refusal(run(Map.of(), "--port=0", "--tls-cert=" + pki.serverCert(), "--tls-key=" + rsa));
    assertTrue(line.startsWith("textsim-server: cannot start TLS: --tls-key " + rsa), line);
    assertTrue(line.contains("PKCS#1"), line);
    assertTrue(line.contains("openssl pkcs8 -topk8 -nocrypt -in key.pem -out key-pkcs8.pem"), line);
  }

  @Test
  void aClientCaThatHoldsNoCertificateStopsTheServer(@TempDir Path dir) throws Exception {
    TestPki pki = TestPki.create(dir);
    String line =
        refusal(
            run(
                Map.of(),
                "--port=0",
                "--tls-cert=" + pki.serverCert(),
                "--tls-key=" + pki.serverKey(),
                "--tls-client-ca=" + pki.serverKey()));
    assertTrue(
        line.startsWith("textsim-server: cannot start TLS: --tls-client-ca " + pki.serverKey()),
        line);
  }

  @Test
  void aCertificateFileThatIsAKeyStopsTheServer(@TempDir Path dir) throws Exception {
    TestPki pki = TestPki.create(dir);
    String line =
        refusal(
            run(
                Map.of(),
                "--port=0",
                "--tls-cert=" + pki.serverKey(),
                "--tls-key=" + pki.serverKey()));
    assertTrue(
        line.startsWith("textsim-server: cannot start TLS: --tls-cert " + pki.serverKey()), line);
  }

  @Test
  void durationsParse() {
    ServerCommand.DurationConverter c = new ServerCommand.DurationConverter();
    assertEquals(Duration.ofSeconds(30), c.convert("30s"));
    assertEquals(Duration.ofSeconds(45), c.convert("45"));
    assertEquals(Duration.ofMillis(250), c.convert("250ms"));
    assertEquals(Duration.ofHours(1), c.convert("1h"));
    assertEquals(Duration.ofSeconds(90), c.convert("PT1M30S"));
  }

  @Test
  void durationFlagsShareOneGrammarAndErrorsNameTheFlagAndTheValue() {
    ServerConfig c = parse(Map.of(), "--grace-period=1.5s", "--max-call-time=7d");
    assertEquals(Duration.ofMillis(1500), c.gracePeriod());
    assertEquals(Duration.ofDays(7), c.maxCallTime());
    assertEquals(Duration.ofSeconds(30), parse(Map.of(), "--grace-period=PT30S").gracePeriod());
    assertEquals(Duration.ofSeconds(45), parse(Map.of(), "--max-call-time=45").maxCallTime());

    Run soon = run(Map.of(), "--grace-period=soon");
    assertEquals(2, soon.exitCode());
    assertTrue(
        soon.err().contains("'--grace-period': 'soon' is not a duration; use e.g. 500ms"),
        soon.err());
    Run tooShort = run(Map.of(), "--max-call-time=PT0.0005S");
    assertTrue(
        tooShort
            .err()
            .contains(
                "'--max-call-time': 'PT0.0005S' is out of range; the duration must be 0 (no limit)"
                    + " or between 1ms and 365d"),
        tooShort.err());
    Run tooLong = run(Map.of(), "--grace-period=400d");
    assertEquals(2, tooLong.exitCode());
    assertTrue(
        tooLong.err().contains("'400d' is out of range; the duration must be between 0s and 365d"),
        tooLong.err());
  }
}
