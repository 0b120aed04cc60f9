package io.textsim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code bin/client-cli}, run as a process. The real script runs the CLI from the test class path
 * (no build inside the build); a copy in a scratch tree, with a stub Maven wrapper, shows the
 * build-on-first-use logic: one line on stderr, then no build until a source changes.
 */
class LauncherTest {
  private static final Path ROOT =
      Path.of(System.getProperty("textsim.root", "..")).toAbsolutePath().normalize();
  private static final Path SCRIPT = ROOT.resolve("bin/client-cli");

  @TempDir Path tmp;

  @BeforeAll
  static void needsBash() {
    assumeTrue(new File("/bin/bash").canExecute(), "bash is needed to run the launcher");
  }

  record Run(int code, String out, String err) {}

  private static Run run(Path cwd, Map<String, String> env, String... command)
      throws IOException, InterruptedException {
    ProcessBuilder pb = new ProcessBuilder(command).directory(cwd.toFile());
    pb.environment().remove("TEXTSIM_CLI_CLASSPATH");
    pb.environment().put("JAVA_HOME", System.getProperty("java.home"));
    pb.environment().putAll(env);
    pb.redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
    Path out = Files.createTempFile("launcher", ".out");
    Path err = Files.createTempFile("launcher", ".err");
    pb.redirectOutput(out.toFile()).redirectError(err.toFile());
    Process p = pb.start();
    if (!p.waitFor(120, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new AssertionError("launcher did not finish in 120 s: " + String.join(" ", command));
    }
    Run r =
        new Run(
            p.exitValue(),
            Files.readString(out, StandardCharsets.UTF_8),
            Files.readString(err, StandardCharsets.UTF_8));
    Files.delete(out);
    Files.delete(err);
    return r;
  }

  @Test
  void realScriptRunsFromAnyDirectoryThroughASymlink() throws Exception {
    Path link = tmp.resolve("client-cli");
    Files.createSymbolicLink(link, SCRIPT);
    Run r;
    try {
      r =
          run(
              tmp,
              Map.of("TEXTSIM_CLI_CLASSPATH", System.getProperty("java.class.path")),
              "./client-cli",
              "--version");
    } finally {
      Files.delete(link); // JUnit warns about links out of its temp dir
    }
    assertEquals(0, r.code(), r.err());
    assertTrue(r.out().startsWith("client-cli "), r.out());
    assertEquals("", r.err());
  }

  @Test
  void buildsOnFirstUseThenStartsAtOnce() throws Exception {
    Path repo = scratchTree();
    Path elsewhere = Files.createDirectories(tmp.resolve("elsewhere"));
    String launcher = "../repo/bin/client-cli"; // a relative path from another directory

    Run first = run(elsewhere, Map.of(), launcher, "--version");
    assertEquals(0, first.code(), first.err());
    assertEquals("building client-cli (first run)...\n", first.err());
    assertTrue(first.out().startsWith("client-cli "), first.out());
    assertEquals(List.of("-B -q -pl client-cli -am package -DskipTests"), calls(repo));

    Run second = run(elsewhere, Map.of(), launcher, "--version");
    assertEquals(0, second.code(), second.err());
    assertEquals("", second.err());
    assertEquals(first.out(), second.out());
    assertEquals(1, calls(repo).size());

    // Build output and editor files do not count; a changed source does.
    Instant later = Instant.now().plusSeconds(60);
    touch(repo.resolve("similarity-core/target/Generated.java"), later);
    touch(repo.resolve("client-cli/src/main/java/.Draft.java"), later);
    assertEquals("", run(elsewhere, Map.of(), launcher, "--version").err());
    touch(repo.resolve("similarity-core/src/main/java/Core.java"), later);
    Run third = run(elsewhere, Map.of(), launcher, "--version");
    assertEquals("building client-cli (sources changed)...\n", third.err());
    assertEquals(2, calls(repo).size());
  }

  @Test
  void aFailedBuildSaysSo() throws Exception {
    Path repo = scratchTree();
    Files.writeString(repo.resolve("fail"), "");
    Run r = run(repo, Map.of(), "bin/client-cli", "--version");
    assertEquals(1, r.code());
    assertEquals("", r.out());
    List<String> lines = r.err().lines().toList();
    assertEquals("building client-cli (first run)...", lines.get(0));
    assertTrue(lines.contains("[ERROR] stub build failure"), r.err());
    assertTrue(lines.get(lines.size() - 1).startsWith("client-cli: the build failed"), r.err());
  }

  /**
   * A copy of the launcher in a tree with the modules' layout, whose Maven wrapper is a stub that
   * records its arguments and "builds" a jar that runs the CLI from the test class path.
   */
  private Path scratchTree() throws IOException {
    Path repo = tmp.resolve("repo");
    Files.createDirectories(repo.resolve("bin"));
    Files.copy(SCRIPT, repo.resolve("bin/client-cli"));
    for (String source :
        List.of(
            "pom.xml",
            "similarity-core/pom.xml",
            "similarity-core/src/main/java/Core.java",
            "proto/src/main/proto/api.proto",
            "client-cli/pom.xml",
            "client-cli/src/main/java/Cli.java")) {
      touch(repo.resolve(source), Instant.now().minusSeconds(3600));
    }
    writeManifestJar(repo.resolve("prebuilt.jar"));
    Path mvnw = repo.resolve("mvnw");
    Files.writeString(
        mvnw,
        "#!/usr/bin/env bash\n"
            + "echo \"$*\" >> mvnw.calls\n"
            + "if [ -f fail ]; then echo '[ERROR] stub build failure'; exit 1; fi\n"
            + "mkdir -p client-cli/target && cp prebuilt.jar client-cli/target/client-cli.jar\n");
    Files.setPosixFilePermissions(mvnw, PosixFilePermissions.fromString("rwxr-xr-x"));
    Files.setPosixFilePermissions(
        repo.resolve("bin/client-cli"), PosixFilePermissions.fromString("rwxr-xr-x"));
    return repo;
  }

  /** A jar whose manifest runs io.textsim.cli.Main from the test class path. */
  private static void writeManifestJar(Path jar) throws IOException {
    List<String> urls = new ArrayList<>();
    for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
      if (!entry.isEmpty()) {
        urls.add(Path.of(entry).toAbsolutePath().toUri().toString());
      }
    }
    Manifest manifest = new Manifest();
    Attributes main = manifest.getMainAttributes();
    main.put(Attributes.Name.MANIFEST_VERSION, "1.0");
    main.put(Attributes.Name.MAIN_CLASS, "io.textsim.cli.Main");
    main.put(Attributes.Name.CLASS_PATH, String.join(" ", urls));
    try (OutputStream out = Files.newOutputStream(jar);
        JarOutputStream j = new JarOutputStream(out, manifest)) {
      j.flush();
    }
  }

  private static void touch(Path file, Instant time) throws IOException {
    Files.createDirectories(file.getParent());
    if (!Files.exists(file)) {
      Files.writeString(file, "");
    }
    Files.setLastModifiedTime(file, FileTime.from(time));
  }

  private static List<String> calls(Path repo) throws IOException {
    Path calls = repo.resolve("mvnw.calls");
    return Files.exists(calls) ? Files.readAllLines(calls) : List.of();
  }
}
