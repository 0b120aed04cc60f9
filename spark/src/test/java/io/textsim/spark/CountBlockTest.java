package io.textsim.spark;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@link CountBlock#combine}, over occurrences split into blocks in any way and combined in any
 * number of rounds, against a map of (source, shingle) to every order number seen.
 */
class CountBlockTest {
  private record Key(long source, long shingle) implements Comparable<Key> {
    @Override
    public int compareTo(Key o) {
      int c = Long.compare(source, o.source);
      return c != 0 ? c : Long.compare(shingle, o.shingle);
    }
  }

  private record Order(long rank, long tie) implements Comparable<Order> {
    @Override
    public int compareTo(Order o) {
      return CountBlock.compare(rank, tie, o.rank, o.tie);
    }
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 2, 3, 4, 5, 6})
  void combinesAsAMapOfAllOccurrences(int seed) {
    Random random = new Random(seed);
    int keep = 1 + random.nextInt(8);
    int minCount = 1 + random.nextInt(4);
    long[] sources = {Long.MIN_VALUE, -3, 0, 42, Long.MAX_VALUE};
    Map<Key, TreeSet<Order>> seen = new TreeMap<>();
    List<CountBlock> blocks = new ArrayList<>();
    int documents = 400;
    CountBlock.Builder block = new CountBlock.Builder();
    for (int d = 0; d < documents; d++) {
      // Ranks collide now and then (distinct documents, one hash), so ties must order them.
      long[] rank = {random.nextInt(documents / 2) - documents / 4L};
      long[] tie = {d};
      long source = sources[random.nextInt(seed < 3 ? 1 : sources.length)];
      TreeSet<Long> shingles = new TreeSet<>();
      for (int k = 0; k < 30; k++) {
        shingles.add((long) random.nextInt(300) - 150);
      }
      for (long h : shingles) {
        block.add(source, h, 1, rank, tie, 1);
        seen.computeIfAbsent(new Key(source, h), x -> new TreeSet<>())
            .add(new Order(rank[0], tie[0]));
      }
      if (random.nextInt(20) == 0) {
        blocks.add(block.build());
        block = new CountBlock.Builder();
      }
    }
    blocks.add(block.build());
    // Combined as a job does: per map-side chunk, then again at the reducer, in two halves.
    List<CountBlock> partial = new ArrayList<>();
    for (CountBlock b : blocks) {
      partial.add(CountBlock.combine(List.of(b), keep, 1));
    }
    int half = partial.size() / 2;
    CountBlock left = CountBlock.combine(partial.subList(0, half), keep, 1);
    CountBlock right = CountBlock.combine(partial.subList(half, partial.size()), keep, 1);
    CountBlock combined = CountBlock.combine(List.of(right, left), keep, minCount);

    int g = 0;
    for (Map.Entry<Key, TreeSet<Order>> e : seen.entrySet()) {
      if (e.getValue().size() < minCount) {
        continue;
      }
      assertEquals(e.getKey().source(), combined.sources()[g]);
      assertEquals(e.getKey().shingle(), combined.shingles()[g]);
      assertEquals(e.getValue().size(), combined.counts()[g]);
      List<Order> smallest =
          new ArrayList<>(e.getValue()).subList(0, Math.min(keep, e.getValue().size()));
      int from = combined.firstsFrom(g);
      int to = combined.ends()[g];
      long[] ranks = new long[to - from];
      long[] ties = new long[to - from];
      for (int k = from; k < to; k++) {
        ranks[k - from] = combined.ranks()[k];
        ties[k - from] = combined.ties()[k];
      }
      assertArrayEquals(smallest.stream().mapToLong(Order::rank).toArray(), ranks);
      assertArrayEquals(smallest.stream().mapToLong(Order::tie).toArray(), ties);
      g++;
    }
    assertEquals(g, combined.groups());
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 2, 3})
  void occurrencesCombineAsBlocksDo(int seed) {
    Random random = new Random(seed);
    int keep = 1 + random.nextInt(8);
    int partitions = 1 + random.nextInt(5);
    CountBlock.Destination destination =
        (source, shingle) -> Math.floorMod(Long.hashCode(source * 31 + shingle), partitions);
    CountBlock.Occurrences chunk = new CountBlock.Occurrences(5000);
    CountBlock.Builder block = new CountBlock.Builder();
    while (!chunk.full()) {
      long source = random.nextInt(3) - 1;
      long shingle = random.nextInt(400) - 200;
      long[] rank = {random.nextInt(100) - 50};
      long[] tie = {random.nextInt(1000)};
      chunk.add(source, shingle, rank[0], tie[0]);
      block.add(source, shingle, 1, rank, tie, 1);
    }
    CountBlock all = CountBlock.combine(List.of(block.build()), keep, 1);
    CountBlock.Builder[] expected = new CountBlock.Builder[partitions];
    for (int g = 0; g < all.groups(); g++) {
      int p = destination.of(all.sources()[g], all.shingles()[g]);
      if (expected[p] == null) {
        expected[p] = new CountBlock.Builder();
      }
      expected[p].add(all, g);
    }
    CountBlock[] got = chunk.combine(keep, destination, partitions);
    assertEquals(0, chunk.size());
    for (int p = 0; p < partitions; p++) {
      if (expected[p] == null) {
        assertEquals(null, got[p]);
        continue;
      }
      CountBlock e = expected[p].build();
      assertArrayEquals(e.sources(), got[p].sources());
      assertArrayEquals(e.shingles(), got[p].shingles());
      assertArrayEquals(e.counts(), got[p].counts());
      assertArrayEquals(e.ends(), got[p].ends());
      assertArrayEquals(e.ranks(), got[p].ranks());
      assertArrayEquals(e.ties(), got[p].ties());
    }
  }
}
