package io.textsim.evaluation;

import java.io.PrintStream;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * The Markdown report as it is written: each part goes to standard output as soon as it is done (a
 * long run shows its sections as they come) and is kept for the {@code --out} file. Also the
 * report's title and closing lines. Not thread-safe.
 */
final class QualityReport {
  private final StringBuilder text = new StringBuilder();
  private final PrintStream out;

  QualityReport(PrintStream out) {
    this.out = Objects.requireNonNull(out, "out");
  }

  /** Appends {@code markdown} to the report and prints it. */
  void emit(String markdown) {
    text.append(markdown);
    out.print(markdown);
    out.flush();
  }

  /** The report so far. */
  String text() {
    return text.toString();
  }

  /** The title and the line on the corpus, the machine and the arguments. */
  static String title(int stories, List<String> arguments) {
    return "# textsim quality evaluation\n\n"
        + "Corpus: "
        + Markdown.count(stories)
        + " Reuters-21578 stories (Distribution 1.0). Machine: "
        + Runtime.getRuntime().availableProcessors()
        + " cores, Java "
        + Runtime.version()
        + ", max heap "
        + Runtime.getRuntime().maxMemory() / (1 << 20)
        + " MB. Arguments: "
        + (arguments.isEmpty() ? "(defaults)" : "`" + String.join(" ", arguments) + "`")
        + ".\n\n";
  }

  /** The closing line. */
  static String totalTime(double seconds) {
    return String.format(Locale.ROOT, "_Total run time: %.0f s._\n", seconds);
  }
}
