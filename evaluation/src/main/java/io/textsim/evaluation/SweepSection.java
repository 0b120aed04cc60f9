package io.textsim.evaluation;

import io.textsim.core.cluster.Linkage;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Section 2 of the quality report: measure, shingles and threshold, swept over all seeds. */
final class SweepSection {
  /** The targets for the chosen defaults. */
  static final double TARGET_F1 = 0.97;

  static final double TARGET_ARI = 0.95;

  private SweepSection() {}

  /**
   * @param sweeps the sweep of each seed's corpus
   * @param means their {@linkplain SweepStatistics#means means}
   * @param best the {@linkplain SweepStatistics#bestOverall best} configuration and threshold
   */
  static String markdown(List<Sweep> sweeps, Map<Config, List<Mean>> means, Choice best) {
    List<Config> configs = new ArrayList<>(means.keySet());
    Sweep first = sweeps.get(0);
    StringBuilder md = new StringBuilder();
    md.append("## 2. Measure, shingles and threshold\n\n");
    md.append(
        "Each simulated corpus clustered exactly as `Clusterer` with `ALL_PAIRS` would, with"
            + " single linkage and with the library's greedy average linkage: every pair at or"
            + " above the threshold is a link (section 4 checks this against the library itself)."
            + " Configurations: measure and shingles (w4 = word"
            + " 4-shingles, c5 = character 5-grams; cosine is TF-IDF over words and has no"
            + " shingles). Values are means over the "
            + sweeps.size()
            + " seeds. Average linkage is computed for the shingle measures only; \"-\" marks"
            + " thresholds where it would take over "
            + Markdown.count(SweepRunner.AVERAGE_BUDGET)
            + " cross-pair scores, far from the best. The current default"
            + " is "
            + Choice.currentDefault().label()
            + ". With clusters this small, pairs in one cluster are a tiny fraction of all pairs,"
            + " and the adjusted Rand index comes out within a few thousandths of pairwise F1.\n\n");
    for (Linkage linkage : List.of(Linkage.SINGLE, Linkage.AVERAGE)) {
      md.append(byThreshold(first, means, configs, linkage));
    }
    md.append(summary(first, means, configs));
    md.append(verdict(first, means, best));
    md.append(details(means, best));
    return md.toString();
  }

  /** F1 and ARI of every configuration with {@code linkage} at every threshold. */
  private static String byThreshold(
      Sweep first, Map<Config, List<Mean>> means, List<Config> configs, Linkage linkage) {
    List<Config> columns = new ArrayList<>();
    for (Config c : configs) {
      if (c.linkage() == linkage) {
        columns.add(c);
      }
    }
    String[] header = new String[columns.size() + 1];
    header[0] = "threshold";
    for (int c = 0; c < columns.size(); c++) {
      header[c + 1] = columns.get(c).shortLabel();
    }
    Markdown f1 = new Markdown(header);
    Markdown ari = new Markdown(header);
    for (int t = 0; t < first.thresholds.size(); t++) {
      Object[] f = new Object[header.length];
      Object[] a = new Object[header.length];
      f[0] = Markdown.fixed(first.thresholds.get(t), 2);
      a[0] = f[0];
      for (int c = 0; c < columns.size(); c++) {
        List<Mean> rows = means.get(columns.get(c));
        Mean m = rows.get(t);
        String mark = m.threshold() == SweepStatistics.best(rows).threshold() ? "**" : "";
        f[c + 1] = m.computed() ? mark + Markdown.fixed(m.f1(), 3) + mark : "-";
        a[c + 1] = m.computed() ? mark + Markdown.fixed(m.ari(), 3) + mark : "-";
      }
      f1.row(f);
      ari.row(a);
    }
    String name = linkage.name().toLowerCase(Locale.ROOT);
    return "### Pairwise F1, "
        + name
        + " linkage (bold: best threshold of each configuration)\n\n"
        + f1
        + "\n"
        + "<details><summary>Adjusted Rand index, "
        + name
        + " linkage</summary>\n\n"
        + ari
        + "\n</details>\n\n";
  }

  /** The best threshold of each configuration. */
  private static String summary(Sweep first, Map<Config, List<Mean>> means, List<Config> configs) {
    Markdown summary =
        new Markdown(
            "configuration",
            "best threshold",
            "precision",
            "recall",
            "F1",
            "ARI",
            "lowest F1 / ARI of a seed",
            "thresholds with F1 >= " + TARGET_F1,
            "join time (s)");
    for (Config c : configs) {
      Mean b = SweepStatistics.best(means.get(c));
      summary.row(
          c.label(),
          Markdown.fixed(b.threshold(), 2),
          Markdown.fixed(b.precision(), 4),
          Markdown.fixed(b.recall(), 4),
          Markdown.fixed(b.f1(), 4),
          Markdown.fixed(b.ari(), 4),
          Markdown.fixed(b.minF1(), 4) + " / " + Markdown.fixed(b.minAri(), 4),
          range(means.get(c), TARGET_F1),
          Markdown.fixed(first.seconds.get(c), 1));
    }
    return "### Best threshold of each configuration\n\n" + summary + "\n";
  }

  /** The best configuration against the current default and the targets. */
  private static String verdict(Sweep first, Map<Config, List<Mean>> means, Choice best) {
    Mean bestMean = SweepStatistics.best(means.get(best.config()));
    Choice current = Choice.currentDefault();
    String currentScores = " (not in this sweep)";
    if (first.has(current.threshold()) && means.containsKey(current.config())) {
      Mean cur = means.get(current.config()).get(first.index(current.threshold()));
      currentScores =
          ": mean F1 " + Markdown.fixed(cur.f1(), 4) + ", mean ARI " + Markdown.fixed(cur.ari(), 4);
    }
    return "Best overall: **"
        + best.label()
        + "**, mean F1 "
        + Markdown.fixed(bestMean.f1(), 4)
        + " (lowest seed "
        + Markdown.fixed(bestMean.minF1(), 4)
        + "), mean ARI "
        + Markdown.fixed(bestMean.ari(), 4)
        + " (lowest seed "
        + Markdown.fixed(bestMean.minAri(), 4)
        + "). Current default "
        + current.label()
        + currentScores
        + ". Targets: F1 >= "
        + TARGET_F1
        + ", ARI >= "
        + TARGET_ARI
        + ".\n\n";
  }

  /** Every threshold of the best configuration and of the current default. */
  private static String details(Map<Config, List<Mean>> means, Choice best) {
    List<Config> detailed = new ArrayList<>();
    detailed.add(best.config());
    if (!detailed.contains(Choice.currentDefault().config())
        && means.containsKey(Choice.currentDefault().config())) {
      detailed.add(Choice.currentDefault().config());
    }
    StringBuilder md = new StringBuilder();
    for (Config c : detailed) {
      Markdown d =
          new Markdown("threshold", "precision", "recall", "F1", "ARI", "lowest F1 of a seed");
      for (Mean m : means.get(c)) {
        if (m.computed()) {
          d.row(
              Markdown.fixed(m.threshold(), 2),
              Markdown.fixed(m.precision(), 4),
              Markdown.fixed(m.recall(), 4),
              Markdown.fixed(m.f1(), 4),
              Markdown.fixed(m.ari(), 4),
              Markdown.fixed(m.minF1(), 4));
        }
      }
      md.append("### ")
          .append(c.label())
          .append(c.equals(best.config()) ? " (best)" : "")
          .append(c.equals(Choice.currentDefault().config()) ? " (current default)" : "")
          .append(", every threshold\n\n")
          .append(d)
          .append('\n');
    }
    return md.toString();
  }

  /** The thresholds at which mean F1 reaches {@code min}, as "0.35-0.60" (or "none"). */
  private static String range(List<Mean> rows, double min) {
    List<String> runs = new ArrayList<>();
    int i = 0;
    while (i < rows.size()) {
      if (rows.get(i).computed() && rows.get(i).f1() >= min) {
        int j = i;
        while (j + 1 < rows.size() && rows.get(j + 1).computed() && rows.get(j + 1).f1() >= min) {
          j++;
        }
        runs.add(
            i == j
                ? Markdown.fixed(rows.get(i).threshold(), 2)
                : Markdown.fixed(rows.get(i).threshold(), 2)
                    + "-"
                    + Markdown.fixed(rows.get(j).threshold(), 2));
        i = j + 1;
      } else {
        i++;
      }
    }
    return runs.isEmpty() ? "none" : String.join(", ", runs);
  }
}
