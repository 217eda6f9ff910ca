package dev.privscreen.format;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

/** Times in output: UTC instants to the second, {@code 2025-11-03T08:00:00Z}. */
public final class Times {
  private Times() {}

  public static String instant(Instant t) {
    if (t == null) {
      return null;
    }
    // Instant.toString is ISO-8601 but drops ":00" seconds and adds fractions; fix both.
    LocalDateTime d = LocalDateTime.ofEpochSecond(t.getEpochSecond(), 0, ZoneOffset.UTC);
    StringBuilder s = new StringBuilder(20);
    s.append(d.toLocalDate()).append('T');
    two(s, d.getHour()).append(':');
    two(s, d.getMinute()).append(':');
    two(s, d.getSecond()).append('Z');
    return s.toString();
  }

  private static StringBuilder two(StringBuilder s, int v) {
    return s.append((char) ('0' + v / 10)).append((char) ('0' + v % 10));
  }
}
