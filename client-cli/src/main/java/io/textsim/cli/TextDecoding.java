package io.textsim.cli;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * Bytes to text, strictly: UTF-8 only (a byte order mark allowed), UTF-16 and binary data refused
 * in one line naming the source, malformed UTF-8 refused with its byte offset, never a U+FFFD
 * substituted.
 */
final class TextDecoding {
  private TextDecoding() {}

  /**
   * Decodes a whole file: rejects UTF-16 and binary data, then decodes UTF-8 strictly. A UTF-8 byte
   * order mark is kept (the core's normalizer strips it) so that offsets stay those of the decoded
   * file.
   */
  static String decode(String source, byte[] bytes) {
    checkUtf16(source, bytes);
    int nul = indexOfNul(bytes);
    if (nul >= 0) {
      if (looksLikeUtf16(bytes)) {
        throw CliException.input(
            source,
            "looks like UTF-16 text without a byte order mark (NUL bytes between the letters);"
                + " convert it to UTF-8, e.g. iconv -f UTF-16LE -t UTF-8");
      }
      throw CliException.input(
          source, "binary file (NUL byte at byte offset " + nul + "), expected UTF-8 text");
    }
    return decodeUtf8(source, bytes, 0, bytes.length, 0);
  }

  static void checkUtf16(String source, byte[] bytes) {
    if (bytes.length >= 2) {
      int b0 = bytes[0] & 0xFF;
      int b1 = bytes[1] & 0xFF;
      if ((b0 == 0xFF && b1 == 0xFE) || (b0 == 0xFE && b1 == 0xFF)) {
        throw CliException.input(
            source,
            String.format(
                Locale.ROOT,
                "UTF-16 text (byte order mark %02X %02X), expected UTF-8; convert it, e.g."
                    + " iconv -f UTF-16 -t UTF-8",
                b0,
                b1));
      }
    }
  }

  static boolean hasUtf8Bom(byte[] bytes) {
    return bytes.length >= 3
        && (bytes[0] & 0xFF) == 0xEF
        && (bytes[1] & 0xFF) == 0xBB
        && (bytes[2] & 0xFF) == 0xBF;
  }

  static int indexOfNul(byte[] bytes) {
    for (int i = 0; i < bytes.length; i++) {
      if (bytes[i] == 0) {
        return i;
      }
    }
    return -1;
  }

  /**
   * UTF-16 text of a Latin script without a byte order mark: about half the bytes are NUL, nearly
   * all of them at even offsets (big endian) or nearly all at odd offsets (little endian).
   */
  static boolean looksLikeUtf16(byte[] bytes) {
    int n = Math.min(bytes.length, 1 << 16);
    int even = 0;
    int odd = 0;
    for (int i = 0; i < n; i++) {
      if (bytes[i] == 0) {
        if ((i & 1) == 0) {
          even++;
        } else {
          odd++;
        }
      }
    }
    int pairs = n / 2;
    return pairs >= 2 && Math.max(even, odd) >= pairs * 0.3 && Math.min(even, odd) <= pairs * 0.05;
  }

  static String decodeUtf8(String source, byte[] bytes, int from, int to, long base) {
    CharsetDecoder decoder =
        StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer in = ByteBuffer.wrap(bytes, from, to - from);
    CharBuffer out = CharBuffer.allocate(to - from); // UTF-8 never needs more chars than bytes
    CoderResult result = decoder.decode(in, out, true);
    if (!result.isError()) {
      result = decoder.flush(out);
    }
    if (result.isError()) {
      int at = in.position();
      StringBuilder shown = new StringBuilder();
      for (int i = at; i < Math.min(to, at + Math.max(1, result.length())); i++) {
        shown.append(
            String.format(Locale.ROOT, shown.length() == 0 ? "0x%02X" : " 0x%02X", bytes[i]));
      }
      throw CliException.input(
          source,
          "invalid UTF-8 at byte offset "
              + (base + at)
              + " ("
              + shown
              + "); textsim reads UTF-8 text only, so convert it first, e.g. iconv -f"
              + " WINDOWS-1252 -t UTF-8");
    }
    out.flip();
    return out.toString();
  }

  static long utf8Length(String s) {
    long n = 0;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c < 0x80) {
        n += 1;
      } else if (c < 0x800) {
        n += 2;
      } else if (Character.isHighSurrogate(c)
          && i + 1 < s.length()
          && Character.isLowSurrogate(s.charAt(i + 1))) {
        n += 4;
        i++;
      } else {
        n += 3;
      }
    }
    return n;
  }
}
