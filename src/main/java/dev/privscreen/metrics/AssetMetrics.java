package dev.privscreen.metrics;

import dev.privscreen.model.Asset;
import dev.privscreen.model.ListingEvent;
import dev.privscreen.model.Window;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * Everything SPEC §3 derives for one asset on one day: the input of every rule and the fields of
 * every result. Null means unknown. A {@link Timeline} hands out one reused view per day, so that a
 * replay makes no object per asset and day; {@link #copy} keeps one (a result that is printed).
 */
public interface AssetMetrics {
  Asset asset();

  LocalDate today();

  Double priceUsd();

  Double marketCapUsd();

  Double fdvUsd();

  Double volume24hUsd();

  /** gain_Nd_pct for a window of the spec (24h, 7d, 30d, and those the rules asked for). */
  Double gain(Window w);

  /**
   * {@link #gain} unboxed, NaN when unknown: for rules asked of every asset on every day, where a
   * Double made each time is garbage the replay's C1-compiled code cannot avoid.
   */
  default double gainOrNaN(Window w) {
    Double g = gain(w);
    return g == null ? Double.NaN : g;
  }

  Double volumeRatio30d();

  /** oi(today). */
  Double oiUsd();

  /** The instant oi(today) describes: its oldest venue reading (null with no OI). */
  Instant oiAsOf();

  Double oiPrevHighUsd();

  /** How many of the L days before today have a non-null oi(d). */
  int oiDaysInLookback();

  /** oi_change_Nd_pct for a window of the spec (always 7d). */
  Double oiChange(Window w);

  /** fwd_Nd_pct = (close(today + N) / close(today) − 1) × 100 for a forward window of the spec. */
  Double forward(Window w);

  /** The asset's listing events up to the end of today, newest first. */
  List<ListingEvent> listings();

  /**
   * funding_rate_pct: the rate of the funding period today's instant is in, per 8 hours, as a
   * percent, the venues weighted by their OI in USD ({@link Funding}); null without rates.
   */
  Double fundingRatePct();

  /** funding_7d_pct: what a long paid over the 7 days up to today's instant, weighted alike. */
  Double funding7dPct();

  /**
   * funding_by_venue: each venue's rate of the period today's instant is in, per 8 hours, as a
   * percent, by venue; null without rates.
   */
  Map<String, Double> fundingByVenue();

  /**
   * The value of each snapshot metric on today, by name (null where none); a fetched metric's is
   * its newest on or before today ({@link dev.privscreen.model.MetricPoint#lagging}).
   */
  Map<String, Double> metrics();

  /** metrics_as_of: the day each fetched metric's value is from, by name (only those with one). */
  Map<String, LocalDate> metricDays();

  /** The windows of the metrics' changes: {@code m_<name>_chg_7d_pct} and {@code _30d_pct}. */
  List<Integer> METRIC_CHANGE_DAYS = List.of(7, 30);

  /**
   * m_&lt;name&gt;_chg_Nd_pct = (m(today) / m(today − N) − 1) × 100, as a gain is of closes: null
   * when either day has no value, or the earlier one is zero.
   */
  Double metricChange(String name, int days);

  /** The last 30 daily closes up to today as a sparkline (a space for a missing day). */
  String trend30d();

  /** The last 30 days of oi(d) as a sparkline. */
  String oiTrend30d();

  /** These metrics as an immutable value, for a result that outlives the day. */
  AssetMetrics copy();

  /** Metrics kept as values. */
  record Values(
      Asset asset,
      LocalDate today,
      Double priceUsd,
      Double marketCapUsd,
      Double fdvUsd,
      Double volume24hUsd,
      Map<Window, Double> gains,
      Double volumeRatio30d,
      Double oiUsd,
      Instant oiAsOf,
      Double oiPrevHighUsd,
      int oiDaysInLookback,
      Map<Window, Double> oiChanges,
      Map<Window, Double> forwards,
      List<ListingEvent> listings,
      Map<String, Double> metrics,
      Map<String, LocalDate> metricDays,
      Map<String, Double> metricChanges,
      Double fundingRatePct,
      Double funding7dPct,
      Map<String, Double> fundingByVenue,
      Days closes30d,
      Days oi30d)
      implements AssetMetrics {

    @Override
    public String trend30d() {
      return closes30d.sparkline();
    }

    @Override
    public String oiTrend30d() {
      return oi30d.sparkline();
    }

    @Override
    public Double gain(Window w) {
      return gains.get(w);
    }

    @Override
    public Double oiChange(Window w) {
      return oiChanges.get(w);
    }

    @Override
    public Double forward(Window w) {
      return forwards.get(w);
    }

    @Override
    public Double metricChange(String name, int days) {
      return metricChanges.get(name + " " + days);
    }

    @Override
    public AssetMetrics copy() {
      return this;
    }
  }

  /**
   * Days {@code [from, to)} of a series that is never written again: kept by reference, drawn only
   * when a sparkline field is printed (most results never print one).
   */
  record Days(double[] series, int from, int to) {
    String sparkline() {
      return dev.privscreen.format.Sparkline.of(series, from, to);
    }
  }
}
