package io.textsim.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * A seeded collection for the index tests: distinct news-like originals, and for each a copy as
 * another outlet would run it (its own header and footer, a few words changed, the last sentence
 * dropped), so that each copy's original is its best match and no other original comes close.
 */
final class IndexCorpus {
  private static final String[] WORDS = words(3000);

  /** The originals, {@code originals/story-NN.txt}. */
  final List<Path> originals = new ArrayList<>();

  /** The copies, {@code copies/story-NN.txt}: copy i is of original i. */
  final List<Path> copies = new ArrayList<>();

  /** The originals as JSONL, with ids {@code story-NN}, sources and times. */
  final Path originalsJsonl;

  /** The copies as JSONL, with ids {@code copy-NN}. */
  final Path copiesJsonl;

  private IndexCorpus(Path dir, int stories) throws IOException {
    Path o = Files.createDirectories(dir.resolve("originals"));
    Path c = Files.createDirectories(dir.resolve("copies"));
    StringBuilder originalLines = new StringBuilder();
    StringBuilder copyLines = new StringBuilder();
    ObjectMapper json = new ObjectMapper();
    for (int i = 0; i < stories; i++) {
      String name = String.format(Locale.ROOT, "story-%02d", i);
      String story = story(1000 + i);
      String copy = copy(story, 2000 + i);
      originals.add(Files.writeString(o.resolve(name + ".txt"), story, StandardCharsets.UTF_8));
      copies.add(Files.writeString(c.resolve(name + ".txt"), copy, StandardCharsets.UTF_8));
      originalLines
          .append("{\"id\": \"")
          .append(name)
          .append("\", \"text\": ")
          .append(json.writeValueAsString(story))
          .append(", \"url\": \"https://wire.example/")
          .append(name)
          .append("\", \"time\": \"2026-03-01T08:")
          .append(String.format(Locale.ROOT, "%02d", i % 60))
          .append(":00Z\"}\n");
      copyLines
          .append("{\"id\": \"copy-")
          .append(String.format(Locale.ROOT, "%02d", i))
          .append("\", \"text\": ")
          .append(json.writeValueAsString(copy))
          .append(", \"source\": \"outlet.example\"}\n");
    }
    originalsJsonl = Files.writeString(dir.resolve("originals.jsonl"), originalLines);
    copiesJsonl = Files.writeString(dir.resolve("copies.jsonl"), copyLines);
  }

  /** Writes {@code stories} originals and their copies under {@code dir}. */
  static IndexCorpus write(Path dir, int stories) {
    try {
      return new IndexCorpus(dir, stories);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The paths as strings, for command lines. */
  static List<String> strings(List<Path> paths) {
    return paths.stream().map(Path::toString).toList();
  }

  /** Twelve sentences of nine to sixteen words. */
  static String story(long seed) {
    Random random = new Random(seed);
    StringBuilder sb = new StringBuilder();
    for (int s = 0; s < 12; s++) {
      int n = 9 + random.nextInt(8);
      for (int w = 0; w < n; w++) {
        String word = WORDS[random.nextInt(WORDS.length)];
        sb.append(w == 0 ? Character.toUpperCase(word.charAt(0)) + word.substring(1) : word);
        sb.append(w == n - 1 ? ". " : " ");
      }
    }
    return sb.toString().strip();
  }

  /** The story as another outlet runs it. */
  static String copy(String story, long seed) {
    Random random = new Random(seed);
    String[] sentences = story.split("(?<=\\.) ");
    StringBuilder sb = new StringBuilder("Outlet ").append(seed).append(" | Home | World\n\n");
    for (int s = 0; s < sentences.length - 1; s++) {
      String[] words = sentences[s].split(" ");
      if (s % 4 == 1) {
        words[random.nextInt(words.length - 1)] = WORDS[random.nextInt(WORDS.length)];
      }
      sb.append(String.join(" ", words)).append(' ');
    }
    return sb.append("\n\nShare this story. Comments are closed.").toString();
  }

  private static String[] words(int n) {
    Random random = new Random(42);
    String[] out = new String[n];
    for (int i = 0; i < n; i++) {
      StringBuilder w = new StringBuilder();
      for (int j = 2 + random.nextInt(8); j > 0; j--) {
        w.append((char) ('a' + random.nextInt(26)));
      }
      out[i] = w.toString();
    }
    return out;
  }
}
