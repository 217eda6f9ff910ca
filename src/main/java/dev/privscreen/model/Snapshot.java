package dev.privscreen.model;

import java.time.Instant;
import java.util.List;

/** Everything known at one moment: the input of every screen. Lists are immutable. */
public record Snapshot(
    Instant asOf,
    String category,
    List<Asset> assets,
    List<PricePoint> prices,
    List<OiPoint> openInterest,
    List<ListingEvent> listings,
    List<MetricPoint> metrics,
    List<SourceStatus> sources) {

  public static final String SCHEMA = "privscreen.snapshot/1";

  public Snapshot {
    assets = List.copyOf(assets);
    prices = List.copyOf(prices);
    openInterest = List.copyOf(openInterest);
    listings = List.copyOf(listings);
    metrics = List.copyOf(metrics);
    sources = List.copyOf(sources);
  }
}
