package io.textsim.cli;

import io.textsim.index.AddResult;
import io.textsim.index.IndexDocument;
import io.textsim.index.IndexMatch;
import io.textsim.index.IndexNames;
import io.textsim.index.IndexOpenException;
import io.textsim.index.IndexOptions;
import io.textsim.index.NearDuplicateIndex;
import io.textsim.index.RemoveResult;
import io.textsim.wire.WireIndex;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The index commands on a directory of named indexes opened in this process, as a server started
 * with {@code --index-dir} keeps them: the index {@code NAME} in {@code DIR/NAME}, opened with the
 * same options as the server's, so that the same directory answers the same way either way. The
 * directory is locked while the command runs.
 */
final class LocalIndex implements IndexBackend {
  private final NearDuplicateIndex index;
  private final String name;
  private final Optional<Duration> deadline;
  private final long startNanos = System.nanoTime();

  private LocalIndex(NearDuplicateIndex index, String name, Optional<Duration> deadline) {
    this.index = index;
    this.name = name;
    this.deadline = deadline;
  }

  /**
   * Opens the index {@code name} under {@code root}; only an add creates it.
   *
   * @param maxBytes the --max-bytes limit; texts were checked against it, and a text's UTF-16
   *     length never exceeds its UTF-8 length, so the index's limit is set to the same number
   * @throws CliException naming the directory if it cannot be opened (missing, not an index, of a
   *     newer format, in use by another process)
   */
  static LocalIndex open(
      Path root, String name, boolean create, long maxBytes, Optional<Duration> deadline) {
    IndexOptions options =
        IndexOptions.defaults()
            .withMaxTextLength((int) Math.min(Integer.MAX_VALUE, maxBytes))
            .withCreateIfMissing(create);
    try {
      return new LocalIndex(IndexNames.open(root, name, options), name, deadline);
    } catch (IndexOpenException e) {
      throw new CliException(e.getMessage());
    }
  }

  @Override
  public String name() {
    return name;
  }

  /**
   * Runs one call once the deadline allows it; a value the index refuses is one line (the input was
   * checked before, so this is a last line of defence).
   */
  private <T> T run(Supplier<T> call) {
    if (deadline.isPresent() && System.nanoTime() - startNanos > deadline.get().toNanos()) {
      throw LocalBackend.deadlineExceeded(deadline.get());
    }
    try {
      return call.get();
    } catch (IllegalArgumentException e) {
      throw new CliException("index " + index.directory() + ": " + e.getMessage());
    }
  }

  @Override
  public AddResult add(List<IndexDocument> batch) {
    return run(() -> index.add(batch));
  }

  @Override
  public List<Reports.IndexResult> query(List<Input> queries, int top, double minScore) {
    return run(
        () -> {
          List<Reports.IndexResult> out = new ArrayList<>(queries.size());
          for (Input q : queries) {
            List<IndexMatch> matches = index.query(q.text(), IndexCommand.source(q), top, minScore);
            out.add(new Reports.IndexResult(q.id(), matches));
          }
          return out;
        });
  }

  @Override
  public RemoveResult remove(List<String> ids) {
    return run(() -> index.remove(ids));
  }

  /** Through the wire mapping the server answers with, so both modes report the same fields. */
  @Override
  public Reports.IndexStats stats() {
    return run(() -> Reports.IndexStats.of(name, WireIndex.statsResponse(index.stats())));
  }

  @Override
  public void close() {
    index.close();
  }
}
