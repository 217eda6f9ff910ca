package dev.privscreen.rule;

import dev.privscreen.format.NumberText;
import dev.privscreen.metrics.AssetMetrics;
import dev.privscreen.metrics.MetricsCalculator;
import dev.privscreen.model.Window;

/**
 * {@code --oi-breakout}: oi(today) > the highest oi(d) of the L days before today × (1 +
 * margin/100), with at least 7 of those days known.
 */
public record OiBreakoutRule(Window lookback, double marginPct) implements Rule {

  public OiBreakoutRule {
    if (!Double.isFinite(marginPct) || marginPct < 0) {
      throw new IllegalArgumentException(
          "--oi-margin: " + NumberText.param(marginPct) + " must be a percent of 0 or more");
    }
    OiHistory.checkLookback(lookback);
  }

  @Override
  public String id() {
    return "oi_breakout";
  }

  @Override
  public String description() {
    return "open interest above the highest of the "
        + lookback.days()
        + " days before"
        + (marginPct > 0 ? " by more than " + NumberText.param(marginPct) + "%" : "");
  }

  @Override
  public int order() {
    return 1;
  }

  private double threshold(double prevHigh) {
    return prevHigh * (1 + marginPct / 100);
  }

  @Override
  public boolean knows(AssetMetrics m) {
    return OiHistory.missing(m, lookback) == null;
  }

  @Override
  public boolean fires(AssetMetrics m) {
    return OiHistory.enough(m) && m.oiUsd() != null && m.oiUsd() > threshold(m.oiPrevHighUsd());
  }

  @Override
  public String reason(AssetMetrics m) {
    String missing = OiHistory.missing(m, lookback);
    if (missing != null) {
      return missing;
    }
    double t = threshold(m.oiPrevHighUsd());
    String high =
        lookback.days()
            + "-day high "
            + NumberText.usd(m.oiPrevHighUsd())
            + (marginPct > 0 ? " +" + NumberText.param(marginPct) + "%" : "");
    return NumberText.usd(m.oiUsd()) + (m.oiUsd() > t ? " > " : " <= ") + high;
  }

  /** The checks the OI rules share: today's value and the 7-day minimum history. */
  static final class OiHistory {
    private OiHistory() {}

    static void checkLookback(Window lookback) {
      if (lookback.days() < MetricsCalculator.MIN_DAYS) {
        throw new IllegalArgumentException(
            "--oi-lookback: "
                + lookback.label()
                + " is shorter than the "
                + MetricsCalculator.MIN_DAYS
                + " days of history a breakout needs");
      }
    }

    static boolean enough(AssetMetrics m) {
      return m.oiDaysInLookback() >= MetricsCalculator.MIN_DAYS && m.oiPrevHighUsd() != null;
    }

    /** Why an OI rule cannot judge, or null when it can. */
    static String missing(AssetMetrics m, Window lookback) {
      if (m.oiUsd() == null) {
        return "no open interest today";
      }
      if (!enough(m)) {
        return "only "
            + m.oiDaysInLookback()
            + " of the "
            + lookback.days()
            + " days before have open interest ("
            + MetricsCalculator.MIN_DAYS
            + " needed)";
      }
      return null;
    }
  }
}
