package io.textsim.core.html;

import java.nio.charset.Charset;
import java.util.Objects;

/**
 * The character set a page's bytes are decoded with, and why.
 *
 * @param charset the character set
 * @param source where it came from
 */
public record HtmlCharset(Charset charset, CharsetSource source) {
  /** Checks the components. */
  public HtmlCharset {
    Objects.requireNonNull(charset, "charset");
    Objects.requireNonNull(source, "source");
  }
}
