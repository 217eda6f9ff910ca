package dev.privscreen.chart;

import dev.privscreen.metrics.SnapshotIndex;
import dev.privscreen.model.Asset;
import dev.privscreen.model.ListingEvent;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * What {@code privscreen chart} draws: for each asset, its daily close, volume, open interest and
 * funding rate (per 8 hours, as a screen of that day computes it) over the days shown, the OI's
 * previous high (the highest oi(d) of the 30 days before the last day, the level a breakout
 * crosses), and its listing events in range. Pure data, drawn by {@link TerminalChart} and {@link
 * VectorChart}.
 */
public record Chart(
    LocalDate from,
    LocalDate to,
    List<Series> assets,
    Set<Panel> panels,
    boolean normalize,
    boolean log,
    List<String> leftOut) {

  /** The panels, top to bottom. */
  public enum Panel {
    price,
    volume,
    oi,
    funding
  }

  /** One listing or delisting on a day of the chart. */
  public record Event(LocalDate day, boolean list, String venue, String market, String symbol) {}

  /** One asset's series, a value a day from {@code from} (NaN where unknown). */
  public record Series(
      String symbol,
      String name,
      double[] close,
      double[] volume,
      double[] oi,
      double[] funding,
      double oiPrevHigh,
      List<Event> events) {

    /** The closes rebased to 100 on the first known day (for --normalize). */
    double[] rebased() {
      double base = Double.NaN;
      for (double c : close) {
        if (!Double.isNaN(c) && c != 0) {
          base = c;
          break;
        }
      }
      double[] out = new double[close.length];
      for (int i = 0; i < out.length; i++) {
        out[i] = close[i] / base * 100;
      }
      return out;
    }

    boolean hasOi() {
      return known(oi);
    }

    boolean hasFunding() {
      return known(funding);
    }

    private static boolean known(double[] values) {
      for (double v : values) {
        if (!Double.isNaN(v)) {
          return true;
        }
      }
      return false;
    }
  }

  public int days() {
    return (int) (to.toEpochDay() - from.toEpochDay()) + 1;
  }

  /** The days shown: {@code days} ending with {@code asOf} (default: the snapshot's day). */
  /** The days before the last over which the OI panel's previous high is taken. */
  private static final int PREVIOUS_HIGH_DAYS = 30;

  /**
   * The first day whose prices and open interest a chart of {@code days} days to {@code to} uses:
   * its own first, or the first of the previous high's days, whichever is earlier.
   */
  public static LocalDate firstDayUsed(LocalDate to, int days) {
    return to.minusDays(Math.max(days - 1, PREVIOUS_HIGH_DAYS));
  }

  public static Chart of(
      SnapshotIndex index,
      List<Asset> assets,
      LocalDate asOf,
      int days,
      Set<Panel> asked,
      boolean normalize,
      boolean log) {
    LocalDate to =
        asOf != null ? asOf : index.snapshot().asOf().atOffset(ZoneOffset.UTC).toLocalDate();
    LocalDate from = to.minusDays(days - 1);
    List<Series> series = new ArrayList<>();
    List<String> leftOut = new ArrayList<>();
    for (Asset a : assets) {
      SnapshotIndex.Daily d = index.daily(a.id(), from, to);
      // the previous high: the 30 days before the last day
      SnapshotIndex.Daily back =
          index.daily(a.id(), to.minusDays(PREVIOUS_HIGH_DAYS), to.minusDays(1));
      double high = Double.NaN;
      for (double v : back.oi()) {
        if (!Double.isNaN(v) && (Double.isNaN(high) || v > high)) {
          high = v;
        }
      }
      List<Event> events = new ArrayList<>();
      for (ListingEvent e : d.listings()) {
        LocalDate day = e.listedAt().atOffset(ZoneOffset.UTC).toLocalDate();
        if (!day.isBefore(from) && !day.isAfter(to)) {
          events.add(
              new Event(
                  day,
                  e.action() == ListingEvent.Action.LIST,
                  e.venue(),
                  e.market().label(),
                  a.symbol()));
        }
      }
      events.sort(java.util.Comparator.comparing(Event::day));
      series.add(
          new Series(
              a.symbol(),
              a.name(),
              d.close(),
              d.volume(),
              d.oi(),
              d.fundingRatePct(),
              high,
              events));
    }
    Set<Panel> panels = asked.isEmpty() ? EnumSet.allOf(Panel.class) : EnumSet.copyOf(asked);
    boolean anyOi = series.stream().anyMatch(Series::hasOi);
    if (panels.contains(Panel.oi) && !anyOi) {
      panels.remove(Panel.oi);
      leftOut.add("open interest (none in this range)");
    }
    if (panels.contains(Panel.funding) && series.stream().noneMatch(Series::hasFunding)) {
      panels.remove(Panel.funding);
      if (asked.contains(Panel.funding)) { // by default, a snapshot without rates draws without
        leftOut.add("funding (no rates in this range)");
      }
    }
    boolean anyVolume =
        series.stream()
            .anyMatch(s -> java.util.Arrays.stream(s.volume()).anyMatch(v -> !Double.isNaN(v)));
    if (panels.contains(Panel.volume) && !anyVolume) {
      panels.remove(Panel.volume);
      leftOut.add("volume (none in this range)");
    }
    for (Series s : series) {
      if (java.util.Arrays.stream(s.close()).allMatch(Double::isNaN)) {
        leftOut.add(s.symbol() + ": no close in this range");
      }
    }
    return new Chart(from, to, List.copyOf(series), panels, normalize, log, List.copyOf(leftOut));
  }

  /** The assets that have open interest in range: the lines of the OI panel. */
  public List<Series> withOi() {
    return assets.stream().filter(Series::hasOi).toList();
  }

  /** The assets that have funding rates in range: the lines of the funding panel. */
  public List<Series> withFunding() {
    return assets.stream().filter(Series::hasFunding).toList();
  }

  /**
   * The level drawn across the OI panel: the previous high of the first asset with open interest
   * (several assets' levels would be noise); NaN when it has none.
   */
  public double oiLevel() {
    List<Series> with = withOi();
    return with.isEmpty() ? Double.NaN : with.get(0).oiPrevHigh();
  }

  /** Every event of the chart, by day. */
  public List<Event> events() {
    List<Event> all = new ArrayList<>();
    assets.forEach(s -> all.addAll(s.events()));
    all.sort(java.util.Comparator.comparing(Event::day).thenComparing(Event::symbol));
    return all;
  }
}
