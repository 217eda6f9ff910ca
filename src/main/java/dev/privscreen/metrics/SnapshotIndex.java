package dev.privscreen.metrics;

import dev.privscreen.model.Asset;
import dev.privscreen.model.ListingEvent;
import dev.privscreen.model.MetricPoint;
import dev.privscreen.model.OiColumns;
import dev.privscreen.model.PriceColumns;
import dev.privscreen.model.Snapshot;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The snapshot's rows grouped by asset, built once per run. Rows whose id is not in {@code assets}
 * are left out and counted (SPEC §3: only listed assets are screened).
 */
public final class SnapshotIndex {
  private final Snapshot snapshot;
  private final Map<String, AssetHistory> byId = new HashMap<>();
  private final Set<String> metricNames = new TreeSet<>();
  private final Set<String> unknownIds = new TreeSet<>();
  private int ignoredRows;

  private SnapshotIndex(Snapshot snapshot) {
    this.snapshot = snapshot;
    PriceColumns prices = snapshot.priceColumns();
    for (Asset a : snapshot.assets()) {
      byId.put(a.id(), new AssetHistory(prices));
    }
    for (int code = 0; code < prices.idCount(); code++) {
      AssetHistory h = history(prices.id(code), prices.to(code) - prices.from(code));
      if (h != null) {
        h.pricesAt(code);
      }
    }
    indexOi(snapshot.oiColumns());
    for (ListingEvent e : snapshot.listings()) {
      AssetHistory h = history(e.id(), 1);
      if (h != null) {
        h.listings.add(e);
      }
    }
    indexFunding(snapshot);
    for (MetricPoint m : snapshot.metrics()) {
      metricNames.add(m.name());
      AssetHistory h = history(m.id(), 1);
      if (h != null) {
        h.metrics
            .computeIfAbsent(m.name(), k -> new java.util.TreeMap<>())
            .put(m.date(), m.value());
      }
    }
  }

  /** Each asset's funding rates by venue, and (for their weights) its OI by venue and day. */
  private void indexFunding(Snapshot snapshot) {
    if (snapshot.funding().isEmpty()) {
      return;
    }
    for (dev.privscreen.model.FundingPoint f : snapshot.funding()) {
      AssetHistory h = history(f.id(), 1);
      if (h != null) {
        h.funding.computeIfAbsent(f.venue(), v -> new java.util.ArrayList<>()).add(f);
      }
    }
    for (AssetHistory h : byId.values()) {
      h.funding
          .values()
          .forEach(rows -> rows.sort(java.util.Comparator.comparing(r -> r.fundingTime())));
    }
    OiColumns oi = snapshot.oiColumns();
    for (int code = 0; code < oi.idCount(); code++) {
      AssetHistory h = byId.get(oi.id(code));
      if (h == null || h.funding.isEmpty()) {
        continue;
      }
      for (int row = oi.from(code); row < oi.to(code); row++) {
        double v = oi.oiUsd(row);
        if (!Double.isNaN(v)) {
          h.oiByVenue
              .computeIfAbsent(oi.get(row).venue(), x -> new HashMap<>())
              .put(oi.day(row), v);
        }
      }
    }
  }

  /**
   * oi(d) of SPEC §3 for each asset: its venues' values summed per day, days with no value left
   * out, as sorted days and sums. The columns hold one run of days per venue; they are summed in an
   * array indexed by day, or, when an asset's days lie too far apart for that, by sorting.
   */
  private void indexOi(OiColumns oi) {
    int[] days = new int[oi.size()];
    double[] sums = new double[oi.size()];
    double[] byDay = new double[0];
    int n = 0;
    for (int code = 0; code < oi.idCount(); code++) {
      int from = oi.from(code);
      int to = oi.to(code);
      AssetHistory h = history(oi.id(code), to - from);
      if (h == null) {
        continue;
      }
      int min = Integer.MAX_VALUE;
      int max = Integer.MIN_VALUE;
      boolean readAt = false;
      for (int row = from; row < to; row++) {
        if (!Double.isNaN(oi.oiUsd(row))) {
          min = Math.min(min, oi.day(row));
          max = Math.max(max, oi.day(row));
          readAt |= oi.hasAt(row);
        }
      }
      if (readAt) {
        h.oiReadAt(readingInstants(oi, from, to));
      }
      int start = n;
      long span = (long) max - min + 1; // not positive when the asset has no value at all
      if (span > 0 && span <= 4L * (to - from) + 64) {
        if (byDay.length < span) {
          byDay = new double[(int) span];
        }
        Arrays.fill(byDay, 0, (int) span, Double.NaN);
        for (int row = from; row < to; row++) {
          double v = oi.oiUsd(row);
          if (!Double.isNaN(v)) {
            int i = oi.day(row) - min;
            byDay[i] = Double.isNaN(byDay[i]) ? v : byDay[i] + v;
          }
        }
        for (int i = 0; i < span; i++) {
          if (!Double.isNaN(byDay[i])) {
            days[n] = min + i;
            sums[n++] = byDay[i];
          }
        }
      } else if (span > 0) {
        long[] keys = new long[to - from]; // day in the high half, row in the low half
        int k = 0;
        for (int row = from; row < to; row++) {
          if (!Double.isNaN(oi.oiUsd(row))) {
            keys[k++] = ((long) oi.day(row) << 32) | (row - from);
          }
        }
        Arrays.sort(keys, 0, k);
        for (int i = 0; i < k; i++) {
          int day = (int) (keys[i] >> 32);
          double v = oi.oiUsd(from + (int) keys[i]);
          if (n > start && days[n - 1] == day) {
            sums[n - 1] += v;
          } else {
            days[n] = day;
            sums[n++] = v;
          }
        }
      }
      h.oiAt(days, sums, start, n);
    }
  }

  /**
   * The days whose every venue reading was taken at an instant of its own (not the day's 00:00
   * UTC), with the oldest of those instants: oi(d) is as old as its oldest reading. Few days have
   * one (the days of fetches), so they are kept apart.
   */
  private static Map<Integer, Long> readingInstants(OiColumns oi, int from, int to) {
    Map<Integer, Long> oldest = new HashMap<>();
    java.util.Set<Integer> atMidnight = new java.util.HashSet<>();
    for (int row = from; row < to; row++) {
      if (Double.isNaN(oi.oiUsd(row))) {
        continue;
      }
      if (oi.hasAt(row)) {
        oldest.merge(oi.day(row), oi.instant(row), Math::min);
      } else {
        atMidnight.add(oi.day(row));
      }
    }
    oldest.keySet().removeAll(atMidnight);
    return oldest;
  }

  public static SnapshotIndex of(Snapshot snapshot) {
    return new SnapshotIndex(snapshot);
  }

  /** The history of {@code id}, or null, counting its {@code rows} as ignored, when unknown. */
  private AssetHistory history(String id, int rows) {
    AssetHistory h = byId.get(id);
    if (h == null && rows > 0) {
      ignoredRows += rows;
      unknownIds.add(id);
    }
    return h;
  }

  public Snapshot snapshot() {
    return snapshot;
  }

  AssetHistory historyOf(String id) {
    return byId.get(id);
  }

  /**
   * The assets with no price from {@code from} (null: ever) to {@code day}, each with its first
   * price after {@code day} (null for none read), in the snapshot's order: for an as-of or a replay
   * that starts before them, which would otherwise print rows of blanks without a word.
   */
  public Map<String, LocalDate> withoutPrices(LocalDate from, LocalDate day) {
    Map<String, LocalDate> out = new java.util.LinkedHashMap<>();
    int lo = from == null ? Integer.MIN_VALUE : (int) from.toEpochDay();
    for (Asset a : snapshot.assets()) {
      LocalDate first = byId.get(a.id()).firstPriceFrom(lo);
      if (first == null || first.isAfter(day)) {
        out.put(a.symbol(), first);
      }
    }
    return out;
  }

  /**
   * An asset's daily series over {@code from} … {@code to}: closes, volumes and oi(d) (NaN where
   * unknown), and its listing events, newest first. For drawing; null for an unknown id.
   */
  public Daily daily(String id, LocalDate from, LocalDate to) {
    AssetHistory h = byId.get(id);
    if (h == null) {
      return null;
    }
    int n = (int) (to.toEpochDay() - from.toEpochDay()) + 1;
    double[] close = new double[n];
    double[] volume = new double[n];
    double[] oi = new double[n];
    h.fillPrices((int) from.toEpochDay(), close, volume);
    h.fillOi((int) from.toEpochDay(), oi);
    double[] funding = new double[n];
    java.util.Arrays.fill(funding, Double.NaN);
    if (!h.funding.isEmpty()) {
      LocalDate asOfDay = snapshot.asOf().atOffset(java.time.ZoneOffset.UTC).toLocalDate();
      for (int i = 0; i < n; i++) {
        LocalDate d = from.plusDays(i);
        // as a screen of that day sees it: the snapshot's instant on its own day, else 00:00
        java.time.Instant t =
            d.equals(asOfDay)
                ? snapshot.asOf()
                : d.atStartOfDay(java.time.ZoneOffset.UTC).toInstant();
        Double r = Funding.ratePct(h.funding, h.oiByVenueOn((int) d.toEpochDay()), t);
        funding[i] = r == null ? Double.NaN : r;
      }
    }
    return new Daily(close, volume, oi, funding, h.listingsNewestFirst());
  }

  /** See {@link #daily}. */
  public record Daily(
      double[] close,
      double[] volume,
      double[] oi,
      double[] fundingRatePct,
      java.util.List<dev.privscreen.model.ListingEvent> listings) {}

  /** Every metric name in the snapshot, sorted: each becomes a field {@code m_<name>}. */
  public Set<String> metricNames() {
    return metricNames;
  }

  /** Rows left out because their id is not an asset of the snapshot. */
  public int ignoredRows() {
    return ignoredRows;
  }

  public Set<String> unknownIds() {
    return unknownIds;
  }
}
