package dev.privscreen.metrics;

import dev.privscreen.model.Window;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * Which windowed figures to compute besides the fixed ones of SPEC §4 (gain 24h/7d/30d, OI change
 * 7d), the OI look-back L, and the forward windows of {@code replay --forward}.
 */
public record MetricsSpec(
    SortedSet<Window> gainWindows,
    SortedSet<Window> oiChangeWindows,
    Window oiLookback,
    SortedSet<Window> forwardWindows) {

  public static final Window GAIN_24H = new Window(1);
  public static final Window GAIN_7D = new Window(7);
  public static final Window GAIN_30D = new Window(30);
  public static final Window DEFAULT_OI_LOOKBACK = new Window(30);

  public MetricsSpec {
    gainWindows = new TreeSet<>(gainWindows);
    gainWindows.add(GAIN_24H);
    gainWindows.add(GAIN_7D);
    gainWindows.add(GAIN_30D);
    oiChangeWindows = new TreeSet<>(oiChangeWindows);
    oiChangeWindows.add(GAIN_7D);
    forwardWindows = new TreeSet<>(forwardWindows);
  }

  public MetricsSpec(
      SortedSet<Window> gainWindows, SortedSet<Window> oiChangeWindows, Window oiLookback) {
    this(gainWindows, oiChangeWindows, oiLookback, new TreeSet<>());
  }

  /** The same spec with these forward windows. */
  public MetricsSpec withForward(java.util.Collection<Window> forward) {
    return new MetricsSpec(gainWindows, oiChangeWindows, oiLookback, new TreeSet<>(forward));
  }

  /** The longest look-back any figure needs, in days (the volume mean's 30 at least). */
  public int maxBack() {
    int max = Math.max(30, oiLookback.days());
    for (Window w : gainWindows) {
      max = Math.max(max, w.days());
    }
    for (Window w : oiChangeWindows) {
      max = Math.max(max, w.days());
    }
    return max;
  }

  /** The longest forward window, in days; 0 with none. */
  public int maxForward() {
    return forwardWindows.isEmpty() ? 0 : forwardWindows.last().days();
  }

  public static MetricsSpec defaults() {
    return new MetricsSpec(new TreeSet<>(), new TreeSet<>(), DEFAULT_OI_LOOKBACK);
  }
}
