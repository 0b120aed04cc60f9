package io.textsim.cli;

/** CSV fields (RFC 4180): quoted when they hold a comma, a quote or a line break. */
final class Csv {
  private Csv() {}

  static String field(String s) {
    if (s.indexOf(',') < 0 && s.indexOf('"') < 0 && s.indexOf('\n') < 0 && s.indexOf('\r') < 0) {
      return s;
    }
    return '"' + s.replace("\"", "\"\"") + '"';
  }
}
