package dev.privscreen.format;

/**
 * A series as one line of block characters, one a value: {@code ▁▂▃▄▅▆▇█} from the lowest to the
 * highest of the series, a space for a missing value (NaN), {@code ▄} throughout when every value
 * is the same.
 */
public final class Sparkline {
  public static final String BLOCKS = "▁▂▃▄▅▆▇█";

  private Sparkline() {}

  /** The sparkline of {@code values[from, to)}; null when none is known. */
  public static String of(double[] values, int from, int to) {
    double min = Double.POSITIVE_INFINITY;
    double max = Double.NEGATIVE_INFINITY;
    for (int i = from; i < to; i++) {
      if (!Double.isNaN(values[i])) {
        min = Math.min(min, values[i]);
        max = Math.max(max, values[i]);
      }
    }
    if (min > max) {
      return null;
    }
    StringBuilder b = new StringBuilder(to - from);
    for (int i = from; i < to; i++) {
      double v = values[i];
      if (Double.isNaN(v)) {
        b.append(' ');
      } else if (max == min) {
        b.append(BLOCKS.charAt(3));
      } else {
        b.append(BLOCKS.charAt((int) Math.round((v - min) / (max - min) * 7)));
      }
    }
    return b.toString();
  }
}
