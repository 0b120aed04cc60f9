package io.textsim.cli;

import static io.textsim.cli.Cli.run;
import static io.textsim.cli.CompareCommandTest.fieldNames;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.textsim.server.ServerConfig;
import io.textsim.server.TextsimServer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code search} with page furniture: 33 pages of two invented outlets whose frames (navigation,
 * legal text, a comment form) outweigh their short stories; the query is outlet a's page of a story
 * whose only copy is outlet b's page. As given, a page of outlet a shares the most with it; on
 * content, the copy does.
 */
class SearchFurnitureTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir static Path dir;

  private static TextsimServer server;
  private static String address;

  private static Path query;
  private static Path pages;
  private static Path jsonl;
  private static Path otherPages;
  private static Path copy;
  private static String story;

  /** Random words of a fixed vocabulary, seeded: stories no two of which share a shingle. */
  private static final class Words {
    private final SplittableRandom random = new SplittableRandom(29);
    private final String[] vocabulary = new String[3000];

    Words() {
      for (int i = 0; i < vocabulary.length; i++) {
        StringBuilder w = new StringBuilder();
        int length = 3 + random.nextInt(6);
        for (int c = 0; c < length; c++) {
          w.append((char) ('a' + random.nextInt(26)));
        }
        vocabulary[i] = w.toString();
      }
    }

    String words(int n) {
      StringBuilder sb = new StringBuilder();
      for (int i = 0; i < n; i++) {
        sb.append(vocabulary[random.nextInt(vocabulary.length)]).append(i % 12 == 11 ? ". " : " ");
      }
      return sb.toString().trim();
    }
  }

  private record Outlet(String header, String footer) {
    String page(String story, String related) {
      return header + "\n\n" + story + "\n\nRelated: " + related + "\n\n" + footer + "\n";
    }
  }

  @BeforeAll
  static void start() throws IOException {
    server = new TextsimServer(ServerConfig.builder().host("127.0.0.1").port(0).build()).start();
    address = "127.0.0.1:" + server.port();

    Words w = new Words();
    Outlet a = new Outlet(w.words(60), w.words(90));
    Outlet b = new Outlet(w.words(60), w.words(90));
    story = w.words(40);
    pages = dir.resolve("pages");
    otherPages = dir.resolve("other-pages");
    StringBuilder lines = new StringBuilder();
    for (int i = 0; i < 16; i++) {
      for (String outlet : List.of("a", "b")) {
        Outlet o = outlet.equals("a") ? a : b;
        String page = o.page(w.words(40), w.words(6));
        write(pages.resolve(outlet).resolve(String.format("%02d.txt", i)), page);
        lines.append(line(outlet + i, page, outlet));
        write(otherPages.resolve(outlet).resolve(i + ".txt"), o.page(w.words(40), w.words(6)));
      }
    }
    String copyPage = b.page(story, w.words(6));
    copy = pages.resolve("b").resolve("copy.txt");
    write(copy, copyPage);
    lines.append(line("copy", copyPage, "b"));
    jsonl = dir.resolve("pages.jsonl");
    Files.writeString(jsonl, lines, StandardCharsets.UTF_8);
    query = dir.resolve("query.txt");
    write(query, a.page(story, w.words(6)));
  }

  @AfterAll
  static void stop() throws InterruptedException {
    if (server != null) {
      server.stop(Duration.ofSeconds(1));
    }
  }

  private static void write(Path p, String text) throws IOException {
    Files.createDirectories(p.getParent());
    Files.writeString(p, text, StandardCharsets.UTF_8);
  }

  private static String line(String id, String text, String source) throws IOException {
    return "{\"id\": \""
        + id
        + "\", \"text\": "
        + JSON.writeValueAsString(text)
        + ", \"source\": \""
        + source
        + "\"}\n";
  }

  private static JsonNode json(String... args) throws IOException {
    return JSON.readTree(run(args).succeeds());
  }

  private static void assertLearned(JsonNode json, String from) {
    JsonNode furniture = json.get("furniture");
    assertEquals(List.of("learned_from", "sources", "shingles"), fieldNames(furniture));
    assertEquals(from, furniture.get("learned_from").asText());
    assertEquals(2, furniture.get("sources").asInt(), furniture.toString());
    assertTrue(furniture.get("shingles").asInt() > 100, furniture.toString());
  }

  @Test
  void theCopyWinsOnContentAndAPageOfTheSameOutletAsGiven() throws IOException {
    JsonNode learned =
        json("search", "--format", "json", "--top", "3", "@" + query, "--jsonl", jsonl.toString());
    assertEquals(
        List.of("query", "documents", "measure", "top", "min_score", "furniture", "matches"),
        fieldNames(learned));
    assertLearned(learned, "documents");
    JsonNode best = learned.get("matches").get(0);
    assertEquals("copy", best.get("id").asText());
    assertTrue(best.get("score").asDouble() > 0.5, best.toString());

    JsonNode none =
        json(
            "search",
            "--format",
            "json",
            "--furniture",
            "none",
            "--top",
            "3",
            "@" + query,
            "--jsonl",
            jsonl.toString());
    assertNull(none.get("furniture"), none.toString());
    String top = none.get("matches").get(0).get("id").asText();
    assertTrue(top.startsWith("a"), "as given, a page of outlet a shares the most: " + none);
  }

  @Test
  void filesInTwoDirectoriesAreTwoSources() throws IOException {
    JsonNode r = json("search", "--format", "json", "--top", "1", "@" + query, pages.toString());
    assertLearned(r, "documents");
    assertEquals(copy.toString(), r.get("matches").get(0).get("id").asText());
  }

  @Test
  void theTextOutputSaysTheScoresAreOnContent() {
    String out = run("search", "--top", "1", "@" + query, pages.toString()).succeeds();
    List<String> lines = out.lines().toList();
    assertTrue(
        lines
            .get(1)
            .matches(
                "scores on content: the page furniture of 2 sources \\(\\d+ shingles, learned from"
                    + " the documents searched\\) taken out"),
        out);
    assertTrue(lines.get(3).endsWith(copy.toString()), out);
    String plain =
        run("search", "--furniture", "none", "--top", "1", "@" + query, pages.toString())
            .succeeds();
    assertFalse(plain.contains("scores on content"), plain);
  }

  @Test
  void furnitureFromANamedCorpus() throws IOException {
    // Three documents alone teach nothing; the other pages of both outlets do.
    List<String> args = new ArrayList<>(List.of("search", "--format", "json", "@" + query));
    args.add(pages.resolve("a").resolve("00.txt").toString());
    args.add(pages.resolve("b").resolve("00.txt").toString());
    args.add(copy.toString());
    JsonNode alone = json(args.toArray(new String[0]));
    assertEquals(0, alone.get("furniture").get("shingles").asInt(), alone.toString());
    assertFalse(copy.toString().equals(alone.get("matches").get(0).get("id").asText()));

    args.add("--furniture-from");
    args.add(otherPages.toString());
    JsonNode named = json(args.toArray(new String[0]));
    assertLearned(named, "furniture_from");
    assertEquals(copy.toString(), named.get("matches").get(0).get("id").asText());
  }

  @Test
  void locatedOffsetsPointIntoTheFileAsGiven() throws IOException {
    JsonNode r =
        json(
            "search",
            "--format",
            "json",
            "--measure",
            "containment_a_in_b",
            "--top",
            "1",
            "@" + query,
            pages.toString());
    JsonNode best = r.get("matches").get(0);
    assertEquals(copy.toString(), best.get("id").asText());
    String text = Files.readString(copy, StandardCharsets.UTF_8);
    JsonNode located = best.get("located");
    assertTrue(located.size() > 0, best.toString());
    for (JsonNode p : located) {
      assertEquals(
          text.substring(p.get("start").asInt(), p.get("end").asInt()), p.get("text").asText());
    }
    assertEquals(text.indexOf(story), located.get(0).get("start").asInt());
  }

  @Test
  void aShortQueryIsLocatedInTheFileAsGiven() throws IOException {
    String[] words = story.split(" ");
    String phrase = words[3] + " " + words[4] + " " + words[5];
    JsonNode r = json("search", "--format", "json", "--top", "1", phrase, pages.toString());
    JsonNode best = r.get("matches").get(0);
    assertEquals(copy.toString(), best.get("id").asText());
    String text = Files.readString(copy, StandardCharsets.UTF_8);
    JsonNode at = best.get("located").get(0);
    assertEquals(text.indexOf(phrase), at.get("start").asInt());
    assertEquals(phrase, at.get("text").asText());
  }

  @Test
  void remoteOutputEqualsLocalOutput() {
    List<List<String>> commands =
        List.of(
            List.of("search", "--format", "json", "@" + query, "--jsonl", jsonl.toString()),
            List.of("search", "@" + query, pages.toString()),
            List.of(
                "search",
                "--format",
                "json",
                "--measure",
                "containment_a_in_b",
                "@" + query,
                pages.toString()),
            List.of(
                "search",
                "--format",
                "json",
                "@" + query,
                copy.toString(),
                "--furniture-from",
                otherPages.toString()));
    for (List<String> args : commands) {
      Cli.Result local = run(args.toArray(new String[0]));
      List<String> remoteArgs = new ArrayList<>(args);
      remoteArgs.add(1, "--server=" + address);
      Cli.Result remote = run(remoteArgs.toArray(new String[0]));
      assertEquals(Main.OK, local.code(), local.err());
      assertTrue(local.out().contains("furniture") || local.out().contains("content"), local.out());
      assertEquals(local, remote, args.toString());
    }
  }

  @Test
  void furnitureAndFurnitureFromTogetherAreAUsageError() {
    String err =
        run(
                "search",
                "--furniture",
                "none",
                "@" + query,
                pages.toString(),
                "--furniture-from",
                otherPages.toString())
            .isUsageError();
    assertTrue(err.contains("--furniture or --furniture-from"), err);
    err = run("search", "--furniture", "some", "@" + query, pages.toString()).isUsageError();
    assertTrue(err.contains("learn, none"), err);
    err = run("search", "@" + query, "--furniture-from", pages.toString()).isUsageError();
    assertTrue(err.contains("give PATH... before it"), err);
  }
}
