package io.textsim.cli;

import static io.textsim.cli.Cli.MEHR;
import static io.textsim.cli.Cli.TEHRAN;
import static io.textsim.cli.Cli.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Renders the HTML reports in headless Chromium (Debian's {@code chromium}, which {@code .ci/run}
 * installs): the DOM Chromium builds holds the verdict, the passages and the members; a screenshot
 * at 1,280 px (and one at a phone's 390 px) is not blank; and the page asks the network for
 * nothing, by Chromium's own network log. Skipped, saying so, where Chromium is not installed.
 */
class BrowserRenderTest {
  static final Path CHROMIUM = Path.of("/usr/bin/chromium");

  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir static Path dir;

  @BeforeAll
  static void needsChromium() {
    Assumptions.assumeTrue(
        Files.isExecutable(CHROMIUM),
        "skipped: no Chromium at "
            + CHROMIUM
            + " (Debian package chromium: apt-get install -y chromium; .ci/run installs it)");
  }

  /** What one Chromium run gave. */
  record Rendered(String dom, List<String> pageRequests) {}

  /** Chromium's flags for a run that starts nothing of its own and resolves no host. */
  private static List<String> chromium(Path profile, Path netLog) {
    return new ArrayList<>(
        List.of(
            CHROMIUM.toString(),
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--hide-scrollbars",
            "--user-data-dir=" + profile,
            "--host-resolver-rules=MAP * ~NOTFOUND",
            "--log-net-log=" + netLog));
  }

  private static String exec(List<String> command, Path log) throws Exception {
    Process p =
        new ProcessBuilder(command)
            .redirectError(log.toFile())
            .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
            .start();
    byte[] out;
    try (var in = p.getInputStream()) {
      out = in.readAllBytes();
    }
    if (!p.waitFor(180, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new AssertionError("chromium did not finish: " + command);
    }
    assertEquals(0, p.exitValue(), () -> "chromium failed: " + readQuietly(log));
    return new String(out, StandardCharsets.UTF_8);
  }

  private static String readQuietly(Path p) {
    try {
      return Files.readString(p, StandardCharsets.UTF_8);
    } catch (IOException e) {
      return e.toString();
    }
  }

  /** Loads {@code page} and dumps the DOM, logging the network. */
  static Rendered render(Path page) throws Exception {
    Path profile = Files.createTempDirectory(dir, "profile");
    Path netLog = dir.resolve(page.getFileName() + ".netlog.json");
    List<String> command = chromium(profile, netLog);
    command.add("--dump-dom");
    command.add(page.toUri().toString());
    String dom = exec(command, dir.resolve(page.getFileName() + ".dom.log"));
    return new Rendered(dom, pageRequests(netLog));
  }

  /** Takes a screenshot of {@code page} at {@code width} by {@code height}. */
  static BufferedImage screenshot(Path page, int width, int height) throws Exception {
    Path profile = Files.createTempDirectory(dir, "profile");
    Path png = dir.resolve(page.getFileName() + "-" + width + ".png");
    List<String> command = chromium(profile, dir.resolve(png.getFileName() + ".netlog.json"));
    command.add("--screenshot=" + png);
    command.add("--window-size=" + width + "," + height);
    command.add(page.toUri().toString());
    exec(command, dir.resolve(png.getFileName() + ".log"));
    BufferedImage image = ImageIO.read(png.toFile());
    assertTrue(image != null, "not a PNG: " + png);
    return image;
  }

  /**
   * The network requests the page made, by Chromium's network log: requests started for a document
   * of {@code file://} (Chromium's own background requests, which the flags cannot all stop, belong
   * to no page). A file:// page has no other way out.
   */
  static List<String> pageRequests(Path netLog) throws IOException {
    JsonNode log = JSON.readTree(netLog.toFile());
    int startJob = log.get("constants").get("logEventTypes").get("URL_REQUEST_START_JOB").asInt();
    List<String> out = new ArrayList<>();
    for (JsonNode e : log.get("events")) {
      JsonNode params = e.get("params");
      if (e.get("type").asInt() == startJob
          && params != null
          && params.path("network_isolation_key").asText().contains("file://")) {
        out.add(params.path("url").asText());
      }
    }
    return out;
  }

  /** Fails if the picture is one colour, or nearly so. */
  static void assertNotBlank(BufferedImage image, int width, int height) {
    assertEquals(width, image.getWidth());
    assertEquals(height, image.getHeight());
    double sum = 0;
    double squares = 0;
    Set<Integer> colours = new HashSet<>();
    int n = 0;
    for (int y = 0; y < image.getHeight(); y += 2) {
      for (int x = 0; x < image.getWidth(); x += 2) {
        int rgb = image.getRGB(x, y);
        colours.add(rgb & 0xFFFFFF);
        double l =
            0.299 * ((rgb >> 16) & 0xFF) + 0.587 * ((rgb >> 8) & 0xFF) + 0.114 * (rgb & 0xFF);
        sum += l;
        squares += l * l;
        n++;
      }
    }
    double mean = sum / n;
    double variance = squares / n - mean * mean;
    assertTrue(variance > 100, "blank screenshot: luminance variance " + variance);
    assertTrue(colours.size() > 20, "blank screenshot: " + colours.size() + " colours");
  }

  @Test
  void theCompareReportOfTheSeedPairRenders() throws Exception {
    Path page = dir.resolve("compare.html");
    Files.writeString(page, run("compare", "--format", "html", TEHRAN, MEHR).succeeds());
    Rendered r = render(page);
    assertEquals(List.of(), r.pageRequests(), "the page fetched something");
    Document dom = Jsoup.parse(r.dom());
    assertEquals("near-duplicate", dom.getElementById("verdict").text());
    assertEquals("0.9262", dom.select("#scores tr:has(th:containsOwn(jaccard)) td.num").text());
    JsonNode passages =
        JSON.readTree(run("compare", "--format", "json", TEHRAN, MEHR).succeeds()).get("passages");
    for (String kind : List.of("only_a", "only_b", "shared")) {
      for (JsonNode p : passages.get(kind)) {
        Element span =
            dom.selectFirst(
                "#texts span.p[data-start="
                    + p.get("start").asInt()
                    + "][data-end="
                    + p.get("end").asInt()
                    + "]");
        assertTrue(span != null, () -> kind + " passage not in the DOM: " + p);
        assertEquals(p.get("text").asText(), span.wholeText(), kind);
      }
    }
    assertTrue(dom.getElementById("texts").text().contains("Leave a Comment"));
    BufferedImage wide = screenshot(page, 1280, 900);
    assertNotBlank(wide, 1280, 900);
    assertNotBlank(screenshot(page, 390, 844), 390, 844);
  }

  @Test
  void theClusterReportOfASmallDirectoryRenders() throws Exception {
    Path docs = Files.createDirectories(dir.resolve("docs"));
    for (String f : List.of(TEHRAN, MEHR, HtmlInputTest.GAZETTE, HtmlInputTest.COURIER)) {
      Files.copy(Path.of(f), docs.resolve(Path.of(f).getFileName()));
    }
    Files.writeString(docs.resolve("note.txt"), "A note on <something> else entirely.");
    Path page = dir.resolve("cluster.html");
    Files.writeString(page, run("cluster", "--format", "html", docs.toString()).succeeds());
    Rendered r = render(page);
    assertEquals(List.of(), r.pageRequests(), "the page fetched something");
    Document dom = Jsoup.parse(r.dom());
    assertTrue(dom.getElementById("summary").text().startsWith("5 documents in 3 clusters"));
    List<String> members = new ArrayList<>();
    for (Element e : dom.select("table.members td.member-id, #singletons li")) {
      members.add(e.text());
    }
    for (String name :
        List.of(
            "tehran-times.txt",
            "mehr-news.txt",
            "harbour-gazette.html",
            "coastal-courier.html",
            "note.txt")) {
      assertTrue(
          members.stream().anyMatch(m -> m.contains(docs.resolve(name).toString())),
          () -> name + " not among " + members);
    }
    assertEquals(2, dom.select("section.cluster table.members details").size());
    assertFalse(dom.select("details .diff").text().isEmpty());
    assertNotBlank(screenshot(page, 1280, 900), 1280, 900);
  }

  /** The network check can fail: a page with a remote image is caught. */
  @Test
  void aPageThatFetchesIsCaught() throws Exception {
    Path page = dir.resolve("fetches.html");
    Files.writeString(
        page, "<!DOCTYPE html><p>x</p><img src=\"https://example.invalid/pixel.png\" alt=\"\">");
    assertEquals(List.of("https://example.invalid/pixel.png"), render(page).pageRequests());
  }
}
