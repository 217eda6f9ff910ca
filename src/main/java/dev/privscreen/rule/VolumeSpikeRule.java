package dev.privscreen.rule;

import dev.privscreen.format.NumberText;
import dev.privscreen.metrics.AssetMetrics;

/** {@code --volume-spike 1.4}: 24h volume ≥ factor × mean daily volume of the prior 30 days. */
public record VolumeSpikeRule(double factor) implements Rule {

  public VolumeSpikeRule {
    if (!Double.isFinite(factor) || factor <= 0) {
      throw new IllegalArgumentException(
          "--volume-spike: " + NumberText.param(factor) + " must be a factor above 0, e.g. 1.4");
    }
  }

  @Override
  public String id() {
    return "volume_spike";
  }

  @Override
  public String description() {
    return "24h volume >= "
        + NumberText.param(factor)
        + "x the mean daily volume of the 30 days before (volume_ratio_30d)";
  }

  @Override
  public int order() {
    return 5;
  }

  @Override
  public boolean knows(AssetMetrics m) {
    return m.volumeRatio30d() != null;
  }

  @Override
  public boolean fires(AssetMetrics m) {
    Double r = m.volumeRatio30d();
    return r != null && r >= factor;
  }

  @Override
  public String reason(AssetMetrics m) {
    Double r = m.volumeRatio30d();
    if (r == null) {
      return "volume ratio unknown (no 24h volume, or fewer than 7 of the 30 days before with volume)";
    }
    return "24h volume "
        + NumberText.ratio(r)
        + (r >= factor ? " >= " : " < ")
        + NumberText.param(factor)
        + "x the 30-day mean";
  }
}
