package io.textsim.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** A real child JVM on the same classpath, killed with SIGKILL. */
class IndexCrashTest {
  @TempDir Path dir;

  private static Process start(String mode, Path dir) throws IOException {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    return new ProcessBuilder(
            java,
            "-Xmx256m",
            "-cp",
            System.getProperty("java.class.path"),
            IndexChildProcess.class.getName(),
            mode,
            dir.toString())
        .redirectError(ProcessBuilder.Redirect.INHERIT)
        .start();
  }

  @Test
  @Timeout(value = 60, unit = TimeUnit.SECONDS)
  void everyAcknowledgedAddSurvivesKillNineAndNothingIsHalfWritten() throws Exception {
    Process child = start("add", dir);
    List<String> acknowledged = new ArrayList<>();
    try (BufferedReader in =
        new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
      String line;
      while (acknowledged.size() < 400 && (line = in.readLine()) != null) {
        assertTrue(line.startsWith("ACK "), line);
        acknowledged.add(line.substring(4));
      }
      // Killed in the middle of the stream: the child is writing its next batch now.
      // ProcessHandle's kill leaves the pipe open (Process.destroyForcibly would close it), so the
      // acknowledgements already in it can still be read. SIGKILL on Linux.
      assertTrue(child.toHandle().destroyForcibly());
      assertTrue(child.waitFor(20, TimeUnit.SECONDS));
      assertEquals(137, child.exitValue());
      while ((line = in.readLine()) != null) {
        acknowledged.add(line.substring(4)); // acknowledged before the kill, read after it
      }
    }
    assertTrue(acknowledged.size() >= 400);
    try (NearDuplicateIndex index = NearDuplicateIndex.open(dir, IndexOptions.defaults())) {
      for (String id : acknowledged) {
        int n = Integer.parseInt(id.substring(1));
        assertEquals(IndexChildProcess.text(n), index.get(id).orElseThrow().text(), id);
        List<IndexMatch> top = index.query(IndexChildProcess.text(n), Optional.empty(), 1, 0.0);
        assertEquals(id, top.get(0).id());
        assertEquals(1.0, top.get(0).score());
      }
      // Batches land whole: each batch is all there or not at all, and the count agrees.
      long held = 0;
      for (int b = 0; ; b++) {
        int present = 0;
        for (int j = 0; j < IndexChildProcess.BATCH; j++) {
          int n = b * IndexChildProcess.BATCH + j;
          if (index.get("c" + n).isPresent()) {
            present++;
            assertEquals(
                "c" + n,
                index.query(IndexChildProcess.text(n), Optional.empty(), 1, 0.0).get(0).id());
          }
        }
        assertTrue(
            present == 0 || present == IndexChildProcess.BATCH, "batch " + b + ": " + present);
        if (present == 0) {
          break;
        }
        held += present;
      }
      assertTrue(held >= acknowledged.size());
      assertTrue(held <= acknowledged.size() + IndexChildProcess.BATCH);
      assertEquals(held, index.stats().documents());
    }
  }

  @Test
  @Timeout(value = 60, unit = TimeUnit.SECONDS)
  void aSecondProcessOpeningTheDirectoryIsRefused() throws Exception {
    NearDuplicateIndex.open(dir, IndexOptions.defaults()).close();
    Process child = start("hold", dir);
    try (BufferedReader in =
        new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
      assertEquals("OPEN", in.readLine());
      IndexOpenException e =
          assertThrows(
              IndexOpenException.class,
              () -> NearDuplicateIndex.open(dir, IndexOptions.defaults()));
      assertEquals(IndexOpenException.Reason.LOCKED, e.reason());
      assertTrue(e.getMessage().contains("is in use by another process"), e.getMessage());
    } finally {
      child.destroyForcibly();
      child.waitFor(20, TimeUnit.SECONDS);
    }
    // The lock dies with its holder.
    NearDuplicateIndex.open(dir, IndexOptions.defaults()).close();
  }
}
