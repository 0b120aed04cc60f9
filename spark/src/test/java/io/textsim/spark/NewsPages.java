package io.textsim.spark;

import io.textsim.core.cluster.Document;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Invented news pages for the Spark tests: stories of random words, copies of some of them carried
 * by other outlets (words changed, cut short), every outlet's page wrapping its story in a frame, a
 * related-story list and a comment form; pages of no known source, exact duplicates, blank texts,
 * pages that are all furniture, and bridges (half of one story, half of another). Seeded and
 * deterministic.
 */
final class NewsPages {
  private final SplittableRandom random;
  private final String[] vocabulary;

  NewsPages(long seed) {
    random = new SplittableRandom(seed);
    vocabulary = new String[5000];
    for (int i = 0; i < vocabulary.length; i++) {
      StringBuilder w = new StringBuilder();
      int length = 2 + random.nextInt(8);
      for (int c = 0; c < length; c++) {
        w.append((char) ('a' + random.nextInt(26)));
      }
      vocabulary[i] = w.toString();
    }
  }

  private String words(int n) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < n; i++) {
      sb.append(vocabulary[random.nextInt(vocabulary.length)]).append(i % 12 == 11 ? ". " : " ");
    }
    return sb.toString().trim();
  }

  private String edit(String story) {
    String[] w = story.split(" ");
    for (int e = random.nextInt(8); e > 0; e--) {
      w[random.nextInt(w.length)] = vocabulary[random.nextInt(vocabulary.length)];
    }
    int keep = random.nextInt(4) == 0 ? w.length * (6 + random.nextInt(4)) / 10 : w.length;
    return String.join(" ", java.util.Arrays.copyOf(w, keep));
  }

  /** About {@code n} pages from {@code outlets} outlets. */
  List<Document> pages(int n, int outlets) {
    String[][] frames = new String[outlets][];
    for (int o = 0; o < outlets; o++) {
      frames[o] = new String[] {words(50), words(80), words(7)};
    }
    List<String> headlines = new ArrayList<>();
    for (int i = 0; i < 60; i++) {
      headlines.add(words(8));
    }
    List<Document> docs = new ArrayList<>();
    List<String> stories = new ArrayList<>();
    while (docs.size() < n) {
      String story = words(60 + random.nextInt(400));
      stories.add(story);
      int copies = random.nextInt(10) < 4 ? 1 + random.nextInt(4) : 0;
      for (int c = 0; c <= copies; c++) {
        String text = c == 0 ? story : edit(story);
        int o = random.nextInt(outlets + 1);
        String id = "p" + docs.size();
        if (o == outlets) {
          docs.add(new Document(id, text));
        } else {
          String related =
              headlines.get(random.nextInt(headlines.size()))
                  + ". "
                  + headlines.get(random.nextInt(headlines.size()));
          String page =
              frames[o][0]
                  + "\n\n"
                  + text
                  + "\n\nRelated: "
                  + related
                  + "\n\n"
                  + frames[o][1]
                  + "\n\n"
                  + frames[o][2];
          docs.add(new Document(id, page, "outlet" + o + ".example"));
        }
      }
      int r = random.nextInt(100);
      if (r < 3 && !docs.isEmpty()) {
        Document d = docs.get(random.nextInt(docs.size()));
        docs.add(new Document("dup" + docs.size(), d.text(), d.source()));
      } else if (r < 4) {
        docs.add(new Document("blank" + docs.size(), random.nextBoolean() ? "" : "  \n"));
      } else if (r < 6 && stories.size() > 2) {
        String a = stories.get(random.nextInt(stories.size()));
        String b = stories.get(random.nextInt(stories.size()));
        docs.add(
            new Document(
                "bridge" + docs.size(),
                a.substring(a.length() / 2) + " " + b.substring(0, b.length() / 2)));
      } else if (r < 7) {
        int o = random.nextInt(outlets);
        docs.add(
            new Document(
                "frame" + docs.size(),
                frames[o][0] + "\n\n" + frames[o][1] + "\n\n" + frames[o][2],
                "outlet" + o + ".example"));
      }
    }
    return docs;
  }

  /** {@code copies} copies of one page of outlet 0, ids {@code same0...}. */
  List<Document> identical(int copies) {
    String page = words(300);
    List<Document> out = new ArrayList<>();
    for (int i = 0; i < copies; i++) {
      out.add(new Document("same" + i, page, "outlet0.example"));
    }
    return out;
  }
}
