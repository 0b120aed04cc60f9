package io.textsim.cli;

import static io.textsim.cli.Cli.MEHR;
import static io.textsim.cli.Cli.TEHRAN;
import static io.textsim.cli.Cli.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Every bad input of the README's exit codes (its "Command line" section): exit code 1 and one line
 * on stderr naming the file and the problem, or exit code 2 for bad option values; never a stack
 * trace.
 */
class BadInputTest {
  @TempDir Path dir;

  @Test
  void missingFile() {
    String missing = dir.resolve("nope.txt").toString();
    assertEquals(
        "client-cli: " + missing + ": no such file or directory",
        run("compare", TEHRAN, missing).failsWithOneLine());
  }

  @Test
  void directoryWhereAFileIsExpected() {
    assertEquals(
        "client-cli: " + dir + ": is a directory, expected a file",
        run("compare", dir.toString(), TEHRAN).failsWithOneLine());
    assertEquals(
        "client-cli: " + dir + ": is a directory, expected a file",
        run("search", "@" + dir, TEHRAN).failsWithOneLine());
  }

  @Test
  void invalidUtf8GivesTheByteOffset() throws IOException {
    Path latin1 = dir.resolve("latin1.txt");
    Files.write(latin1, "Caf\u00e9 au lait".getBytes(StandardCharsets.ISO_8859_1));
    String err = run("compare", latin1.toString(), TEHRAN).failsWithOneLine();
    assertTrue(
        err.startsWith("client-cli: " + latin1 + ": invalid UTF-8 at byte offset 3 (0xE9);"), err);
  }

  @Test
  void invalidUtf8LaterInAFileGivesItsOffset() throws IOException {
    Path bad = dir.resolve("bad.txt");
    byte[] ok = "x".repeat(70_000).getBytes(StandardCharsets.UTF_8);
    byte[] bytes = new byte[ok.length + 2];
    System.arraycopy(ok, 0, bytes, 0, ok.length);
    bytes[ok.length] = (byte) 0xC3; // a lead byte followed by a non-continuation byte
    bytes[ok.length + 1] = (byte) 0x28;
    Files.write(bad, bytes);
    String err = run("compare", TEHRAN, bad.toString()).failsWithOneLine();
    assertTrue(err.contains(bad + ": invalid UTF-8 at byte offset 70000 (0xC3)"), err);
  }

  @Test
  void danglingLinksAndLinkLoopsInAClusterDirectoryAreNotedAndSkipped() throws IOException {
    Path articles = Files.createDirectory(dir.resolve("articles"));
    Files.copy(Path.of(TEHRAN), articles.resolve("a.txt"));
    Files.copy(Path.of(MEHR), articles.resolve("b.txt"));
    Path dangling = Files.createSymbolicLink(articles.resolve("c.txt"), dir.resolve("gone.txt"));
    Path loop = articles.resolve("d.txt");
    Files.createSymbolicLink(loop, articles.resolve("e.txt"));
    Files.createSymbolicLink(articles.resolve("e.txt"), loop);
    Cli.Result r = run("cluster", "--format", "csv", articles.toString());
    r.succeeds();
    List<String> notes = r.err().lines().toList();
    assertTrue(
        notes.contains(
            "client-cli: note: "
                + dangling
                + ": skipped, a dangling symbolic link ("
                + dir.resolve("gone.txt")
                + " does not exist)"),
        r.err());
    assertTrue(
        notes.contains("client-cli: note: " + loop + ": skipped, a symbolic link loop"), r.err());
    assertTrue(
        notes.contains(
            "client-cli: note: " + articles.resolve("e.txt") + ": skipped, a symbolic link loop"),
        r.err());
    assertEquals(3, notes.size(), r.err());
    assertTrue(r.out().contains(articles.resolve("a.txt").toString()), r.out());
    assertTrue(r.out().contains(articles.resolve("b.txt").toString()), r.out());
    assertFalse(r.out().contains("c.txt"), r.out());
  }

  private static boolean mkfifo(Path path) {
    try {
      Process p = new ProcessBuilder("mkfifo", path.toString()).redirectErrorStream(true).start();
      return p.waitFor() == 0 && Files.exists(path);
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  @Test
  void aNamedPipeIsRefusedInsteadOfWaitedOn() throws IOException {
    Path fifo = dir.resolve("pipe");
    Assumptions.assumeTrue(mkfifo(fifo), "mkfifo is not available");
    // No process writes to the pipe: opening it for reading would block for ever.
    assertEquals(
        "client-cli: "
            + fifo
            + ": is not a regular file (a named pipe); to read a pipe, give - and redirect it",
        run("compare", fifo.toString(), TEHRAN).failsWithOneLine());
    assertEquals(
        "client-cli: "
            + fifo
            + ": is not a regular file (a named pipe); to read a pipe, give - and redirect it",
        run("cluster", fifo.toString(), TEHRAN).failsWithOneLine());

    Path articles = Files.createDirectory(dir.resolve("with-pipe"));
    Files.copy(Path.of(TEHRAN), articles.resolve("a.txt"));
    Files.copy(Path.of(MEHR), articles.resolve("b.txt"));
    Path inside = articles.resolve("p");
    Assumptions.assumeTrue(mkfifo(inside));
    Cli.Result r = run("cluster", "--format", "csv", articles.toString());
    r.succeeds();
    assertEquals(
        "client-cli: note: " + inside + ": skipped, a named pipe, not a regular file",
        r.err().strip());
  }

  @Test
  void aJsonlIdThatIsAnIntegerIsReadAsItsDecimalString() {
    String big = "12345678901234567890"; // beyond a long: still its digits, not a rounded double
    String out =
        Cli.runWithStdin(
                "{\"id\": "
                    + big
                    + ", \"text\": \"one two three four\"}\n"
                    + "{\"id\": -4, \"text\": \"five six seven eight\"}\n",
                "cluster",
                "--format",
                "csv",
                "--jsonl",
                "-")
            .succeeds();
    assertTrue(out.contains(big), out);
    assertTrue(out.contains("-4"), out);
    assertEquals(
        "client-cli: <stdin> line 2: duplicate id \"17\" (first on line 1)",
        Cli.runWithStdin(
                "{\"id\": 17, \"text\": \"a\"}\n{\"id\": \"17\", \"text\": \"b\"}\n",
                "cluster",
                "--jsonl",
                "-")
            .failsWithOneLine());
    assertEquals(
        "client-cli: <stdin> line 1: \"id\" must be a string or an integer",
        Cli.runWithStdin("{\"id\": 1.5, \"text\": \"a\"}\n", "cluster", "--jsonl", "-")
            .failsWithOneLine());
  }

  @Test
  void binaryFile() throws IOException {
    Path bin = dir.resolve("image.png");
    Files.write(bin, new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13});
    assertEquals(
        "client-cli: " + bin + ": binary file (NUL byte at byte offset 8), expected UTF-8 text",
        run("compare", bin.toString(), TEHRAN).failsWithOneLine());
  }

  @ParameterizedTest
  @CsvSource({"UTF-16LE, FF FE", "UTF-16BE, FE FF"})
  void utf16WithByteOrderMark(String charset, String bom) throws IOException {
    Path p = dir.resolve("utf16.txt");
    byte[] text = "Hello world".getBytes(java.nio.charset.Charset.forName(charset));
    byte[] bytes = new byte[text.length + 2];
    bytes[0] = (byte) Integer.parseInt(bom.substring(0, 2), 16);
    bytes[1] = (byte) Integer.parseInt(bom.substring(3, 5), 16);
    System.arraycopy(text, 0, bytes, 2, text.length);
    Files.write(p, bytes);
    assertEquals(
        "client-cli: "
            + p
            + ": UTF-16 text (byte order mark "
            + bom
            + "), expected UTF-8; convert it, e.g. iconv -f UTF-16 -t UTF-8",
        run("compare", TEHRAN, p.toString()).failsWithOneLine());
  }

  @Test
  void utf16WithoutByteOrderMark() throws IOException {
    Path p = dir.resolve("utf16.txt");
    Files.write(p, "Hello world, how are you".getBytes(StandardCharsets.UTF_16LE));
    String err = run("compare", TEHRAN, p.toString()).failsWithOneLine();
    assertTrue(err.startsWith("client-cli: " + p + ": looks like UTF-16 text"), err);
  }

  @Test
  void tooLargeSaysTheLimitAndHowToRaiseIt() {
    String err = run("compare", "--max-bytes", "1KB", TEHRAN, MEHR).failsWithOneLine();
    assertEquals(
        "client-cli: "
            + TEHRAN
            + ": file is 3162 bytes, over the limit of 1000 bytes; raise it with --max-bytes (e.g."
            + " --max-bytes 1MB)",
        err);
  }

  @Test
  void tooLargeOnStandardInput() {
    String err =
        Cli.runWithStdin("x".repeat(2000), "compare", "--max-bytes", "1000", "-", TEHRAN)
            .failsWithOneLine();
    assertTrue(err.startsWith("client-cli: -: input is over the limit of 1000 bytes;"), err);
  }

  @Test
  void standardInputTwice() {
    String err = Cli.runWithStdin("x", "compare", "-", "-").failsWithOneLine();
    assertEquals("client-cli: standard input (-) can be read only once", err);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "--threshold|1.5|Invalid value for option '--threshold': '1.5' is not in [0, 1]",
        "--threshold|-0.1|Invalid value for option '--threshold': '-0.1' is not in [0, 1]",
        "--threshold|NaN|Invalid value for option '--threshold': 'NaN' is not in [0, 1]",
        "--threshold|abc|Invalid value for option '--threshold': 'abc' is not a number",
        "--shingle-size|0|Invalid value for option '--shingle-size': '0' must be between 1"
            + " and 64",
        "--shingle-size|65|Invalid value for option '--shingle-size': '65' must be between 1"
            + " and 64",
        "--max-bytes|0|Invalid value for option '--max-bytes': '0' is out of range",
        "--max-bytes|lots|Invalid value for option '--max-bytes': 'lots' is not a size",
        "--format|csv|Invalid value for option '--format': 'csv' is not one of text, json",
        "--measures|jacard|Invalid value for option '--measures': unknown measure 'jacard'",
        "--deadline|soon|Invalid value for option '--deadline': 'soon' is not a" + " duration",
        "--server|localhost|--server 'localhost' is not HOST:PORT",
        "--server|localhost:0|--server 'localhost:0': the port must be a number from 1 to 65535",
      })
  void badOptionValuesAreUsageErrors(String option, String value, String message) {
    String err = run("compare", option, value, TEHRAN, MEHR).isUsageError();
    assertTrue(err.startsWith("client-cli compare: " + message), err);
    assertTrue(err.contains("Try 'client-cli compare --help' for more information."), err);
  }

  @Test
  void unknownOptionSuggestsTheRightOne() {
    String err = run("compare", "--thresold=0.4", TEHRAN, MEHR).isUsageError();
    assertTrue(err.startsWith("client-cli compare: Unknown option: '--thresold=0.4'"), err);
    assertTrue(err.contains("Possible solutions: --threshold"), err);
  }

  @Test
  void missingAndExtraArgumentsAreUsageErrors() {
    assertTrue(
        run("compare", TEHRAN)
            .isUsageError()
            .startsWith("client-cli compare: Missing required parameter: 'B'"));
    assertTrue(run("compare", TEHRAN, MEHR, MEHR).isUsageError().contains("Unmatched argument"));
  }

  @Test
  void tlsOptionsNeedAServer() {
    String err = run("compare", "--tls", TEHRAN, MEHR).isUsageError();
    assertTrue(
        err.startsWith("client-cli compare: --tls, --tls-ca, --tls-cert and --tls-key need"));
  }

  @Test
  void tlsCertNeedsItsKey() {
    String err =
        run("compare", "--server", "localhost:1", "--tls-cert", "c.pem", TEHRAN, MEHR)
            .isUsageError();
    assertTrue(err.startsWith("client-cli compare: --tls-cert and --tls-key go together"), err);
  }

  @Test
  void healthNeedsAServer() {
    assertTrue(
        run("health")
            .isUsageError()
            .startsWith("client-cli health: health asks a server: give --server HOST:PORT"));
  }

  @Test
  void unknownSubcommand() {
    String err = run("comapre", TEHRAN, MEHR).isUsageError();
    assertTrue(err.contains("compare"), err);
  }
}
