package io.textsim.evaluation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Headlines and datelines of the simulated pages. */
class PageFurnitureTest {
  @Test
  void headlinesAreTitleCasedWithoutTickers() {
    assertEquals(
        "Standard Oil To Form Financial Unit",
        PageFurniture.headline("STANDARD OIL <SRD> TO FORM FINANCIAL UNIT"));
    assertEquals("Acme 1ST Qtr Net", PageFurniture.headline("ACME <ACM> 1ST QTR NET"));
    assertEquals("", PageFurniture.headline("  "));
  }

  @Test
  void dateLinesFollowTheStoryDate() {
    Pattern line = Pattern.compile("February 2[67], 1987 - \\d\\d:\\d\\d");
    for (long seed = 0; seed < 20; seed++) {
      String d = PageFurniture.dateTimeLine("26-FEB-1987 15:01:01.79", new SplittableRandom(seed));
      assertTrue(line.matcher(d).matches(), d);
    }
    assertTrue(PageFurniture.dateTimeLine("no date", new SplittableRandom(1)).contains("1987"));
  }
}
