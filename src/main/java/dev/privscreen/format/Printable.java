package dev.privscreen.format;

/**
 * Text from the outside world (an asset's name from an API or a snapshot, a server's error page)
 * made safe for a terminal: control characters shown as escapes, so a name holding ESC or BEL can
 * neither move the cursor, recolour the screen nor ring the bell. JSON escapes them by its own
 * rules; this is for the table and stderr.
 */
public final class Printable {
  private Printable() {}

  /**
   * Whether a character is shown escaped: C0 controls but line feed (tab too: it breaks the table's
   * alignment), DEL, C1 controls, and the bidirectional overrides that can make text read other
   * than it is.
   */
  public static boolean isControl(char c) {
    return (c < 0x20 && c != '\n')
        || (c >= 0x7f && c <= 0x9f)
        || (c >= '\u202a' && c <= '\u202e')
        || (c >= '\u2066' && c <= '\u2069');
  }

  /** The text with each control character as {@code \x1b} (or {@code \u202e} past 0xff). */
  public static String escape(String s) {
    if (s == null) {
      return null;
    }
    int i = 0;
    while (i < s.length() && !isControl(s.charAt(i)) && s.charAt(i) != '\n') {
      i++;
    }
    if (i == s.length()) {
      return s; // the usual case: nothing to do, nothing copied
    }
    StringBuilder b = new StringBuilder(s.length() + 8);
    b.append(s, 0, i);
    for (; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '\n') {
        b.append("\\n"); // inside a cell a line break is a control character too
      } else {
        appendEscaped(b, c);
      }
    }
    return b.toString();
  }

  /** Appends a character, escaped when it is a control character. */
  static void appendEscaped(StringBuilder b, char c) {
    if (!isControl(c)) {
      b.append(c);
    } else if (c <= 0xff) {
      b.append("\\x").append(Character.forDigit(c >> 4, 16)).append(Character.forDigit(c & 15, 16));
    } else {
      b.append(String.format("\\u%04x", (int) c));
    }
  }
}
