package io.textsim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The reports' colours pass WCAG 2 AA contrast, and the style sheet uses no other colour. */
class ReportStyleTest {

  /** WCAG 2.x relative luminance of an sRGB colour {@code #rrggbb}. */
  static double luminance(String hex) {
    int rgb = Integer.parseInt(hex.substring(1), 16);
    double r = channel((rgb >> 16) & 0xFF);
    double g = channel((rgb >> 8) & 0xFF);
    double b = channel(rgb & 0xFF);
    return 0.2126 * r + 0.7152 * g + 0.0722 * b;
  }

  private static double channel(int c8) {
    double c = c8 / 255.0;
    return c <= 0.04045 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4);
  }

  /** WCAG 2.x contrast ratio, (L1 + 0.05) / (L2 + 0.05) with L1 the lighter. */
  static double contrast(String x, String y) {
    double a = luminance(x);
    double b = luminance(y);
    return (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
  }

  /**
   * Known answers: black on white is 21, a colour on itself 1, WCAG's own #767676 on white 4.54.
   */
  @ParameterizedTest
  @CsvSource({"#000000, #ffffff, 21.0", "#ffffff, #ffffff, 1.0", "#767676, #ffffff, 4.54"})
  void contrastKnownAnswers(String x, String y, double expected) {
    assertEquals(expected, contrast(x, y), 0.005);
  }

  @Test
  void everyPairingReachesItsWcagAaRatio() {
    StringBuilder failures = new StringBuilder();
    for (ReportStyle.Pairing p : ReportStyle.CONTRAST) {
      double ratio = contrast(p.foreground(), p.background());
      assertTrue(p.minimum() >= ReportStyle.GRAPHIC_RATIO, p.use());
      if (ratio < p.minimum()) {
        failures.append(
            String.format(
                Locale.ROOT,
                "%s: %s on %s is %.2f, needs %.1f%n",
                p.use(),
                p.foreground(),
                p.background(),
                ratio,
                p.minimum()));
      }
    }
    assertEquals("", failures.toString());
  }

  @Test
  void theStyleSheetUsesOnlyColoursWhosePairingsAreChecked() {
    Set<String> checked = new HashSet<>();
    for (ReportStyle.Pairing p : ReportStyle.CONTRAST) {
      checked.add(p.foreground());
      checked.add(p.background());
    }
    String css = ReportStyle.css();
    Matcher m = Pattern.compile("#[0-9a-fA-F]{3,8}\\b").matcher(css);
    Set<String> used = new HashSet<>();
    while (m.find()) {
      used.add(m.group().toLowerCase(Locale.ROOT));
    }
    assertTrue(used.size() >= 10, () -> "colours found: " + used);
    for (String c : used) {
      assertTrue(c.length() == 7, () -> c + ": write colours as #rrggbb");
      assertTrue(checked.contains(c), () -> c + " is in the style sheet but in no pairing");
    }
    for (String named : new String[] {"rgb(", "hsl(", "color:red", "color:black"}) {
      assertTrue(!css.contains(named), () -> "colour not in the palette: " + named);
    }
  }
}
