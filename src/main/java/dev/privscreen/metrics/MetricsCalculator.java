package dev.privscreen.metrics;

import dev.privscreen.model.Asset;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * SPEC §3 for one day, as values: the one-day case of a {@link Timeline}, for the commands that
 * keep every asset's metrics (sector) and for tests.
 */
public final class MetricsCalculator {
  /** Fewest days with a value in a look-back for a volume ratio or an OI breakout. */
  public static final int MIN_DAYS = 7;

  private final SnapshotIndex index;
  private final MetricsSpec spec;

  public MetricsCalculator(SnapshotIndex index, MetricsSpec spec) {
    this.index = index;
    this.spec = spec;
  }

  /** Metrics of every asset, in the snapshot's order. */
  public List<AssetMetrics> computeAll(LocalDate today) {
    Timeline t = new Timeline(index, spec, today, today);
    List<AssetMetrics> all = new ArrayList<>(t.assetCount());
    for (int i = 0; i < t.assetCount(); i++) {
      all.add(t.at(i, 0).copy());
    }
    return all;
  }

  public AssetMetrics compute(Asset a, LocalDate today) {
    List<Asset> assets = index.snapshot().assets();
    Timeline t = new Timeline(index, spec, today, today);
    for (int i = 0; i < assets.size(); i++) {
      if (assets.get(i).id().equals(a.id())) {
        return t.at(i, 0).copy();
      }
    }
    throw new IllegalArgumentException("not an asset of the snapshot: " + a.id());
  }

  /** End of today: listings at or before it have happened as of today. */
  public static Instant endOfDay(LocalDate today) {
    return today.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
  }
}
