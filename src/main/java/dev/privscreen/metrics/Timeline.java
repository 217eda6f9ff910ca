package dev.privscreen.metrics;

import dev.privscreen.model.Asset;
import dev.privscreen.model.ListingEvent;
import dev.privscreen.model.MetricPoint;
import dev.privscreen.model.Window;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * SPEC §3 for every asset on every day of a span, in one pass per asset: each asset's closes,
 * volumes and oi(d) laid out as dense arrays over the span and its look-back (and forward windows),
 * the 30-day volume mean from prefix sums, the OI previous high from a monotonic deque; every
 * figure of a day is then an index away. A screen is the span of one day.
 *
 * <p>{@link #at} hands out a view that is reused: rules read it without an object per asset and
 * day; {@link AssetMetrics#copy} keeps the few that are printed.
 */
public final class Timeline {
  private static final int VOLUME_DAYS = 30;

  private final SnapshotIndex index;
  private final MetricsSpec spec;
  private final List<Asset> assets;
  private final LocalDate from;
  private final int days;
  private final int back;
  private final int lo;
  private final int snapshotDay;
  private final Series[] series;
  private final Window[] gainWindows;
  private final Window[] oiChangeWindows;
  private final Window[] forwardWindows;

  /**
   * @param from the first day evaluated
   * @param to the last, inclusive
   */
  public Timeline(SnapshotIndex index, MetricsSpec spec, LocalDate from, LocalDate to) {
    this.index = index;
    this.spec = spec;
    this.assets = index.snapshot().assets();
    this.from = from;
    this.days = (int) (to.toEpochDay() - from.toEpochDay()) + 1;
    this.back = spec.maxBack();
    this.lo = (int) from.toEpochDay() - back;
    this.snapshotDay =
        (int) index.snapshot().asOf().atOffset(ZoneOffset.UTC).toLocalDate().toEpochDay();
    this.gainWindows = spec.gainWindows().toArray(Window[]::new);
    this.oiChangeWindows = spec.oiChangeWindows().toArray(Window[]::new);
    this.forwardWindows = spec.forwardWindows().toArray(Window[]::new);
    this.series = new Series[assets.size()];
    int span = back + days + spec.maxForward();
    for (int i = 0; i < series.length; i++) {
      series[i] = new Series(index.historyOf(assets.get(i).id()), lo, span, back, days, spec);
    }
  }

  public int days() {
    return days;
  }

  public LocalDate day(int k) {
    return from.plusDays(k);
  }

  public int assetCount() {
    return series.length;
  }

  public MetricsSpec spec() {
    return spec;
  }

  /** The reused view of asset {@code i} on day {@code k}; valid until the next call. */
  public AssetMetrics at(int i, int k) {
    view.position(i, k);
    return view;
  }

  private final View view = new View();

  /**
   * A cursor of its own over the timeline, for a thread that reads days beside others (the series
   * are read-only once built).
   */
  public Cursor cursor() {
    View v = new View();
    return (i, k) -> {
      v.position(i, k);
      return v;
    };
  }

  /** Positions a reused view: {@link #at} for one thread of many. */
  @FunctionalInterface
  public interface Cursor {
    AssetMetrics at(int i, int k);
  }

  /**
   * u(d) of {@code replay --forward}: the mean forward return over every asset with one on day
   * {@code k}; null when none has.
   */
  public Double universeForward(Window w, int k) {
    double sum = 0;
    int n = 0;
    for (Series s : series) {
      double f = s.forward(back + k, w.days());
      if (!Double.isNaN(f)) {
        sum += f;
        n++;
      }
    }
    return n == 0 ? null : sum / n;
  }

  /** One asset's dense series over the span and the figures derived from them. */
  private static final class Series {
    final AssetHistory history;
    final double[] close;
    final double[] volume;
    final double[] oi;
    final double[] volumeSum; // prefix sums of the non-null volumes
    final int[] volumeCount;
    final double[] oiPrevHigh; // for the evaluated days only, by day index
    final int[] oiDays;

    Series(AssetHistory h, int lo, int span, int back, int days, MetricsSpec spec) {
      this.history = h;
      close = new double[span];
      volume = new double[span];
      oi = new double[span];
      h.fillPrices(lo, close, volume);
      h.fillOi(lo, oi);
      volumeSum = new double[span + 1];
      volumeCount = new int[span + 1];
      for (int k = 0; k < span; k++) {
        boolean known = !Double.isNaN(volume[k]);
        volumeSum[k + 1] = volumeSum[k] + (known ? volume[k] : 0);
        volumeCount[k + 1] = volumeCount[k] + (known ? 1 : 0);
      }
      // the highest oi(d) over the L days before each evaluated day: a deque of falling values
      int l = spec.oiLookback().days();
      oiPrevHigh = new double[days];
      oiDays = new int[days];
      ArrayDeque<Integer> deque = new ArrayDeque<>();
      int known = 0;
      for (int k = back - l; k < back + days; k++) {
        if (k > back - l) { // day k−1 enters the window, day k−1−L leaves it
          int in = k - 1;
          if (!Double.isNaN(oi[in])) {
            while (!deque.isEmpty() && oi[deque.peekLast()] <= oi[in]) {
              deque.pollLast();
            }
            deque.addLast(in);
            known++;
          }
          int out = k - 1 - l;
          if (out >= back - l && !Double.isNaN(oi[out])) { // counted when it came in
            known--;
          }
          while (!deque.isEmpty() && deque.peekFirst() < k - l) {
            deque.pollFirst();
          }
        }
        if (k >= back) {
          oiPrevHigh[k - back] = deque.isEmpty() ? Double.NaN : oi[deque.peekFirst()];
          oiDays[k - back] = known;
        }
      }
    }

    /** (close(k + n) / close(k) − 1) × 100, NaN when either is missing or close(k) is 0. */
    double forward(int k, int n) {
      int ahead = k + n;
      if (ahead >= close.length || Double.isNaN(close[k]) || close[k] == 0) {
        return Double.NaN;
      }
      return Double.isNaN(close[ahead]) ? Double.NaN : (close[ahead] / close[k] - 1) * 100;
    }
  }

  /** The reused view of one asset on one day. */
  private final class View implements AssetMetrics {
    private Asset asset;
    private Series s;
    private int k; // index into the span
    private int d; // index into the evaluated days
    private boolean current;

    void position(int i, int day) {
      asset = assets.get(i);
      s = series[i];
      d = day;
      k = back + day;
      current = lo + k >= snapshotDay;
    }

    private Double closeToday() {
      return orNull(s.close[k]);
    }

    @Override
    public Asset asset() {
      return asset;
    }

    @Override
    public LocalDate today() {
      return LocalDate.ofEpochDay(lo + k);
    }

    @Override
    public Double priceUsd() {
      return current ? asset.priceUsd() : closeToday();
    }

    @Override
    public Double marketCapUsd() {
      return current ? asset.marketCapUsd() : rescale(asset.marketCapUsd());
    }

    @Override
    public Double fdvUsd() {
      return current ? asset.fdvUsd() : rescale(asset.fdvUsd());
    }

    private Double rescale(Double value) {
      double c = s.close[k];
      Double p = asset.priceUsd();
      if (value == null || Double.isNaN(c) || p == null || p == 0) {
        return null;
      }
      return value * (c / p);
    }

    @Override
    public Double volume24hUsd() {
      return current ? asset.volume24hUsd() : orNull(s.volume[k]);
    }

    @Override
    public Double gain(Window w) {
      Double g = change(s.close[k], s.close[k - w.days()]);
      if (g == null && current) {
        return switch (w.days()) {
          case 1 -> asset.change24hPct();
          case 7 -> asset.change7dPct();
          case 30 -> asset.change30dPct();
          default -> null;
        };
      }
      return g;
    }

    @Override
    public double gainOrNaN(Window w) {
      double now = s.close[k];
      double then = s.close[k - w.days()];
      if (!Double.isNaN(now) && !Double.isNaN(then) && then != 0) {
        return (now / then - 1) * 100; // as change() does, without a Double
      }
      Double g = gain(w);
      return g == null ? Double.NaN : g;
    }

    @Override
    public Double volumeRatio30d() {
      Double v = volume24hUsd();
      double today = v != null ? v : s.volume[k];
      int n = s.volumeCount[k] - s.volumeCount[k - VOLUME_DAYS];
      if (Double.isNaN(today) || n < MetricsCalculator.MIN_DAYS) {
        return null;
      }
      double mean = (s.volumeSum[k] - s.volumeSum[k - VOLUME_DAYS]) / n;
      return mean == 0 ? null : today / mean;
    }

    @Override
    public Double oiUsd() {
      return orNull(s.oi[k]);
    }

    @Override
    public Instant oiAsOf() {
      return s.history.oiAsOf(today());
    }

    @Override
    public Double oiPrevHighUsd() {
      return orNull(s.oiPrevHigh[d]);
    }

    @Override
    public int oiDaysInLookback() {
      return s.oiDays[d];
    }

    @Override
    public Double oiChange(Window w) {
      return change(s.oi[k], s.oi[k - w.days()]);
    }

    @Override
    public Double forward(Window w) {
      return orNull(s.forward(k, w.days()));
    }

    @Override
    public List<ListingEvent> listings() {
      List<ListingEvent> all = s.history.listingsNewestFirst();
      Instant end = MetricsCalculator.endOfDay(today());
      int first = 0;
      while (first < all.size() && all.get(first).listedAt().isAfter(end)) {
        first++;
      }
      return all.subList(first, all.size());
    }

    @Override
    public Map<String, Double> metrics() {
      Map<String, Double> out = new LinkedHashMap<>();
      for (String name : index.metricNames()) {
        LocalDate day = metricDay(name);
        out.put(name, day == null ? null : s.history.metrics.get(name).get(day));
      }
      return out;
    }

    @Override
    public Map<String, LocalDate> metricDays() {
      Map<String, LocalDate> out = new java.util.TreeMap<>();
      for (String name : index.metricNames()) {
        LocalDate day = metricDay(name);
        if (day != null && MetricPoint.lagging(name)) {
          out.put(name, day);
        }
      }
      return out;
    }

    /**
     * The day a metric's value is read from: today, or for a fetched metric (which arrives a day
     * late) the newest day on or before today; null when there is none.
     */
    private LocalDate metricDay(String name) {
      java.util.NavigableMap<LocalDate, Double> m =
          s.history == null ? null : s.history.metrics.get(name);
      if (m == null) {
        return null;
      }
      if (!MetricPoint.lagging(name)) {
        return m.containsKey(today()) ? today() : null;
      }
      return m.floorKey(today());
    }

    /** The instant today's figures describe: the snapshot's as-of, or a past day's 00:00 UTC. */
    private Instant instant() {
      return current ? index.snapshot().asOf() : today().atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    @Override
    public Double fundingRatePct() {
      if (s.history == null || s.history.funding.isEmpty()) {
        return null;
      }
      return Funding.ratePct(s.history.funding, s.history.oiByVenueOn(lo + k), instant());
    }

    @Override
    public Map<String, Double> fundingByVenue() {
      if (s.history == null || s.history.funding.isEmpty()) {
        return null;
      }
      Map<String, Double> rates = Funding.venueRates(s.history.funding, instant());
      return rates.isEmpty() ? null : rates;
    }

    @Override
    public Double funding7dPct() {
      if (s.history == null || s.history.funding.isEmpty()) {
        return null;
      }
      return Funding.paid7dPct(s.history.funding, s.history.oiByVenueOn(lo + k), instant());
    }

    @Override
    public Double metricChange(String name, int days) {
      LocalDate day = metricDay(name);
      if (day == null) {
        return null;
      }
      Map<LocalDate, Double> m = s.history.metrics.get(name);
      Double then = m.get(day.minusDays(days));
      return then == null ? null : change(m.get(day), then);
    }

    @Override
    public String trend30d() {
      return dev.privscreen.format.Sparkline.of(s.close, k - 29, k + 1);
    }

    @Override
    public String oiTrend30d() {
      return dev.privscreen.format.Sparkline.of(s.oi, k - 29, k + 1);
    }

    private Map<String, Double> metricChanges() {
      Map<String, Double> out = new java.util.HashMap<>();
      for (String name : index.metricNames()) {
        for (int days : METRIC_CHANGE_DAYS) {
          out.put(name + " " + days, metricChange(name, days));
        }
      }
      return out;
    }

    @Override
    public AssetMetrics copy() {
      Map<Window, Double> gains = new LinkedHashMap<>();
      for (Window w : gainWindows) {
        gains.put(w, gain(w));
      }
      Map<Window, Double> oiChanges = new LinkedHashMap<>();
      for (Window w : oiChangeWindows) {
        oiChanges.put(w, oiChange(w));
      }
      Map<Window, Double> forwards = new LinkedHashMap<>();
      for (Window w : forwardWindows) {
        forwards.put(w, forward(w));
      }
      return new AssetMetrics.Values(
          asset,
          today(),
          priceUsd(),
          marketCapUsd(),
          fdvUsd(),
          volume24hUsd(),
          gains,
          volumeRatio30d(),
          oiUsd(),
          oiAsOf(),
          oiPrevHighUsd(),
          oiDaysInLookback(),
          oiChanges,
          forwards,
          List.copyOf(listings()),
          metrics(),
          metricDays(),
          metricChanges(),
          fundingRatePct(),
          funding7dPct(),
          fundingByVenue(),
          new AssetMetrics.Days(s.close, k - 29, k + 1),
          new AssetMetrics.Days(s.oi, k - 29, k + 1));
    }
  }

  /** (now / then − 1) × 100; null when either is missing or then is zero. */
  private static Double change(double now, double then) {
    if (Double.isNaN(now) || Double.isNaN(then) || then == 0) {
      return null;
    }
    return (now / then - 1) * 100;
  }

  private static Double orNull(double v) {
    return Double.isNaN(v) ? null : v;
  }
}
