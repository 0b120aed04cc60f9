package io.textsim.evaluation;

import java.util.List;

/** Section 6 of the quality report: LSH recall on a large simulated corpus. */
final class LshRecallSection {
  /** The target for LSH recall. */
  static final double TARGET_LSH_RECALL = 0.98;

  private LshRecallSection() {}

  /**
   * @param documents the size of the corpus asked for
   * @param chosen the chosen configuration, shown in bold
   * @param rows the configurations checked
   */
  static String markdown(int documents, Choice chosen, List<LshRecall.Row> rows) {
    Markdown t =
        new Markdown(
            "configuration",
            "documents",
            "exact linked pairs",
            "LSH linked pairs",
            "recall",
            "exact pairs in one LSH cluster",
            "ARI LSH vs exact",
            "exact join (s)",
            "LSH clustering (s)");
    for (LshRecall.Row r : rows) {
      boolean bold = r.choice().equals(chosen);
      String label = r.choice().label();
      String recall = Markdown.percent(r.recall(), 2);
      t.row(
          bold ? "**" + label + "**" : label,
          Markdown.count(r.documents()),
          Markdown.count(r.exactPairs()),
          Markdown.count(r.lshPairs()),
          bold ? "**" + recall + "**" : recall,
          Markdown.percent(r.together(), 2),
          Markdown.fixed(r.ari(), 4),
          Markdown.fixed(r.exactSeconds(), 1),
          Markdown.fixed(r.lshSeconds(), 1));
    }
    return "## 6. LSH recall on "
        + Markdown.count(documents)
        + " simulated documents\n\n"
        + "Every LSH candidate is verified with the exact measure, so the pairs LSH links are a"
        + " subset of the exact linked pairs, and recall is their ratio. The exact pairs come"
        + " from a prefix-filter join (exact, no pair missed) instead of 200 million"
        + " comparisons. `exact pairs in one LSH cluster` counts the exact linked pairs whose"
        + " documents the LSH clustering puts in one cluster (through other links if not"
        + " directly). The chosen configuration is in bold; the other thresholds show how the"
        + " banding holds up. Target: recall >= "
        + Markdown.percent(TARGET_LSH_RECALL, 0)
        + ".\n\n"
        + t
        + "\n";
  }
}
