package dev.privscreen.metrics;

import dev.privscreen.model.Asset;
import dev.privscreen.model.ListingEvent;
import dev.privscreen.model.MetricPoint;
import dev.privscreen.model.Window;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
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
 *
 * <p>The closes are laid out day by day, every asset's close of a day side by side: a day's screen
 * reads every asset's close of that day and of a few days before, which are then two runs of memory
 * rather than two places in each of thousands of arrays. On a whole market the per-asset layout
 * cost a cache miss per asset and read, a third of a replay's days (issue 22).
 *
 * <p>An asset's other series (volumes, open interest and what is derived from them) are made the
 * first time one of its figures needs them, which a replay of price rules does only for the assets
 * it prints; an asset without open interest in the span shares one set of empty arrays. Made whole
 * for every asset, they were a third of a whole-market replay's memory.
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
  private final int span;

  /** The first span day of the run this timeline is a piece of: where the volume sums start. */
  private final int originLo;

  private final AssetHistory[] histories;

  /** Made when first asked for ({@link #series}); null until then. */
  private final Series[] series;

  /** closes[k * n + i]: asset i's close on span day k; NaN where unknown. */
  private final double[] closes;

  private final int n;

  /** The open interest of an asset with none in the span, shared: most have none, or none read. */
  private final Series noOi;

  private final Window[] gainWindows;
  private final Window[] oiChangeWindows;
  private final Window[] forwardWindows;

  /**
   * @param from the first day evaluated
   * @param to the last, inclusive
   */
  public Timeline(SnapshotIndex index, MetricsSpec spec, LocalDate from, LocalDate to) {
    this(index, spec, from, to, from);
  }

  /**
   * Days {@code from} … {@code to} of a longer run that began on {@code origin}, evaluated as one
   * timeline of the whole run would: the volumes' running sums start where the run's would
   * (floating-point sums are kept bit for bit, whatever the piece of the run).
   */
  public Timeline(
      SnapshotIndex index, MetricsSpec spec, LocalDate from, LocalDate to, LocalDate origin) {
    if (origin.isAfter(from)) {
      throw new IllegalArgumentException("origin " + origin + " is after " + from);
    }
    this.index = index;
    this.spec = spec;
    this.assets = index.snapshot().assets();
    this.from = from;
    this.days = (int) (to.toEpochDay() - from.toEpochDay()) + 1;
    this.back = spec.maxBack();
    this.lo = (int) from.toEpochDay() - back;
    this.originLo = (int) origin.toEpochDay() - back;
    this.snapshotDay =
        (int) index.snapshot().asOf().atOffset(ZoneOffset.UTC).toLocalDate().toEpochDay();
    this.gainWindows = spec.gainWindows().toArray(Window[]::new);
    this.oiChangeWindows = spec.oiChangeWindows().toArray(Window[]::new);
    this.forwardWindows = spec.forwardWindows().toArray(Window[]::new);
    this.n = assets.size();
    this.histories = new AssetHistory[n];
    this.series = new Series[n];
    this.span = back + days + spec.maxForward();
    this.closes = new double[Math.multiplyExact(span, n)];
    this.noOi = Series.noOi(span, days);
    double[] close = new double[span];
    for (int i = 0; i < n; i++) {
      histories[i] = index.historyOf(assets.get(i).id());
      histories[i].fillPrices(lo, close, null);
      for (int k = 0, at = i; k < span; k++, at += n) {
        closes[at] = close[k];
      }
    }
  }

  /**
   * Asset {@code i}'s series, made now when no thread made them before. Threads that read days side
   * by side may both make them: the same arrays, and a Series' fields are final, so whichever is
   * kept is seen whole.
   */
  private Series series(int i) {
    Series s = series[i];
    if (s == null) {
      s = new Series(histories[i], originLo, lo, span, back, days, spec, noOi);
      series[i] = s;
    }
    return s;
  }

  /** Asset {@code i}'s closes of span days [from, to), as an array of their own. */
  private double[] closes(int i, int from, int to) {
    double[] out = new double[to - from];
    for (int k = from; k < to; k++) {
      out[k - from] = closes[k * n + i];
    }
    return out;
  }

  /** (close(k + w) / close(k) − 1) × 100 of asset {@code i}, NaN when either is missing or 0. */
  private double forward(int i, int k, int w) {
    int ahead = k + w;
    if (ahead >= span) {
      return Double.NaN;
    }
    double now = closes[k * n + i];
    double then = closes[ahead * n + i];
    if (Double.isNaN(now) || now == 0) {
      return Double.NaN;
    }
    return Double.isNaN(then) ? Double.NaN : (then / now - 1) * 100;
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
    int with = 0;
    for (int i = 0; i < n; i++) {
      double f = forward(i, back + k, w.days());
      if (!Double.isNaN(f)) {
        sum += f;
        with++;
      }
    }
    return with == 0 ? null : sum / with;
  }

  /**
   * One asset's dense series over the span but its closes (the timeline's), and the figures derived
   * from them.
   */
  private static final class Series {
    final double[] volume;
    final double[] oi;
    final double[] volumeSum; // prefix sums of the non-null volumes
    final int[] volumeCount;
    final double[] oiPrevHigh; // for the evaluated days only, by day index
    final int[] oiDays;

    private Series(double[] oi, double[] oiPrevHigh, int[] oiDays) {
      this.volume = null;
      this.volumeSum = null;
      this.volumeCount = null;
      this.oi = oi;
      this.oiPrevHigh = oiPrevHigh;
      this.oiDays = oiDays;
    }

    /** The open interest of an asset with none in the span (no volumes): shared by all such. */
    static Series noOi(int span, int days) {
      double[] oi = new double[span];
      double[] prevHigh = new double[days];
      java.util.Arrays.fill(oi, Double.NaN);
      java.util.Arrays.fill(prevHigh, Double.NaN);
      return new Series(oi, prevHigh, new int[days]);
    }

    /**
     * @param originLo where the volumes' running sums start: {@code lo}, or before it for a piece
     *     of a longer run
     * @param none an asset's open interest when it has none in the span: its arrays are shared
     */
    Series(
        AssetHistory h,
        int originLo,
        int lo,
        int span,
        int back,
        int days,
        MetricsSpec spec,
        Series none) {
      volume = new double[span];
      h.fillPrices(lo, null, volume);
      volumeSum = new double[span + 1];
      volumeCount = new int[span + 1];
      if (originLo < lo) { // the sums up to this piece, added in the same order as the whole run's
        double[] before = new double[lo - originLo];
        h.fillPrices(originLo, null, before);
        for (double v : before) {
          boolean known = !Double.isNaN(v);
          volumeSum[0] += known ? v : 0;
          volumeCount[0] += known ? 1 : 0;
        }
      }
      for (int k = 0; k < span; k++) {
        boolean known = !Double.isNaN(volume[k]);
        volumeSum[k + 1] = volumeSum[k] + (known ? volume[k] : 0);
        volumeCount[k + 1] = volumeCount[k] + (known ? 1 : 0);
      }
      double[] read = new double[span];
      if (h.fillOi(lo, read) == 0) {
        oi = none.oi;
        oiPrevHigh = none.oiPrevHigh;
        oiDays = none.oiDays;
        return;
      }
      oi = read;
      // the highest oi(d) over the L days before each evaluated day: a deque of falling values
      int l = spec.oiLookback().days();
      oiPrevHigh = new double[days];
      oiDays = new int[days];
      // (the deque as span indices in an array, head to tail: each day enters it once)
      int[] deque = new int[span];
      int head = 0;
      int tail = 0;
      int known = 0;
      for (int k = back - l; k < back + days; k++) {
        if (k > back - l) { // day k−1 enters the window, day k−1−L leaves it
          int in = k - 1;
          if (!Double.isNaN(oi[in])) {
            while (tail > head && oi[deque[tail - 1]] <= oi[in]) {
              tail--;
            }
            deque[tail++] = in;
            known++;
          }
          int out = k - 1 - l;
          if (out >= back - l && !Double.isNaN(oi[out])) { // counted when it came in
            known--;
          }
          while (tail > head && deque[head] < k - l) {
            head++;
          }
        }
        if (k >= back) {
          oiPrevHigh[k - back] = tail == head ? Double.NaN : oi[deque[head]];
          oiDays[k - back] = known;
        }
      }
    }
  }

  /** The reused view of one asset on one day. */
  private final class View implements AssetMetrics {
    private Asset asset;
    private AssetHistory history;
    private Series series; // the asset's, once asked for
    private int i; // the asset
    private int k; // index into the span
    private int d; // index into the evaluated days
    private boolean current;

    void position(int i, int day) {
      asset = assets.get(i);
      history = histories[i];
      series = null;
      this.i = i;
      d = day;
      k = back + day;
      current = lo + k >= snapshotDay;
    }

    private Series s() {
      if (series == null) {
        series = series(i);
      }
      return series;
    }

    private Double closeToday() {
      return orNull(closes[k * n + i]);
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
      double c = closes[k * n + i];
      Double p = asset.priceUsd();
      if (value == null || Double.isNaN(c) || p == null || p == 0) {
        return null;
      }
      return value * (c / p);
    }

    @Override
    public Double volume24hUsd() {
      return current ? asset.volume24hUsd() : orNull(s().volume[k]);
    }

    @Override
    public Double gain(Window w) {
      Double g = change(closes[k * n + i], closes[(k - w.days()) * n + i]);
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
      double now = closes[k * n + i];
      double then = closes[(k - w.days()) * n + i];
      if (!Double.isNaN(now) && !Double.isNaN(then) && then != 0) {
        return (now / then - 1) * 100; // as change() does, without a Double
      }
      Double g = gain(w);
      return g == null ? Double.NaN : g;
    }

    @Override
    public Double volumeRatio30d() {
      Double v = volume24hUsd();
      double today = v != null ? v : s().volume[k];
      int n = s().volumeCount[k] - s().volumeCount[k - VOLUME_DAYS];
      if (Double.isNaN(today) || n < MetricsCalculator.MIN_DAYS) {
        return null;
      }
      double mean = (s().volumeSum[k] - s().volumeSum[k - VOLUME_DAYS]) / n;
      return mean == 0 ? null : today / mean;
    }

    @Override
    public Double oiUsd() {
      return orNull(s().oi[k]);
    }

    @Override
    public Instant oiAsOf() {
      return history.oiAsOf(today());
    }

    @Override
    public Double oiPrevHighUsd() {
      return orNull(s().oiPrevHigh[d]);
    }

    @Override
    public int oiDaysInLookback() {
      return s().oiDays[d];
    }

    @Override
    public Double oiChange(Window w) {
      return change(s().oi[k], s().oi[k - w.days()]);
    }

    @Override
    public Double forward(Window w) {
      return orNull(Timeline.this.forward(i, k, w.days()));
    }

    @Override
    public List<ListingEvent> listings() {
      List<ListingEvent> all = history.listingsNewestFirst();
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
        out.put(name, day == null ? null : history.metrics.get(name).get(day));
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
          history == null ? null : history.metrics.get(name);
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
      if (history == null || history.funding.isEmpty()) {
        return null;
      }
      return Funding.ratePct(history.funding, history.oiByVenueOn(lo + k), instant());
    }

    @Override
    public Map<String, Double> fundingByVenue() {
      if (history == null || history.funding.isEmpty()) {
        return null;
      }
      Map<String, Double> rates = Funding.venueRates(history.funding, instant());
      return rates.isEmpty() ? null : rates;
    }

    @Override
    public Double funding7dPct() {
      if (history == null || history.funding.isEmpty()) {
        return null;
      }
      return Funding.paid7dPct(history.funding, history.oiByVenueOn(lo + k), instant());
    }

    @Override
    public Double metricChange(String name, int days) {
      LocalDate day = metricDay(name);
      if (day == null) {
        return null;
      }
      Map<LocalDate, Double> m = history.metrics.get(name);
      Double then = m.get(day.minusDays(days));
      return then == null ? null : change(m.get(day), then);
    }

    @Override
    public String trend30d() {
      return dev.privscreen.format.Sparkline.of(closes(i, k - 29, k + 1), 0, 30);
    }

    @Override
    public String oiTrend30d() {
      return dev.privscreen.format.Sparkline.of(s().oi, k - 29, k + 1);
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
          new AssetMetrics.Days(closes(i, k - 29, k + 1), 0, 30),
          new AssetMetrics.Days(s().oi, k - 29, k + 1));
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
