package io.textsim.cli;

import io.textsim.core.cluster.CandidateStrategy;
import io.textsim.core.cluster.ClusterMeasure;
import io.textsim.core.cluster.Clustering;
import io.textsim.core.cluster.Linkage;
import io.textsim.core.explain.Explanation;
import io.textsim.core.explain.Passage;
import io.textsim.core.html.HtmlText;
import io.textsim.core.measure.Comparison;
import io.textsim.core.measure.Measure;
import io.textsim.core.measure.VerdictRule;
import io.textsim.index.IndexMatch;
import io.textsim.proto.v1.StatsResponse;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The output model: what a command prints, built either by the core ({@link LocalBackend}) or from
 * a server's response ({@link RemoteBackend}), so that both modes print the same bytes.
 */
final class Reports {
  private Reports() {}

  /**
   * One compared text.
   *
   * @param id the path as given
   * @param chars its length in UTF-16 code units (the unit of passage offsets)
   * @param tokens its number of word tokens
   * @param html for a page read as HTML, how it was decoded: its text, and so {@code chars} and the
   *     passage offsets, are those of the visible text extracted from it
   */
  record Doc(String id, int chars, int tokens, Optional<HtmlText> html) {
    Doc {
      Objects.requireNonNull(id, "id");
      Objects.requireNonNull(html, "html");
    }

    /** A plain text. */
    Doc(String id, int chars, int tokens) {
      this(id, chars, tokens, Optional.empty());
    }
  }

  /**
   * The result of {@code compare}.
   *
   * @param comparison the reported scores, in {@link io.textsim.core.measure.Measure} order, and
   *     the exact edit distances that were computed
   * @param judgement near-duplicate, related or different, and the clause of the rule that decided
   *     it (its rule holds the threshold)
   * @param explanation the passages both texts share and those only one has (the latter marked as
   *     furniture or not when furniture was given)
   * @param content the same scores and verdict with the furniture taken out, when furniture was
   *     given ({@code --furniture-from})
   */
  record Compare(
      Doc a,
      Doc b,
      Comparison comparison,
      VerdictRule.Judgement judgement,
      Explanation explanation,
      Optional<Content> content) {
    Compare {
      Objects.requireNonNull(comparison, "comparison");
      Objects.requireNonNull(judgement, "judgement");
      Objects.requireNonNull(explanation, "explanation");
      Objects.requireNonNull(content, "content");
    }

    /** The verdict's threshold. */
    double threshold() {
      return judgement.rule().threshold();
    }

    /** This report with what is known of how the inputs were read (HTML or plain text). */
    Compare withInputs(Input x, Input y) {
      return new Compare(
          new Doc(a.id(), a.chars(), a.tokens(), x.html()),
          new Doc(b.id(), b.chars(), b.tokens(), y.html()),
          comparison,
          judgement,
          explanation,
          content);
    }
  }

  /**
   * A pair judged on its content: the furniture cut out of both texts.
   *
   * @param comparison the same scores as the pair's, on the content
   * @param judgement the verdict on the content
   */
  record Content(Comparison comparison, VerdictRule.Judgement judgement) {
    Content {
      Objects.requireNonNull(comparison, "comparison");
      Objects.requireNonNull(judgement, "judgement");
    }
  }

  /** What the cluster command prints: every document in exactly one cluster. */
  record Cluster(
      int documents,
      double threshold,
      ClusterMeasure measure,
      Linkage linkage,
      CandidateStrategy strategy,
      List<Clustering.Cluster> clusters) {
    Cluster {
      clusters = List.copyOf(clusters);
    }

    /** The report of a core clustering made with {@code linkage}. */
    static Cluster of(Clustering c, Linkage linkage) {
      return new Cluster(
          c.documents(), c.threshold(), c.measure(), linkage, c.stats().strategy(), c.clusters());
    }
  }

  /**
   * One match of {@code search}.
   *
   * @param located where the query sits in the document (its passages shared with the query), for
   *     containment ranking and for short queries; empty otherwise
   */
  record Match(String id, double score, List<Passage> located) {
    Match {
      Objects.requireNonNull(id, "id");
      located = List.copyOf(located);
    }
  }

  /**
   * The page furniture a search took out before scoring.
   *
   * @param learnedFrom {@code documents} (the documents searched) or {@code furniture_from}
   * @param sources the sources that have furniture
   * @param shingles the furniture shingles of every source together
   */
  record Furniture(String learnedFrom, int sources, int shingles) {
    Furniture {
      Objects.requireNonNull(learnedFrom, "learnedFrom");
    }
  }

  /**
   * The result of {@code search}.
   *
   * @param query the query's id
   * @param documents the number of documents searched
   * @param measure the measure the matches are ranked by
   * @param matches the best matches, best first, at most top, none below the minimum score
   * @param furniture the furniture taken out of the query and the documents before scoring, when
   *     furniture was learned ({@code --furniture learn} or {@code --furniture-from})
   */
  record Search(
      String query,
      int documents,
      Measure measure,
      int top,
      double minScore,
      List<Match> matches,
      Optional<Furniture> furniture) {
    Search {
      Objects.requireNonNull(measure, "measure");
      Objects.requireNonNull(furniture, "furniture");
      matches = List.copyOf(matches);
    }
  }

  /**
   * The answer to one query of {@code index query}.
   *
   * @param query the query's id: the path as given, or the JSONL id
   * @param matches the verified matches, best first
   */
  record IndexResult(String query, List<IndexMatch> matches) {
    IndexResult {
      Objects.requireNonNull(query, "query");
      matches = List.copyOf(matches);
    }
  }

  /**
   * What {@code index stats} prints: the fields of the IndexService's Stats answer, which the local
   * index's stats map onto through the same wire mapping.
   *
   * @param shingleWords words per shingle, 0 for character shingles
   */
  record IndexStats(
      String index,
      long documents,
      long diskBytes,
      int formatVersion,
      int numHashes,
      int bands,
      int rows,
      double threshold,
      int shingleWords) {
    IndexStats {
      Objects.requireNonNull(index, "index");
    }

    /** The report of a Stats answer for the index called {@code index}. */
    static IndexStats of(String index, StatsResponse s) {
      return new IndexStats(
          index,
          s.getDocuments(),
          s.getDiskBytes(),
          s.getFormatVersion(),
          s.getNumHashes(),
          s.getBands(),
          s.getRows(),
          s.getThreshold(),
          s.getShingleWords());
    }
  }
}
