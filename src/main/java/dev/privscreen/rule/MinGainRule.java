package dev.privscreen.rule;

import dev.privscreen.format.NumberText;
import dev.privscreen.metrics.AssetMetrics;
import dev.privscreen.model.Window;
import java.util.Set;

/** {@code --min-gain 7d=100}: price gain over the window ≥ the percent. */
public record MinGainRule(Window window, double minPct) implements Rule {

  public MinGainRule {
    if (!Double.isFinite(minPct) || minPct < -100) {
      throw new IllegalArgumentException(
          "--min-gain: " + NumberText.param(minPct) + " is not a gain in percent (-100 or more)");
    }
  }

  @Override
  public String id() {
    return "gain_" + window.label();
  }

  @Override
  public String description() {
    return "price gain over " + window.label() + " >= " + NumberText.param(minPct) + "%";
  }

  @Override
  public int order() {
    return 0;
  }

  @Override
  public Set<Window> gainWindows() {
    return Set.of(window);
  }

  @Override
  public boolean knows(AssetMetrics m) {
    return !Double.isNaN(m.gainOrNaN(window));
  }

  @Override
  public boolean fires(AssetMetrics m) {
    return m.gainOrNaN(window) >= minPct; // NaN (unknown) never fires
  }

  @Override
  public String reason(AssetMetrics m) {
    Double g = m.gain(window);
    if (g == null) {
      return window.label()
          + " gain unknown (no close on "
          + m.today().minusDays(window.days())
          + " or today)";
    }
    return window.label()
        + " gain "
        + NumberText.percent(g)
        + (g >= minPct ? " >= " : " < ")
        + NumberText.param(minPct)
        + "%";
  }
}
