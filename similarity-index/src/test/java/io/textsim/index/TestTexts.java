package io.textsim.index;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** Seeded article-like texts, their near copies, and a clock the tests move by hand. */
final class TestTexts {
  private static final String[] VOCABULARY = vocabulary(4000);

  private TestTexts() {}

  /** An article of {@code words} words drawn from a fixed vocabulary by {@code seed}. */
  static String article(long seed, int words) {
    Random random = new Random(seed);
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < words; i++) {
      if (i > 0) {
        sb.append(i % 17 == 0 ? ". " : " ");
      }
      sb.append(VOCABULARY[random.nextInt(VOCABULARY.length)]);
    }
    return sb.append('.').toString();
  }

  /** {@code text} inside a header and footer, with every 40th word changed. */
  static String copy(String text, long seed) {
    Random random = new Random(seed);
    String[] words = text.split(" ");
    List<String> out = new ArrayList<>();
    out.add("Outlet" + seed + " News - Home - World -");
    for (int i = 0; i < words.length; i++) {
      out.add(i % 40 == 39 ? VOCABULARY[random.nextInt(VOCABULARY.length)] : words[i]);
    }
    out.add("Copyright Outlet" + seed + ". All rights reserved.");
    return String.join(" ", out);
  }

  private static String[] vocabulary(int n) {
    Random random = new Random(7);
    String[] words = new String[n];
    for (int i = 0; i < n; i++) {
      StringBuilder w = new StringBuilder();
      int len = 3 + random.nextInt(7);
      for (int j = 0; j < len; j++) {
        w.append((char) ('a' + random.nextInt(26)));
      }
      words[i] = w.toString();
    }
    return words;
  }

  /** A clock that stands still until moved. */
  static final class ManualClock extends Clock {
    private volatile Instant now;

    ManualClock(Instant start) {
      this.now = start;
    }

    void advance(Duration d) {
      now = now.plus(d);
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }
}
