package io.textsim.cli;

import io.textsim.index.AddResult;
import io.textsim.index.IndexDocument;
import io.textsim.index.RemoveResult;
import java.util.List;

/**
 * Where the index commands run: on an index directory opened in this process ({@link LocalIndex})
 * or on a server's IndexService ({@link RemoteIndex}). Both return the index library's results (a
 * server's answers are decoded through the shared wire mapping), so both modes print the same
 * bytes. Each call is one atomic, durable write or one consistent read; {@link IndexCommand} splits
 * long input into calls.
 */
interface IndexBackend extends AutoCloseable {
  /** The name of the index the calls go to. */
  String name();

  /** Adds or replaces one batch of documents, in one atomic write. */
  AddResult add(List<IndexDocument> batch);

  /** The stored documents most like each query text, best first. */
  List<Reports.IndexResult> query(List<Input> queries, int top, double minScore);

  /** Removes documents by id; ids not held are reported, not refused. */
  RemoveResult remove(List<String> ids);

  /** The number of documents and the settings of the index. */
  Reports.IndexStats stats();

  @Override
  void close();
}
