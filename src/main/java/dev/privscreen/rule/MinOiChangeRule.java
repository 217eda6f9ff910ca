package dev.privscreen.rule;

import dev.privscreen.format.NumberText;
import dev.privscreen.metrics.AssetMetrics;
import dev.privscreen.model.Window;
import java.util.Set;

/** {@code --min-oi-change 7d=50}: open-interest change over the window ≥ the percent. */
public record MinOiChangeRule(Window window, double minPct) implements Rule {

  public MinOiChangeRule {
    if (!Double.isFinite(minPct) || minPct < -100) {
      throw new IllegalArgumentException(
          "--min-oi-change: "
              + NumberText.param(minPct)
              + " is not a change in percent (-100 or more)");
    }
  }

  @Override
  public String id() {
    return "oi_change_" + window.label();
  }

  @Override
  public String description() {
    return "open interest change over " + window.label() + " >= " + NumberText.param(minPct) + "%";
  }

  @Override
  public int order() {
    return 3;
  }

  @Override
  public Set<Window> oiChangeWindows() {
    return Set.of(window);
  }

  @Override
  public boolean knows(AssetMetrics m) {
    return m.oiChange(window) != null;
  }

  @Override
  public boolean fires(AssetMetrics m) {
    Double c = m.oiChange(window);
    return c != null && c >= minPct;
  }

  @Override
  public String reason(AssetMetrics m) {
    Double c = m.oiChange(window);
    if (c == null) {
      return "OI change unknown (no open interest on "
          + m.today().minusDays(window.days())
          + " or today)";
    }
    return window.label()
        + " OI change "
        + NumberText.percent(c)
        + (c >= minPct ? " >= " : " < ")
        + NumberText.param(minPct)
        + "%";
  }
}
