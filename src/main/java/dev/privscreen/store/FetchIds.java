package dev.privscreen.store;

import dev.privscreen.error.UsageException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A fetch's id is its UTC time, as the old store named its files: {@code 20261120T010000Z}, or with
 * milliseconds ({@code 20261120T010000123Z}) when two fetches share a second.
 */
public final class FetchIds {
  private FetchIds() {}

  static final Pattern ID = Pattern.compile("\\d{8}T\\d{6}(\\d{3})?Z");
  private static final DateTimeFormatter SECONDS =
      DateTimeFormatter.ofPattern("uuuuMMdd'T'HHmmss").withZone(ZoneOffset.UTC);

  public static boolean isId(String s) {
    return ID.matcher(s).matches();
  }

  /** A new id for a fetch at {@code t}, not one of {@code taken}. */
  static String forTime(Instant t, Collection<String> taken) {
    String base = SECONDS.format(t);
    String id = base + "Z";
    if (!taken.contains(id)) {
      return id;
    }
    for (long ms = t.toEpochMilli() % 1000; ; ms = (ms + 1) % 1000) {
      id = base + String.format("%03d", ms) + "Z";
      if (!taken.contains(id)) {
        return id;
      }
    }
  }

  /** The instant an id names. */
  public static Instant instant(String id) {
    if (!isId(id)) {
      throw new IllegalArgumentException("not a fetch id: " + id);
    }
    Instant t = LocalDateTime.parse(id.substring(0, 15), SECONDS).toInstant(ZoneOffset.UTC);
    return id.length() > 16 ? t.plusMillis(Long.parseLong(id.substring(15, 18))) : t;
  }

  /**
   * The usage error for an id the store does not have: it names the nearest ids in time, so a typo
   * of an hour is one look away.
   */
  public static UsageException unknown(String id, List<String> known) {
    if (known.isEmpty()) {
      return new UsageException("no fetch " + id + ": the store is empty (run 'privscreen fetch')");
    }
    List<String> near = new ArrayList<>(known);
    if (isId(id)) {
      long t = instant(id).toEpochMilli();
      near.sort(Comparator.comparingLong(k -> Math.abs(instant(k).toEpochMilli() - t)));
    } else {
      near.sort(Comparator.reverseOrder());
    }
    List<String> shown = new ArrayList<>(near.subList(0, Math.min(3, near.size())));
    shown.sort(null);
    return new UsageException(
        "no fetch "
            + id
            + " in the store"
            + (isId(id) ? "" : " (an id is a UTC time, 20261120T010000Z)")
            + "; nearest: "
            + String.join(", ", shown)
            + " ('privscreen store list' shows them all)");
  }
}
