package dev.privscreen.source;

import dev.privscreen.error.DataException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.regex.Pattern;

/**
 * Typed reading of raw cells. Strict on purpose: {@link Double#parseDouble} would accept "NaN",
 * "Infinity", "0x1p3" and "12d", none of which a data file should mean.
 */
final class Values {
  private static final Pattern DECIMAL =
      Pattern.compile("[+-]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][+-]?\\d+)?");

  private Values() {}

  static String text(Cell c) {
    rejectNested(c);
    if (c.text() == null) {
      return null;
    }
    String t = c.text().strip();
    return t.isEmpty() ? null : t;
  }

  static String requiredText(Cell c) {
    String t = text(c);
    if (t == null) {
      throw new DataException(c.where() + ": " + c.field() + " is missing");
    }
    return t;
  }

  /** A finite number, or null for an empty cell / JSON null. */
  static Double number(Cell c) {
    String t = text(c);
    if (t == null) {
      return null;
    }
    if (!DECIMAL.matcher(t).matches()) {
      throw new DataException(c.where() + ": " + c.field() + " \"" + t + "\" is not a number");
    }
    double v = Double.parseDouble(t);
    if (!Double.isFinite(v)) {
      throw new DataException(c.where() + ": " + c.field() + " \"" + t + "\" is out of range");
    }
    return v;
  }

  /** A finite number that is zero or more (prices, volumes, caps, open interest). */
  static Double nonNegative(Cell c) {
    Double v = number(c);
    if (v != null && v < 0) {
      throw new DataException(
          c.where() + ": " + c.field() + " " + c.text().strip() + " is negative");
    }
    return v;
  }

  /** A UTC day from {@code 2025-11-07} or a full timestamp such as {@code 2025-11-07T08:00:00Z}. */
  static LocalDate day(Cell c) {
    String t = requiredText(c);
    if (t.length() == 10) {
      try {
        return LocalDate.parse(t);
      } catch (DateTimeParseException e) {
        throw badDate(c, t);
      }
    }
    return instant(c, t).atOffset(ZoneOffset.UTC).toLocalDate();
  }

  /** An instant from a full timestamp; a bare date means 00:00:00Z of that day. */
  static Instant instant(Cell c) {
    String t = requiredText(c);
    if (t.length() == 10) {
      return day(c).atStartOfDay(ZoneOffset.UTC).toInstant();
    }
    return instant(c, t);
  }

  private static Instant instant(Cell c, String t) {
    try {
      return OffsetDateTime.parse(t).toInstant();
    } catch (DateTimeParseException e) {
      throw badDate(c, t);
    }
  }

  private static DataException badDate(Cell c, String t) {
    return new DataException(
        c.where()
            + ": "
            + c.field()
            + " \""
            + t
            + "\" is not a date (expected 2025-11-07 or 2025-11-07T08:00:00Z)");
  }

  private static void rejectNested(Cell c) {
    if (c.nested()) {
      throw new DataException(
          c.where() + ": " + c.field() + " must be a string or a number, not an object or array");
    }
  }
}
