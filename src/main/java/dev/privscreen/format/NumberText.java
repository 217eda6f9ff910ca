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
    String quick = roundedPlain(v);
    return quick != null ? quick : roundedExactly(v);
  }

  /** {@link #result} from the double's exact binary value; slow (a replay prints millions). */
  static String roundedExactly(double v) {
    // from the rounded decimal itself: Java 17's Double.toString is not always the shortest
    BigDecimal d =
        new BigDecimal(v).round(new java.math.MathContext(RESULT_DIGITS)).stripTrailingZeros();
    double a = Math.abs(v);
    return a >= 1e-6 && a < 1e15 ? d.toPlainString() : d.toString();
  }

  private static final double[] POWERS_OF_TEN = {
    1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16,
    1e17, 1e18, 1e19, 1e20, 1e21, 1e22
  };

  private static final long LOWEST_12_DIGITS = 100_000_000_000L;

  /**
   * {@link #roundedExactly} in doubles and longs, for the plain magnitudes (1e-6 … 1e15); null when
   * it cannot be sure. The value is scaled by an exact power of ten to 12 integer digits; the one
   * rounding of that product is off by at most half a unit in its last place, under 1.3e-4 below
   * 2^40, so unless the fraction lies within 1e-3 of one half, rounding it half up gives the same
   * 12 digits as rounding the exact value. Near a tie, null: the exact path decides.
   */
  static String roundedPlain(double v) {
    double a = Math.abs(v);
    if (!(a >= 1e-6 && a < 1e15)) {
      return null;
    }
    int e = (int) Math.floor(Math.log10(a)); // may be one off near a power of ten: checked below
    for (int attempt = 0; attempt < 3; attempt++) {
      int k = RESULT_DIGITS - 1 - e; // a × 10^k has 12 digits before the point
      double scaled = k >= 0 ? a * POWERS_OF_TEN[k] : a / POWERS_OF_TEN[-k];
      double whole = Math.floor(scaled);
      if (whole >= 10 * LOWEST_12_DIGITS) {
        e++;
        continue;
      }
      if (whole < LOWEST_12_DIGITS) {
        e--;
        continue;
      }
      double fraction = scaled - whole; // exact: both are below 2^40
      if (Math.abs(fraction - 0.5) < 1e-3) {
        return null;
      }
      long m = (long) whole + (fraction > 0.5 ? 1 : 0);
      if (m == 10 * LOWEST_12_DIGITS) { // 999999999999.7 rounds up to the next power of ten
        m = LOWEST_12_DIGITS;
        k--;
      }
      return plain(v < 0, m, k);
    }
    return null;
  }

  /** The text of ±m × 10^−k without trailing zeros and without an exponent. */
  private static String plain(boolean negative, long m, int k) {
    while (m % 10 == 0 && m != 0) {
      m /= 10;
      k--;
    }
    String digits = Long.toString(m);
    StringBuilder out = new StringBuilder(digits.length() + 24);
    if (negative) {
      out.append('-');
    }
    if (k <= 0) {
      out.append(digits);
      out.append("0".repeat(-k));
    } else if (digits.length() > k) {
      out.append(digits, 0, digits.length() - k)
          .append('.')
          .append(digits, digits.length() - k, digits.length());
    } else {
      out.append("0.").append("0".repeat(k - digits.length())).append(digits);
    }
    return out.toString();
  }

  /** {@code $532.06}, {@code $1.24B}, {@code $812.0M}, {@code $0.0123}. */
  public static String usd(double v) {
    double a = Math.abs(v);
    String sign = v < 0 ? "-" : "";
    if (a >= 1e15 || (a > 0 && a < 1e-6)) { // compact at the extremes: a column, not 300 digits
      return sign + "$" + sci(a);
    }
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

  /**
   * A magnitude in short scientific form, {@code 1.0e308}, {@code 2.5e-300}: what a table shows of
   * a number too large or too small for its usual form (JSON keeps the number itself).
   */
  static String sci(double a) {
    String s = String.format(Locale.ROOT, "%.1e", a); // 1.0e+308, 2.5e-07
    int e = s.indexOf('e');
    int exp = Integer.parseInt(s.substring(e + 1));
    return s.substring(0, e) + "e" + exp;
  }

  /** {@link #sci} of a signed number: {@code plus} before a positive one, {@code unit} after. */
  private static String sci(double v, String plus, String unit) {
    return (v < 0 ? "-" : plus) + sci(Math.abs(v)) + unit;
  }

  /** {@code +123.4%}, {@code -5.0%}. */
  public static String percent(double v) {
    if (Math.abs(v) >= 1e6) {
      return sci(v, "+", "%");
    }
    String s = String.format(Locale.ROOT, "%+.1f%%", v);
    return s.equals("-0.0%") ? "+0.0%" : s;
  }

  /** A funding rate: {@code +0.0100%}, four decimals (a rate of 0.01% is common). */
  public static String ratePercent(double v) {
    if (Math.abs(v) >= 1e6) {
      return sci(v, "+", "%");
    }
    String s = String.format(Locale.ROOT, "%+.4f%%", v);
    return s.equals("-0.0000%") ? "+0.0000%" : s;
  }

  /** {@code 2.80x}. */
  public static String ratio(double v) {
    if (Math.abs(v) >= 1e6) {
      return sci(v, "", "x");
    }
    return String.format(Locale.ROOT, "%.2fx", v);
  }

  /** A metric value: grouped digits, at most 4 decimals: {@code 4,900,000}. */
  public static String plain(double v) {
    if (Math.abs(v) >= 1e15 || (v != 0 && Math.abs(v) < 1e-4)) {
      return sci(v, "", "");
    }
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
