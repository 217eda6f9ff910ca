package dev.privscreen.rule;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Numbers as users type them: {@code 770M}, {@code 1.5B}, {@code 20k}, {@code 1e9}. */
public final class Amounts {
  private static final Pattern AMOUNT =
      Pattern.compile("([+-]?(?:\\d+(?:\\.\\d*)?|\\.\\d+)(?:[eE][+-]?\\d+)?)([kKmMbB]?)");

  private Amounts() {}

  /**
   * @throws IllegalArgumentException when the text is not such a number
   */
  public static double parse(String text) {
    Matcher m = AMOUNT.matcher(text.strip());
    if (!m.matches()) {
      throw new IllegalArgumentException(
          "'" + text + "' is not a number (examples: 100, 1.4, 770M, 1.5B, 20k)");
    }
    double scale =
        switch (m.group(2)) {
          case "k", "K" -> 1e3;
          case "m", "M" -> 1e6;
          case "b", "B" -> 1e9;
          default -> 1;
        };
    double v = Double.parseDouble(m.group(1)) * scale;
    if (!Double.isFinite(v)) {
      throw new IllegalArgumentException("'" + text + "' is out of range");
    }
    return v;
  }
}
