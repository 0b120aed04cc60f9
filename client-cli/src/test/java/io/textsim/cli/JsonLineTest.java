package io.textsim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Malformed JSONL lines are reported in the CLI's own words, naming the file, the line and the
 * column; the grammar checker behind the words agrees with Jackson on which lines are JSON.
 */
class JsonLineTest {
  @TempDir Path dir;

  /** Words of Jackson's messages and class names that must not reach a user. */
  private static final Pattern JACKSON =
      Pattern.compile(
          "Unrecognized|Unexpected character|was expecting|token|Token|com\\.fasterxml|Jackson"
              + "|JsonParse|Exception|code \\d+|\\[Source|REDACTED");

  private static String problemOf(String line) {
    CliException e =
        assertThrows(CliException.class, () -> JsonLine.object("f.jsonl line 3", line));
    assertTrue(e.getMessage().startsWith("f.jsonl line 3: "), e.getMessage());
    assertFalse(JACKSON.matcher(e.getMessage()).find(), e.getMessage());
    assertEquals(1, e.getMessage().lines().count(), e.getMessage());
    return e.getMessage().substring("f.jsonl line 3: ".length());
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '`',
      value = {
        "hello world|not a JSON object: the line starts with 'hello'; expected one {\"id\": ...,"
            + " \"text\": ...} a line",
        "[1, 2]|not a JSON object but an array; expected one {\"id\": ..., \"text\": ...} a line",
        "`\"just a string\"`|not a JSON object but a string; expected one {\"id\": ..., \"text\":"
            + " ...} a line",
        "null|not a JSON object but null; expected one {\"id\": ..., \"text\": ...} a line",
        "# a comment|not a JSON object: the line starts with '#'; expected one {\"id\": ...,"
            + " \"text\": ...} a line",
        "`{\"id\": \"b\", \"text\": }`|expected a value for \"text\" at column 21, found '}'",
        "`{id: \"b\"}`|expected a field name in double quotes at column 2, found 'id'",
        "`{'id': 'b'}`|expected a field name in double quotes at column 2, found '''",
        "`{\"id\" \"b\"}`|expected ':' after the field name \"id\" at column 7, found '\"'",
        "`{\"id\": \"b\" \"text\": \"x\"}`|expected ',' or '}' after the value of \"id\" at column"
            + " 12, found '\"'",
        "`{\"id\": \"b\", \"text\": \"x\",}`|expected a field name in double quotes at column 25,"
            + " found '}'",
        "`{\"id\": \"b\", \"text\": \"x`|the string opened at column 21 is not closed (no ending"
            + " '\"')",
        "`{\"id\": \"b\", \"text\": \"x\"`|the line ends inside the object opened at column 1;"
            + " expected ',' or '}' after the value of \"text\"",
        "`{\"id\": \"b\", \"text\":`|the line ends where a value was expected for \"text\"",
        "`{\"id\": \"b\", \"text\": \"a\\qb\"}`|unknown escape '\\q' at column 23 in the string (a"
            + " '\\' in a string is written \\\\)",
        "`{\"id\": \"b\", \"text\": \"\\u12\"}`|the escape at column 22 in the string is not \\u and"
            + " four hex digits",
        "`{\"id\": 017, \"text\": \"x\"}`|not a number: '017' at column 8 (a number does not start"
            + " with 0 unless it is 0)",
        "`{\"id\": 1., \"text\": \"x\"}`|not a number: '1.,' at column 8 (expected a digit after"
            + " '.')",
        "`{\"id\": -x, \"text\": \"x\"}`|not a number: '-x' at column 8 (expected a digit after"
            + " '-')",
        "`{\"id\": NaN, \"text\": \"x\"}`|unknown word 'NaN' at column 8: a value is a string in"
            + " double quotes, a number, an object, an array, true, false or null",
        "`{\"id\": tru, \"text\": \"x\"}`|unknown word 'tru' at column 8: a value is a string in"
            + " double quotes, a number, an object, an array, true, false or null",
        "`{\"id\": \"b\", \"id\": \"c\", \"text\": \"x\"}`|field \"id\" given twice (again at column"
            + " 13)",
        "`{\"id\": \"b\", \"text\": \"x\"} {\"id\": \"c\"}`|more after the end of the value at column"
            + " 26 ('{'): one JSON object a line",
        "`{\"id\": \"b\", \"text\": [1, 2}`|expected ',' or ']' in the array opened at column 21 at"
            + " column 26, found '}'",
        "`{\"id\": \"é😀\", \"text\": 'x'}`|expected a value for \"text\" at column 22, found '''",
      })
  void eachProblemIsNamedWithItsColumn(String line, String expected) {
    assertNull(JsonLine.problem("{\"id\": \"b\", \"text\": \"x\"}"));
    assertEquals(expected, problemOf(line));
  }

  @Test
  void controlCharactersInStringsAreNamedAndKeepTheMessageOnOneLine() {
    assertEquals(
        "a control character (U+0009) inside the string at column 23; write it as an escape (\\t)",
        problemOf("{\"id\": \"b\", \"text\": \"a\tb\"}"));
    assertEquals(
        "a control character (U+0001) inside the field name at column 4; write it as an escape"
            + " (\\u0001)",
        problemOf("{\"i\u0001d\": \"b\"}"));
    assertEquals(
        "field \"aU+000Ab\" given twice (again at column 13)",
        problemOf("{\"a\\nb\": 1, \"a\\nb\": 2}"));
  }

  @Test
  void nestingAndNumbersHaveTheReadersLimits() {
    String deepest = "[".repeat(JsonLine.MAX_DEPTH) + "]".repeat(JsonLine.MAX_DEPTH);
    assertNull(JsonLine.problem(deepest));
    assertTrue(parsesWithJackson(deepest));
    String deeper = "[".repeat(JsonLine.MAX_DEPTH + 1) + "]".repeat(JsonLine.MAX_DEPTH + 1);
    assertFalse(parsesWithJackson(deeper));
    assertEquals("nested deeper than 1000 objects and arrays at column 1001", problemOf(deeper));
    // Inside the object, 1000 arrays are one level too many: the last '[' is at column 20 + 1000.
    String inObject = "{\"id\": \"b\", \"text\": " + deepest + "}";
    assertFalse(parsesWithJackson(inObject));
    assertEquals("nested deeper than 1000 objects and arrays at column 1020", problemOf(inObject));
    String longNumber = "{\"id\": " + "9".repeat(JsonLine.MAX_NUMBER_CHARS + 5) + "}";
    assertFalse(parsesWithJackson(longNumber));
    assertEquals("the number at column 8 is over 1000 characters long", problemOf(longNumber));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "{}",
        "{\"id\": \"a\", \"text\": \"x\"}",
        " {\"id\":-0.5e+3,\"text\":\"\\u00e9\\\"\\\\\\/\\b\\f\\n\\r\\t\",\"n\":[true,false,null,{}]} ",
        "{\"id\": 12345678901234567890123, \"text\": \"\ud83d\ude00 \u00a0 \u2028\"}",
      })
  void validLinesHaveNoProblem(String line) {
    assertNull(JsonLine.problem(line));
    assertTrue(parsesWithJackson(line));
  }

  private static boolean parsesWithJackson(String line) {
    try {
      JsonLine.JSON.readTree(line);
      return true;
    } catch (JsonProcessingException e) {
      return false;
    }
  }

  /**
   * The checker against its oracle: 40,000 seeded random mutations of valid lines (characters
   * deleted, inserted from the ones JSON cares about, pieces repeated): the checker finds a problem
   * exactly when Jackson refuses the line, and every message is the CLI's own.
   */
  @Test
  void theCheckerAgreesWithJacksonOnMutatedLines() {
    List<String> seeds =
        List.of(
            "{\"id\": \"a\", \"text\": \"some text here\"}",
            "{\"id\": 17, \"text\": \"x\\ny\\u00e9\", \"source\": \"s\"}",
            "{\"id\": \"b\", \"html\": \"<p>x</p>\", \"meta\": {\"k\": [1, -2.5e3, true, null]}}",
            "[{\"a\": {}}, [], \"\\\"\", 0, 1E-2]");
    String alphabet = "{}[]\":,\\ \t0123456789-+.eEtrufalsnx\u00e9\ud83d\ude00\u0001/bu'";
    Random random = new Random(20260301);
    int refused = 0;
    for (int n = 0; n < 40_000; n++) {
      StringBuilder line = new StringBuilder(seeds.get(random.nextInt(seeds.size())));
      int edits = 1 + random.nextInt(3);
      for (int e = 0; e < edits && line.length() > 0; e++) {
        int at = random.nextInt(line.length() + 1);
        switch (random.nextInt(3)) {
          case 0 -> {
            if (at < line.length()) {
              line.deleteCharAt(at);
            }
          }
          case 1 -> line.insert(at, alphabet.charAt(random.nextInt(alphabet.length())));
          default -> {
            int from = random.nextInt(line.length());
            int to = Math.min(line.length(), from + 1 + random.nextInt(8));
            line.insert(at, line.substring(from, to));
          }
        }
      }
      String text = line.toString();
      if (text.isBlank() || hasLoneSurrogate(text)) {
        continue; // blank lines are skipped; decoded UTF-8 has no lone surrogate
      }
      boolean jackson = parsesWithJackson(text);
      String problem = JsonLine.problem(text);
      assertEquals(jackson, problem == null, () -> text + " -> " + problem);
      if (!jackson) {
        refused++;
        problemOf(text);
      }
    }
    assertTrue(refused > 10_000, "the mutations reach bad lines: " + refused);
  }

  private static boolean hasLoneSurrogate(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (Character.isHighSurrogate(c)) {
        if (i + 1 >= s.length() || !Character.isLowSurrogate(s.charAt(i + 1))) {
          return true;
        }
        i++;
      } else if (Character.isLowSurrogate(c)) {
        return true;
      }
    }
    return false;
  }

  @Test
  void theCommandNamesTheFileAndTheLine() throws IOException {
    Path file = dir.resolve("feed.jsonl");
    Files.writeString(
        file,
        "{\"id\": \"a\", \"text\": \"one two three\"}\n"
            + "\n"
            + "{\"id\": \"b\", \"text\": \"four five\" \"source\": \"x\"}\n",
        StandardCharsets.UTF_8);
    String err = Cli.run("cluster", "--jsonl", file.toString()).failsWithOneLine();
    assertEquals(
        "client-cli: "
            + file
            + " line 3: expected ',' or '}' after the value of \"text\" at column 33, found '\"'",
        err);
  }
}
