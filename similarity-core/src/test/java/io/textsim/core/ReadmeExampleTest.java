package io.textsim.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.textsim.core.explain.Explainer;
import io.textsim.core.explain.Explanation;
import io.textsim.core.measure.Comparison;
import io.textsim.core.measure.Measure;
import io.textsim.core.measure.Similarity;
import org.junit.jupiter.api.Test;

/** Runs the library example of the README, line for line, so that the README stays true. */
class ReadmeExampleTest {

  @Test
  void readmeLibraryExample() {
    // --- README example start ---
    TextProfiler profiler = TextProfiler.defaults(); // news normalization, word 4-shingles
    TextProfile a = profiler.profile("Baku has good economic and political ties with Tehran.");
    TextProfile b =
        profiler.profile("BAKU has good economic and political ties with Tehran, he said.");

    Comparison c = Similarity.compare(a, b); // every cheap measure at once
    double jaccard = c.score(Measure.JACCARD); // 0.75
    int edits = c.levenshteinDistance().getAsInt(); // 9
    Explanation why = Explainer.explain(a, b); // b's own passage: "he said."
    // --- README example end ---

    assertEquals(0.75, jaccard);
    assertEquals(9, edits);
    assertEquals("he said.", why.onlyB().get(0).text());
    assertTrue(why.onlyA().isEmpty());
  }
}
