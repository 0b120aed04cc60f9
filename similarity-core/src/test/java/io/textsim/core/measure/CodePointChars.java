package io.textsim.core.measure;

import java.util.HashMap;
import java.util.Map;

/**
 * Rewrites two strings so that each distinct code point becomes one {@code char}, letting
 * char-based algorithms (Commons Text) count a character outside the BMP once instead of twice.
 */
final class CodePointChars {
  private CodePointChars() {}

  static String[] remap(String a, String b) {
    if (isBmpOnly(a) && isBmpOnly(b)) {
      return new String[] {a, b};
    }
    Map<Integer, Character> ids = new HashMap<>();
    String x = remap(a, ids);
    String y = remap(b, ids);
    if (ids.size() > Character.MAX_VALUE) {
      return new String[] {a, b}; // more distinct code points than chars: cannot happen in practice
    }
    return new String[] {x, y};
  }

  private static String remap(String s, Map<Integer, Character> ids) {
    StringBuilder out = new StringBuilder(s.length());
    s.codePoints().forEach(cp -> out.append(ids.computeIfAbsent(cp, k -> (char) ids.size())));
    return out.toString();
  }

  private static boolean isBmpOnly(String s) {
    for (int i = 0; i < s.length(); i++) {
      if (Character.isSurrogate(s.charAt(i))) {
        return false;
      }
    }
    return true;
  }
}
