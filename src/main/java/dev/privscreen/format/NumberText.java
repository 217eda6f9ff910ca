package dev.privscreen.format;

import java.math.BigDecimal;
import java.util.Locale;

/** How numbers are written: exact for machines, short for people. Locale-independent. */
public final class NumberText {
  private NumberText() {}

  /**
   * The shortest text that reads back as the same double, without an exponent for everyday
   * magnitudes ({@code 8600000000}, not {@code 8.6E9}); whole numbers have no {@code .0}.
   */
  public static String exact(double v) {
    if (v == Math.rint(v) && Math.abs(v) < 1e15) {
      return Long.toString((long) v);
    }
    BigDecimal d = new BigDecimal(Double.toString(v));
    return Math.abs(v) >= 1e-6 && Math.abs(v) < 1e15 ? d.toPlainString() : d.toString();
  }

  /** Significant digits of a result figure: past them a double holds float noise, not data. */
  public static final int RESULT_DIGITS = 12;

  /**
   * A computed figure for JSON and CSV: at most {@link #RESULT_DIGITS} significant digits, so that
   * {@code 116.00000000000001} (a ratio's float noise) is {@code 116}; within 1e-12 relative of the
   * double. Snapshot files keep {@link #exact} values: they are data, read back bit for bit.
   */
  public static String result(double v) {
    if (v == 0 || !Double.isFinite(v)) {
      return exact(v);
    }
    // from the rounded decimal itself: Java 17's Double.toString is not always the shortest
    BigDecimal d =
        new BigDecimal(v).round(new java.math.MathContext(RESULT_DIGITS)).stripTrailingZeros();
    double a = Math.abs(v);
    return a >= 1e-6 && a < 1e15 ? d.toPlainString() : d.toString();
  }

  /** {@code $532.06}, {@code $1.24B}, {@code $812.0M}, {@code $0.0123}. */
  public static String usd(double v) {
    double a = Math.abs(v);
    String sign = v < 0 ? "-" : "";
    if (a >= 1e12) {
      return sign + String.format(Locale.ROOT, "$%.2fT", a / 1e12);
    }
    if (a >= 1e9) {
      return sign + String.format(Locale.ROOT, "$%.2fB", a / 1e9);
    }
    if (a >= 1e6) {
      return sign + String.format(Locale.ROOT, "$%.1fM", a / 1e6);
    }
    if (a >= 1e4) {
      return sign + String.format(Locale.ROOT, "$%.1fk", a / 1e3);
    }
    if (a >= 1) {
      return sign + String.format(Locale.ROOT, "$%.2f", a);
    }
    if (a == 0) {
      return "$0";
    }
    return sign + "$" + new BigDecimal(a).round(new java.math.MathContext(3)).toPlainString();
  }

  /** {@code +123.4%}, {@code -5.0%}. */
  public static String percent(double v) {
    String s = String.format(Locale.ROOT, "%+.1f%%", v);
    return s.equals("-0.0%") ? "+0.0%" : s;
  }

  /** {@code 2.80x}. */
  public static String ratio(double v) {
    return String.format(Locale.ROOT, "%.2fx", v);
  }

  /** A metric value: grouped digits, at most 4 decimals: {@code 4,900,000}. */
  public static String plain(double v) {
    if (Math.abs(v) >= 1000) {
      return String.format(Locale.ROOT, "%,.0f", v);
    }
    return new BigDecimal(Double.toString(v))
        .setScale(4, java.math.RoundingMode.HALF_EVEN)
        .stripTrailingZeros()
        .toPlainString();
  }

  /** A parameter as the user would type it: {@code 100}, not {@code 100.0}. */
  public static String param(double v) {
    if (!Double.isFinite(v)) {
      return Double.toString(v);
    }
    return new BigDecimal(Double.toString(v)).stripTrailingZeros().toPlainString();
  }
}
