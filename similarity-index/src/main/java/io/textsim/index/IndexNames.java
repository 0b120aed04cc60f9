package io.textsim.index;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Named indexes under one directory: the index called {@code news} lives in {@code ROOT/news}. The
 * server's {@code --index-dir ROOT} and the command line's {@code --index ROOT} both name such a
 * root, so that a directory a server kept can be opened locally with the same name (once the server
 * has stopped and released its lock).
 *
 * <p>A name is 1 to 64 of the characters {@code A-Z a-z 0-9 . _ -}, not starting with a dot (so it
 * is one plain path segment on every file system); an empty name stands for {@link #DEFAULT}.
 */
public final class IndexNames {
  /** The name an empty name stands for. */
  public static final String DEFAULT = "default";

  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_-][A-Za-z0-9._-]{0,63}");

  private IndexNames() {}

  /**
   * The name {@code name} stands for: itself, or {@link #DEFAULT} if it is empty.
   *
   * @throws IllegalArgumentException naming the name if it is not a valid index name
   */
  public static String resolve(String name) {
    Objects.requireNonNull(name, "name");
    String resolved = name.isEmpty() ? DEFAULT : name;
    if (!NAME.matcher(resolved).matches()) {
      throw new IllegalArgumentException(
          "index name '"
              + resolved
              + "' is not 1 to 64 of A-Z a-z 0-9 . _ - (not starting with a dot)");
    }
    return resolved;
  }

  /** The directory of the index named {@code name} under {@code root}. */
  public static Path directory(Path root, String name) {
    Objects.requireNonNull(root, "root");
    return root.resolve(resolve(name));
  }

  /**
   * Opens the index named {@code name} under {@code root}, created (with {@code root} if need be)
   * only if {@link IndexOptions#createIfMissing()}.
   *
   * @throws IllegalArgumentException if the name is not a valid index name
   * @throws IndexOpenException as {@link NearDuplicateIndex#open}; {@link
   *     IndexOpenException.Reason#MISSING} if the index does not exist and is not to be created,
   *     and {@link IndexOpenException.Reason#NOT_AN_INDEX} if {@code root} is itself an index (the
   *     directory of one name, not a root of named ones)
   */
  public static NearDuplicateIndex open(Path root, String name, IndexOptions options) {
    Objects.requireNonNull(options, "options");
    String resolved = resolve(name);
    Path dir = directory(root, resolved);
    if (Files.exists(root.resolve("CURRENT")) && !Files.isDirectory(dir)) {
      throw new IndexOpenException(
          IndexOpenException.Reason.NOT_AN_INDEX,
          root,
          root
              + " is an index itself, not a directory of named indexes: give the directory above"
              + " it, with the name "
              + (root.getFileName() == null ? "of the index" : "'" + root.getFileName() + "'"),
          null);
    }
    if (!options.createIfMissing() && !Files.isDirectory(dir)) {
      throw new IndexOpenException(
          IndexOpenException.Reason.MISSING,
          dir,
          "no index named '" + resolved + "' under " + root + " (adding documents creates it)",
          null);
    }
    return NearDuplicateIndex.open(dir, options);
  }
}
