package io.textsim.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Fuzzes the CLI's input parsers with arbitrary bytes: a text file's decoding and a JSONL
 * collection (plain or gzipped). Each input is either read exactly, with no substituted character,
 * or refused with a {@link CliException} of one line; anything else (another exception, a U+FFFD
 * that was not in the bytes, a lost document) fails. In a plain {@code mvn test} this runs the
 * saved inputs under {@code InputsFuzzTestInputs/}; with {@code JAZZER_FUZZ=1} it fuzzes.
 */
class InputsFuzzTest {

  @FuzzTest(maxDuration = "60s")
  void aFileIsDecodedExactlyOrRefusedInOneLine(byte[] bytes) {
    String text;
    try {
      text = Inputs.decode("fuzz.txt", bytes);
    } catch (CliException e) {
      assertOneLine(e);
      return;
    }
    // Nothing altered, nothing lost: the text encodes back to the very bytes.
    assertArrayEquals(bytes, text.getBytes(StandardCharsets.UTF_8));
  }

  @FuzzTest(maxDuration = "60s")
  void aJsonlCollectionIsReadOrRefusedInOneLine(FuzzedDataProvider data) {
    long maxBytes = data.consumeLong(1, 1 << 20);
    byte[] bytes = data.consumeRemainingAsBytes();
    List<Input> docs;
    try {
      docs = new Inputs(maxBytes, new ByteArrayInputStream(bytes)).jsonl(Inputs.STDIN);
    } catch (CliException e) {
      assertOneLine(e);
      return;
    }
    Set<String> ids = new HashSet<>();
    for (Input d : docs) {
      assertNotNull(d.id());
      assertNotNull(d.text());
      assertTrue(ids.add(d.id()), "duplicate id accepted: " + d.id());
      assertTrue(d.text().getBytes(StandardCharsets.UTF_8).length <= maxBytes, "over the limit");
    }
  }

  private static void assertOneLine(CliException e) {
    String message = e.getMessage();
    assertNotNull(message);
    assertFalse(message.isBlank(), "empty message");
    assertEquals(1, message.lines().count(), () -> "more than one line: " + message);
  }
}
