package dev.privscreen.source;

import dev.privscreen.error.DataException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

/**
 * Typed reading of raw cells. Strict on purpose: {@link Double#parseDouble} would accept "NaN",
 * "Infinity", "0x1p3" and "12d", none of which a data file should mean. Dates and numbers are
 * scanned by hand: a snapshot has thousands of them, and regular expressions or {@code
 * DateTimeFormatter} would cost more at start-up than the whole screen.
 */
final class Values {
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
    if (!isDecimal(t)) {
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
      LocalDate d = isoDate(t);
      if (d == null) {
        throw badDate(c, t);
      }
      return d;
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
    // fast path for the common 2025-11-07T08:00:00Z
    if (t.length() == 20 && t.charAt(10) == 'T' && t.charAt(19) == 'Z') {
      LocalDate d = isoDate(t.substring(0, 10));
      int h = digits(t, 11, 2);
      int m = digits(t, 14, 2);
      int sec = digits(t, 17, 2);
      if (d != null && t.charAt(13) == ':' && t.charAt(16) == ':' && h < 24 && m < 60 && sec < 60) {
        return d.atStartOfDay(ZoneOffset.UTC).toInstant().plusSeconds(h * 3600L + m * 60L + sec);
      }
    }
    try {
      return OffsetDateTime.parse(t).toInstant();
    } catch (DateTimeParseException e) {
      throw badDate(c, t);
    }
  }

  /** {@code [+-]digits[.digits][e[+-]digits]}, with digits on at least one side of the point. */
  static boolean isDecimal(String t) {
    int i = 0;
    int n = t.length();
    if (i < n && (t.charAt(i) == '+' || t.charAt(i) == '-')) {
      i++;
    }
    int intDigits = 0;
    while (i < n && isDigit(t.charAt(i))) {
      i++;
      intDigits++;
    }
    int fracDigits = 0;
    if (i < n && t.charAt(i) == '.') {
      i++;
      while (i < n && isDigit(t.charAt(i))) {
        i++;
        fracDigits++;
      }
    }
    if (intDigits + fracDigits == 0) {
      return false;
    }
    if (i < n && (t.charAt(i) == 'e' || t.charAt(i) == 'E')) {
      i++;
      if (i < n && (t.charAt(i) == '+' || t.charAt(i) == '-')) {
        i++;
      }
      int expDigits = 0;
      while (i < n && isDigit(t.charAt(i))) {
        i++;
        expDigits++;
      }
      if (expDigits == 0) {
        return false;
      }
    }
    return i == n;
  }

  private static boolean isDigit(char ch) {
    return ch >= '0' && ch <= '9';
  }

  /** {@code uuuu-MM-dd}, or null when it is not a real date. */
  private static LocalDate isoDate(String t) {
    int y = digits(t, 0, 4);
    int m = digits(t, 5, 2);
    int d = digits(t, 8, 2);
    if (y < 0 || m < 1 || d < 1 || t.charAt(4) != '-' || t.charAt(7) != '-' || m > 12) {
      return null;
    }
    if (d > java.time.YearMonth.of(y, m).lengthOfMonth()) {
      return null;
    }
    return LocalDate.of(y, m, d);
  }

  /** The number written by {@code len} digits at {@code from}, or -1. */
  private static int digits(String t, int from, int len) {
    int v = 0;
    for (int i = from; i < from + len; i++) {
      char ch = t.charAt(i);
      if (!isDigit(ch)) {
        return -1;
      }
      v = v * 10 + (ch - '0');
    }
    return v;
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
