package io.textsim.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.textsim.core.cluster.PassageKeys;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.spark.util.LongAccumulator;
import org.junit.jupiter.api.Test;

/** The pairs of one bucket, by the rule of {@link CandidateStage}. */
class CandidateStageTest {
  private static CandidateStage.Member member(long position, long content) {
    return new CandidateStage.Member(position, content, false);
  }

  @Test
  void copiesArePairedWithTheFirstCopyOnly() {
    List<CandidateStage.Member> bucket = new ArrayList<>();
    for (long p : new long[] {9, 3, 7, 5, 1}) {
      bucket.add(member(p, 42)); // five copies
    }
    bucket.add(member(4, 1));
    bucket.add(member(8, 2));
    LongAccumulator capped = new LongAccumulator();
    List<CandidateStage.Pair> pairs = CandidateStage.pairsInBucket(bucket, 1000, capped);
    Set<CandidateStage.Pair> expected =
        Set.of(
            new CandidateStage.Pair(1, 3, true),
            new CandidateStage.Pair(1, 5, true),
            new CandidateStage.Pair(1, 7, true),
            new CandidateStage.Pair(1, 9, true),
            new CandidateStage.Pair(1, 4, false),
            new CandidateStage.Pair(1, 8, false),
            new CandidateStage.Pair(4, 8, false));
    assertEquals(expected, new HashSet<>(pairs));
    assertEquals(expected.size(), pairs.size());
    assertEquals(0, capped.value());
  }

  @Test
  void aBucketOverTheCapIsChainedToItsFirstMember() {
    List<CandidateStage.Member> bucket = new ArrayList<>();
    for (int p = 0; p < 50; p++) {
      bucket.add(member(p, p));
    }
    LongAccumulator capped = new LongAccumulator();
    List<CandidateStage.Pair> pairs = CandidateStage.pairsInBucket(bucket, 10, capped);
    assertEquals(1, capped.value());
    assertEquals(49 + 48, new HashSet<>(pairs).size());
    for (int p = 1; p < 50; p++) {
      assertTrue(pairs.contains(new CandidateStage.Pair(0, p, false)));
      assertTrue(pairs.contains(new CandidateStage.Pair(p - 1, p, false)));
    }
  }

  @Test
  void blankAndNonBlankEmptyContentAreDifferentClasses() {
    List<CandidateStage.Member> bucket = new ArrayList<>();
    bucket.add(new CandidateStage.Member(0, 7, true));
    bucket.add(new CandidateStage.Member(1, 7, false));
    bucket.add(new CandidateStage.Member(2, 7, true));
    List<CandidateStage.Pair> pairs =
        CandidateStage.pairsInBucket(bucket, 1000, new LongAccumulator());
    assertEquals(
        Set.of(new CandidateStage.Pair(0, 2, true), new CandidateStage.Pair(0, 1, false)),
        new HashSet<>(pairs));
  }

  @Test
  void aPassageBucketPairsAllItsMembersUpToTheCoresLimitAndNoneAbove() {
    List<CandidateStage.Member> bucket = new ArrayList<>();
    for (long p : new long[] {6, 2, 4}) {
      bucket.add(member(p, p == 4 ? 6 : p)); // 4 and 6 have the same content
    }
    assertEquals(
        Set.of(
            new CandidateStage.Pair(2, 4, false),
            new CandidateStage.Pair(2, 6, false),
            new CandidateStage.Pair(4, 6, true)),
        new HashSet<>(CandidateStage.pairsInPassageBucket(bucket)));
    List<CandidateStage.Member> full = new ArrayList<>();
    for (int p = 0; p < PassageKeys.MAX_DOCUMENTS; p++) {
      full.add(member(p, p));
    }
    int m = PassageKeys.MAX_DOCUMENTS;
    assertEquals(m * (m - 1) / 2, new HashSet<>(CandidateStage.pairsInPassageBucket(full)).size());
    full.add(member(m, m));
    assertTrue(CandidateStage.pairsInPassageBucket(full).isEmpty());
  }
}
