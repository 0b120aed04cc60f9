package io.textsim.benchmarks;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes {@link CorpusGenerator} articles as JSONL for the command-line and Spark benchmarks: one
 * {@code {"id", "text", "story"}} object a line, {@code story} being the gold cluster.
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar io.textsim.benchmarks.CorpusJsonl 100000 corpus.jsonl
 * </pre>
 */
public final class CorpusJsonl {
  private CorpusJsonl() {}

  /** Arguments: the number of articles, then the output file (- for standard output). */
  public static void main(String[] args) throws IOException {
    if (args.length != 2) {
      System.err.println("usage: CorpusJsonl N FILE|-");
      System.exit(2);
    }
    int n = Integer.parseInt(args[0]);
    Writer out =
        args[1].equals("-")
            ? new BufferedWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8))
            : Files.newBufferedWriter(Path.of(args[1]), StandardCharsets.UTF_8);
    JsonFactory json = new JsonFactory();
    try (out) {
      for (CorpusGenerator.Article a : CorpusGenerator.defaults().articles(n)) {
        try (JsonGenerator g = json.createGenerator(out)) {
          g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
          g.writeStartObject();
          g.writeStringField("id", a.id());
          g.writeStringField("text", a.text());
          g.writeNumberField("story", a.story());
          g.writeEndObject();
        }
        out.write('\n');
      }
    }
  }
}
