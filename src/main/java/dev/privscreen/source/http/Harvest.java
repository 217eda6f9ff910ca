package dev.privscreen.source.http;

import dev.privscreen.model.Asset;
import dev.privscreen.model.FundingPoint;
import dev.privscreen.model.ListingEvent;
import dev.privscreen.model.OiPoint;
import dev.privscreen.model.PricePoint;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * What the sources bring in, gathered concurrently: assets and daily prices (CoinGecko), open
 * interest in USD, open interest in base coin still to be priced (Bybit, Bitget), listings,
 * funding.
 */
public final class Harvest {
  final Map<String, Asset> assets = new ConcurrentHashMap<>();
  final Map<String, Map<LocalDate, PricePoint>> prices = new ConcurrentHashMap<>();
  final List<OiPoint> oiUsd = new CopyOnWriteArrayList<>();

  /** Current readings in USD, dated today with their instant: they win over today's daily row. */
  final List<OiPoint> oiNow = new CopyOnWriteArrayList<>();

  final List<BaseOi> oiBase = new CopyOnWriteArrayList<>();
  final List<ListingEvent> listings = new CopyOnWriteArrayList<>();

  /** Daily fundamentals: Coin Metrics' asset metrics, DefiLlama's chain TVL. */
  final List<dev.privscreen.model.MetricPoint> metrics = new CopyOnWriteArrayList<>();

  /** Each venue's daily long/short account ratio, combined into one per asset and day later. */
  final List<VenueRatio> longShort = new CopyOnWriteArrayList<>();

  /** Funding rates: each venue's current period and its settled history. */
  final List<FundingPoint> funding = new CopyOnWriteArrayList<>();

  /**
   * Open interest in base coin, priced at assembly: at the day's close (Bybit's history) or, for a
   * current reading ({@code at} not null: Bitget), at the current price.
   */
  record VenueRatio(String id, String venue, LocalDate date, double ratio) {}

  record BaseOi(String id, String venue, LocalDate date, double coins, java.time.Instant at) {}
}
