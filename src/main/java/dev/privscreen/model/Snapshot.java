package dev.privscreen.model;

import java.time.Instant;
import java.util.List;

/**
 * Everything known at one moment: the input of every screen. Lists are immutable; the two long time
 * series are kept in columns ({@link #priceColumns()}, {@link #oiColumns()}).
 */
public record Snapshot(
    Instant asOf,
    String category,
    List<Asset> assets,
    List<PricePoint> prices,
    List<OiPoint> openInterest,
    List<ListingEvent> listings,
    List<MetricPoint> metrics,
    List<SourceStatus> sources,
    List<FundingPoint> funding) {

  public static final String SCHEMA = "privscreen.snapshot/1";

  /** A snapshot without funding rates. */
  public Snapshot(
      Instant asOf,
      String category,
      List<Asset> assets,
      List<PricePoint> prices,
      List<OiPoint> openInterest,
      List<ListingEvent> listings,
      List<MetricPoint> metrics,
      List<SourceStatus> sources) {
    this(asOf, category, assets, prices, openInterest, listings, metrics, sources, List.of());
  }

  public Snapshot {
    funding = List.copyOf(funding);
    assets = List.copyOf(assets);
    prices = PriceColumns.copyOf(prices);
    openInterest = OiColumns.copyOf(openInterest);
    listings = List.copyOf(listings);
    metrics = List.copyOf(metrics);
    sources = List.copyOf(sources);
  }

  /** The prices, grouped by asset and sorted by day. */
  public PriceColumns priceColumns() {
    return (PriceColumns) prices;
  }

  /** The open interest, grouped by asset and venue and sorted by day. */
  public OiColumns oiColumns() {
    return (OiColumns) openInterest;
  }
}
