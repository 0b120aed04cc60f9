package io.textsim.core.html;

/** Where the character set of a page came from. */
public enum CharsetSource {
  /** A byte order mark at the start of the bytes (UTF-8, UTF-16BE or UTF-16LE). */
  BYTE_ORDER_MARK,
  /** A {@code <meta charset>} or {@code <meta http-equiv="Content-Type">} declaration. */
  META,
  /** Neither: the default, UTF-8. */
  DEFAULT,
  /** The page was given as characters, already decoded by the caller; no declaration applies. */
  DECODED;

  /** The lower-case name used in JSON output, e.g. {@code byte_order_mark}. */
  public String wireName() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
