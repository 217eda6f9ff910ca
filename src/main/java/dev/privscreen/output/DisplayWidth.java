package dev.privscreen.output;

/**
 * The cells a text takes on a terminal: two for an East Asian wide or fullwidth character (CJK,
 * Hangul, fullwidth forms, most emoji; Unicode's UAX #11, as wcwidth counts them), none for a
 * combining mark or a format character, one for the rest. A table padded by characters instead
 * misaligns every column after a name in Chinese or Japanese.
 */
final class DisplayWidth {
  private DisplayWidth() {}

  static int of(String s) {
    int w = 0;
    for (int i = 0; i < s.length(); ) {
      int cp = s.codePointAt(i);
      i += Character.charCount(cp);
      w += of(cp);
    }
    return w;
  }

  static int of(int cp) {
    if (cp < 0x300) {
      return 1; // ASCII and Latin: the common case first
    }
    int type = Character.getType(cp);
    if (type == Character.NON_SPACING_MARK
        || type == Character.ENCLOSING_MARK
        || type == Character.FORMAT
        || cp == 0x200B) {
      return 0;
    }
    return wide(cp) ? 2 : 1;
  }

  private static boolean wide(int cp) {
    return (cp >= 0x1100 && cp <= 0x115F) // Hangul Jamo initials
        || (cp >= 0x2E80 && cp <= 0x303E) // CJK radicals, punctuation
        || (cp >= 0x3041 && cp <= 0x33FF) // kana, CJK symbols
        || (cp >= 0x3400 && cp <= 0x4DBF) // CJK extension A
        || (cp >= 0x4E00 && cp <= 0x9FFF) // CJK unified ideographs
        || (cp >= 0xA000 && cp <= 0xA4CF) // Yi
        || (cp >= 0xAC00 && cp <= 0xD7A3) // Hangul syllables
        || (cp >= 0xF900 && cp <= 0xFAFF) // CJK compatibility ideographs
        || (cp >= 0xFE30 && cp <= 0xFE4F) // CJK compatibility forms
        || (cp >= 0xFF00 && cp <= 0xFF60) // fullwidth forms
        || (cp >= 0xFFE0 && cp <= 0xFFE6) // fullwidth signs
        || (cp >= 0x1F300 && cp <= 0x1F64F) // pictographs, emoticons
        || (cp >= 0x1F900 && cp <= 0x1F9FF) // supplemental pictographs
        || (cp >= 0x20000 && cp <= 0x3FFFD); // CJK extensions B and later
  }
}
