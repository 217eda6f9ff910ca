package dev.privscreen.metrics;

import dev.privscreen.model.Asset;
import dev.privscreen.model.ListingEvent;
import dev.privscreen.model.MetricPoint;
import dev.privscreen.model.OiPoint;
import dev.privscreen.model.PricePoint;
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
    for (Asset a : snapshot.assets()) {
      byId.put(a.id(), new AssetHistory());
    }
    for (PricePoint p : snapshot.prices()) {
      AssetHistory h = history(p.id());
      if (h != null) {
        h.prices.put(p.date(), p);
      }
    }
    for (OiPoint p : snapshot.openInterest()) {
      AssetHistory h = history(p.id());
      if (h != null && p.oiUsd() != null) {
        h.oi.merge(p.date(), p.oiUsd(), Double::sum);
      }
    }
    for (ListingEvent e : snapshot.listings()) {
      AssetHistory h = history(e.id());
      if (h != null) {
        h.listings.add(e);
      }
    }
    for (MetricPoint m : snapshot.metrics()) {
      metricNames.add(m.name());
      AssetHistory h = history(m.id());
      if (h != null) {
        h.metrics.computeIfAbsent(m.name(), k -> new HashMap<>()).put(m.date(), m.value());
      }
    }
  }

  public static SnapshotIndex of(Snapshot snapshot) {
    return new SnapshotIndex(snapshot);
  }

  private AssetHistory history(String id) {
    AssetHistory h = byId.get(id);
    if (h == null) {
      ignoredRows++;
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
