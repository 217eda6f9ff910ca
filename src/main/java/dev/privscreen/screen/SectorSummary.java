package dev.privscreen.screen;

import dev.privscreen.metrics.AssetMetrics;
import dev.privscreen.metrics.MetricsCalculator;
import dev.privscreen.metrics.MetricsSpec;
import dev.privscreen.metrics.SnapshotIndex;
import dev.privscreen.model.ListingEvent;
import dev.privscreen.model.ListingEvent.Action;
import dev.privscreen.model.Window;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * {@code privscreen sector}: the whole category in one record (SPEC §3). Sums skip nulls; the
 * cap-weighted gain is the change of the sector's total cap with supply held constant: (Σ m / Σ (m
 * / (1 + g/100)) − 1) × 100 over the assets with both m and g. The sector's funding is each asset's
 * weighted by its open interest in USD (the assets without OI weigh nothing; with no OI anywhere,
 * they count alike), as each asset's is of its venues.
 */
public record SectorSummary(
    Instant asOf,
    String category,
    int count,
    Double marketCapUsd,
    Double volume24hUsd,
    Double oiUsd,
    Double gain7dPctCapWeighted,
    Double gain7dPctMedian,
    int up7d,
    int over100In7d,
    int listings7d,
    Double fundingRatePct,
    Double funding7dPct,
    List<String> leaders) {

  private static final Window WEEK = new Window(7);

  /** The figures a summary sums: the default ones of SPEC §3. */
  public static final MetricsSpec SPEC = MetricsSpec.defaults();

  /**
   * @throws IllegalArgumentException for an as-of day after the snapshot's
   */
  public static SectorSummary of(SnapshotIndex index, LocalDate asOf) {
    LocalDate today = Screener.today(index, asOf);
    List<AssetMetrics> all = new MetricsCalculator(index, SPEC).computeAll(today);
    Sum cap = new Sum();
    Sum volume = new Sum();
    Sum oi = new Sum();
    double capNow = 0;
    double capBefore = 0;
    boolean anyWeighted = false;
    List<Double> gains = new ArrayList<>();
    int up = 0;
    int over100 = 0;
    int listings = 0;
    Weighted fundingRate = new Weighted();
    Weighted funding7d = new Weighted();
    Instant end = MetricsCalculator.endOfDay(today);
    Instant start = end.minusSeconds(WEEK.days() * 86_400L);
    for (AssetMetrics m : all) {
      cap.add(m.marketCapUsd());
      volume.add(m.volume24hUsd());
      oi.add(m.oiUsd());
      fundingRate.add(m.fundingRatePct(), m.oiUsd());
      funding7d.add(m.funding7dPct(), m.oiUsd());
      Double g = m.gain(WEEK);
      if (g != null) {
        gains.add(g);
        up += g > 0 ? 1 : 0;
        over100 += g >= 100 ? 1 : 0;
        if (m.marketCapUsd() != null && g > -100) {
          capNow += m.marketCapUsd();
          capBefore += m.marketCapUsd() / (1 + g / 100);
          anyWeighted = true;
        }
      }
      for (ListingEvent e : m.listings()) {
        if (e.action() == Action.LIST
            && e.listedAt().isAfter(start)
            && !e.listedAt().isAfter(end)) {
          listings++;
        }
      }
    }
    Double weighted = anyWeighted && capBefore > 0 ? finite((capNow / capBefore - 1) * 100) : null;
    List<AssetMetrics> byGain = new ArrayList<>();
    for (AssetMetrics m : all) {
      if (m.gain(WEEK) != null) {
        byGain.add(m);
      }
    }
    byGain.sort(
        Comparator.comparing((AssetMetrics m) -> m.gain(WEEK))
            .reversed()
            .thenComparing(m -> m.asset().symbol())
            .thenComparing(m -> m.asset().id()));
    List<String> leaders = new ArrayList<>();
    for (int i = 0; i < Math.min(3, byGain.size()); i++) {
      leaders.add(byGain.get(i).asset().symbol());
    }
    return new SectorSummary(
        Screener.asOfInstant(index, today),
        index.snapshot().category(),
        all.size(),
        cap.value(),
        volume.value(),
        oi.value(),
        weighted,
        finite(median(gains)),
        up,
        over100,
        listings,
        fundingRate.value(),
        funding7d.value(),
        List.copyOf(leaders));
  }

  /** A mean weighted by open interest, or plain when no value has a weight; null for none. */
  private static final class Weighted {
    private double sum;
    private double weights;
    private double plain;
    private int n;

    void add(Double v, Double weight) {
      if (v == null) {
        return;
      }
      plain += v;
      n++;
      if (weight != null && weight > 0) {
        sum += v * weight;
        weights += weight;
      }
    }

    Double value() {
      return n == 0 ? null : finite(weights > 0 ? sum / weights : plain / n);
    }
  }

  /** A sum of the known values: null when none is known, never 0 for "no data". */
  private static final class Sum {
    private double total;
    private boolean any;

    void add(Double v) {
      if (v != null) {
        total += v;
        any = true;
      }
    }

    Double value() {
      return any ? finite(total) : null;
    }
  }

  /** Overflow (values near 1e308 in a hostile file) is no figure: null, in every format alike. */
  private static Double finite(Double v) {
    return v == null || !Double.isFinite(v) ? null : v;
  }

  private static Double median(List<Double> values) {
    if (values.isEmpty()) {
      return null;
    }
    List<Double> v = new ArrayList<>(values);
    v.sort(null);
    int n = v.size();
    return n % 2 == 1 ? v.get(n / 2) : (v.get(n / 2 - 1) + v.get(n / 2)) / 2;
  }
}
