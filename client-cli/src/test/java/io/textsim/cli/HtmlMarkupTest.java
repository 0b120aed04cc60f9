package io.textsim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** {@link HtmlMarkup#escape}: markup characters, and code points a page may not hold. */
class HtmlMarkupTest {
  static Stream<Arguments> cases() {
    return Stream.of(
        Arguments.of("plain", "plain"),
        Arguments.of("<script>", "&lt;script&gt;"),
        Arguments.of("a & b", "a &amp; b"),
        Arguments.of("\"double\" 'single'", "&quot;double&quot; &#39;single&#39;"),
        Arguments.of("&amp;", "&amp;amp;"),
        Arguments.of("tab\tline\nend\r\n", "tab\tline\nend\r\n"),
        Arguments.of(
            "nul\u0000bell\u0007del\u007Fc1\u0085", "nul\uFFFDbell\uFFFDdel\uFFFDc1\uFFFD"),
        Arguments.of("\uFFFE\uFFFF", "\uFFFD\uFFFD"),
        Arguments.of(
            "pair \uD83D\uDE00 lone \uD800 \uDC00", "pair \uD83D\uDE00 lone \uFFFD \uFFFD"),
        Arguments.of("It\u2019s caf\u00e9", "It\u2019s caf\u00e9"));
  }

  @ParameterizedTest
  @MethodSource("cases")
  void escapes(String in, String expected) {
    assertEquals(expected, HtmlMarkup.escape(in));
  }
}
