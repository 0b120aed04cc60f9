package io.textsim.cli;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * File names that are not text in the platform charset: names whose bytes are not valid in the
 * charset Java decodes file names with ({@code sun.jnu.encoding}, from the locale: UTF-8, or ASCII
 * in the C locale).
 *
 * <p>Java still opens such a file when it lists it (a listed path keeps the name's bytes), but its
 * {@code toString()} has U+FFFD (or '?') where the bytes were, and a name given on the command line
 * arrives already decoded that way, naming a file that does not exist. So a listed file is read
 * under its escaped name ({@code caf\xE9.txt}, as {@code ls -b} shows it), never under a
 * substituted one, and a name given on the command line that cannot be a file name is reported as
 * that, with the escaped names of the files in its directory that it may have meant.
 */
final class FileNames {
  private FileNames() {}

  /** The charset Java decodes file names with. */
  static String charset() {
    return System.getProperty("sun.jnu.encoding", Charset.defaultCharset().name());
  }

  /** Whether {@code p}'s text names {@code p} again: its bytes are text in the platform charset. */
  static boolean representable(Path p) {
    try {
      return p.getFileSystem().getPath(p.toString()).equals(p);
    } catch (InvalidPathException e) {
      return false;
    }
  }

  /**
   * The name to show and use as the id of the listed path {@code p}: its text where that names it
   * again, else the path with every name that does not escaped byte by byte.
   */
  static String id(Path p) {
    if (representable(p)) {
      return p.toString();
    }
    StringBuilder out = new StringBuilder();
    if (p.getRoot() != null) {
      out.append(p.getRoot());
    }
    for (int k = 0; k < p.getNameCount(); k++) {
      if (k > 0) {
        out.append(p.getFileSystem().getSeparator());
      }
      Path name = p.getName(k);
      out.append(representable(name) ? name.toString() : escaped(name));
    }
    return out.toString();
  }

  /**
   * One name, its bytes escaped: printable ASCII as it is, a backslash doubled, every other byte as
   * {@code \xHH}. The bytes come from the path's URI, the one public view of them.
   */
  static String escaped(Path name) {
    String raw = name.toAbsolutePath().toUri().getRawPath();
    if (raw.endsWith("/")) {
      raw = raw.substring(0, raw.length() - 1); // a directory's URI ends in a slash
    }
    raw = raw.substring(raw.lastIndexOf('/') + 1);
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < raw.length(); i++) {
      char c = raw.charAt(i);
      int b;
      if (c == '%' && i + 2 < raw.length()) {
        b = Integer.parseInt(raw.substring(i + 1, i + 3), 16);
        i += 2;
      } else {
        b = c;
      }
      if (b == '\\') {
        out.append("\\\\");
      } else if (b >= 0x20 && b < 0x7F) {
        out.append((char) b);
      } else {
        out.append(String.format(Locale.ROOT, "\\x%02X", b));
      }
    }
    return out.toString();
  }

  /**
   * Whether {@code given}, a path from the command line, shows signs of a name the platform charset
   * could not decode: the JVM has put U+FFFD where the bytes were.
   */
  static boolean undecodable(String given) {
    return given.indexOf('\uFFFD') >= 0;
  }

  /**
   * The error for {@code given}, a command-line path with undecodable bytes ({@link #undecodable}):
   * which charset, the escaped names of the files in its directory that it may name, and what to
   * do.
   */
  static CliException notNameable(String given) {
    String shown = given.replace('\uFFFD', '?');
    int slash = given.lastIndexOf('/');
    String dirGiven = slash < 0 ? "." : slash == 0 ? "/" : given.substring(0, slash);
    String wanted = given.substring(slash + 1);
    List<String> candidates = new ArrayList<>();
    if (!undecodable(dirGiven)) {
      try (DirectoryStream<Path> entries = Files.newDirectoryStream(Path.of(dirGiven))) {
        for (Path p : entries) {
          if (!representable(p.getFileName()) && sameWhenDecoded(p, wanted)) {
            candidates.add(escaped(p.getFileName()));
          }
        }
      } catch (IOException | InvalidPathException | SecurityException e) {
        // the directory cannot be listed: say what is known
      }
    }
    String charset = charset();
    String why =
        "its name has bytes that are not valid in the platform charset ("
            + charset
            + ", from the locale), shown here as '?', so it cannot be opened by a name given on"
            + " the command line";
    if (candidates.isEmpty()) {
      return CliException.input(shown, why + "; no file in " + dirGiven + " has such a name");
    }
    java.util.Collections.sort(candidates);
    return CliException.input(
        shown,
        why
            + "; in directory "
            + dirGiven
            + (candidates.size() == 1 ? " it is " : " it may be any of ")
            + String.join(", ", candidates)
            + ". Rename it (e.g. with convmv), run in a locale whose charset decodes the name, or"
            + " give the directory "
            + dirGiven
            + ": its files are read under their escaped names");
  }

  /** Whether the listed {@code p}'s name, decoded as Java decodes names, reads {@code wanted}. */
  private static boolean sameWhenDecoded(Path p, String wanted) {
    String name = p.getFileName().toString();
    if (name.length() != wanted.length()) {
      return false;
    }
    for (int i = 0; i < name.length(); i++) {
      char a = name.charAt(i);
      char b = wanted.charAt(i);
      // A decoder may replace an undecodable byte by U+FFFD or by '?'.
      boolean replaced = (a == '\uFFFD' || a == '?') && (b == '\uFFFD' || b == '?');
      if (a != b && !replaced) {
        return false;
      }
    }
    return true;
  }
}
