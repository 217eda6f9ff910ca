package dev.privscreen.model;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A look-back of whole UTC days, written {@code 24h}, {@code 7d} or {@code 2w}. One day is named
 * {@code 24h} in rule ids and fields ({@code gain_24h_pct}), as SPEC §4 does.
 */
public record Window(int days) implements Comparable<Window> {
  private static final Pattern TEXT = Pattern.compile("(\\d+)([hdw])");

  public Window {
    if (days < 1) {
      throw new IllegalArgumentException("a window is at least one day");
    }
  }

  /**
   * Parses {@code 24h}, {@code 7d}, {@code 2w}; hours must make whole days.
   *
   * @throws IllegalArgumentException with a message fit for the user
   */
  public static Window parse(String text) {
    Matcher m = TEXT.matcher(text.strip().toLowerCase(java.util.Locale.ROOT));
    if (!m.matches()) {
      throw new IllegalArgumentException(
          "'" + text + "' is not a window (expected a number and h, d or w: 24h, 7d, 2w)");
    }
    long n;
    try {
      n = Long.parseLong(m.group(1));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("'" + text + "' is too long a window");
    }
    long days =
        switch (m.group(2)) {
          case "h" -> {
            if (n % 24 != 0) {
              throw new IllegalArgumentException(
                  "'" + text + "' is not whole days (the data is daily: use 24h, 48h, ...)");
            }
            yield n / 24;
          }
          case "w" -> n * 7;
          default -> n;
        };
    if (days < 1 || days > 36_500) {
      throw new IllegalArgumentException("'" + text + "' must be between 1 day and 100 years");
    }
    return new Window((int) days);
  }

  /** {@code 24h} for one day, else {@code Nd}. */
  public String label() {
    return days == 1 ? "24h" : days + "d";
  }

  @Override
  public int compareTo(Window o) {
    return Integer.compare(days, o.days);
  }

  @Override
  public String toString() {
    return label();
  }

  // Written out, not left to the record: the record's own are linked at their first call, which
  // costs a start-up some milliseconds, and windows are map keys in every screen.

  @Override
  public boolean equals(Object o) {
    return o instanceof Window w && w.days == days;
  }

  @Override
  public int hashCode() {
    return days;
  }
}
