package io.textsim.evaluation;

import io.textsim.core.TextProfile;
import io.textsim.core.TextProfiler;
import io.textsim.core.shingle.ShingleConfig;
import io.textsim.core.shingle.ShingleSet;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;

/**
 * Real stories to simulate from, grouped so that no two groups hold near-duplicates of each other.
 *
 * <p>A corpus such as Reuters-21578 files some stories twice, sometimes with small edits, and
 * follows others up with an updated version. Two such stories drawn as different base stories would
 * make the ground truth wrong. So the stories are grouped by single linkage over the pairs that are
 * near-duplicates by {@link #DEDUP_RULE}: Jaccard of word 4-shingles at least {@value
 * #STRICT_JACCARD}; or, a more lenient test, Jaccard at least {@value #DEDUP_JACCARD} or overlap
 * coefficient at least {@value #DEDUP_OVERLAP} (one story largely inside the other), unless the two
 * titles name different companies (each carries a ticker such as {@code <SRD>}, and none is
 * shared). The exception keeps apart what really is different news in one template, such as two
 * companies' dividend notices of one day: they are the hard negatives a real collection is full of,
 * and merging them would remove them from the evaluation. The pairs come from an {@link ExactJoin},
 * so none is missed. The simulation then takes at most one story from each group.
 *
 * <p>Immutable after construction.
 */
final class StoryPool {
  static final double STRICT_JACCARD = 0.5;
  static final double DEDUP_JACCARD = 0.3;
  static final double DEDUP_OVERLAP = 0.5;
  static final String DEDUP_RULE =
      "word 4-shingle Jaccard >= "
          + STRICT_JACCARD
          + ", or Jaccard >= "
          + DEDUP_JACCARD
          + " or overlap >= "
          + DEDUP_OVERLAP
          + " between stories not filed under different tickers";

  private static final Pattern TICKER = Pattern.compile("<([^>]+)>");

  /** Stories with fewer words than this are never used. */
  static final int MIN_USABLE_WORDS = 10;

  private final List<Story> stories;
  private final int[] words;
  private final int[] group;
  private final int groups;
  private final long nearDuplicatePairs;

  private StoryPool(
      List<Story> stories, int[] words, int[] group, int groups, long nearDuplicatePairs) {
    this.stories = stories;
    this.words = words;
    this.group = group;
    this.groups = groups;
    this.nearDuplicatePairs = nearDuplicatePairs;
  }

  /** Groups {@code stories}; cost: profiling plus one exact join. */
  static StoryPool of(List<Story> stories) {
    Objects.requireNonNull(stories, "stories");
    List<Story> list = List.copyOf(stories);
    int n = list.size();
    TextProfiler profiler = TextProfiler.defaults().withShingles(ShingleConfig.words(4));
    ShingleSet[] sets = new ShingleSet[n];
    int[] words = new int[n];
    IntStream.range(0, n)
        .parallel()
        .forEach(
            i -> {
              TextProfile p = profiler.profile(list.get(i).text());
              sets[i] = p.shingles();
              words[i] = p.tokenCount();
            });
    ExactJoin.Overlaps o = ExactJoin.overlaps(sets, Math.min(DEDUP_JACCARD, DEDUP_OVERLAP));
    UnionFind uf = new UnionFind(n);
    long linked = 0;
    for (int k = 0; k < o.pairs().length; k++) {
      int i = ExactJoin.first(o.pairs()[k]);
      int j = ExactJoin.second(o.pairs()[k]);
      int c = o.intersections()[k];
      int a = sets[i].size();
      int b = sets[j].size();
      double jaccard = ExactJoin.jaccard(c, a, b);
      boolean lenient = jaccard >= DEDUP_JACCARD || ExactJoin.overlap(c, a, b) >= DEDUP_OVERLAP;
      if (jaccard >= STRICT_JACCARD
          || (lenient && !differentCompanies(list.get(i).title(), list.get(j).title()))) {
        uf.union(i, j);
        linked++;
      }
    }
    // Group numbers in order of each group's first story.
    int[] root = uf.labels();
    int[] number = new int[n];
    Arrays.fill(number, -1);
    int[] group = new int[n];
    int groups = 0;
    for (int i = 0; i < n; i++) {
      if (number[root[i]] < 0) {
        number[root[i]] = groups++;
      }
      group[i] = number[root[i]];
    }
    return new StoryPool(list, words, group, groups, linked);
  }

  /** True if both titles carry tickers ({@code <SRD>}) and share none. */
  static boolean differentCompanies(String a, String b) {
    Set<String> x = tickers(a);
    Set<String> y = tickers(b);
    return !x.isEmpty() && !y.isEmpty() && Collections.disjoint(x, y);
  }

  private static Set<String> tickers(String title) {
    Set<String> out = new HashSet<>();
    Matcher m = TICKER.matcher(title);
    while (m.find()) {
      out.add(m.group(1).strip());
    }
    return out;
  }

  List<Story> stories() {
    return stories;
  }

  int size() {
    return stories.size();
  }

  Story story(int i) {
    return stories.get(i);
  }

  /** The number of word tokens of story {@code i}. */
  int words(int i) {
    return words[i];
  }

  /** The group of story {@code i}, 0 to {@link #groups()} - 1. */
  int group(int i) {
    return group[i];
  }

  int groups() {
    return groups;
  }

  /** The pairs of stories linked by {@link #DEDUP_RULE}. */
  long nearDuplicatePairs() {
    return nearDuplicatePairs;
  }

  /** The stories of each group, in input order; groups in order of their first story. */
  List<int[]> members() {
    int[] sizes = new int[groups];
    for (int g : group) {
      sizes[g]++;
    }
    List<int[]> out = new ArrayList<>(groups);
    for (int g = 0; g < groups; g++) {
      out.add(new int[sizes[g]]);
    }
    int[] fill = new int[groups];
    for (int i = 0; i < group.length; i++) {
      out.get(group[i])[fill[group[i]]++] = i;
    }
    return out;
  }

  /** All titles, for related-story lists. */
  List<String> titles() {
    List<String> out = new ArrayList<>(stories.size());
    for (Story s : stories) {
      if (!s.title().isBlank()) {
        out.add(s.title());
      }
    }
    return out;
  }
}
