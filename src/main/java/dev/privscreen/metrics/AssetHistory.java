package dev.privscreen.metrics;

import dev.privscreen.model.ListingEvent;
import dev.privscreen.model.PricePoint;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The time series of one asset, indexed by UTC day for the look-ups of SPEC §3. */
final class AssetHistory {
  final Map<LocalDate, PricePoint> prices = new HashMap<>();

  /** oi(d): the sum over venues; a day is present only when some venue has a non-null value. */
  final Map<LocalDate, Double> oi = new HashMap<>();

  /** metric name → day → value. */
  final Map<String, Map<LocalDate, Double>> metrics = new HashMap<>();

  final List<ListingEvent> listings = new ArrayList<>();

  Double close(LocalDate d) {
    PricePoint p = prices.get(d);
    return p == null ? null : p.closeUsd();
  }

  Double volume(LocalDate d) {
    PricePoint p = prices.get(d);
    return p == null ? null : p.volumeUsd();
  }
}
