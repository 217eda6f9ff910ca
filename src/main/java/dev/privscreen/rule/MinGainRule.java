package dev.privscreen.rule;

import dev.privscreen.metrics.AssetMetrics;
import dev.privscreen.model.Window;

/** {@code --min-gain 7d=100}: price gain over the window ≥ the percent. */
public record MinGainRule(Window window, double minPct) implements Rule {

  public MinGainRule {
    if (!Double.isFinite(minPct) || minPct < -100) {
      throw new IllegalArgumentException(
          "--min-gain: " + Format.number(minPct) + " is not a gain in percent (−100 or more)");
    }
  }

  @Override
  public String id() {
    return "gain_" + window.label();
  }

  @Override
  public String description() {
    return "price gain over " + window.label() + " >= " + Format.number(minPct) + "%";
  }

  @Override
  public int order() {
    return 0;
  }

  @Override
  public boolean fires(AssetMetrics m) {
    Double g = m.gain(window);
    return g != null && g >= minPct;
  }
}
