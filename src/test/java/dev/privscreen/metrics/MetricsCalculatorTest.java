package dev.privscreen.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.privscreen.model.Asset;
import dev.privscreen.model.ListingEvent;
import dev.privscreen.model.ListingEvent.Action;
import dev.privscreen.model.ListingEvent.Market;
import dev.privscreen.model.MetricPoint;
import dev.privscreen.model.OiPoint;
import dev.privscreen.model.PricePoint;
import dev.privscreen.model.Snapshot;
import dev.privscreen.model.Window;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** SPEC §3 case by case, on snapshots built in memory: no files, no CLI. */
class MetricsCalculatorTest {
  static final LocalDate NOV7 = LocalDate.parse("2025-11-07");
  static final Instant AS_OF = Instant.parse("2025-11-07T00:00:00Z");

  final List<Asset> assets = new ArrayList<>();
  final List<PricePoint> prices = new ArrayList<>();
  final List<OiPoint> oi = new ArrayList<>();
  final List<ListingEvent> listings = new ArrayList<>();
  final List<MetricPoint> metrics = new ArrayList<>();

  static Asset asset(String id, Double price, Double cap, Double vol24h, Double chg7d) {
    return new Asset(
        id, id.toUpperCase(), id, price, cap, null, vol24h, 1.5, chg7d, 30.0, null, null);
  }

  void close(String id, String day, Double close, Double volume) {
    prices.add(new PricePoint(id, LocalDate.parse(day), close, volume));
  }

  void daily(String id, LocalDate from, int days, double close, double volume) {
    for (int i = 0; i < days; i++) {
      prices.add(new PricePoint(id, from.plusDays(i), close, volume));
    }
  }

  AssetMetrics metricsOf(String id, LocalDate today) {
    return metricsOf(id, today, MetricsSpec.defaults());
  }

  AssetMetrics metricsOf(String id, LocalDate today, MetricsSpec spec) {
    Snapshot s =
        new Snapshot(AS_OF, "privacy-coins", assets, prices, oi, listings, metrics, List.of());
    SnapshotIndex index = SnapshotIndex.of(s);
    return new MetricsCalculator(index, spec)
        .compute(assets.stream().filter(a -> a.id().equals(id)).findFirst().orElseThrow(), today);
  }

  @Test
  void gainIsTheChangeOfCloseOverTheWindow() {
    assets.add(asset("zcash", 532.06, 8.6e9, 1.75e10, 99.0));
    close("zcash", "2025-10-31", 280.0, null);
    close("zcash", "2025-11-07", 532.06, null);

    AssetMetrics m = metricsOf("zcash", NOV7);

    assertThat(m.gain(new Window(7))).isCloseTo((532.06 / 280 - 1) * 100, within(1e-12));
  }

  @Test
  void aMissingCloseFallsBackToTheAssetsChangeFieldForThe24h7dAnd30dWindowsOnly() {
    assets.add(asset("zcash", 532.06, 8.6e9, 1.75e10, 41.0));
    close("zcash", "2025-11-07", 532.06, null);
    MetricsSpec spec =
        new MetricsSpec(new TreeSet<>(List.of(new Window(14))), new TreeSet<>(), new Window(30));

    AssetMetrics m = metricsOf("zcash", NOV7, spec);

    assertThat(m.gain(new Window(1))).isEqualTo(1.5);
    assertThat(m.gain(new Window(7))).isEqualTo(41.0);
    assertThat(m.gain(new Window(30))).isEqualTo(30.0);
    assertThat(m.gain(new Window(14))).isNull();
  }

  @Test
  void anEarlierAsOfTakesPriceAndVolumeFromTheHistoryAndRescalesCaps() {
    assets.add(asset("zcash", 500.0, 8.0e9, 1.75e10, 41.0));
    close("zcash", "2025-11-01", 250.0, 3e9);

    AssetMetrics m = metricsOf("zcash", LocalDate.parse("2025-11-01"));

    assertThat(m.priceUsd()).isEqualTo(250.0);
    assertThat(m.marketCapUsd()).isEqualTo(4.0e9);
    assertThat(m.volume24hUsd()).isEqualTo(3e9);
    assertThat(m.gain(new Window(7))).as("no change_* fallback on an earlier day").isNull();
  }

  @Test
  void anEarlierAsOfWithoutACloseThatDayKnowsNoPriceOrCap() {
    assets.add(asset("zcash", 500.0, 8.0e9, 1.75e10, 41.0));

    AssetMetrics m = metricsOf("zcash", LocalDate.parse("2025-11-01"));

    assertThat(m.priceUsd()).isNull();
    assertThat(m.marketCapUsd()).isNull();
    assertThat(m.volume24hUsd()).isNull();
  }

  @Test
  void volumeRatioNeedsSevenOfTheThirtyDaysBefore() {
    assets.add(asset("six", 1.0, null, 300.0, null));
    assets.add(asset("seven", 1.0, null, 300.0, null));
    daily("six", NOV7.minusDays(6), 6, 1, 100);
    daily("seven", NOV7.minusDays(7), 7, 1, 100);
    // a day outside the 30-day window does not count
    close("six", "2025-10-01", 1.0, 100.0);

    assertThat(metricsOf("six", NOV7).volumeRatio30d()).isNull();
    assertThat(metricsOf("seven", NOV7).volumeRatio30d()).isEqualTo(3.0);
  }

  @Test
  void volumeRatioUsesTheMeanOfTheNonNullDaysOnly() {
    assets.add(asset("a", 1.0, null, 200.0, null));
    daily("a", NOV7.minusDays(10), 8, 1, 100);
    close("a", "2025-10-20", 1.0, null); // a null volume is skipped, not a zero
    close("a", "2025-10-21", 1.0, 300.0);

    assertThat(metricsOf("a", NOV7).volumeRatio30d()).isCloseTo(200 / (1100.0 / 9), within(1e-12));
  }

  @Test
  void volumeRatioTakesTodaysVolumeWhenThe24hFieldIsMissing() {
    assets.add(asset("a", 1.0, null, null, null));
    daily("a", NOV7.minusDays(7), 7, 1, 100);
    close("a", "2025-11-07", 1.0, 250.0);

    assertThat(metricsOf("a", NOV7).volumeRatio30d()).isEqualTo(2.5);
  }

  @Test
  void volumeRatioOverAZeroMeanIsNullNotInfinity() {
    assets.add(asset("a", 1.0, null, 5.0, null));
    daily("a", NOV7.minusDays(7), 7, 1, 0);

    assertThat(metricsOf("a", NOV7).volumeRatio30d()).isNull();
  }

  @Test
  void openInterestSumsTheVenuesAndLooksBackOverTheDaysBeforeToday() {
    assets.add(asset("zcash", 1.0, null, null, null));
    for (int i = 1; i <= 10; i++) {
      oi.add(new OiPoint("zcash", "binance", NOV7.minusDays(i), 100.0 + i));
    }
    oi.add(new OiPoint("zcash", "okx", NOV7.minusDays(3), 50.0));
    oi.add(new OiPoint("zcash", "bybit", NOV7.minusDays(4), null)); // a null is no reading
    oi.add(new OiPoint("zcash", "binance", NOV7, 300.0));
    oi.add(new OiPoint("zcash", "okx", NOV7, 20.0));

    AssetMetrics m = metricsOf("zcash", NOV7);

    assertThat(m.oiUsd()).isEqualTo(320.0);
    assertThat(m.oiPrevHighUsd()).isEqualTo(153.0); // 3 days before: 103 + 50
    assertThat(m.oiDaysInLookback()).isEqualTo(10);
    assertThat(m.oiChange(new Window(7))).isCloseTo((320 / 107.0 - 1) * 100, within(1e-12));
  }

  @Test
  void openInterestSumsTheSameWhenAnAssetsDaysLieYearsApart() {
    // Days decades apart are summed by sorting rather than in an array indexed by day.
    assets.add(asset("zcash", 1.0, null, null, null));
    oi.add(new OiPoint("zcash", "okx", NOV7, 20.0));
    oi.add(new OiPoint("zcash", "binance", NOV7.minusYears(30), 7.0));
    oi.add(new OiPoint("zcash", "binance", NOV7.minusDays(2), 100.0));
    oi.add(new OiPoint("zcash", "okx", NOV7.minusDays(2), 5.0));
    oi.add(new OiPoint("zcash", "binance", NOV7, 300.0));

    AssetMetrics now = metricsOf("zcash", NOV7);
    AssetMetrics then = metricsOf("zcash", NOV7.minusYears(30));

    assertThat(now.oiUsd()).isEqualTo(320.0);
    assertThat(now.oiPrevHighUsd()).isEqualTo(105.0);
    assertThat(now.oiDaysInLookback()).isEqualTo(1);
    assertThat(then.oiUsd()).isEqualTo(7.0);
  }

  @Test
  void openInterestIsNullWhereNoVenueHasARow() {
    assets.add(asset("zcash", 1.0, null, null, null));
    oi.add(new OiPoint("zcash", "binance", NOV7.minusDays(1), 100.0));

    AssetMetrics m = metricsOf("zcash", NOV7);

    assertThat(m.oiUsd()).isNull();
    assertThat(m.oiChange(new Window(7))).isNull();
    assertThat(m.oiPrevHighUsd()).isEqualTo(100.0);
    assertThat(m.oiDaysInLookback()).isEqualTo(1);
  }

  @Test
  void theOiLookbackIsConfigurable() {
    assets.add(asset("zcash", 1.0, null, null, null));
    oi.add(new OiPoint("zcash", "binance", NOV7.minusDays(20), 900.0));
    oi.add(new OiPoint("zcash", "binance", NOV7.minusDays(2), 100.0));
    MetricsSpec tenDays = new MetricsSpec(new TreeSet<>(), new TreeSet<>(), new Window(10));

    assertThat(metricsOf("zcash", NOV7).oiPrevHighUsd()).isEqualTo(900.0);
    assertThat(metricsOf("zcash", NOV7, tenDays).oiPrevHighUsd()).isEqualTo(100.0);
  }

  @Test
  void listingsAreThoseUpToTheEndOfTodayNewestFirst() {
    assets.add(asset("dash", 1.0, null, null, null));
    listings.add(ev("dash", "binance", "2025-11-03T08:00:00Z"));
    listings.add(ev("dash", "okx", "2025-11-08T00:00:00Z")); // end of today: included
    listings.add(ev("dash", "bitget", "2025-11-08T00:00:01Z")); // tomorrow: not yet
    listings.add(ev("dash", "bybit", "2023-03-02T08:00:00Z"));

    List<ListingEvent> l = metricsOf("dash", NOV7).listings();

    assertThat(l).extracting(ListingEvent::venue).containsExactly("okx", "binance", "bybit");
  }

  @Test
  void aMetricIsItsValueOnToday() {
    assets.add(asset("zcash", 1.0, null, null, null));
    assets.add(asset("dash", 1.0, null, null, null));
    metrics.add(new MetricPoint("zcash", NOV7, "shielded_supply", 4.9e6));
    metrics.add(new MetricPoint("zcash", NOV7.minusDays(1), "shielded_supply", 4.8e6));

    assertThat(metricsOf("zcash", NOV7).metrics()).containsEntry("shielded_supply", 4.9e6);
    assertThat(metricsOf("zcash", NOV7.minusDays(1)).metrics())
        .containsEntry("shielded_supply", 4.8e6);
    assertThat(metricsOf("dash", NOV7).metrics()).containsEntry("shielded_supply", null);
  }

  @Test
  void rowsOfUnknownIdsAreIgnoredAndCounted() {
    assets.add(asset("zcash", 1.0, null, null, null));
    close("ghost", "2025-11-07", 1.0, 1.0);
    oi.add(new OiPoint("ghost", "binance", NOV7, 1.0));

    SnapshotIndex index =
        SnapshotIndex.of(
            new Snapshot(AS_OF, null, assets, prices, oi, listings, metrics, List.of()));

    assertThat(index.ignoredRows()).isEqualTo(2);
    assertThat(index.unknownIds()).containsExactly("ghost");
  }

  static ListingEvent ev(String id, String venue, String at) {
    return new ListingEvent(
        id, venue, Market.PERP, id.toUpperCase() + "USDT", Instant.parse(at), Action.LIST);
  }
}
