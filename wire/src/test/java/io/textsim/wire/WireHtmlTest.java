package io.textsim.wire;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.textsim.core.cluster.Document;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** {@code Document.html}: mapped to the page's visible text. */
class WireHtmlTest {
  @Test
  void aPageMapsToItsVisibleText() {
    io.textsim.proto.v1.Document page =
        WireResults.htmlDocument(
            "p",
            "<meta charset=utf-8><script>x()</script><p>It\u2019s <b>here</b>"
                .getBytes(StandardCharsets.UTF_8),
            "site");
    Document d = WireResults.document(page);
    assertEquals(new Document("p", "It\u2019s here", "site"), d);
    assertEquals("It\u2019s here", WireResults.text(page, "a"));
  }

  @Test
  void plainTextIsUntouched() {
    io.textsim.proto.v1.Document text = WireResults.document("t", "<p>not a page</p>", "");
    assertEquals("<p>not a page</p>", WireResults.text(text, "a"));
  }

  @Test
  void textAndHtmlTogetherAreRefusedNamingTheField() {
    io.textsim.proto.v1.Document both =
        WireResults.htmlDocument("p", new byte[] {'<', 'p', '>'}, "").toBuilder()
            .setText("x")
            .build();
    BadFieldException e =
        assertThrows(BadFieldException.class, () -> WireResults.text(both, "documents[2]"));
    assertEquals("documents[2].html", e.field());
  }
}
