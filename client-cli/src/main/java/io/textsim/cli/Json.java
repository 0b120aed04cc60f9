package io.textsim.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;

/**
 * JSON output: two-space indentation, {@code "key": value}, {@code []} for empty arrays, a final
 * newline, non-ASCII characters written as themselves (the output is UTF-8).
 */
final class Json {
  private static final JsonFactory FACTORY =
      JsonFactory.builder()
          .disable(StreamWriteFeature.AUTO_CLOSE_TARGET)
          .disable(StreamWriteFeature.FLUSH_PASSED_TO_STREAM)
          .build();

  private Json() {}

  /** Something that writes one JSON value. */
  @FunctionalInterface
  interface Body {
    void write(JsonGenerator g) throws IOException;
  }

  /** Writes the value {@code body} produces to {@code out}, then a newline. */
  static void write(PrintWriter out, Body body) {
    Separators separators =
        Separators.createDefaultInstance()
            .withObjectFieldValueSpacing(Separators.Spacing.AFTER)
            .withObjectEmptySeparator("")
            .withArrayEmptySeparator("");
    DefaultIndenter indenter = new DefaultIndenter("  ", "\n");
    DefaultPrettyPrinter pretty = new DefaultPrettyPrinter(separators);
    pretty.indentObjectsWith(indenter);
    pretty.indentArraysWith(indenter);
    try (JsonGenerator g = FACTORY.createGenerator(out)) {
      g.setPrettyPrinter(pretty);
      body.write(g);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    out.print('\n');
    out.flush();
  }

  /** Writes {@code "name": [...]} of strings. */
  static void strings(JsonGenerator g, String name, java.util.List<String> values)
      throws IOException {
    g.writeArrayFieldStart(name);
    for (String v : values) {
      g.writeString(v);
    }
    g.writeEndArray();
  }
}
