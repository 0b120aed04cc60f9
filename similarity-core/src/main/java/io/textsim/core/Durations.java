package io.textsim.core;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one way durations are written in textsim: every duration flag of every program (the CLI's
 * {@code --deadline}, the server's {@code --grace-period} and {@code --max-call-time}, the load
 * generator's {@code --warmup} and {@code --measure}) is read by {@link #parse} and every duration
 * shown to a user is written by {@link #format}, so what a message prints can be pasted back.
 *
 * <h2>Grammar</h2>
 *
 * <ul>
 *   <li>A decimal number and a unit: {@code ms}, {@code s}, {@code m} (minutes), {@code h} or
 *       {@code d} (days of 24 hours), in any case, optionally separated by spaces: {@code 500ms},
 *       {@code 1.5s}, {@code 10m}, {@code 2h}, {@code 7d}.
 *   <li>A bare number is seconds: {@code 30} is {@code 30s}, {@code 0.5} is {@code 500ms}. (The
 *       server and the CLI have always read bare numbers so.)
 *   <li>ISO-8601, as {@link Duration#parse} reads it: {@code PT30S}, {@code PT1M30S}, {@code P1D}.
 * </ul>
 *
 * Digits are ASCII only; there is no sign, exponent, {@code NaN} or {@code Infinity}; a duration is
 * never negative and is exact to the nanosecond (a value finer than that is refused, not rounded).
 * Zero is a duration ({@code 0}, {@code 0s}, {@code PT0S}); whether a setting takes it is the
 * setting's business, see {@link #parse(CharSequence, Duration, Duration)}.
 *
 * <p>Stateless and thread-safe.
 */
public final class Durations {
  private Durations() {}

  /** The examples that every refusal shows. */
  private static final String EXAMPLES = "use e.g. 500ms, 1.5s, 10m, 2h, 7d or PT30S";

  /** Longer input is refused before any arithmetic: no real duration needs it. */
  private static final int MAX_LENGTH = 64;

  private static final Pattern NUMBER_AND_UNIT =
      Pattern.compile("([0-9]+)(?:\\.([0-9]+))?[ \\t]*([A-Za-z]*)");

  private static final long NANOS_PER_MILLI = 1_000_000L;
  private static final long NANOS_PER_SECOND = 1_000_000_000L;
  private static final BigInteger BILLION = BigInteger.valueOf(NANOS_PER_SECOND);

  /** The units of {@link #format}, largest first, with their length in seconds. */
  private static final String[] WHOLE_SECOND_UNITS = {"d", "h", "m", "s"};

  private static final long[] WHOLE_SECOND_UNIT_SECONDS = {86_400L, 3_600L, 60L, 1L};

  /**
   * Reads a duration written in the grammar above.
   *
   * @param text the duration, surrounding white space ignored
   * @return the duration, zero or positive
   * @throws NullPointerException if {@code text} is null
   * @throws IllegalArgumentException if {@code text} is not a duration; the message quotes it, says
   *     why, and gives examples
   */
  public static Duration parse(CharSequence text) {
    Objects.requireNonNull(text, "text");
    String s = text.toString().strip();
    if (s.isEmpty()) {
      throw refused(text, "empty");
    }
    if (s.length() > MAX_LENGTH) {
      throw refused(text, "longer than " + MAX_LENGTH + " characters");
    }
    if (s.charAt(0) == '-') {
      throw refused(text, "negative");
    }
    char first = s.charAt(0) == '+' && s.length() > 1 ? s.charAt(1) : s.charAt(0);
    if (first == 'P' || first == 'p') {
      return parseIso(text, s);
    }
    Matcher m = NUMBER_AND_UNIT.matcher(s);
    if (!m.matches()) {
      throw refused(text, null);
    }
    long unitNanos =
        switch (m.group(3).toLowerCase(Locale.ROOT)) {
          case "ms" -> NANOS_PER_MILLI;
          case "", "s" -> NANOS_PER_SECOND;
          case "m" -> 60 * NANOS_PER_SECOND;
          case "h" -> 3_600 * NANOS_PER_SECOND;
          case "d" -> 86_400 * NANOS_PER_SECOND;
          default -> throw refused(text, "unknown unit '" + m.group(3) + "'");
        };
    String number = m.group(2) == null ? m.group(1) : m.group(1) + "." + m.group(2);
    BigDecimal nanos = new BigDecimal(number).multiply(BigDecimal.valueOf(unitNanos));
    BigInteger wholeNanos;
    try {
      wholeNanos = nanos.toBigIntegerExact();
    } catch (ArithmeticException e) {
      throw refused(text, "finer than a nanosecond");
    }
    BigInteger[] secondsAndNanos = wholeNanos.divideAndRemainder(BILLION);
    if (secondsAndNanos[0].bitLength() >= Long.SIZE) {
      throw refused(text, "too large");
    }
    return Duration.ofSeconds(secondsAndNanos[0].longValue(), secondsAndNanos[1].longValue());
  }

  /**
   * Reads a duration written in the grammar above and checks that it lies in {@code [min, max]}.
   *
   * @throws NullPointerException if an argument is null
   * @throws IllegalArgumentException if {@code text} is not a duration, or is one outside the range
   *     (the message then quotes it and gives the range in this grammar), or if {@code min > max}
   */
  public static Duration parse(CharSequence text, Duration min, Duration max) {
    Objects.requireNonNull(min, "min");
    Objects.requireNonNull(max, "max");
    if (min.compareTo(max) > 0) {
      throw new IllegalArgumentException(
          "min must not be above max, got min " + format(min) + " and max " + format(max));
    }
    Duration d = parse(text);
    if (d.compareTo(min) < 0 || d.compareTo(max) > 0) {
      throw new IllegalArgumentException(
          "'"
              + text
              + "' is out of range; the duration must be between "
              + format(min)
              + " and "
              + format(max));
    }
    return d;
  }

  /**
   * Writes {@code d} as {@link #parse} reads it, in the largest unit that holds it exactly: {@code
   * 7d}, {@code 2h}, {@code 10m}, {@code 90s}, {@code 1500ms}; zero is {@code 0s}; a duration that
   * is not a whole number of milliseconds is written in milliseconds with a fraction ({@code
   * 0.25ms}). {@code parse(format(d))} equals {@code d}.
   *
   * @throws NullPointerException if {@code d} is null
   * @throws IllegalArgumentException if {@code d} is negative, which the grammar has no way to
   *     write
   */
  public static String format(Duration d) {
    Objects.requireNonNull(d, "d");
    if (d.isNegative()) {
      throw new IllegalArgumentException("d must not be negative, got " + d);
    }
    long seconds = d.getSeconds();
    int nanos = d.getNano();
    if (seconds == 0 && nanos == 0) {
      return "0s";
    }
    if (nanos == 0) {
      for (int i = 0; i < WHOLE_SECOND_UNITS.length; i++) {
        if (seconds % WHOLE_SECOND_UNIT_SECONDS[i] == 0) {
          return seconds / WHOLE_SECOND_UNIT_SECONDS[i] + WHOLE_SECOND_UNITS[i];
        }
      }
    }
    BigDecimal millis =
        new BigDecimal(BigInteger.valueOf(seconds).multiply(BILLION).add(BigInteger.valueOf(nanos)))
            .movePointLeft(6);
    return millis.stripTrailingZeros().toPlainString() + "ms";
  }

  private static Duration parseIso(CharSequence text, String s) {
    Duration d;
    try {
      d = Duration.parse(s);
    } catch (DateTimeParseException e) {
      // Duration.parse has matched the digits by then, so a failed number is one too long.
      boolean overflow =
          e.getCause() instanceof ArithmeticException
              || e.getCause() instanceof NumberFormatException;
      throw refused(text, overflow ? "too large" : null);
    }
    if (d.isNegative()) {
      throw refused(text, "negative");
    }
    return d;
  }

  private static IllegalArgumentException refused(CharSequence text, String reason) {
    return new IllegalArgumentException(
        "'"
            + text
            + "' is not a duration"
            + (reason == null ? "" : " (" + reason + ")")
            + "; "
            + EXAMPLES);
  }
}
