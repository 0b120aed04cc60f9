package io.textsim.evaluation;

import java.util.List;
import java.util.Locale;

/** Section 4 of the quality report: the library's clusterer on the first seed's corpus. */
final class LibrarySection {
  private LibrarySection() {}

  static String markdown(List<LibraryCheck.Run> runs) {
    Markdown t =
        new Markdown(
            "configuration",
            "strategy",
            "precision",
            "recall",
            "F1",
            "ARI",
            "vs exact",
            "time (s)");
    for (LibraryCheck.Run run : runs) {
      ClusteringMetrics.Scores s = run.scores();
      t.row(
          run.choice().label(),
          run.strategy().name().toLowerCase(Locale.ROOT),
          Markdown.fixed(s.precision(), 4),
          Markdown.fixed(s.recall(), 4),
          Markdown.fixed(s.f1(), 4),
          Markdown.fixed(s.adjustedRand(), 4),
          run.vsExact().isPresent() ? Markdown.fixed(run.vsExact().getAsDouble(), 4) : "-",
          Markdown.fixed(run.seconds(), 1));
    }
    return "## 4. The library's clusterer on the same corpus\n\n"
        + "`Clusterer.cluster` run end to end (profiles, candidates, verification, linkage) with"
        + " `CandidateStrategy.AUTO`, which picks LSH for this many documents; `vs exact` is the"
        + " adjusted Rand index between its clustering and the exact one of section 2 (1 ="
        + " identical).\n\n"
        + t
        + "\n";
  }
}
