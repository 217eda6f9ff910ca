package dev.privscreen.metrics;

import dev.privscreen.model.Asset;
import dev.privscreen.model.ListingEvent;
import dev.privscreen.model.MetricPoint;
import dev.privscreen.model.OiColumns;
import dev.privscreen.model.PriceColumns;
import dev.privscreen.model.Snapshot;
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
    for (MetricPoint m : snapshot.metrics()) {
      metricNames.add(m.name());
      AssetHistory h = history(m.id(), 1);
      if (h != null) {
        h.metrics.computeIfAbsent(m.name(), k -> new HashMap<>()).put(m.date(), m.value());
      }
    }
  }

  /** Sums each asset's open interest per day over venues; days with no value are left out. */
  private void indexOi(OiColumns oi) {
    int[] days = new int[oi.size()];
    double[] sums = new double[oi.size()];
    int n = 0;
    for (int code = 0; code < oi.idCount(); code++) {
      AssetHistory h = history(oi.id(code), oi.to(code) - oi.from(code));
      if (h == null) {
        continue;
      }
      int from = n;
      for (int row = oi.from(code); row < oi.to(code); row++) {
        double v = oi.oiUsd(row);
        if (Double.isNaN(v)) {
          continue;
        }
        if (n > from && days[n - 1] == oi.day(row)) {
          sums[n - 1] += v;
        } else {
          days[n] = oi.day(row);
          sums[n] = v;
          n++;
        }
      }
      h.oiAt(days, sums, from, n);
    }
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
