package dev.privscreen.chart;

import dev.privscreen.format.NumberText;
import java.util.ArrayList;
import java.util.List;

/**
 * A value axis: the range of the values drawn (with a margin), linear or logarithmic, and readable
 * ticks ("nice" steps of 1, 2 or 5 times a power of ten).
 */
final class Scale {
  final double lo;
  final double hi;
  final boolean log;

  private Scale(double lo, double hi, boolean log) {
    this.lo = lo;
    this.hi = hi;
    this.log = log;
  }

  /** The scale of every known value of the arrays; null when none is known. */
  static Scale of(List<double[]> series, boolean log, boolean fromZero, double... extra) {
    double lo = Double.POSITIVE_INFINITY;
    double hi = Double.NEGATIVE_INFINITY;
    for (double[] s : series) {
      for (double v : s) {
        if (!Double.isNaN(v) && (!log || v > 0)) {
          lo = Math.min(lo, v);
          hi = Math.max(hi, v);
        }
      }
    }
    for (double v : extra) {
      if (!Double.isNaN(v)) {
        lo = Math.min(lo, v);
        hi = Math.max(hi, v);
      }
    }
    if (lo > hi) {
      return null;
    }
    if (fromZero && !log) {
      lo = Math.min(0, lo);
    }
    if (hi == lo) {
      double pad = hi == 0 ? 1 : Math.abs(hi) * 0.05;
      lo = log ? lo / 1.1 : lo - pad;
      hi = log ? hi * 1.1 : hi + pad;
    }
    return new Scale(lo, hi, log);
  }

  /** Where a value sits, 0 at the bottom and 1 at the top; NaN for an unknown one. */
  double at(double v) {
    if (Double.isNaN(v) || (log && v <= 0)) {
      return Double.NaN;
    }
    return log
        ? (Math.log(v) - Math.log(lo)) / (Math.log(hi) - Math.log(lo))
        : (v - lo) / (hi - lo);
  }

  /** About {@code n} round values inside the range. */
  List<Double> ticks(int n) {
    List<Double> out = new ArrayList<>();
    if (log) {
      for (double p = Math.pow(10, Math.floor(Math.log10(lo))); p <= hi; p *= 10) {
        for (double m : new double[] {1, 2, 5}) {
          double v = p * m;
          if (v >= lo && v <= hi) {
            out.add(v);
          }
        }
      }
      return out.size() <= n + 2 ? out : out.stream().filter(Scale::isPowerOfTen).toList();
    }
    double raw = (hi - lo) / Math.max(1, n);
    double mag = Math.pow(10, Math.floor(Math.log10(raw)));
    double step = raw / mag >= 5 ? 5 * mag : raw / mag >= 2 ? 2 * mag : mag;
    for (double v = Math.ceil(lo / step) * step; v <= hi + step * 1e-9; v += step) {
      out.add(Math.abs(v) < step * 1e-9 ? 0 : v);
    }
    return out;
  }

  private static boolean isPowerOfTen(double v) {
    double l = Math.log10(v);
    return Math.abs(l - Math.round(l)) < 1e-9;
  }

  /** A tick's label: dollars, or a percent change from 100 when rebased. */
  /** What an axis measures: dollars, closes rebased to 100, or a funding rate in percent. */
  enum Unit {
    USD,
    REBASED,
    RATE
  }

  static String label(double v, Unit unit) {
    return switch (unit) {
      case USD -> NumberText.usd(v);
      case REBASED -> NumberText.percent(v - 100).replace(".0%", "%");
      case RATE -> NumberText.ratePercent(v);
    };
  }
}
