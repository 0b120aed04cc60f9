package io.textsim.cli;

import io.textsim.core.Durations;
import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * Option value converters. Each rejects a bad value with a {@link TypeConversionException}, which
 * picocli reports as a usage error (exit code 2) naming the option.
 */
final class Units {
  private Units() {}

  private static final Pattern BYTES =
      Pattern.compile(
          "(\\d+(?:\\.\\d+)?)\\s*(b|k|kb|kib|m|mb|mib|g|gb|gib)?", Pattern.CASE_INSENSITIVE);

  /** The largest --max-bytes: Java strings and arrays stop a little below 2 GiB. */
  static final long MAX_BYTES_LIMIT = 2_000_000_000L;

  /** Parses a byte count: {@code 10MB}, {@code 500k}, {@code 2MiB}, {@code 1048576}. */
  static long parseBytes(String value) {
    Matcher m = BYTES.matcher(value.strip());
    if (!m.matches()) {
      throw new TypeConversionException(
          "'" + value + "' is not a size; use e.g. 20MB, 500KB, 1GiB or a number of bytes");
    }
    double n = Double.parseDouble(m.group(1));
    String unit = m.group(2) == null ? "b" : m.group(2).toLowerCase(Locale.ROOT);
    long factor =
        switch (unit) {
          case "k", "kb" -> 1_000L;
          case "kib" -> 1L << 10;
          case "m", "mb" -> 1_000_000L;
          case "mib" -> 1L << 20;
          case "g", "gb" -> 1_000_000_000L;
          case "gib" -> 1L << 30;
          default -> 1L;
        };
    double bytes = n * factor;
    if (bytes < 1 || bytes > MAX_BYTES_LIMIT) {
      throw new TypeConversionException(
          "'" + value + "' is out of range; the size must be between 1 byte and 2GB");
    }
    return (long) bytes;
  }

  /** A round --max-bytes value above {@code bytes}, for the "raise it with" hint. */
  static String suggestBytes(long bytes) {
    long mb = Math.min(MAX_BYTES_LIMIT / 1_000_000, (bytes + 999_999) / 1_000_000);
    return Math.max(1, mb) + "MB";
  }

  /** The shortest --deadline. */
  static final Duration MIN_DEADLINE = Duration.ofMillis(1);

  /** The longest --deadline: longer is taken for a typing mistake. */
  static final Duration MAX_DEADLINE = Duration.ofHours(24);

  /**
   * Parses a --deadline in the grammar of {@link Durations}: {@code 500ms}, {@code 1.5s}, {@code
   * 2m}, {@code 1h}, {@code PT30S}; a bare number is seconds. Between 1ms and 24h.
   */
  static Duration parseDuration(String value) {
    return parseBetween(value, MIN_DEADLINE, MAX_DEADLINE);
  }

  /** The longest --ttl: a hundred years of 365 days. */
  static final Duration MAX_TTL = Duration.ofDays(36_500);

  /** Parses a --ttl in the grammar of {@link Durations}: {@code 12h}, {@code 7d}; 1ms to 36500d. */
  static Duration parseTtl(String value) {
    return parseBetween(value, MIN_DEADLINE, MAX_TTL);
  }

  private static Duration parseBetween(String value, Duration min, Duration max) {
    try {
      return Durations.parse(value, min, max);
    } catch (IllegalArgumentException e) {
      throw new TypeConversionException(e.getMessage());
    }
  }

  /** Formats a duration the way it is written on the command line. */
  static String formatDuration(Duration d) {
    return Durations.format(d);
  }

  /** A number in [0, 1]: a threshold or a minimum score. */
  static double parseUnitInterval(String value) {
    double v;
    try {
      v = Double.parseDouble(value.strip());
    } catch (NumberFormatException e) {
      throw new TypeConversionException("'" + value + "' is not a number");
    }
    if (!(v >= 0.0 && v <= 1.0)) {
      throw new TypeConversionException("'" + value + "' is not in [0, 1]");
    }
    return v;
  }

  /** Converts --max-bytes values. */
  static final class ByteSize implements ITypeConverter<Long> {
    @Override
    public Long convert(String value) {
      return parseBytes(value);
    }
  }

  /** Converts --deadline values. */
  static final class DurationValue implements ITypeConverter<Duration> {
    @Override
    public Duration convert(String value) {
      return parseDuration(value);
    }
  }

  /** Converts --ttl values. */
  static final class TtlValue implements ITypeConverter<Duration> {
    @Override
    public Duration convert(String value) {
      return parseTtl(value);
    }
  }

  /** Converts --threshold and --min-score values. */
  static final class UnitInterval implements ITypeConverter<Double> {
    @Override
    public Double convert(String value) {
      return parseUnitInterval(value);
    }
  }

  /** Converts counts that must be at least 1 (--top). */
  static final class PositiveInt implements ITypeConverter<Integer> {
    @Override
    public Integer convert(String value) {
      int v;
      try {
        v = Integer.parseInt(value.strip());
      } catch (NumberFormatException e) {
        throw new TypeConversionException("'" + value + "' is not a whole number");
      }
      if (v < 1) {
        throw new TypeConversionException("'" + value + "' must be at least 1");
      }
      return v;
    }
  }
}
