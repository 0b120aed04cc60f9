package io.textsim.evaluation;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** A Markdown table, built row by row. Not thread-safe. */
final class Markdown {
  private final List<String> header;
  private final List<List<String>> rows = new ArrayList<>();

  Markdown(String... header) {
    this.header = List.of(header);
  }

  Markdown row(Object... cells) {
    if (cells.length != header.size()) {
      throw new IllegalArgumentException(
          "row has " + cells.length + " cells, the header " + header.size());
    }
    List<String> r = new ArrayList<>(cells.length);
    for (Object c : cells) {
      r.add(String.valueOf(c).replace("|", "\\|"));
    }
    rows.add(r);
    return this;
  }

  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder();
    sb.append("| ").append(String.join(" | ", header)).append(" |\n");
    sb.append('|');
    for (String h : header) {
      sb.append(h.isEmpty() || !Character.isDigit(h.charAt(0)) ? "---|" : "---:|");
    }
    sb.append('\n');
    for (List<String> r : rows) {
      sb.append("| ").append(String.join(" | ", r)).append(" |\n");
    }
    return sb.toString();
  }

  /** A number with {@code digits} decimals, locale-independent. */
  static String fixed(double x, int digits) {
    return String.format(Locale.ROOT, "%." + digits + "f", x);
  }

  /** A whole number with thousands separators, locale-independent ("19,043"). */
  static String count(long x) {
    return String.format(Locale.ROOT, "%,d", x);
  }

  /** A fraction as a percentage with {@code digits} decimals. */
  static String percent(double x, int digits) {
    return String.format(Locale.ROOT, "%." + digits + "f%%", 100 * x);
  }
}
