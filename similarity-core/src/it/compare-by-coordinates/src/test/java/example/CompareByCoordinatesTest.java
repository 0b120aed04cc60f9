package example;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.textsim.core.TextProfile;
import io.textsim.core.TextProfiler;
import io.textsim.core.explain.Explainer;
import io.textsim.core.explain.Explanation;
import io.textsim.core.measure.Comparison;
import io.textsim.core.measure.Measure;
import io.textsim.core.measure.Similarity;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.util.jar.JarInputStream;
import java.util.jar.Manifest;
import org.junit.jupiter.api.Test;

/** A user's code: similarity-core taken from a Maven repository by its coordinates. */
class CompareByCoordinatesTest {

  @Test
  void comparesTwoTexts() {
    TextProfiler profiler = TextProfiler.defaults();
    TextProfile a = profiler.profile("Baku has good economic and political ties with Tehran.");
    TextProfile b =
        profiler.profile("BAKU has good economic and political ties with Tehran, he said.");

    Comparison c = Similarity.compare(a, b);
    Explanation why = Explainer.explain(a, b);

    assertEquals(0.75, c.score(Measure.JACCARD));
    assertEquals(9, c.levenshteinDistance().getAsInt());
    assertEquals("he said.", why.onlyB().get(0).text());
  }

  @Test
  void unlikeTextsScoreLow() {
    TextProfiler profiler = TextProfiler.defaults();
    Comparison c =
        Similarity.compare(
            profiler.profile("Parliament passed the budget after a long night of debate."),
            profiler.profile("The river flooded three villages upstream of the dam."));
    assertEquals(0.0, c.score(Measure.JACCARD));
  }

  @Test
  void theJarHasItsAutomaticModuleName() throws IOException {
    URL jar = TextProfiler.class.getProtectionDomain().getCodeSource().getLocation();
    assertTrue(jar.getPath().endsWith(".jar"), () -> "similarity-core from a jar, not " + jar);
    try (InputStream in = jar.openStream();
        JarInputStream jarIn = new JarInputStream(in)) {
      Manifest manifest = jarIn.getManifest();
      assertEquals(
          "io.textsim.core", manifest.getMainAttributes().getValue("Automatic-Module-Name"));
    }
  }

  @Test
  void sourcesAndJavadocResolvedByClassifier() {
    ClassLoader loader = getClass().getClassLoader();
    assertNotNull(
        loader.getResource("io/textsim/core/TextProfiler.java"), "the sources jar is missing");
    // The javadoc tool files pages under the module's name when the jar names one.
    assertTrue(
        loader.getResource("io/textsim/core/TextProfiler.html") != null
            || loader.getResource("io.textsim.core/io/textsim/core/TextProfiler.html") != null,
        "the javadoc jar is missing");
  }
}
