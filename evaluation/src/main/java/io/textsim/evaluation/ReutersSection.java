package io.textsim.evaluation;

import io.textsim.core.cluster.Clustering;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/** Section 5 of the quality report: Reuters-21578 as it is. */
final class ReutersSection {
  private ReutersSection() {}

  static String markdown(ReutersClustering r) {
    List<ReutersClustering.Run> runs = r.runs;
    String[] header = new String[runs.size() + 1];
    header[0] = "finding";
    for (int k = 0; k < runs.size(); k++) {
      header[k + 1] =
          runs.get(k).choice.label()
              + (runs.get(k).choice.isCurrentDefault() ? " (current default)" : "");
    }
    Markdown t = new Markdown(header);
    addRow(t, runs, "clusters of size > 1", x -> Markdown.count(x.multi));
    addRow(t, runs, "stories in them", x -> Markdown.count(x.inMulti));
    addRow(t, runs, "largest cluster", x -> Markdown.count(x.largest));
    addRow(t, runs, "pairs in one cluster", x -> Markdown.count(x.pairs));
    addRow(t, runs, "... with identical texts", x -> Markdown.count(x.identicalPairs));
    addRow(
        t,
        runs,
        "... filed under different tickers (likely false)",
        x ->
            Markdown.count(x.differentTickers)
                + " ("
                + Markdown.percent(x.pairs == 0 ? 0 : (double) x.differentTickers / x.pairs, 1)
                + ")");
    addRow(
        t, runs, "clusters whose texts are not all identical", x -> Markdown.count(x.notIdentical));
    addRow(
        t,
        runs,
        "exact-duplicate groups kept whole (of " + r.duplicates.size() + ")",
        x -> Markdown.count(x.duplicateGroupsTogether));
    addRow(t, runs, "cluster sizes (size: clusters)", x -> sizes(x.sizes));
    addRow(
        t,
        runs,
        "candidate strategy",
        x -> x.clustering.stats().strategy().name().toLowerCase(Locale.ROOT));
    addRow(
        t,
        runs,
        "candidate pairs verified",
        x -> Markdown.count(x.clustering.stats().candidatePairs()));
    addRow(t, runs, "linked pairs", x -> Markdown.count(x.clustering.stats().linkedPairs()));
    addRow(t, runs, "linked pairs, exact all-pairs reference", x -> Markdown.count(x.exactLinked));
    addRow(
        t,
        runs,
        "share of the exact linked pairs linked",
        x ->
            Markdown.percent(
                x.exactLinked == 0
                    ? 1.0
                    : (double) x.clustering.stats().linkedPairs() / x.exactLinked,
                2));
    addRow(t, runs, "ARI vs the exact clustering", x -> Markdown.fixed(x.ariVsExact, 4));
    addRow(t, runs, "wall time, profiles + clustering", x -> Markdown.fixed(x.seconds, 1) + " s");
    StringBuilder md = new StringBuilder("## 5. Reuters-21578 as it is\n\n");
    md.append(
        Markdown.count(r.stories.size())
            + " stories clustered by `Clusterer.cluster` with `CandidateStrategy.AUTO`; the"
            + " corpus has "
            + r.duplicates.size()
            + " groups of exactly equal bodies ("
            + r.redundant
            + " redundant copies). There is no ground truth here, but two stories whose titles"
            + " carry different tickers (`<ABC>`) are news about different companies: such pairs"
            + " in one cluster are mostly false links, a few are identical notices or one story"
            + " filed under two tickers.\n\n"
            + t
            + "\n");
    md.append("Example clusters of ")
        .append(runs.get(0).choice.label())
        .append(" (id, score to the representative, date, title):\n\n");
    for (Clustering.Cluster c : r.examples) {
      md.append(example(c, r.byId)).append('\n');
    }
    md.append('\n');
    return md.toString();
  }

  /** "- 3 stories: id (0.93, 26-FEB-1987) "Title"; ...", the first four members. */
  private static String example(Clustering.Cluster c, Map<String, Story> byId) {
    StringBuilder line = new StringBuilder("- " + c.size() + " stories:");
    int shown = 0;
    for (Clustering.Member m : c.members()) {
      if (shown++ == 4) {
        line.append(" ... and ").append(c.size() - 4).append(" more");
        break;
      }
      Story s = byId.get(m.id());
      line.append(shown == 1 ? " " : "; ")
          .append(s.id())
          .append(" (")
          .append(Markdown.fixed(m.score(), 2))
          .append(", ")
          .append(day(s.date()))
          .append(") \"")
          .append(shortTitle(s.title()))
          .append('"');
    }
    return line.toString();
  }

  private static void addRow(
      Markdown t,
      List<ReutersClustering.Run> runs,
      String name,
      Function<ReutersClustering.Run, String> cell) {
    Object[] row = new Object[runs.size() + 1];
    row[0] = name;
    for (int k = 0; k < runs.size(); k++) {
      row[k + 1] = cell.apply(runs.get(k));
    }
    t.row(row);
  }

  private static String sizes(Map<String, Integer> sizes) {
    StringBuilder sz = new StringBuilder();
    for (Map.Entry<String, Integer> e : sizes.entrySet()) {
      sz.append(sz.length() == 0 ? "" : ", ").append(e.getKey()).append(": ");
      sz.append(Markdown.count(e.getValue()));
    }
    return sz.toString();
  }

  /** The day part of a Reuters date ("26-FEB-1987"). */
  private static String day(String date) {
    String d = date.strip();
    int space = d.indexOf(' ');
    return space < 0 ? d : d.substring(0, space);
  }

  private static String shortTitle(String title) {
    String t = title.strip();
    return t.length() <= 48 ? t : t.substring(0, 45) + "...";
  }
}
