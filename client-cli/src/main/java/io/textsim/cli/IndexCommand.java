package io.textsim.cli;

import io.textsim.index.IndexDocument;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.ToLongFunction;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.HelpCommand;
import picocli.CommandLine.ParentCommand;

/**
 * {@code index add|query|remove|stats}: a near-duplicate index that remembers, on a local directory
 * ({@code --index DIR}, opened in this process) or on a server ({@code --server HOST:PORT}), with
 * the same output either way. The subcommands read and check their input, then run it through an
 * {@link IndexBackend} in batches of {@link #BATCH_DOCUMENTS} documents.
 */
@Command(
    name = "index",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = {
      "A near-duplicate index that remembers: add documents over time, then ask which stored"
          + " documents a new text copies (each candidate verified by exact Jaccard), remove them,"
          + " or count them.",
      "Works on the indexes kept under a local directory (--index DIR, no server needed) or on a"
          + " server started with --index-dir (--server HOST:PORT); the output is the same."
    },
    subcommands = {
      IndexAddCommand.class,
      IndexQueryCommand.class,
      IndexRemoveCommand.class,
      IndexStatsCommand.class,
      HelpCommand.class
    },
    footerHeading = "%nExamples:%n",
    footer = {
      "  client-cli index add --index ./idx articles/",
      "  client-cli index query --index ./idx --format json new-article.txt",
      "  client-cli index add --server localhost:50051 --jsonl feed.jsonl --ttl 7d",
      "  client-cli index stats --server localhost:50051 --name news"
    })
final class IndexCommand implements Runnable {
  /**
   * The most documents (or queries) one call carries: one atomic, durable write (one fsync) per
   * batch keeps adds fast, and the batch's progress is reported as it is acknowledged.
   */
  static final int BATCH_DOCUMENTS = 256;

  /**
   * The most text, in UTF-16 units (1 Mi), one call carries, unless a single document is longer (it
   * then goes alone): at most 3 MiB of UTF-8, well under a server's default 16 MiB message.
   */
  static final long BATCH_CHARS = 1L << 20;

  @ParentCommand Main main;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    throw new CommandLine.ParameterException(
        spec.commandLine(), "Missing subcommand: add, query, remove, stats or help");
  }

  /** The input's source for the index: empty when not known. */
  static Optional<String> source(Input in) {
    return in.source().isEmpty() ? Optional.empty() : Optional.of(in.source());
  }

  /** The input as a document to add, expiring {@code ttl} after it is added if given. */
  static IndexDocument document(Input in, Optional<java.time.Duration> ttl) {
    return new IndexDocument(in.id(), in.text(), source(in), in.time(), ttl);
  }

  /**
   * {@code items} in order, in batches of at most {@link #BATCH_DOCUMENTS} items and {@link
   * #BATCH_CHARS} of text (a longer item goes alone).
   */
  static <T> List<List<T>> batches(List<T> items, ToLongFunction<T> chars) {
    List<List<T>> out = new ArrayList<>();
    List<T> batch = new ArrayList<>();
    long size = 0;
    for (T item : items) {
      long n = chars.applyAsLong(item);
      if (!batch.isEmpty() && (batch.size() >= BATCH_DOCUMENTS || size + n > BATCH_CHARS)) {
        out.add(batch);
        batch = new ArrayList<>();
        size = 0;
      }
      batch.add(item);
      size += n;
    }
    if (!batch.isEmpty()) {
      out.add(batch);
    }
    return out;
  }
}
