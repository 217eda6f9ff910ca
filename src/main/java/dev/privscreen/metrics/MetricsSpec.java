package dev.privscreen.metrics;

import dev.privscreen.model.Window;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * Which windowed figures to compute besides the fixed ones of SPEC §4 (gain 24h/7d/30d, OI change
 * 7d), and the OI look-back L.
 */
public record MetricsSpec(
    SortedSet<Window> gainWindows, SortedSet<Window> oiChangeWindows, Window oiLookback) {

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
  }

  public static MetricsSpec defaults() {
    return new MetricsSpec(new TreeSet<>(), new TreeSet<>(), DEFAULT_OI_LOOKBACK);
  }
}
