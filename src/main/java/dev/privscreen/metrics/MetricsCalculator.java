package dev.privscreen.metrics;

import dev.privscreen.model.Asset;
import dev.privscreen.model.ListingEvent;
import dev.privscreen.model.Window;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** SPEC §3 as pure functions of (snapshot, as-of day). One instance per screen. */
public final class MetricsCalculator {
  /** Fewest days with a value in a look-back for a volume ratio or an OI breakout. */
  public static final int MIN_DAYS = 7;

  private static final Window VOLUME_WINDOW = new Window(30);

  private final SnapshotIndex index;
  private final MetricsSpec spec;
  private final LocalDate snapshotDay;

  public MetricsCalculator(SnapshotIndex index, MetricsSpec spec) {
    this.index = index;
    this.spec = spec;
    this.snapshotDay = index.snapshot().asOf().atOffset(ZoneOffset.UTC).toLocalDate();
  }

  /** Metrics of every asset, in the snapshot's order. */
  public List<AssetMetrics> computeAll(LocalDate today) {
    List<AssetMetrics> all = new ArrayList<>(index.snapshot().assets().size());
    for (Asset a : index.snapshot().assets()) {
      all.add(compute(a, today));
    }
    return all;
  }

  public AssetMetrics compute(Asset a, LocalDate today) {
    AssetHistory h = index.historyOf(a.id());
    // An earlier day than the snapshot's own: the asset's fields describe another day, so take
    // what the history says of today instead (SPEC §3), and use no change_* fallbacks.
    boolean current = !today.isBefore(snapshotDay);
    Double closeToday = h.close(today);
    Double price = current ? a.priceUsd() : closeToday;
    Double cap = current ? a.marketCapUsd() : rescale(a.marketCapUsd(), closeToday, a.priceUsd());
    Double fdv = current ? a.fdvUsd() : rescale(a.fdvUsd(), closeToday, a.priceUsd());
    Double volume = current ? a.volume24hUsd() : h.volume(today);

    Map<Window, Double> gains = new LinkedHashMap<>();
    for (Window w : spec.gainWindows()) {
      Double g = percentChange(closeToday, h.close(today.minusDays(w.days())));
      if (g == null && current) {
        g = fallbackChange(a, w);
      }
      gains.put(w, g);
    }

    Double v = volume != null ? volume : h.volume(today);
    Double ratio = v == null ? null : ratio(v, meanVolumeBefore(h, today));

    Double oiToday = h.oi(today);
    Double prevHigh = null;
    int oiDays = 0;
    for (int i = 1; i <= spec.oiLookback().days(); i++) {
      Double o = h.oi(today.minusDays(i));
      if (o != null) {
        oiDays++;
        prevHigh = prevHigh == null ? o : Math.max(prevHigh, o);
      }
    }
    Map<Window, Double> oiChanges = new LinkedHashMap<>();
    for (Window w : spec.oiChangeWindows()) {
      oiChanges.put(w, percentChange(oiToday, h.oi(today.minusDays(w.days()))));
    }

    Map<String, Double> metrics = new LinkedHashMap<>();
    for (String name : index.metricNames()) {
      Map<LocalDate, Double> series = h.metrics.get(name);
      metrics.put(name, series == null ? null : series.get(today));
    }

    return new AssetMetrics(
        a,
        today,
        price,
        cap,
        fdv,
        volume,
        gains,
        ratio,
        oiToday,
        h.oiAsOf(today),
        prevHigh,
        oiDays,
        oiChanges,
        listingsUpTo(h, today),
        metrics);
  }

  /** Mean of the non-null volumes of the 30 days before today; null with fewer than 7. */
  private static Double meanVolumeBefore(AssetHistory h, LocalDate today) {
    double sum = 0;
    int n = 0;
    for (int i = 1; i <= VOLUME_WINDOW.days(); i++) {
      Double vol = h.volume(today.minusDays(i));
      if (vol != null) {
        sum += vol;
        n++;
      }
    }
    return n < MIN_DAYS ? null : sum / n;
  }

  /** End of today: listings at or before it have happened as of today. */
  public static Instant endOfDay(LocalDate today) {
    return today.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
  }

  private static List<ListingEvent> listingsUpTo(AssetHistory h, LocalDate today) {
    Instant end = endOfDay(today);
    List<ListingEvent> out = new ArrayList<>();
    for (ListingEvent e : h.listings) {
      if (!e.listedAt().isAfter(end)) {
        out.add(e);
      }
    }
    out.sort(
        Comparator.comparing(ListingEvent::listedAt)
            .reversed()
            .thenComparing(ListingEvent::venue)
            .thenComparing(e -> e.pair() == null ? "" : e.pair()));
    return List.copyOf(out);
  }

  private static Double fallbackChange(Asset a, Window w) {
    return switch (w.days()) {
      case 1 -> a.change24hPct();
      case 7 -> a.change7dPct();
      case 30 -> a.change30dPct();
      default -> null;
    };
  }

  /** (now / then − 1) × 100; null when either is null or then is zero. */
  static Double percentChange(Double now, Double then) {
    Double r = ratio(now, then);
    return r == null ? null : (r - 1) * 100;
  }

  private static Double ratio(Double num, Double den) {
    if (num == null || den == null || den == 0) {
      return null;
    }
    return num / den;
  }

  private static Double rescale(Double value, Double closeToday, Double priceNow) {
    Double r = ratio(closeToday, priceNow);
    return value == null || r == null ? null : value * r;
  }
}
