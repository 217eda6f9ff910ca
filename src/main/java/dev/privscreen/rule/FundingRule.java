package dev.privscreen.rule;

import dev.privscreen.format.NumberText;
import dev.privscreen.metrics.AssetMetrics;

/**
 * {@code --funding-above PCT} and {@code --funding-below PCT}: {@code funding_rate_pct} (the
 * current rate per 8 hours, the venues weighted by their OI) above, below, or between them. Below
 * zero, shorts pay longs: with {@code --oi-breakout}, the set-up of a squeeze.
 *
 * @param above the rate must exceed this (null: no lower bound)
 * @param below the rate must be under this (null: no upper bound)
 */
public record FundingRule(Double above, Double below) implements Rule {

  public FundingRule {
    if (above == null && below == null) {
      throw new IllegalArgumentException("--funding-above or --funding-below needs a percent");
    }
    if (above != null && !Double.isFinite(above) || below != null && !Double.isFinite(below)) {
      throw new IllegalArgumentException("--funding-above/--funding-below: a finite percent");
    }
    if (above != null && below != null && above >= below) {
      throw new IllegalArgumentException(
          "--funding-above "
              + NumberText.param(above)
              + " and --funding-below "
              + NumberText.param(below)
              + " leave no rate between them");
    }
  }

  @Override
  public String id() {
    return "funding";
  }

  @Override
  public String description() {
    String per8h = " per 8h (funding_rate_pct, venues weighted by OI)";
    if (above != null && below != null) {
      return "funding rate between " + pct(above) + " and " + pct(below) + per8h;
    }
    return above != null
        ? "funding rate > " + pct(above) + per8h
        : "funding rate < " + pct(below) + per8h;
  }

  @Override
  public int order() {
    return 6;
  }

  @Override
  public boolean knows(AssetMetrics m) {
    return m.fundingRatePct() != null;
  }

  @Override
  public boolean fires(AssetMetrics m) {
    Double r = m.fundingRatePct();
    return r != null && (above == null || r > above) && (below == null || r < below);
  }

  @Override
  public String reason(AssetMetrics m) {
    Double r = m.fundingRatePct();
    if (r == null) {
      return "funding rate unknown (no perpetual's rate for the period)";
    }
    return "funding rate "
        + NumberText.ratePercent(r)
        + " per 8h"
        + (fires(m) ? "" : ", not")
        + " "
        + (above != null && below != null
            ? "between " + pct(above) + " and " + pct(below)
            : above != null ? "> " + pct(above) : "< " + pct(below));
  }

  private static String pct(double v) {
    return NumberText.param(v) + "%";
  }
}
