package io.textsim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/** Runs the real command in-process and captures stdout, stderr and the exit code. */
final class Cli {
  /** The seed pair: one story from two outlets. */
  static final Path ARTICLES = Path.of("..", "examples", "articles");

  static final String TEHRAN = ARTICLES.resolve("tehran-times.txt").toString();
  static final String MEHR = ARTICLES.resolve("mehr-news.txt").toString();

  private Cli() {}

  /** What one run printed and returned. */
  record Result(int code, String out, String err) {
    /** Asserts exit code 1 and exactly one line on stderr, without a stack trace; returns it. */
    String failsWithOneLine() {
      assertEquals(Main.FAILED, code, () -> "exit code; stderr: " + err + "\nstdout: " + out);
      assertEquals(1, err.lines().count(), () -> "one line on stderr, got: " + err);
      assertNoStackTrace();
      assertEquals("", out, "nothing on stdout");
      return err.strip();
    }

    /** Asserts exit code 2 (usage error) without a stack trace; returns stderr. */
    String isUsageError() {
      assertEquals(Main.USAGE, code, () -> "exit code; stderr: " + err + "\nstdout: " + out);
      assertNoStackTrace();
      return err;
    }

    /** Asserts exit code 0; returns stdout. */
    String succeeds() {
      assertEquals(Main.OK, code, () -> "exit code; stderr: " + err + "\nstdout: " + out);
      assertNoStackTrace();
      return out;
    }

    void assertNoStackTrace() {
      assertFalse(err.contains("\tat "), () -> "stack trace on stderr: " + err);
      assertFalse(out.contains("\tat "), () -> "stack trace on stdout: " + out);
    }
  }

  static Result run(String... args) {
    return runWithStdin(new byte[0], args);
  }

  static Result runWithStdin(String stdin, String... args) {
    return runWithStdin(stdin.getBytes(StandardCharsets.UTF_8), args);
  }

  static Result runWithStdin(byte[] stdin, String... args) {
    InputStream in = new ByteArrayInputStream(stdin);
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code =
        Main.commandLine(new Main(in))
            .setOut(new PrintWriter(out, true))
            .setErr(new PrintWriter(err, true))
            .execute(args);
    return new Result(code, out.toString(), err.toString());
  }
}
