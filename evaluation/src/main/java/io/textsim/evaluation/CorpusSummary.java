package io.textsim.evaluation;

import io.textsim.evaluation.SimulatedCorpus.Entry;
import io.textsim.evaluation.SimulatedCorpus.Kind;
import io.textsim.evaluation.SyndicationSimulator.Change;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * What a simulated corpus holds: documents by kind, the changes of its copies, its true clusters.
 *
 * @param kinds the number of documents of each kind (kinds without documents left out)
 * @param changes the number of copies with each change (changes never made left out)
 * @param copies the number of copies
 * @param clusterSizes the number of true clusters of each size, by size
 * @param trueClusters the number of true clusters, singletons included
 * @param truePairs the pairs of documents in one true cluster
 */
record CorpusSummary(
    Map<Kind, Integer> kinds,
    Map<Change, Integer> changes,
    int copies,
    SortedMap<Integer, Integer> clusterSizes,
    int trueClusters,
    long truePairs) {

  static CorpusSummary of(SimulatedCorpus corpus) {
    Map<Kind, Integer> kinds = new EnumMap<>(Kind.class);
    Map<Change, Integer> changes = new EnumMap<>(Change.class);
    Map<Integer, Integer> clusterSizes = new HashMap<>();
    int copies = 0;
    for (Entry e : corpus.entries()) {
      kinds.merge(e.kind(), 1, Integer::sum);
      clusterSizes.merge(e.truth(), 1, Integer::sum);
      if (e.kind() == Kind.COPY) {
        copies++;
        for (Change c : e.changes()) {
          changes.merge(c, 1, Integer::sum);
        }
      }
    }
    TreeMap<Integer, Integer> sizeHistogram = new TreeMap<>();
    for (int s : clusterSizes.values()) {
      sizeHistogram.merge(s, 1, Integer::sum);
    }
    long truePairs = ClusteringMetrics.compare(corpus.truth(), corpus.truth()).truePairs();
    return new CorpusSummary(
        Collections.unmodifiableMap(kinds),
        Collections.unmodifiableMap(changes),
        copies,
        Collections.unmodifiableSortedMap(sizeHistogram),
        clusterSizes.size(),
        truePairs);
  }

  /** The number of documents of {@code kind}. */
  int count(Kind kind) {
    return kinds.getOrDefault(kind, 0);
  }

  /** The number of copies with {@code change}. */
  int count(Change change) {
    return changes.getOrDefault(change, 0);
  }
}
