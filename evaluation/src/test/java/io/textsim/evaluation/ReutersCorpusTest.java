package io.textsim.evaluation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReutersCorpusTest {
  @Test
  void readsJsonLinesGzipIgnoringUnknownFields(@TempDir Path dir) throws IOException {
    Path file = dir.resolve(ReutersCorpus.FILE_NAME);
    String lines =
        "{\"id\": \"a-1\", \"date\": \"1-MAR-1987 10:00:00.00\", \"title\": \"T\","
            + " \"text\": \"Line one\\nline two \\u201Cquoted\\u201D\", \"topics\": [\"x\"]}\n"
            + "{\"id\": \"a-2\", \"date\": \"\", \"title\": \"\", \"text\": \"x\"}\n";
    try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file))) {
      out.write(lines.getBytes(StandardCharsets.UTF_8));
    }
    List<Story> stories = ReutersCorpus.read(file);
    assertEquals(
        List.of(
            new Story(
                "a-1", "1-MAR-1987 10:00:00.00", "T", "Line one\nline two \u201Cquoted\u201D"),
            new Story("a-2", "", "", "x")),
        stories);
  }

  @Test
  void aLineThatIsNotAStoryIsAnError(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("bad.jsonl");
    Files.writeString(file, "{\"id\": \"a\", \"text\": \"no title or date\"}\n");
    assertThrows(Exception.class, () -> ReutersCorpus.read(file));
  }

  @Test
  void looksBesideTheWorkingDirectoryAndTheRepositoryRoot(@TempDir Path dir) throws IOException {
    Path root = dir.resolve("main");
    Files.createDirectories(root.resolve("similarity-core"));
    Files.createFile(root.resolve("mvnw"));
    Path module = Files.createDirectories(root.resolve("evaluation"));
    List<Path> candidates = ReutersCorpus.candidates(Optional.empty(), module);
    assertEquals(
        List.of(
            root.resolve("shared/devdata").resolve(ReutersCorpus.FILE_NAME).toAbsolutePath(),
            dir.resolve("shared/devdata").resolve(ReutersCorpus.FILE_NAME).toAbsolutePath()),
        candidates);
    assertEquals(Optional.empty(), ReutersCorpus.locate(Optional.empty(), module));
    Path data = Files.createDirectories(dir.resolve("shared/devdata"));
    Files.createFile(data.resolve(ReutersCorpus.FILE_NAME));
    assertEquals(
        Optional.of(data.resolve(ReutersCorpus.FILE_NAME).toAbsolutePath()),
        ReutersCorpus.locate(Optional.empty(), module));
  }

  @Test
  void anExplicitPathIsADirectoryOrTheFile(@TempDir Path dir) {
    assertEquals(
        List.of(dir.resolve(ReutersCorpus.FILE_NAME).toAbsolutePath()),
        ReutersCorpus.candidates(Optional.of(dir), Path.of("")));
    Path file = dir.resolve("other.jsonl.gz");
    assertEquals(
        List.of(file.toAbsolutePath()), ReutersCorpus.candidates(Optional.of(file), Path.of("")));
  }

  /** Reads the real corpus where it is; skipped in a fresh clone. */
  @Test
  void theDevelopmentCorpusHasAllItsStories() throws IOException {
    Optional<Path> file = ReutersCorpus.locate(Optional.empty(), Path.of(""));
    assumeTrue(file.isPresent(), "Reuters-21578 not in ../shared/devdata; skipped");
    List<Story> stories = ReutersCorpus.read(file.get());
    assertEquals(ReutersCorpus.STORIES, stories.size());
    Set<String> ids = new HashSet<>();
    for (Story s : stories) {
      assertTrue(ids.add(s.id()), s.id());
      assertTrue(!s.text().isBlank(), s.id());
    }
  }
}
