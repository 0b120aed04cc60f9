package io.textsim.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PushbackInputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.zip.GZIPInputStream;

/**
 * Reads and checks the texts the user names: files, directories (recursively) and JSONL.
 *
 * <p>Every text must be UTF-8 (a UTF-8 byte order mark is allowed). Each problem becomes a {@link
 * CliException} whose message names the file and the problem in one line: missing, a directory
 * where a file is expected, unreadable, too large (with the limit and how to raise it), UTF-16,
 * binary (NUL bytes), or invalid UTF-8 (with the byte offset). Bytes are decoded with a decoder
 * that reports malformed input, never one that substitutes U+FFFD.
 *
 * <p>Pages are the exception ({@link HtmlInputs}): files named {@code *.html} or {@code *.htm} and
 * JSONL lines with an {@code html} field instead of {@code text} are read as HTML, in the character
 * set the page declares, and their visible text is compared.
 */
final class Inputs {
  /** The name used for standard input in messages and as the id of a text read from it. */
  static final String STDIN = "-";

  /** The earliest and latest {@code time} accepted: what a protobuf Timestamp can carry. */
  private static final Instant MIN_TIME = Instant.parse("0001-01-01T00:00:00Z");

  private static final Instant MAX_TIME = Instant.parse("9999-12-31T23:59:59.999999999Z");

  private final long maxBytes;
  private final InputStream stdin;
  private final boolean forIndex;
  private boolean stdinUsed;

  /** Entries of walked directories that were passed over, each "path: why", in walk order. */
  private final List<String> skipped = new ArrayList<>();

  /**
   * @param maxBytes the largest text accepted, in bytes of UTF-8
   * @param stdin what {@code -} reads
   */
  Inputs(long maxBytes, InputStream stdin) {
    this(maxBytes, stdin, false);
  }

  private Inputs(long maxBytes, InputStream stdin, boolean forIndex) {
    this.maxBytes = maxBytes;
    this.stdin = stdin;
    this.forIndex = forIndex;
  }

  /**
   * Inputs for the index: JSONL {@code time} fields are read too, and every document is checked for
   * what the index stores ({@link io.textsim.index.IndexDocument#checkStorable}: the length of ids
   * and sources, no unpaired surrogate from a JSON escape), each failure naming the file and line.
   */
  static Inputs forIndex(long maxBytes, InputStream stdin) {
    return new Inputs(maxBytes, stdin, true);
  }

  /**
   * Reads one text file ({@code -}: standard input), as for {@code compare A B}. A named pipe,
   * socket or device is refused: opening a pipe that no process writes to would block for ever. The
   * pipes a shell hands over for {@code <(command)} ({@code /dev/fd/N}) are read, their writer
   * being the command.
   */
  Input file(String given) {
    if (STDIN.equals(given)) {
      return new Input(STDIN, TextDecoding.decode(STDIN, readLimited(STDIN, stdinOnce())));
    }
    Path path = path(given);
    BasicFileAttributes attrs = attributes(given, path);
    if (attrs.isDirectory()) {
      throw CliException.input(given, "is a directory, expected a file");
    }
    requireReadable(given, path, attrs);
    return readFile(given, path, attrs);
  }

  private static void requireReadable(String given, Path path, BasicFileAttributes attrs) {
    if (!attrs.isRegularFile() && !isShellPipe(path)) {
      throw CliException.input(
          given,
          "is not a regular file (" + kind(path) + "); to read a pipe, give - and redirect it");
    }
  }

  /**
   * What was passed over in the directories read by {@link #files}, one "path: why" each: links
   * that lead nowhere (dangling, or a loop), pipes, sockets and devices. Hidden entries and links
   * to directories are skipped by rule and not listed.
   */
  List<String> skipped() {
    return List.copyOf(skipped);
  }

  /** Prints one note a skipped entry ({@link #skipped()}), at most {@code max}, then a count. */
  void noteSkipped(java.io.PrintWriter err, int max) {
    for (int i = 0; i < skipped.size() && i < max; i++) {
      err.println("client-cli: note: " + skipped.get(i));
    }
    if (skipped.size() > max) {
      err.println(
          "client-cli: note: " + (skipped.size() - max) + " more entries skipped, not listed");
    }
  }

  /** A pipe the shell opened for {@code <(command)} or a redirection: it has a writer. */
  private static boolean isShellPipe(Path path) {
    String p = path.toAbsolutePath().normalize().toString();
    return p.startsWith("/dev/fd/") || p.startsWith("/proc/self/fd/") || p.equals("/dev/stdin");
  }

  /** What a file that is neither regular nor a directory is, for messages. */
  private static String kind(Path path) {
    try {
      Object type = Files.getAttribute(path, "unix:mode");
      if (type instanceof Integer mode) {
        // The file type bits of st_mode (S_IFMT), as in <sys/stat.h>.
        switch (mode & 0xF000) {
          case 0x1000 -> {
            return "a named pipe";
          }
          case 0xC000 -> {
            return "a socket";
          }
          case 0x2000 -> {
            return "a character device";
          }
          case 0x6000 -> {
            return "a block device";
          }
          default -> {
            // a type without a name here
          }
        }
      }
    } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
      // no unix view: say no more than what it is not
    }
    return "not a file or directory";
  }

  /**
   * Reads files and directories, as for {@code cluster PATH...}: a directory contributes every
   * regular file below it, in name order, skipping hidden files and directories (names starting
   * with a dot) and not following links to directories. Ids are the paths as given (a directory's
   * files: the directory as given joined with the relative path; a name whose bytes are not valid
   * in the platform charset escaped, see {@link FileNames}). A path named twice is read once.
   */
  List<Input> files(List<String> given) {
    Map<String, Input> out = new LinkedHashMap<>();
    for (String g : given) {
      if (STDIN.equals(g)) {
        out.putIfAbsent(STDIN, file(STDIN));
        continue;
      }
      Path path = path(g);
      BasicFileAttributes attrs = attributes(g, path);
      if (attrs.isDirectory()) {
        int before = out.size();
        walk(path, out);
        if (out.size() == before) {
          throw CliException.input(g, "directory holds no text files (hidden files are skipped)");
        }
      } else if (!out.containsKey(g)) {
        requireReadable(g, path, attrs);
        out.put(g, readFile(g, path, attrs));
      }
    }
    List<Input> inputs = withDirectorySources(new ArrayList<>(out.values()));
    if (forIndex) {
      for (Input in : inputs) {
        checkForIndex(in.id(), in);
      }
    }
    return inputs;
  }

  /**
   * Reads the pages named by {@code --furniture-from}: files and directories as {@link #files}, and
   * JSONL files (names ending in {@code .jsonl} or {@code .jsonl.gz}) as {@link #jsonl}. Every page
   * of no other known source gets the directory it sits in (a JSONL line: its file) as its source:
   * these are pages of the compared texts' outlets, and a directory or file of them is most often
   * one outlet's.
   */
  List<Input> furnitureExamples(List<String> given) {
    List<Input> out = new ArrayList<>();
    List<String> files = new ArrayList<>();
    for (String g : given) {
      String name = g.toLowerCase(java.util.Locale.ROOT);
      if (name.endsWith(".jsonl") || name.endsWith(".jsonl.gz")) {
        for (Input in : jsonl(g)) {
          out.add(in.source().isEmpty() ? in.withSource(g) : in);
        }
      } else {
        files.add(g);
      }
    }
    if (!files.isEmpty()) {
      for (Input in : files(files)) {
        out.add(in.source().isEmpty() ? in.withSource(directory(in.id())) : in);
      }
    }
    return out;
  }

  private static String directory(String id) {
    if (STDIN.equals(id)) {
      return "";
    }
    Path parent = Path.of(id).toAbsolutePath().normalize().getParent();
    return parent == null ? "" : parent.toString();
  }

  /**
   * Files get the directory they sit in as their source, for learning page furniture per source,
   * when they come from more than one directory; files of one directory are of no known source,
   * since a single directory says nothing about who published what.
   */
  private static List<Input> withDirectorySources(List<Input> inputs) {
    List<String> dirs = new ArrayList<>(inputs.size());
    java.util.Set<String> distinct = new java.util.HashSet<>();
    for (Input in : inputs) {
      String dir = directory(in.id());
      dirs.add(dir);
      distinct.add(dir);
    }
    if (distinct.size() < 2) {
      return inputs;
    }
    List<Input> out = new ArrayList<>(inputs.size());
    for (int i = 0; i < inputs.size(); i++) {
      out.add(inputs.get(i).withSource(dirs.get(i)));
    }
    return out;
  }

  private void walk(Path dir, Map<String, Input> out) {
    List<Path> entries = new ArrayList<>();
    try (DirectoryStream<Path> stream = Files.newDirectoryStream(dir)) {
      stream.forEach(entries::add);
    } catch (AccessDeniedException e) {
      throw CliException.input(FileNames.id(dir), "permission denied");
    } catch (NotDirectoryException e) {
      throw CliException.input(FileNames.id(dir), "is not a directory");
    } catch (IOException e) {
      throw CliException.input(FileNames.id(dir), "cannot list: " + reason(e));
    }
    entries.sort(Comparator.comparing(p -> String.valueOf(p.getFileName())));
    for (Path p : entries) {
      String name = String.valueOf(p.getFileName());
      if (name.startsWith(".")) {
        continue;
      }
      if (Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) {
        walk(p, out);
      } else if (Files.isRegularFile(p)) {
        String id = FileNames.id(p); // never a name with U+FFFD for bytes it could not decode
        if (!out.containsKey(id)) {
          out.put(id, readFile(id, p, attributes(id, p)));
        }
      } else if (Files.isSymbolicLink(p)) {
        brokenLink(p).ifPresent(why -> skipped.add(FileNames.id(p) + ": skipped, " + why));
      } else {
        skipped.add(FileNames.id(p) + ": skipped, " + kind(p) + ", not a regular file");
      }
    }
  }

  /**
   * Why the link {@code p}, which is neither a regular file nor a directory once followed, leads
   * nowhere; empty for a link to a directory (not followed, by rule) or to a pipe or device.
   */
  private static Optional<String> brokenLink(Path p) {
    try {
      BasicFileAttributes target = Files.readAttributes(p, BasicFileAttributes.class);
      return target.isDirectory()
          ? Optional.empty()
          : Optional.of("a symbolic link to " + kind(p) + ", not a regular file");
    } catch (NoSuchFileException e) {
      return Optional.of("a dangling symbolic link (" + linkTarget(p) + " does not exist)");
    } catch (FileSystemException e) {
      String reason = String.valueOf(e.getReason());
      return Optional.of(
          reason.contains("levels of symbolic links")
              ? "a symbolic link loop"
              : "a symbolic link that cannot be followed: " + reason);
    } catch (IOException e) {
      return Optional.of("a symbolic link that cannot be followed: " + reason(e));
    }
  }

  private static String linkTarget(Path p) {
    try {
      return Files.readSymbolicLink(p).toString();
    } catch (IOException | UnsupportedOperationException e) {
      return "its target";
    }
  }

  /**
   * Reads JSONL from a file or ({@code -}) standard input, gzip-compressed or not: one {@code
   * {"id": ..., "text": ...}} object a line, with an optional {@code source} or {@code url} (whose
   * host is the source) for learning page furniture per source (other fields are ignored); blank
   * lines are skipped; the id is a string or an integer; ids must be unique. A line may give {@code
   * html} (a page, as a JSON string) instead of {@code text}.
   */
  List<Input> jsonl(String given) {
    String source = STDIN.equals(given) ? "<stdin>" : given;
    if (STDIN.equals(given)) {
      return jsonl(source, stdinOnce());
    }
    Path path = path(given);
    if (attributes(given, path).isDirectory()) {
      throw CliException.input(given, "is a directory, expected a JSONL file");
    }
    try (InputStream in = Files.newInputStream(path)) {
      return jsonl(source, in);
    } catch (IOException e) {
      throw CliException.input(given, "cannot read: " + reason(e));
    }
  }

  private List<Input> jsonl(String source, InputStream raw) {
    InputStream in;
    try {
      in = gunzipIfCompressed(raw);
    } catch (IOException e) {
      throw CliException.input(source, "cannot read: " + reason(e));
    }
    List<Input> out = new ArrayList<>();
    Map<String, Integer> lineOfId = new HashMap<>();
    // JSON escapes can make a line up to 6 times longer than its text; allow for that and the id.
    long maxLine = Math.min(Integer.MAX_VALUE - 16L, maxBytes * 6 + 65_536);
    byte[] buffer = new byte[1 << 16];
    ByteArrayOutputStream line = new ByteArrayOutputStream(1 << 12);
    long offset = 0; // of buffer[0] in the input
    long lineStart = 0;
    int lineNo = 0;
    try {
      int n;
      boolean eof = false;
      while (!eof) {
        n = in.read(buffer);
        eof = n < 0;
        int from = 0;
        int count = Math.max(n, 0);
        for (int i = 0; i <= count; i++) {
          boolean end = i < count ? buffer[i] == '\n' : eof;
          if (i == count && !eof) {
            line.write(buffer, from, count - from);
            break;
          }
          if (!end) {
            continue;
          }
          line.write(buffer, from, i - from);
          from = i + 1;
          if (line.size() > maxLine) {
            throw lineTooLong(source, lineNo + 1, maxLine);
          }
          if (eof && line.size() == 0) {
            break;
          }
          lineNo++;
          byte[] bytes = line.toByteArray();
          line.reset();
          long start = lineStart;
          lineStart = offset + i + 1;
          int skip = 0;
          if (lineNo == 1) {
            TextDecoding.checkUtf16(source, bytes);
            skip = TextDecoding.hasUtf8Bom(bytes) ? 3 : 0;
          }
          String where = source + " line " + lineNo;
          Input input = jsonLine(where, bytes, skip, start);
          if (input == null) {
            continue;
          }
          Integer first = lineOfId.putIfAbsent(input.id(), lineNo);
          if (first != null) {
            throw CliException.input(
                where, "duplicate id \"" + input.id() + "\" (first on line " + first + ")");
          }
          out.add(input);
        }
        if (line.size() > maxLine) {
          throw lineTooLong(source, lineNo + 1, maxLine);
        }
        offset += count;
      }
    } catch (IOException e) {
      throw CliException.input(source, "cannot read: " + reason(e));
    }
    if (out.isEmpty()) {
      throw CliException.input(source, "no documents (expected one {\"id\", \"text\"} a line)");
    }
    return out;
  }

  private CliException lineTooLong(String source, int lineNo, long maxLine) {
    return CliException.input(
        source,
        "line "
            + lineNo
            + " is over "
            + maxLine
            + " bytes, too long for the --max-bytes limit of "
            + maxBytes
            + "; raise it with --max-bytes");
  }

  /** The stream, decompressed if it starts with the gzip magic bytes 1F 8B. */
  private static InputStream gunzipIfCompressed(InputStream raw) throws IOException {
    PushbackInputStream in = new PushbackInputStream(raw, 2);
    byte[] magic = in.readNBytes(2);
    in.unread(magic);
    if (magic.length == 2 && (magic[0] & 0xFF) == 0x1F && (magic[1] & 0xFF) == 0x8B) {
      return new GZIPInputStream(in, 1 << 16);
    }
    return in;
  }

  private Input jsonLine(String where, byte[] bytes, int skip, long lineStart) {
    int end = bytes.length;
    if (end > skip && bytes[end - 1] == '\r') {
      end--;
    }
    for (int i = skip; i < end; i++) {
      if (bytes[i] == 0) {
        throw CliException.input(
            where,
            "binary data (NUL byte at byte offset " + (lineStart + i) + "), expected JSON text");
      }
    }
    String text = TextDecoding.decodeUtf8(where, bytes, skip, end, lineStart);
    if (text.isBlank()) {
      return null;
    }
    JsonNode node = JsonLine.object(where, text);
    JsonNode id = node.get("id");
    if (id == null || id.isNull()) {
      throw CliException.input(where, "missing \"id\"");
    }
    if (!id.isTextual() && !id.isIntegralNumber()) {
      throw CliException.input(where, "\"id\" must be a string or an integer");
    }
    JsonNode body = node.get("text");
    JsonNode html = node.get("html");
    if (html != null && !html.isNull()) {
      if (body != null && !body.isNull()) {
        throw CliException.input(where, "give \"text\" or \"html\", not both");
      }
      if (!html.isTextual()) {
        throw CliException.input(where, "\"html\" must be a string");
      }
      long size = TextDecoding.utf8Length(html.textValue());
      if (size > maxBytes) {
        throw CliException.input(where, tooLarge("html of \"" + id.asText() + "\"", size));
      }
      return HtmlInputs.json(id.asText(), html.textValue(), source(node, where));
    }
    if (body == null || body.isNull()) {
      throw CliException.input(where, "missing \"text\" (or \"html\")");
    }
    if (!body.isTextual()) {
      throw CliException.input(where, "\"text\" must be a string");
    }
    String value = body.textValue();
    long utf8 = TextDecoding.utf8Length(value);
    if (utf8 > maxBytes) {
      throw CliException.input(where, tooLarge("text of \"" + id.asText() + "\"", utf8));
    }
    if (!forIndex) {
      return new Input(id.asText(), value, source(node, where));
    }
    Input input = Input.timed(id.asText(), value, source(node, where), time(node, where));
    checkForIndex(where, input);
    return input;
  }

  /** The JSONL line's {@code time}: ISO-8601 with an offset, or whole seconds since 1970. */
  private static Optional<Instant> time(JsonNode node, String where) {
    JsonNode time = node.get("time");
    if (time == null || time.isNull()) {
      return Optional.empty();
    }
    Instant t;
    if (time.isIntegralNumber() && time.canConvertToLong()) {
      long seconds = time.longValue();
      t =
          seconds < MIN_TIME.getEpochSecond() || seconds > MAX_TIME.getEpochSecond()
              ? null
              : Instant.ofEpochSecond(seconds);
    } else if (time.isTextual()) {
      try {
        t =
            OffsetDateTime.parse(time.textValue().strip(), DateTimeFormatter.ISO_OFFSET_DATE_TIME)
                .toInstant();
      } catch (DateTimeParseException e) {
        throw CliException.input(
            where,
            "\"time\" is not a time: '"
                + time.textValue()
                + "'; use ISO-8601 with a zone, e.g. 2026-03-01T08:00:00Z, or seconds since 1970");
      }
    } else {
      throw CliException.input(
          where,
          "\"time\" must be an ISO-8601 string (2026-03-01T08:00:00Z) or seconds since 1970");
    }
    if (t == null || t.isBefore(MIN_TIME) || t.isAfter(MAX_TIME)) {
      throw CliException.input(where, "\"time\" " + time + " is outside the years 1 to 9999");
    }
    return Optional.of(t);
  }

  /** Refuses what the index cannot store, naming {@code where} the input came from. */
  private static void checkForIndex(String where, Input in) {
    try {
      IndexCommand.document(in, Optional.empty()).checkStorable();
    } catch (IllegalArgumentException e) {
      throw CliException.input(where, e.getMessage());
    }
  }

  /** The JSONL line's {@code source}, else the host of its {@code url}, else empty. */
  private static String source(JsonNode node, String where) {
    JsonNode source = node.get("source");
    if (source != null && !source.isNull()) {
      if (!source.isTextual()) {
        throw CliException.input(where, "\"source\" must be a string");
      }
      return source.textValue();
    }
    JsonNode url = node.get("url");
    if (url != null && !url.isNull()) {
      if (!url.isTextual()) {
        throw CliException.input(where, "\"url\" must be a string");
      }
      try {
        String host = java.net.URI.create(url.textValue().strip()).getHost();
        if (host != null) {
          return host.toLowerCase(java.util.Locale.ROOT);
        }
      } catch (IllegalArgumentException e) {
        throw CliException.input(where, "\"url\" is not a URL: " + url.textValue());
      }
    }
    return "";
  }

  private InputStream stdinOnce() {
    if (stdinUsed) {
      throw new CliException("standard input (-) can be read only once");
    }
    stdinUsed = true;
    return stdin;
  }

  private static Path path(String given) {
    try {
      return Path.of(given);
    } catch (InvalidPathException e) {
      if (FileNames.undecodable(given)) {
        throw FileNames.notNameable(given);
      }
      throw CliException.input(given, "not a valid path: " + e.getReason());
    }
  }

  private static BasicFileAttributes attributes(String given, Path path) {
    try {
      return Files.readAttributes(path, BasicFileAttributes.class);
    } catch (NoSuchFileException e) {
      if (FileNames.undecodable(given)) {
        throw FileNames.notNameable(given);
      }
      throw CliException.input(given, "no such file or directory");
    } catch (AccessDeniedException e) {
      throw CliException.input(given, "permission denied");
    } catch (IOException e) {
      throw CliException.input(given, "cannot read: " + reason(e));
    }
  }

  private Input readFile(String given, Path path, BasicFileAttributes attrs) {
    if (attrs.isRegularFile() && attrs.size() > maxBytes) {
      throw CliException.input(given, tooLarge("file", attrs.size()));
    }
    // Pipes and devices (e.g. <(command) in bash) are read too, up to the limit.
    try (InputStream in = Files.newInputStream(path)) {
      byte[] bytes = readLimited(given, in);
      if (HtmlInputs.isHtmlFile(given)) {
        return HtmlInputs.file(given, bytes);
      }
      return new Input(given, TextDecoding.decode(given, bytes));
    } catch (AccessDeniedException e) {
      throw CliException.input(given, "permission denied");
    } catch (IOException e) {
      throw CliException.input(given, "cannot read: " + reason(e));
    }
  }

  private byte[] readLimited(String given, InputStream in) {
    int cap = (int) Math.min(Integer.MAX_VALUE - 16L, maxBytes + 1);
    byte[] bytes;
    try {
      bytes = in.readNBytes(cap);
    } catch (IOException e) {
      throw CliException.input(given, "cannot read: " + reason(e));
    }
    if (bytes.length > maxBytes) {
      throw CliException.input(given, tooLarge("input", -1));
    }
    return bytes;
  }

  private String tooLarge(String what, long size) {
    return what
        + (size >= 0 ? " is " + size + " bytes, over" : " is over")
        + " the limit of "
        + maxBytes
        + " bytes; raise it with --max-bytes (e.g. --max-bytes "
        + Units.suggestBytes(Math.max(size, maxBytes + 1))
        + ")";
  }

  /** Decodes a whole file: see {@link TextDecoding#decode}. */
  static String decode(String source, byte[] bytes) {
    return TextDecoding.decode(source, bytes);
  }

  private static String reason(IOException e) {
    if (e instanceof FileSystemException fse && fse.getReason() != null) {
      return fse.getReason();
    }
    String m = e.getMessage();
    return m == null ? e.getClass().getSimpleName() : m;
  }
}
