package io.textsim.evaluation;

import io.textsim.evaluation.SimulatedCorpus.Kind;
import io.textsim.evaluation.SyndicationSimulator.Change;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Section 1 of the quality report: the simulated corpus. */
final class CorpusSection {
  private CorpusSection() {}

  /**
   * @param pool the stories the corpora were simulated from
   * @param corpus the first corpus, which the tables describe
   * @param summary what {@code corpus} holds
   * @param seeds the seeds of all the corpora
   */
  static String markdown(
      StoryPool pool, SimulatedCorpus corpus, CorpusSummary summary, List<Long> seeds) {
    int bases = corpus.settings().bases();
    int present = summary.count(Kind.BASE);
    int copies = summary.copies();
    StringBuilder md = new StringBuilder();
    md.append("## 1. The simulated corpus\n\n");
    md.append(
        "The "
            + Markdown.count(pool.size())
            + " stories fall into "
            + Markdown.count(pool.groups())
            + " groups of near-duplicates ("
            + StoryPool.DEDUP_RULE
            + "; "
            + Markdown.count(pool.nearDuplicatePairs())
            + " linked pairs); at most one story per group is used. "
            + Markdown.count(corpus.eligibleBases())
            + " groups have a story of at least "
            + corpus.settings().minWords()
            + " words, from which "
            + Markdown.count(bases)
            + " base stories were drawn. Each copy comes from one of "
            + SyndicationSimulator.outlets()
            + " simulated outlets, whose page furniture (headline, dateline, licence, share links,"
            + " other headlines, comment form, quotes, line breaks) is fixed per outlet, so that"
            + " different stories from one outlet share it. The evaluation runs on "
            + seeds.size()
            + " corpora simulated with seeds "
            + seedList(seeds)
            + "; the tables below describe the first.\n\n");
    Markdown t = new Markdown("documents", "count");
    t.row("base stories present", Markdown.count(present));
    t.row("base stories left out (only their copies are there)", Markdown.count(bases - present));
    t.row("simulated copies", Markdown.count(copies));
    t.row("topic negatives", Markdown.count(summary.count(Kind.TOPIC_NEGATIVE)));
    t.row("template negatives", Markdown.count(summary.count(Kind.TEMPLATE_NEGATIVE)));
    t.row("other Reuters stories (background)", Markdown.count(summary.count(Kind.BACKGROUND)));
    t.row("**total documents**", Markdown.count(corpus.size()));
    t.row("true clusters", Markdown.count(summary.trueClusters()));
    t.row("true pairs", Markdown.count(summary.truePairs()));
    md.append(t).append('\n');
    StringBuilder sizes = new StringBuilder();
    for (Map.Entry<Integer, Integer> e : summary.clusterSizes().entrySet()) {
      sizes.append(sizes.length() == 0 ? "" : ", ").append(e.getKey()).append(": ");
      sizes.append(Markdown.count(e.getValue()));
    }
    md.append("True cluster sizes (size: clusters): ").append(sizes).append(".\n\n");
    Markdown c = new Markdown("change", "copies", "share of copies");
    for (Change ch : Change.values()) {
      int k = summary.count(ch);
      if (k == 0) {
        continue;
      }
      c.row("`" + ch + "`", Markdown.count(k), Markdown.percent((double) k / copies, 0));
    }
    md.append("What the simulated outlets did (a copy usually has several changes):\n\n")
        .append(c)
        .append('\n');
    return md.toString();
  }

  /** The seeds as "42, 43 and 44". */
  static String seedList(List<Long> seeds) {
    List<String> names = new ArrayList<>();
    for (long x : seeds) {
      names.add(Long.toString(x));
    }
    if (names.size() == 1) {
      return names.get(0);
    }
    return String.join(", ", names.subList(0, names.size() - 1))
        + " and "
        + names.get(names.size() - 1);
  }
}
