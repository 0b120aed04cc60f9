package io.textsim.evaluation;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.zip.GZIPInputStream;

/**
 * The Reuters-21578 development corpus in {@code ../shared/devdata/reuters21578.jsonl.gz}: one JSON
 * object a line, {@code {"id", "date", "title", "text"}}.
 *
 * <p>The corpus is licensed for research only and is never copied into the repository; a fresh
 * clone does not have it, so everything that reads it first {@linkplain #locate looks for it} and
 * skips when it is absent.
 */
public final class ReutersCorpus {
  /** The file name inside the devdata directory. */
  public static final String FILE_NAME = "reuters21578.jsonl.gz";

  /** The number of stories the corpus holds. */
  public static final int STORIES = 19_043;

  private static final ObjectReader READER =
      new ObjectMapper()
          .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false)
          .readerFor(Story.class);

  private ReutersCorpus() {}

  /**
   * The places searched for the corpus file, in order: {@code explicit} (a directory holding
   * {@value #FILE_NAME}, or the file itself) when given; otherwise {@code ../shared/devdata}
   * relative to {@code workingDir}, then relative to the repository root found by walking up from
   * {@code workingDir} (the first directory holding {@code mvnw} and {@code similarity-core}).
   */
  public static List<Path> candidates(Optional<Path> explicit, Path workingDir) {
    Objects.requireNonNull(explicit, "explicit");
    Objects.requireNonNull(workingDir, "workingDir");
    Set<Path> out = new LinkedHashSet<>();
    if (explicit.isPresent()) {
      Path p = explicit.get().toAbsolutePath().normalize();
      out.add(p.toString().endsWith(".gz") ? p : p.resolve(FILE_NAME));
      return List.copyOf(out);
    }
    Path wd = workingDir.toAbsolutePath().normalize();
    out.add(devdata(wd));
    for (Path dir = wd; dir != null; dir = dir.getParent()) {
      if (Files.exists(dir.resolve("mvnw")) && Files.isDirectory(dir.resolve("similarity-core"))) {
        out.add(devdata(dir));
        break;
      }
    }
    return List.copyOf(out);
  }

  private static Path devdata(Path dir) {
    Path parent = dir.getParent() == null ? dir : dir.getParent();
    return parent.resolve("shared").resolve("devdata").resolve(FILE_NAME).normalize();
  }

  /** The first of the {@link #candidates} that is a readable file, if any. */
  public static Optional<Path> locate(Optional<Path> explicit, Path workingDir) {
    for (Path p : candidates(explicit, workingDir)) {
      if (Files.isRegularFile(p) && Files.isReadable(p)) {
        return Optional.of(p);
      }
    }
    return Optional.empty();
  }

  /**
   * Reads every story of a {@code .jsonl.gz} file (or a plain {@code .jsonl} file), in file order.
   *
   * @throws IOException if the file cannot be read or a line is not a story
   */
  public static List<Story> read(Path file) throws IOException {
    Objects.requireNonNull(file, "file");
    List<Story> out = new ArrayList<>(STORIES);
    try (InputStream raw = new BufferedInputStream(Files.newInputStream(file), 1 << 16);
        InputStream in = file.toString().endsWith(".gz") ? new GZIPInputStream(raw, 1 << 16) : raw;
        MappingIterator<Story> it = READER.readValues(in)) {
      while (it.hasNextValue()) {
        out.add(it.nextValue());
      }
    }
    return out;
  }
}
