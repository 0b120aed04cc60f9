package io.textsim.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Whether a standard stream is a terminal. */
final class Terminal {
  private Terminal() {}

  /**
   * True if stderr is a terminal. On Linux this reads where file descriptor 2 points, so it is
   * right even when stdin or stdout is redirected; elsewhere it falls back to {@code
   * System.console() != null} (stdin and stdout are terminals).
   */
  @SuppressWarnings("SystemConsoleNull") // the project runs on Java 17, where null means "no tty"
  static boolean stderrIsTerminal() {
    try {
      String target = Files.readSymbolicLink(Path.of("/proc/self/fd/2")).toString();
      return target.startsWith("/dev/pts/")
          || target.startsWith("/dev/tty")
          || target.equals("/dev/console");
    } catch (IOException | UnsupportedOperationException | SecurityException e) {
      return System.console() != null;
    }
  }
}
