package dev.privscreen.rule;

import dev.privscreen.format.NumberText;
import dev.privscreen.metrics.AssetMetrics;
import dev.privscreen.model.Window;
import dev.privscreen.rule.OiBreakoutRule.OiHistory;

/**
 * {@code --oi-above 770M}: a first break of a level: oi(today) ≥ X while every known day of the L
 * days before was below it, with at least 7 of those days known.
 */
public record OiAboveRule(double level, Window lookback) implements Rule {

  public OiAboveRule {
    if (!Double.isFinite(level) || level <= 0) {
      throw new IllegalArgumentException(
          "--oi-above: "
              + NumberText.param(level)
              + " must be an amount in USD above 0, e.g. 770M");
    }
    OiHistory.checkLookback(lookback);
  }

  @Override
  public String id() {
    return "oi_above";
  }

  @Override
  public String description() {
    return "open interest first at or above "
        + NumberText.usd(level)
        + " (below it on every day of the "
        + lookback.days()
        + " before)";
  }

  @Override
  public int order() {
    return 2;
  }

  @Override
  public boolean knows(AssetMetrics m) {
    return OiHistory.missing(m, lookback) == null;
  }

  @Override
  public boolean fires(AssetMetrics m) {
    return OiHistory.enough(m)
        && m.oiUsd() != null
        && m.oiUsd() >= level
        && m.oiPrevHighUsd() < level;
  }

  @Override
  public String reason(AssetMetrics m) {
    String missing = OiHistory.missing(m, lookback);
    if (missing != null) {
      return missing;
    }
    String high = lookback.days() + "-day high " + NumberText.usd(m.oiPrevHighUsd());
    if (m.oiUsd() < level) {
      return NumberText.usd(m.oiUsd()) + " < " + NumberText.usd(level);
    }
    if (m.oiPrevHighUsd() >= level) {
      return "not a first break: " + high + " >= " + NumberText.usd(level);
    }
    return NumberText.usd(m.oiUsd())
        + " >= "
        + NumberText.usd(level)
        + ", first break ("
        + high
        + ")";
  }
}
