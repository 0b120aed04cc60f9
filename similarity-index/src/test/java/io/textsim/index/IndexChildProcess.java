package io.textsim.index;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The child JVM of {@link IndexCrashTest}: {@code add DIR} streams batches of adds for ever and
 * prints {@code ACK id} for every id once its batch is acknowledged; {@code hold DIR} opens the
 * index, prints {@code OPEN} and waits to be killed.
 */
public final class IndexChildProcess {
  static final int BATCH = 5;

  private IndexChildProcess() {}

  static String text(int n) {
    return TestTexts.article(n, 120);
  }

  public static void main(String[] args) throws Exception {
    PrintStream out = new PrintStream(System.out, false, StandardCharsets.UTF_8);
    Path dir = Path.of(args[1]);
    try (NearDuplicateIndex index = NearDuplicateIndex.open(dir, IndexOptions.defaults())) {
      if (args[0].equals("hold")) {
        out.println("OPEN");
        out.flush();
        Thread.sleep(120_000);
        return;
      }
      for (int b = 0; ; b++) {
        List<IndexDocument> batch = new ArrayList<>();
        for (int j = 0; j < BATCH; j++) {
          int n = b * BATCH + j;
          batch.add(IndexDocument.of("c" + n, text(n)));
        }
        index.add(batch);
        for (IndexDocument d : batch) {
          out.println("ACK " + d.id());
        }
        out.flush();
      }
    }
  }
}
