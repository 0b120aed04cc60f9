package io.textsim.index;

import io.textsim.core.lsh.LshParameters;
import io.textsim.core.measure.Comparison;
import io.textsim.core.measure.Measure;
import io.textsim.core.measure.Measures;
import io.textsim.core.measure.Verdict;
import io.textsim.core.shingle.ShingleSet;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import org.rocksdb.ReadOptions;
import org.rocksdb.RocksDBException;
import org.rocksdb.Snapshot;

/**
 * The query path of an index: candidates from the query's bucket in each band, each verified by
 * exact Jaccard of the shingle sets and given a verdict, all read from one snapshot so that a
 * document is seen whole or not at all. Two batched point reads: the buckets (most of them answered
 * "absent" by Bloom filters), then the candidates' shingle records; the texts are not read.
 * Stateless between calls; thread-safe.
 */
final class IndexSearcher {
  private final Path directory;
  private final RocksStore store;
  private final LshParameters lsh;
  private final double threshold;

  IndexSearcher(Path directory, RocksStore store, LshParameters lsh, double threshold) {
    this.directory = directory;
    this.store = store;
    this.lsh = lsh;
    this.threshold = threshold;
  }

  /**
   * The verified matches of a query with band keys {@code bandKeys} (one a band, band 0 first) and
   * shingles {@code query}, best first, ties broken by id, at most {@code topK}, none under {@code
   * minScore}, none expired at {@code now}, and not {@code exclude}.
   */
  List<IndexMatch> search(
      long[] bandKeys,
      ShingleSet query,
      Optional<String> exclude,
      int topK,
      double minScore,
      long now) {
    Snapshot snapshot = store.db.getSnapshot();
    try (ReadOptions read = new ReadOptions().setSnapshot(snapshot)) {
      List<byte[]> bucketKeys = new ArrayList<>(lsh.bands());
      for (int b = 0; b < bandKeys.length; b++) {
        bucketKeys.add(IndexLayout.bucketKey(b, bandKeys[b]));
      }
      List<byte[]> buckets =
          store.db.multiGetAsList(
              read, Collections.nCopies(bucketKeys.size(), store.buckets), bucketKeys);
      Set<String> candidates = new LinkedHashSet<>();
      for (byte[] bucket : buckets) {
        candidates.addAll(IndexLayout.bucketIds(bucket));
      }
      exclude.ifPresent(candidates::remove);
      List<String> ids = new ArrayList<>(candidates);
      List<byte[]> keys = new ArrayList<>(ids.size());
      for (String id : ids) {
        keys.add(IndexLayout.documentKey(id));
      }
      List<byte[]> values =
          keys.isEmpty()
              ? List.of()
              : store.db.multiGetAsList(
                  read, Collections.nCopies(keys.size(), store.shingles), keys);
      List<IndexMatch> scored = new ArrayList<>();
      for (int i = 0; i < ids.size(); i++) {
        if (values.get(i) == null) {
          continue;
        }
        StoredShingles doc = StoredShingles.decode(values.get(i));
        if (doc.isExpiredAt(now)) {
          continue;
        }
        IndexMatch match = verify(ids.get(i), query, doc);
        if (match.score() >= minScore) {
          scored.add(match);
        }
      }
      scored.sort(
          Comparator.comparingDouble(IndexMatch::score).reversed().thenComparing(IndexMatch::id));
      List<IndexMatch> top = new ArrayList<>(Math.min(topK, scored.size()));
      for (int r = 0; r < Math.min(topK, scored.size()); r++) {
        IndexMatch m = scored.get(r);
        top.add(new IndexMatch(r + 1, m.id(), m.score(), m.containment(), m.verdict(), m.source()));
      }
      return top;
    } catch (RocksDBException e) {
      throw new IllegalStateException("cannot read index " + directory + ": " + e.getMessage(), e);
    } finally {
      store.db.releaseSnapshot(snapshot);
    }
  }

  /** Exact Jaccard and containment both ways, with the empty-set rules of {@link Measures}. */
  private IndexMatch verify(String id, ShingleSet query, StoredShingles doc) {
    ShingleSet stored = doc.shingles();
    double jaccard = Measures.jaccard(query, stored);
    int common = query.intersectionSize(stored);
    Map<Measure, Double> scores = new EnumMap<>(Measure.class);
    scores.put(Measure.JACCARD, jaccard);
    double queryInDoc = ratio(common, query, stored);
    scores.put(Measure.CONTAINMENT_A_IN_B, queryInDoc);
    scores.put(Measure.CONTAINMENT_B_IN_A, ratio(common, stored, query));
    Verdict verdict =
        Verdict.of(
            new Comparison(scores, OptionalInt.empty(), OptionalInt.empty()),
            Measure.JACCARD,
            threshold);
    return new IndexMatch(1, id, jaccard, queryInDoc, verdict, doc.source());
  }

  private static double ratio(int common, ShingleSet over, ShingleSet other) {
    if (over.isEmpty() || other.isEmpty()) {
      return over.isEmpty() && other.isEmpty() ? 1.0 : 0.0;
    }
    return (double) common / over.size();
  }
}
