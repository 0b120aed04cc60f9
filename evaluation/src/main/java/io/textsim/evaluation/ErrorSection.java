package io.textsim.evaluation;

import java.util.List;
import java.util.Map;

/** Section 3 of the quality report: where the errors are, on the first seed's corpus. */
final class ErrorSection {
  private ErrorSection() {}

  static String markdown(ErrorAnalysis analysis) {
    List<ErrorAnalysis.Checked> checked = analysis.checked();
    StringBuilder md = new StringBuilder("## 3. Where the errors are (first seed)\n\n");
    Markdown scores =
        new Markdown(
            "configuration", "precision", "recall", "F1", "ARI", "predicted pairs", "true pairs");
    for (ErrorAnalysis.Checked c : checked) {
      ClusteringMetrics.Scores s = c.scores();
      scores.row(
          label(c.choice()),
          Markdown.fixed(s.precision(), 4),
          Markdown.fixed(s.recall(), 4),
          Markdown.fixed(s.f1(), 4),
          Markdown.fixed(s.adjustedRand(), 4),
          Markdown.count(s.predictedPairs()),
          Markdown.count(s.truePairs()));
    }
    md.append(scores).append('\n');

    String[] header = new String[checked.size() + 2];
    header[0] = "copies with";
    header[1] = "copies";
    for (int i = 0; i < checked.size(); i++) {
      header[i + 2] = "found: " + label(checked.get(i).choice());
    }
    Markdown byChange = new Markdown(header);
    for (ErrorAnalysis.Found f : analysis.found()) {
      if (f.copies() == 0) {
        continue;
      }
      Object[] row = new Object[header.length];
      row[0] = f.copiesWith();
      row[1] = Markdown.count(f.copies());
      for (int l = 0; l < checked.size(); l++) {
        row[l + 2] = Markdown.percent((double) f.found().get(l) / f.copies(), 1);
      }
      byChange.row(row);
    }
    md.append(
            "A copy counts as found when it shares its predicted cluster with at least one other"
                + " member of its true cluster.\n\n")
        .append(byChange)
        .append('\n');

    for (ErrorAnalysis.Checked c : checked) {
      md.append("False links of ")
          .append(label(c.choice()))
          .append(": ")
          .append(falseLinks(c.falseLinks()))
          .append("\n\n");
    }
    return md.toString();
  }

  private static String label(Choice c) {
    return c.label() + (c.equals(Choice.currentDefault()) ? " (current default)" : "");
  }

  private static String falseLinks(ErrorAnalysis.FalseLinks f) {
    if (f.oversizedCluster() > 0) {
      return "a cluster of " + f.oversizedCluster() + " documents (not broken down)";
    }
    if (f.pairs() == 0) {
      return "none.";
    }
    StringBuilder sb = new StringBuilder();
    sb.append(Markdown.count(f.pairs())).append(" false pairs in ").append(f.mixedClusters());
    sb.append(" predicted clusters that mix true clusters (");
    boolean first = true;
    for (Map.Entry<String, Long> e : f.byKind().entrySet()) {
      sb.append(first ? "" : ", ").append(e.getKey().replace('_', ' ')).append(": ");
      sb.append(Markdown.count(e.getValue()));
      first = false;
    }
    return sb.append(").").toString();
  }
}
