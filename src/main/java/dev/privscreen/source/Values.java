package dev.privscreen.source;

import dev.privscreen.error.DataException;
import dev.privscreen.model.AsciiSlice;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

/**
 * Typed reading of raw cells. Strict on purpose: {@link Double#parseDouble} would accept "NaN",
 * "Infinity", "0x1p3" and "12d", none of which a data file should mean. Dates and numbers are
 * scanned by hand and straight into primitives: a whole-market history has millions of them, and a
 * String, a {@code LocalDate} or a boxed number for each would cost more than the screen.
 */
final class Values {
  private Values() {}

  private static final double[] POWERS_OF_TEN = {
    1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16,
    1e17, 1e18, 1e19, 1e20, 1e21, 1e22
  };

  /** Days from 1970-01-01 to 2000-03-01, the start of the calendar the day count uses. */
  private static final int DAYS_TO_2000_03_01 = 11_017;

  static String text(Cell c) {
    CharSequence t = key(c);
    return t == null ? null : t.toString();
  }

  static String requiredText(Cell c) {
    return requiredKey(c).toString();
  }

  /** The cell's text without surrounding white space, not copied; null when there is none. */
  static CharSequence key(Cell c) {
    rejectNested(c);
    CharSequence t = c.text();
    if (t == null) {
      return null;
    }
    int to = t.length();
    if (to > 0 && isVisibleAscii(t.charAt(0)) && isVisibleAscii(t.charAt(to - 1))) {
      return t; // the usual cell: nothing to strip
    }
    int from = 0;
    while (from < to && Character.isWhitespace(t.charAt(from))) {
      from++;
    }
    while (to > from && Character.isWhitespace(t.charAt(to - 1))) {
      to--;
    }
    if (from == to) {
      return null;
    }
    return from == 0 && to == t.length() ? t : t.subSequence(from, to);
  }

  static CharSequence requiredKey(Cell c) {
    CharSequence t = key(c);
    if (t == null) {
      throw new DataException(c.where() + ": " + c.field() + " is missing");
    }
    return t;
  }

  /** A finite number, or null for an empty cell / JSON null. */
  static Double number(Cell c) {
    double v = numberOrNaN(c);
    return Double.isNaN(v) ? null : v;
  }

  /** A finite number, or NaN for an empty cell / JSON null. */
  static double numberOrNaN(Cell c) {
    CharSequence t = key(c);
    if (t == null) {
      return Double.NaN;
    }
    double v = decimal(t);
    if (Double.isNaN(v)) {
      throw new DataException(c.where() + ": " + c.field() + " " + quote(t) + " is not a number");
    }
    if (!Double.isFinite(v)) {
      throw new DataException(c.where() + ": " + c.field() + " " + quote(t) + " is out of range");
    }
    return v;
  }

  /** A finite number that is zero or more (prices, volumes, caps, open interest). */
  static Double nonNegative(Cell c) {
    double v = nonNegativeOrNaN(c);
    return Double.isNaN(v) ? null : v;
  }

  /** As {@link #nonNegative}, with NaN for null. */
  static double nonNegativeOrNaN(Cell c) {
    double v = numberOrNaN(c);
    if (v < 0) {
      throw new DataException(c.where() + ": " + c.field() + " " + key(c) + " is negative");
    }
    return v;
  }

  /** A UTC day from {@code 2025-11-07} or a full timestamp such as {@code 2025-11-07T08:00:00Z}. */
  static LocalDate day(Cell c) {
    return LocalDate.ofEpochDay(epochDay(c));
  }

  /** {@link #day} as days since 1970-01-01. */
  static int epochDay(Cell c) {
    CharSequence t = requiredKey(c);
    if (t.length() == 10) {
      int d = isoEpochDay(t);
      if (d == Integer.MIN_VALUE) {
        throw badDate(c, t);
      }
      return d;
    }
    return Math.toIntExact(instant(c, t).atOffset(ZoneOffset.UTC).toLocalDate().toEpochDay());
  }

  /** An instant from a full timestamp; a bare date means 00:00:00Z of that day. */
  static Instant instant(Cell c) {
    CharSequence t = requiredKey(c);
    if (t.length() == 10) {
      return Instant.ofEpochSecond(epochDay(c) * 86_400L);
    }
    return instant(c, t);
  }

  private static Instant instant(Cell c, CharSequence t) {
    // fast path for the common 2025-11-07T08:00:00Z
    byte[] b = t.length() == 20 ? ascii(t) : null;
    if (b != null && b[10] == 'T' && b[19] == 'Z') {
      int d = isoEpochDay(b, 0);
      int h = digits(b, 11, 2);
      int m = digits(b, 14, 2);
      int sec = digits(b, 17, 2);
      if (d != Integer.MIN_VALUE
          && b[13] == ':'
          && b[16] == ':'
          && h >= 0
          && h < 24
          && m >= 0
          && m < 60
          && sec >= 0
          && sec < 60) {
        return Instant.ofEpochSecond(d * 86_400L + h * 3600L + m * 60L + sec);
      }
    }
    try {
      return OffsetDateTime.parse(t).toInstant();
    } catch (DateTimeParseException e) {
      throw badDate(c, t);
    }
  }

  /**
   * The value of {@code [+-]digits[.digits][e[+-]digits]}, or NaN when {@code t} is not one. Up to
   * 15 significant digits times a power of ten up to 22 is exact in a double and so is computed
   * directly (Clinger's fast path); anything else goes to {@link Double#parseDouble}, which rounds
   * correctly.
   */
  static double decimal(CharSequence t) {
    if (t instanceof AsciiSlice a) {
      return decimal(a.bytes(), a.start(), a.end());
    }
    byte[] b = ascii(t);
    return b == null ? Double.NaN : decimal(b, 0, b.length);
  }

  /** {@link #decimal(CharSequence)} of the ASCII bytes {@code t[i, n)}. */
  static double decimal(byte[] t, int i, int n) {
    int first = i;
    boolean negative = false;
    if (i < n && (t[i] == '+' || t[i] == '-')) {
      negative = t[i] == '-';
      i++;
    }
    long mantissa = 0;
    int significant = 0;
    int scale = 0;
    int intDigits = 0;
    while (i < n && isDigit(t[i])) {
      if (significant < 18) {
        mantissa = mantissa * 10 + (t[i] - '0');
        significant += mantissa == 0 ? 0 : 1;
      } else {
        significant++;
        scale++;
      }
      i++;
      intDigits++;
    }
    int fracDigits = 0;
    if (i < n && t[i] == '.') {
      i++;
      while (i < n && isDigit(t[i])) {
        if (significant < 18) {
          mantissa = mantissa * 10 + (t[i] - '0');
          significant += mantissa == 0 ? 0 : 1;
          scale--;
        } else {
          significant++;
        }
        i++;
        fracDigits++;
      }
    }
    if (intDigits + fracDigits == 0) {
      return Double.NaN;
    }
    int exponent = 0;
    if (i < n && (t[i] == 'e' || t[i] == 'E')) {
      i++;
      boolean negativeExponent = false;
      if (i < n && (t[i] == '+' || t[i] == '-')) {
        negativeExponent = t[i] == '-';
        i++;
      }
      int expDigits = 0;
      while (i < n && isDigit(t[i])) {
        exponent = Math.min(exponent * 10 + (t[i] - '0'), 100_000);
        i++;
        expDigits++;
      }
      if (expDigits == 0) {
        return Double.NaN;
      }
      exponent = negativeExponent ? -exponent : exponent;
    }
    if (i != n) {
      return Double.NaN;
    }
    int power = scale + exponent;
    double v;
    if (mantissa == 0) {
      v = 0;
    } else if (significant > 15 || power < -22 || power > 22) {
      return Double.parseDouble(new String(t, first, n - first, StandardCharsets.ISO_8859_1));
    } else {
      v = power >= 0 ? mantissa * POWERS_OF_TEN[power] : mantissa / POWERS_OF_TEN[-power];
    }
    return negative ? -v : v;
  }

  /** The text's bytes, or null when it is not all ASCII (and so neither a number nor a date). */
  private static byte[] ascii(CharSequence t) {
    byte[] b = new byte[t.length()];
    for (int i = 0; i < b.length; i++) {
      char ch = t.charAt(i);
      if (ch > 127) {
        return null;
      }
      b[i] = (byte) ch;
    }
    return b;
  }

  private static boolean isVisibleAscii(char ch) {
    return ch > ' ' && ch < 127;
  }

  private static boolean isDigit(int ch) {
    return ch >= '0' && ch <= '9';
  }

  /**
   * The epoch day of {@code uuuu-MM-dd} at the start of {@code t}, or {@link Integer#MIN_VALUE}
   * when it is not a real date.
   */
  private static int isoEpochDay(CharSequence t) {
    if (t instanceof AsciiSlice a) {
      return isoEpochDay(a.bytes(), a.start());
    }
    byte[] b = ascii(t.subSequence(0, 10));
    return b == null ? Integer.MIN_VALUE : isoEpochDay(b, 0);
  }

  /** {@link #isoEpochDay(CharSequence)} of the ASCII bytes from {@code t[at]} on (ten of them). */
  static int isoEpochDay(byte[] t, int at) {
    int y = digits(t, at, 4);
    int m = digits(t, at + 5, 2);
    int d = digits(t, at + 8, 2);
    if (y < 0 || m < 1 || m > 12 || d < 1 || t[at + 4] != '-' || t[at + 7] != '-') {
      return Integer.MIN_VALUE;
    }
    boolean leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    int length = m == 2 ? (leap ? 29 : 28) : (m == 4 || m == 6 || m == 9 || m == 11) ? 30 : 31;
    if (d > length) {
      return Integer.MIN_VALUE;
    }
    // Days of a calendar that starts in March, so that February's length comes last.
    int yy = m <= 2 ? y - 1 : y;
    int mm = m <= 2 ? m + 9 : m - 3;
    int era = Math.floorDiv(yy - 2000, 400);
    int yearOfEra = yy - 2000 - era * 400;
    int dayOfYear = (153 * mm + 2) / 5 + d - 1;
    int dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear;
    return era * 146_097 + dayOfEra + DAYS_TO_2000_03_01;
  }

  /** The number written by {@code len} digits at {@code from}, or -1. */
  private static int digits(byte[] t, int from, int len) {
    int v = 0;
    for (int i = from; i < from + len; i++) {
      if (!isDigit(t[i])) {
        return -1;
      }
      v = v * 10 + (t[i] - '0');
    }
    return v;
  }

  /** The longest value echoed in a message: a 10 MB bad cell must not become a 10 MB line. */
  static final int ECHO_MAX = 60;

  /** A value as messages quote it: in double quotes, cut to {@link #ECHO_MAX} characters. */
  public static String quote(CharSequence t) {
    String s = t.toString();
    return s.length() <= ECHO_MAX
        ? "\"" + s + "\""
        : "\"" + s.substring(0, ECHO_MAX) + "\"… (" + s.length() + " characters)";
  }

  private static DataException badDate(Cell c, CharSequence t) {
    return new DataException(
        c.where()
            + ": "
            + c.field()
            + " "
            + quote(t)
            + " is not a date (expected 2025-11-07 or 2025-11-07T08:00:00Z)");
  }

  private static void rejectNested(Cell c) {
    if (c.nested()) {
      throw new DataException(
          c.where() + ": " + c.field() + " must be a string or a number, not an object or array");
    }
  }
}
