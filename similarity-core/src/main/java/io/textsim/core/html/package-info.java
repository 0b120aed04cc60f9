/**
 * HTML input: {@link io.textsim.core.html.Html} turns a web page into the text a reader sees, so
 * that scraped pages can be compared like plain texts.
 *
 * <p>The character set of a page's bytes is taken from its byte order mark, then from its first
 * {@code <meta charset>} or {@code <meta http-equiv="Content-Type">} declaration, else UTF-8. The
 * text is the page's visible text as parsed by <a href="https://jsoup.org/">jsoup</a>: block
 * elements end lines, entities are decoded, and scripts, styles, {@code noscript}, templates and
 * hidden elements are never read. Offsets of passages computed on the result refer to this
 * extracted text, not to the markup.
 */
package io.textsim.core.html;
