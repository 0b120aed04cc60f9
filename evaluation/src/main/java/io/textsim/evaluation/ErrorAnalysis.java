package io.textsim.evaluation;

import io.textsim.core.TextProfiler;
import io.textsim.evaluation.SimulatedCorpus.Entry;
import io.textsim.evaluation.SimulatedCorpus.Kind;
import io.textsim.evaluation.SyndicationSimulator.Change;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.Predicate;

/**
 * Where the exact clusterings of the best choice and of the current default go wrong on one corpus:
 * which copies they find, by what was done to them and by the length of their story, and which
 * kinds of documents their false links join.
 *
 * @param checked the choices examined, the best first
 * @param found the copies found, one row per group of copies
 */
record ErrorAnalysis(List<ErrorAnalysis.Checked> checked, List<ErrorAnalysis.Found> found) {
  /** Clusters larger than this are not broken down into false pairs. */
  static final int LARGEST_BROKEN_DOWN = 2000;

  /**
   * One choice examined.
   *
   * @param choice the configuration and threshold
   * @param scores its agreement with the truth
   * @param falseLinks its predicted pairs that are not true pairs
   */
  record Checked(Choice choice, ClusteringMetrics.Scores scores, FalseLinks falseLinks) {}

  /**
   * A group of copies (of clusters with at least two members) and how many of them each checked
   * choice found: put in one predicted cluster with at least one other member of its true cluster.
   *
   * @param copiesWith what the copies have in common, as the report's row names it
   * @param copies the number of copies
   * @param found for each checked choice, in order, the number found
   */
  record Found(String copiesWith, int copies, List<Integer> found) {}

  /**
   * The false pairs of a clustering.
   *
   * @param oversizedCluster the size of a predicted cluster too large to break down, or 0
   * @param pairs the number of false pairs (when not oversized)
   * @param mixedClusters the predicted clusters that mix true clusters
   * @param byKind false pairs by the kinds of their documents ("base+copy", "copy+copy (same
   *     outlet)")
   */
  record FalseLinks(
      int oversizedCluster, long pairs, int mixedClusters, SortedMap<String, Long> byKind) {}

  static ErrorAnalysis of(SimulatedCorpus corpus, Sweep sweep, Choice choice) {
    List<Choice> choices = new ArrayList<>();
    choices.add(choice);
    if (!choice.isCurrentDefault() && sweep.has(Choice.currentDefault().threshold())) {
      choices.add(Choice.currentDefault());
    }
    List<Checked> checked = new ArrayList<>();
    List<int[]> labels = new ArrayList<>();
    for (Choice c : choices) {
      int[] predicted = sweep.labels(corpus.size(), c);
      labels.add(predicted);
      checked.add(new Checked(c, sweep.row(c).scores(), falseLinks(corpus, predicted)));
    }
    return new ErrorAnalysis(List.copyOf(checked), found(corpus, labels));
  }

  private static List<Found> found(SimulatedCorpus corpus, List<int[]> labels) {
    int[] truth = corpus.truth();
    Map<Integer, Integer> trueSize = new HashMap<>();
    for (int t : truth) {
      trueSize.merge(t, 1, Integer::sum);
    }
    // For each clustering, how many documents share each (true, predicted) cluster pair.
    List<Map<Long, Integer>> together = new ArrayList<>();
    for (int[] predicted : labels) {
      Map<Long, Integer> t = new HashMap<>();
      for (int i = 0; i < truth.length; i++) {
        t.merge(cell(truth[i], predicted[i]), 1, Integer::sum);
      }
      together.add(t);
    }
    List<Found> out = new ArrayList<>();
    for (Map.Entry<String, Predicate<Entry>> group : groups(new StoryWords(corpus)).entrySet()) {
      int copies = 0;
      int[] found = new int[labels.size()];
      for (int i = 0; i < truth.length; i++) {
        Entry e = corpus.entries().get(i);
        if (e.kind() != Kind.COPY || trueSize.get(truth[i]) < 2 || !group.getValue().test(e)) {
          continue;
        }
        copies++;
        for (int l = 0; l < labels.size(); l++) {
          if (together.get(l).get(cell(truth[i], labels.get(l)[i])) > 1) {
            found[l]++;
          }
        }
      }
      List<Integer> f = new ArrayList<>();
      for (int x : found) {
        f.add(x);
      }
      out.add(new Found(group.getKey(), copies, List.copyOf(f)));
    }
    return List.copyOf(out);
  }

  private static long cell(int truth, int predicted) {
    return ((long) truth << 32) | (predicted & 0xFFFF_FFFFL);
  }

  /** The groups of copies, by row name: all, by change, by the length of the base story. */
  private static Map<String, Predicate<Entry>> groups(StoryWords words) {
    Map<String, Predicate<Entry>> out = new LinkedHashMap<>();
    out.put("any change", e -> true);
    for (Change c : Change.values()) {
      out.put("`" + c + "`", e -> e.changes().contains(c));
    }
    out.put("base of 50-99 words", e -> words.between(e, Integer.MIN_VALUE, 100));
    out.put("base of 100-199 words", e -> words.between(e, 100, 200));
    out.put("base of 200-399 words", e -> words.between(e, 200, 400));
    out.put("base of 400+ words", e -> words.between(e, 400, Integer.MAX_VALUE));
    return out;
  }

  /** The number of words of each document's story. */
  private static final class StoryWords {
    private final Map<Integer, Integer> words = new HashMap<>();

    StoryWords(SimulatedCorpus corpus) {
      TextProfiler p = TextProfiler.defaults();
      for (int i = 0; i < corpus.size(); i++) {
        Entry e = corpus.entries().get(i);
        if (e.kind() == Kind.BASE) {
          words.put(e.truth(), p.profile(corpus.documents().get(i).text()).tokenCount());
        }
      }
    }

    /** True if the base story of {@code e} is present and has {@code from <= words < to}. */
    boolean between(Entry e, int from, int to) {
      int w = words.getOrDefault(e.truth(), -1);
      return w >= 0 && w >= from && w < to;
    }
  }

  /** Predicted pairs that are not true pairs, counted by the kinds of their two documents. */
  private static FalseLinks falseLinks(SimulatedCorpus corpus, int[] predicted) {
    int[] truth = corpus.truth();
    Map<Integer, List<Integer>> clusters = new HashMap<>();
    for (int i = 0; i < predicted.length; i++) {
      clusters.computeIfAbsent(predicted[i], k -> new ArrayList<>()).add(i);
    }
    TreeMap<String, Long> byKind = new TreeMap<>();
    long total = 0;
    int merged = 0;
    for (List<Integer> members : clusters.values()) {
      if (members.size() > LARGEST_BROKEN_DOWN) {
        return new FalseLinks(members.size(), 0, 0, Collections.emptySortedMap());
      }
      boolean mixed = false;
      for (int x = 0; x < members.size(); x++) {
        for (int y = x + 1; y < members.size(); y++) {
          int a = members.get(x);
          int b = members.get(y);
          if (truth[a] != truth[b]) {
            mixed = true;
            Entry ea = corpus.entries().get(a);
            Entry eb = corpus.entries().get(b);
            String ka = ea.kind().name().toLowerCase(Locale.ROOT);
            String kb = eb.kind().name().toLowerCase(Locale.ROOT);
            String key = ka.compareTo(kb) <= 0 ? ka + "+" + kb : kb + "+" + ka;
            if (ea.kind() == Kind.COPY && eb.kind() == Kind.COPY) {
              key += ea.outlet().equals(eb.outlet()) ? " (same outlet)" : " (other outlets)";
            }
            byKind.merge(key, 1L, Long::sum);
            total++;
          }
        }
      }
      if (mixed) {
        merged++;
      }
    }
    return new FalseLinks(0, total, merged, Collections.unmodifiableSortedMap(byKind));
  }
}
