package dev.privscreen.rule;

import java.math.BigDecimal;

/** Parameter text for rule descriptions: 100, not 100.0. */
final class Format {
  private Format() {}

  static String number(double v) {
    if (!Double.isFinite(v)) {
      return Double.toString(v);
    }
    return BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
  }
}
