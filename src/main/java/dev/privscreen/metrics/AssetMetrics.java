package dev.privscreen.metrics;

import dev.privscreen.model.Asset;
import dev.privscreen.model.ListingEvent;
import dev.privscreen.model.Window;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * Everything SPEC §3 derives for one asset on one day: the input of every rule and the fields of
 * every result. Null means unknown.
 *
 * @param gains gain_Nd_pct by window (always 24h, 7d, 30d, plus the windows rules asked for)
 * @param oiAsOf the instant oi(today) describes: its oldest venue reading (null with no OI)
 * @param oiDaysInLookback how many of the L days before today have a non-null oi(d)
 * @param oiChanges oi_change_Nd_pct by window (always 7d)
 * @param listings the asset's listing events up to the end of today, newest first
 * @param metrics value of each snapshot metric on today, by name (null where none)
 */
public record AssetMetrics(
    Asset asset,
    LocalDate today,
    Double priceUsd,
    Double marketCapUsd,
    Double fdvUsd,
    Double volume24hUsd,
    Map<Window, Double> gains,
    Double volumeRatio30d,
    Double oiUsd,
    java.time.Instant oiAsOf,
    Double oiPrevHighUsd,
    int oiDaysInLookback,
    Map<Window, Double> oiChanges,
    List<ListingEvent> listings,
    Map<String, Double> metrics) {

  public Double gain(Window w) {
    return gains.get(w);
  }

  public Double oiChange(Window w) {
    return oiChanges.get(w);
  }
}
