package dev.privscreen.output;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** Times in output: UTC instants to the second, {@code 2025-11-03T08:00:00Z}. */
public final class Times {
  private static final DateTimeFormatter INSTANT =
      DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss'Z'").withZone(ZoneOffset.UTC);

  private Times() {}

  public static String instant(Instant t) {
    return t == null ? null : INSTANT.format(t);
  }
}
