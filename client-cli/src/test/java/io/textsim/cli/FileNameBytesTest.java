package io.textsim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A file whose name is bytes that the platform charset cannot decode: {@code caf} then byte E9 (é
 * in Latin-1, not UTF-8). It is created by {@code /bin/sh}, since Java cannot name it; the tests
 * are skipped where the shell is missing, the file system refuses the name or the platform charset
 * happens to decode it.
 */
class FileNameBytesTest {
  @TempDir Path dir;

  private Path odd;

  @BeforeEach
  void createOddName() throws IOException, InterruptedException {
    assumeTrue(new File("/bin/sh").canExecute(), "/bin/sh is needed to create a byte name");
    Files.writeString(
        dir.resolve("good.txt"), "one two three four five six\n", StandardCharsets.UTF_8);
    Process sh =
        new ProcessBuilder(
                "/bin/sh",
                "-c",
                "printf 'one two three four five seven\\n' > \"$1/caf$(printf '\\351').txt\"",
                "sh",
                dir.toString())
            .redirectErrorStream(true)
            .start();
    String said = new String(sh.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assumeTrue(sh.waitFor(30, TimeUnit.SECONDS) && sh.exitValue() == 0, "sh refused: " + said);
    try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
      for (Path p : entries) {
        if (!p.getFileName().toString().equals("good.txt")) {
          odd = p;
        }
      }
    }
    assumeTrue(odd != null, "the file system did not keep the byte name");
    assumeTrue(
        !FileNames.representable(odd),
        "the platform charset (" + FileNames.charset() + ") decodes byte E9");
  }

  @Test
  void aListedFileIsReadUnderItsEscapedName() {
    String out = Cli.run("cluster", "--format", "json", dir.toString()).succeeds();
    String escaped = dir + File.separator + "caf\\\\xE9.txt"; // JSON doubles the backslash
    assertTrue(out.contains("\"" + escaped + "\""), out);
    assertFalse(out.contains("\uFFFD"), out);
    assertTrue(out.contains("good.txt"), out);
  }

  @Test
  void theNameGivenOnTheCommandLineIsReportedAsNotNameable() {
    // What the JVM makes of the bytes caf E9 .txt in argv when its charset cannot decode E9.
    String given = dir + File.separator + "caf\uFFFD.txt";
    String err = Cli.run("compare", given, dir.resolve("good.txt").toString()).failsWithOneLine();
    assertEquals(
        "client-cli: "
            + dir
            + "/caf?.txt: its name has bytes that are not valid in the platform charset ("
            + FileNames.charset()
            + ", from the locale), shown here as '?', so it cannot be opened by a name given on the"
            + " command line; in directory "
            + dir
            + " it is caf\\xE9.txt. Rename it (e.g. with convmv), run in a locale whose charset"
            + " decodes the name, or give the directory "
            + dir
            + ": its files are read under their escaped names",
        err);
    assertFalse(err.contains("no such file"), err);
  }

  @Test
  void anUndecodableNameWithNoSuchFileSaysSo() {
    String given = dir + File.separator + "other\uFFFD.txt";
    String err = Cli.run("cluster", given).failsWithOneLine();
    assertTrue(
        err.endsWith("; no file in " + dir + " has such a name")
            && err.startsWith("client-cli: " + dir + "/other?.txt: its name has bytes"),
        err);
  }

  @Test
  void escapingKeepsPrintableAsciiAndDoublesBackslashes() {
    assertEquals("caf\\xE9.txt", FileNames.escaped(odd.getFileName()));
    assertEquals("a\\\\b c.txt", FileNames.escaped(Path.of("a\\b c.txt")));
    assertEquals(dir + File.separator + "caf\\xE9.txt", FileNames.id(odd));
    assertEquals("good.txt", FileNames.id(Path.of("good.txt")));
  }
}
