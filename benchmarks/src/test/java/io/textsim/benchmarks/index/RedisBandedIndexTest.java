package io.textsim.benchmarks.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.textsim.benchmarks.CorpusGenerator;
import io.textsim.benchmarks.CorpusGenerator.Article;
import io.textsim.index.IndexDocument;
import io.textsim.index.IndexMatch;
import io.textsim.index.IndexOptions;
import io.textsim.index.NearDuplicateIndex;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Redis peer keeps the same index as textsim's: on the same documents it gives the same matches
 * with the same scores, so the benchmark compares storage and nothing else. Against a real
 * redis-server; skipped, saying why, without one.
 */
class RedisBandedIndexTest {
  @TempDir Path tmp;

  @Test
  void sameMatchesAsTheTextsimIndex() throws Exception {
    List<Article> articles = CorpusGenerator.defaults().articles(700);
    List<IndexDocument> stored = new ArrayList<>();
    for (Article a : articles.subList(0, 600)) {
      stored.add(IndexDocument.of(a.id(), a.text()));
    }
    try (RedisProcess server = RedisProcess.start(tmp);
        NearDuplicateIndex index =
            NearDuplicateIndex.open(tmp.resolve("index"), IndexOptions.defaults());
        RedisBandedIndex redis =
            new RedisBandedIndex(
                "127.0.0.1", server.port, index.minHashParameters(), index.lshParameters())) {
      for (int i = 0; i < stored.size(); i += 256) {
        List<IndexDocument> batch = stored.subList(i, Math.min(stored.size(), i + 256));
        index.add(batch);
        redis.add(batch);
      }
      int withMatches = 0;
      for (Article q : articles.subList(600, 700)) {
        List<IndexMatch> expected = index.query(q.text(), Optional.empty(), 10, 0.0);
        List<RedisBandedIndex.Match> got = redis.query(q.text(), 10);
        assertEquals(expected.size(), got.size(), q.id());
        for (int r = 0; r < expected.size(); r++) {
          assertEquals(expected.get(r).id(), got.get(r).id(), q.id());
          assertEquals(expected.get(r).score(), got.get(r).score(), q.id());
        }
        withMatches += expected.isEmpty() ? 0 : 1;
      }
      assertTrue(withMatches > 10, "the queries must find copies: " + withMatches);
    }
  }

  @Test
  void theBenchmarkComparesBothOnTheSameDocuments() throws Exception {
    try (RedisProcess server = RedisProcess.start(tmp)) {
      IndexBenchmark.Settings settings =
          IndexBenchmark.Settings.parse(
              "--articles",
              "800",
              "--queries",
              "100",
              "--dir",
              tmp.resolve("bench").toString(),
              "--redis",
              "127.0.0.1:" + server.port,
              "--threads",
              "2");
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      IndexBenchmark.report(
          settings,
          IndexBenchmark.run(settings, new PrintStream(new ByteArrayOutputStream(), true, "UTF-8")),
          new PrintStream(out, true, "UTF-8"));
      String report = out.toString(StandardCharsets.UTF_8);
      assertTrue(report.contains("| textsim NearDuplicateIndex"), report);
      assertTrue(report.contains("| Redis via Jedis"), report);
      assertTrue(report.contains("the same top-10 ids for 100 of 100 queries"), report);
    }
  }
}
