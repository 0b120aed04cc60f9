package io.textsim.cli;

import static io.textsim.cli.Cli.MEHR;
import static io.textsim.cli.Cli.TEHRAN;
import static io.textsim.cli.Cli.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.textsim.server.ServerConfig;
import io.textsim.server.TextsimServer;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Remote mode against a real textsim server on a loopback port: every command prints the same
 * bytes, on stdout and stderr, with the same exit code, as it does locally. Also the remote
 * failures: unreachable server, deadline, a server-side limit, health.
 */
class RemoteModeTest {
  @TempDir static Path dir;

  private static TextsimServer server;
  private static String address;

  private static Path corpus;
  private static Path jsonl;
  private static Path empty;

  @BeforeAll
  static void start() throws IOException {
    server = new TextsimServer(ServerConfig.builder().host("127.0.0.1").port(0).build()).start();
    address = "127.0.0.1:" + server.port();

    String tehran = Files.readString(Path.of(TEHRAN), StandardCharsets.UTF_8);
    corpus = dir.resolve("corpus");
    Files.createDirectories(corpus.resolve("sub"));
    Files.writeString(corpus.resolve("tehran.txt"), tehran, StandardCharsets.UTF_8);
    Files.copy(Path.of(MEHR), corpus.resolve("sub/mehr.txt"));
    Files.writeString(
        corpus.resolve("half.txt"), tehran.substring(0, 1600), StandardCharsets.UTF_8);
    Files.writeString(corpus.resolve("fox.txt"), "The quick brown fox jumps over the lazy dog.");
    Files.writeString(corpus.resolve("blank.txt"), " \n");
    jsonl = dir.resolve("docs.jsonl");
    StringBuilder lines = new StringBuilder();
    int i = 0;
    for (String text :
        List.of(tehran, Files.readString(Path.of(MEHR)), "one two three four five")) {
      lines.append("{\"id\": \"doc-").append(i++).append("\", \"text\": ");
      lines.append(new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(text));
      lines.append("}\n");
    }
    Files.writeString(jsonl, lines, StandardCharsets.UTF_8);
    empty = dir.resolve("empty.txt");
    Files.writeString(empty, "");
  }

  @AfterAll
  static void stop() throws InterruptedException {
    if (server != null) {
      server.stop(Duration.ofSeconds(1));
    }
  }

  private static final String OUTLETS = Path.of("..", "examples", "outlets").toString();

  static Stream<List<String>> commands() {
    String q = corpus.resolve("tehran.txt").toString();
    String c = corpus.toString();
    return Stream.of(
        List.of("compare", TEHRAN, MEHR),
        List.of("compare", "--format", "json", TEHRAN, MEHR),
        List.of("compare", "--explain", TEHRAN, MEHR),
        List.of("compare", "--format=json", "--measures", "all", TEHRAN, MEHR),
        List.of("compare", "--measures", "cosine,levenshtein", "--shingle-size", "3", TEHRAN, MEHR),
        List.of("compare", "--threshold", "0.99", "--format", "json", TEHRAN, MEHR),
        List.of("compare", "--format", "json", empty.toString(), TEHRAN),
        List.of("compare", "--format", "json", empty.toString(), empty.toString()),
        // Half of a text in the whole: the verdict's containment clause, either way round.
        List.of("compare", "--threshold", "0.9", corpus.resolve("half.txt").toString(), q),
        List.of("compare", "--threshold", "0.9", q, corpus.resolve("half.txt").toString()),
        List.of("cluster", c),
        List.of("cluster", "--format", "json", c),
        List.of("cluster", "--format", "csv", "--measure", "overlap", "--linkage", "average", c),
        List.of("cluster", "--format", "json", "--measure", "cosine", "--threshold", "0.3", c),
        List.of("cluster", "--format", "json", "--jsonl", jsonl.toString()),
        List.of("search", "@" + q, c),
        List.of("search", "--format", "json", "--top", "2", "--min-score", "0.1", "@" + q, c),
        List.of("search", "--format", "csv", "--measure", "cosine", "@" + q, c),
        List.of("search", "--measure", "containment_b_in_a", "@" + q, c),
        List.of("search", "--measure", "containment_a_in_b", "@" + q, c),
        List.of("search", "--format", "json", "--jsonl", jsonl.toString(), "@" + q),
        List.of("search", "--format", "json", "tenants fear eviction", c),
        List.of("search", "--format", "json", "--measure", "containment_a_in_b", "the talks", c),
        List.of("compare", "--format", "json", TEHRAN, MEHR, "--furniture-from", OUTLETS),
        List.of("compare", TEHRAN, MEHR, "--furniture-from", OUTLETS));
  }

  @ParameterizedTest
  @MethodSource("commands")
  void remoteOutputEqualsLocalOutput(List<String> args) {
    Cli.Result local = run(args.toArray(new String[0]));
    List<String> remoteArgs = new ArrayList<>(args);
    remoteArgs.add(1, "--server=" + address);
    Cli.Result remote = run(remoteArgs.toArray(new String[0]));
    assertEquals(Main.OK, local.code(), local.err());
    assertEquals(local.out(), remote.out());
    assertEquals(local.err(), remote.err());
    assertEquals(local.code(), remote.code());
  }

  @Test
  void badInputFailsTheSameWayBeforeAnythingIsSent() throws IOException {
    Path bin = dir.resolve("bin.dat");
    Files.write(bin, new byte[] {1, 2, 0, 4});
    Cli.Result local = run("compare", bin.toString(), TEHRAN);
    Cli.Result remote = run("compare", "--server", address, bin.toString(), TEHRAN);
    assertEquals(local, remote);
    local.failsWithOneLine();
  }

  @Test
  void health() {
    assertEquals(address + ": SERVING\n", run("health", "--server", address).succeeds());
    assertEquals(
        address + " textsim.v1.SimilarityService: SERVING\n",
        run("health", "--server", address, "--service", "textsim.v1.SimilarityService").succeeds());
    String err =
        run("health", "--server", address, "--service", "no.such.Service").failsWithOneLine();
    assertTrue(err.startsWith("client-cli: server " + address + ": not found: "), err);
  }

  @Test
  void unreachableServer() throws IOException {
    int port;
    try (ServerSocket s = new ServerSocket(0)) {
      port = s.getLocalPort();
    }
    String err = run("compare", "--server", "127.0.0.1:" + port, TEHRAN, MEHR).failsWithOneLine();
    assertTrue(
        err.startsWith("client-cli: cannot reach the server at 127.0.0.1:" + port + ": "), err);
    assertTrue(err.endsWith("(is it running? bin/textsim-server starts one)"), err);
    assertTrue(
        run("health", "--server", "127.0.0.1:" + port)
            .failsWithOneLine()
            .startsWith("client-cli: cannot reach the server"));
  }

  @Test
  void deadlineExceeded() throws IOException {
    // Two long unlike texts: the exact edit distance takes far longer than 1 ms.
    Path a = dir.resolve("long-a.txt");
    Path b = dir.resolve("long-b.txt");
    Files.writeString(a, letters(1, 300_000));
    Files.writeString(b, letters(2, 300_000));
    String remote =
        run(
                "compare",
                "--server",
                address,
                "--deadline",
                "1ms",
                "--measures",
                "levenshtein",
                a.toString(),
                b.toString())
            .failsWithOneLine();
    assertEquals(
        "client-cli: deadline exceeded: no answer from " + address + " within --deadline 1ms",
        remote);
    String local =
        run(
                "compare",
                "--deadline",
                "20ms",
                "--measures",
                "levenshtein",
                a.toString(),
                b.toString())
            .failsWithOneLine();
    assertEquals("client-cli: deadline exceeded: the work took longer than --deadline 20ms", local);
  }

  private static String letters(long seed, int n) {
    java.util.Random r = new java.util.Random(seed);
    char[] out = new char[n];
    for (int i = 0; i < n; i++) {
      out[i] = i % 7 == 6 ? ' ' : (char) ('a' + r.nextInt(26));
    }
    return new String(out);
  }

  @Test
  void serverSideLimitIsOneLineNamingTheField() throws IOException, InterruptedException {
    TextsimServer small =
        new TextsimServer(
                ServerConfig.builder()
                    .host("127.0.0.1")
                    .port(0)
                    .maxTextChars(1000)
                    .maxMessageBytes(8192)
                    .build())
            .start();
    try {
      String err =
          run("compare", "--server", "127.0.0.1:" + small.port(), TEHRAN, MEHR).failsWithOneLine();
      assertTrue(
          err.startsWith(
              "client-cli: server 127.0.0.1:" + small.port() + " rejected the request: "),
          err);
      assertTrue(err.contains("a.text"), err);
      // A request over the server's message size limit.
      String big =
          run(
                  "search",
                  "--server",
                  "127.0.0.1:" + small.port(),
                  "@" + TEHRAN,
                  MEHR,
                  corpus.resolve("tehran.txt").toString(),
                  corpus.resolve("half.txt").toString())
              .failsWithOneLine();
      assertTrue(
          big.startsWith(
              "client-cli: server 127.0.0.1:" + small.port() + " refused the request as too large"),
          big);
    } finally {
      small.stop(Duration.ofSeconds(1));
    }
  }

  @Test
  void tlsAndMutualTls() throws Exception {
    Pem serverPem = Pem.selfSigned(dir.resolve("server"), "localhost");
    Pem clientPem = Pem.selfSigned(dir.resolve("client"), "client");
    TextsimServer tls =
        new TextsimServer(
                ServerConfig.builder()
                    .host("127.0.0.1")
                    .port(0)
                    .tls(serverPem.cert(), serverPem.key())
                    .tlsClientCa(clientPem.cert())
                    .build())
            .start();
    try {
      String at = "127.0.0.1:" + tls.port();
      List<String> args =
          List.of(
              "compare",
              "--server",
              at,
              "--tls-ca",
              serverPem.cert().toString(),
              "--tls-cert",
              clientPem.cert().toString(),
              "--tls-key",
              clientPem.key().toString(),
              "--format",
              "json",
              TEHRAN,
              MEHR);
      assertEquals(
          run("compare", "--format", "json", TEHRAN, MEHR).succeeds(),
          run(args.toArray(new String[0])).succeeds());
      // Without the client certificate the server refuses the handshake.
      String err =
          run("compare", "--server", at, "--tls-ca", serverPem.cert().toString(), TEHRAN, MEHR)
              .failsWithOneLine();
      assertTrue(err.startsWith("client-cli: cannot reach the server at " + at), err);
      // Plaintext to a TLS port fails in one line too.
      assertTrue(
          run("compare", "--server", at, TEHRAN, MEHR)
              .failsWithOneLine()
              .startsWith("client-cli: "));
    } finally {
      tls.stop(Duration.ofSeconds(1));
    }
  }

  @Test
  void aClientKeyThatIsNotItsCertificatesIsReportedAsSuch() throws Exception {
    Pem one = Pem.selfSigned(dir.resolve("one"), "one");
    Pem other = Pem.selfSigned(dir.resolve("other"), "other");
    String err =
        run(
                "compare",
                "--server",
                address,
                "--tls-ca",
                one.cert().toString(),
                "--tls-cert",
                one.cert().toString(),
                "--tls-key",
                other.key().toString(),
                TEHRAN,
                MEHR)
            .failsWithOneLine();
    assertEquals(
        "client-cli: "
            + other.key()
            + ": not the private key of the certificate in "
            + one.cert()
            + " (they do not match)",
        err);
  }

  @Test
  void unreadableTlsFilesAreNamed() {
    String missing = dir.resolve("missing-ca.pem").toString();
    String err =
        run("compare", "--server", address, "--tls-ca", missing, TEHRAN, MEHR).failsWithOneLine();
    assertTrue(err.startsWith("client-cli: " + missing + ": not a usable PEM CA file: "), err);
  }

  /** A self-signed certificate and its key as PEM files, made with the JDK's keytool. */
  record Pem(Path cert, Path key) {
    static Pem selfSigned(Path base, String cn) throws Exception {
      Path store = Path.of(base + ".p12");
      char[] password = "changeit".toCharArray();
      Process p =
          new ProcessBuilder(
                  Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                  "-genkeypair",
                  "-alias",
                  "k",
                  "-keyalg",
                  "EC",
                  "-groupname",
                  "secp256r1",
                  "-dname",
                  "CN=" + cn,
                  "-ext",
                  "SAN=dns:localhost,ip:127.0.0.1",
                  "-validity",
                  "2",
                  "-keystore",
                  store.toString(),
                  "-storetype",
                  "PKCS12",
                  "-storepass",
                  new String(password))
              .redirectErrorStream(true)
              .start();
      String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertEquals(0, p.waitFor(), output);
      java.security.KeyStore ks = java.security.KeyStore.getInstance("PKCS12");
      try (var in = Files.newInputStream(store)) {
        ks.load(in, password);
      }
      Path cert = Path.of(base + "-cert.pem");
      Path key = Path.of(base + "-key.pem");
      Files.writeString(cert, pem("CERTIFICATE", ks.getCertificate("k").getEncoded()));
      Files.writeString(key, pem("PRIVATE KEY", ks.getKey("k", password).getEncoded()));
      return new Pem(cert, key);
    }

    private static String pem(String type, byte[] der) {
      String body =
          java.util.Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
              .encodeToString(der);
      return "-----BEGIN " + type + "-----\n" + body + "\n-----END " + type + "-----\n";
    }
  }
}
