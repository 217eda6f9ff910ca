package dev.privscreen.metrics;

import dev.privscreen.model.ListingEvent;
import dev.privscreen.model.PriceColumns;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The time series of one asset, for the look-ups of SPEC §3 by UTC day. Prices are read in place
 * from the snapshot's columns; oi(d) is summed over venues once, when the index is built.
 */
final class AssetHistory {
  private static final int[] NO_DAYS = new int[0];

  private final PriceColumns prices;

  /** The asset's code in {@link #prices}, or -1 when it has no price rows. */
  private int priceCode = -1;

  /** oi(d) as sorted days and their sums, shared by all assets: this one's are [oiFrom, oiTo). */
  private int[] oiDays = NO_DAYS;

  private double[] oiSums;
  private int oiFrom;
  private int oiTo;

  /** epoch day → the oldest reading instant (epoch second) of days read later than 00:00 UTC. */
  private Map<Integer, Long> oiReadAt = Map.of();

  /** metric name → day → value. */
  final Map<String, java.util.NavigableMap<LocalDate, Double>> metrics = new HashMap<>();

  final List<ListingEvent> listings = new ArrayList<>();

  /** venue → its funding rates, sorted by funding time. */
  final Map<String, List<dev.privscreen.model.FundingPoint>> funding = new HashMap<>();

  /** venue → epoch day → that venue's OI in USD: the weights of its funding rates. */
  final Map<String, Map<Integer, Double>> oiByVenue = new HashMap<>();

  /** Each venue's OI on a day (the funding weights), null where none. */
  Map<String, Double> oiByVenueOn(int day) {
    Map<String, Double> out = new HashMap<>();
    oiByVenue.forEach((venue, days) -> out.put(venue, days.get(day)));
    return out;
  }

  AssetHistory(PriceColumns prices) {
    this.prices = prices;
  }

  void pricesAt(int code) {
    this.priceCode = code;
  }

  void oiAt(int[] days, double[] sums, int from, int to) {
    this.oiDays = days;
    this.oiSums = sums;
    this.oiFrom = from;
    this.oiTo = to;
  }

  void oiReadAt(Map<Integer, Long> instants) {
    this.oiReadAt = instants;
  }

  /**
   * The instant oi(d) describes: the oldest of its venues' readings (SPEC §3: a day's value is of
   * its 00:00 UTC, today's the latest reading); null when oi(d) is.
   */
  java.time.Instant oiAsOf(LocalDate d) {
    if (oi(d) == null) {
      return null;
    }
    Long at = oiReadAt.get((int) d.toEpochDay());
    return at != null
        ? java.time.Instant.ofEpochSecond(at)
        : d.atStartOfDay(java.time.ZoneOffset.UTC).toInstant();
  }

  /** oi(d): the sum over venues; null when no venue has a value that day. */
  Double oi(LocalDate d) {
    int i = java.util.Arrays.binarySearch(oiDays, oiFrom, oiTo, (int) d.toEpochDay());
    return i < 0 ? null : oiSums[i];
  }

  /**
   * Writes the closes and volumes of days {@code lo} … {@code lo + close.length − 1} into the
   * arrays (NaN where there is none), in one pass over the asset's rows in that span; either array
   * may be null, when only the other is wanted.
   */
  void fillPrices(int lo, double[] close, double[] volume) {
    if (close != null) {
      java.util.Arrays.fill(close, Double.NaN);
    }
    if (volume != null) {
      java.util.Arrays.fill(volume, Double.NaN);
    }
    if (priceCode < 0) {
      return;
    }
    int hi = lo + (close != null ? close.length : volume.length) - 1;
    for (int row = firstPriceRow(lo); row < prices.to(priceCode) && prices.day(row) <= hi; row++) {
      int k = prices.day(row) - lo;
      if (close != null) { // a repeated day (kept by a merge): the later row, as find
        close[k] = prices.close(row);
      }
      if (volume != null) {
        volume[k] = prices.volume(row);
      }
    }
  }

  /**
   * The asset's first price row of day {@code lo} or later (its rows' end when none); has prices.
   */
  private int firstPriceRow(int lo) {
    int a = prices.from(priceCode);
    int b = prices.to(priceCode);
    while (a < b) {
      int mid = (a + b) >>> 1;
      if (prices.day(mid) < lo) {
        a = mid + 1;
      } else {
        b = mid;
      }
    }
    return a;
  }

  /** The day of the asset's first price on or after {@code lo}; null when it has none. */
  LocalDate firstPriceFrom(int lo) {
    if (priceCode < 0) {
      return null;
    }
    int row = firstPriceRow(lo);
    return row < prices.to(priceCode) ? LocalDate.ofEpochDay(prices.day(row)) : null;
  }

  /** Writes oi(d) of days {@code lo} … into the array (NaN where null); returns how many. */
  int fillOi(int lo, double[] oi) {
    java.util.Arrays.fill(oi, Double.NaN);
    int hi = lo + oi.length - 1;
    int i = java.util.Arrays.binarySearch(oiDays, oiFrom, oiTo, lo);
    int n = 0;
    for (i = i < 0 ? -i - 1 : i; i < oiTo && oiDays[i] <= hi; i++, n++) {
      oi[oiDays[i] - lo] = oiSums[i];
    }
    return n;
  }

  /** The listing events, newest first (ties by venue, then pair), sorted once. */
  List<ListingEvent> listingsNewestFirst() {
    if (sortedListings == null) {
      List<ListingEvent> out = new ArrayList<>(listings);
      // One lambda of ours, not Comparator.comparing(...).thenComparing(...): the JDK's
      // combinators are serializable lambdas, which no AOT cache holds, so each was spun at
      // every start (issue 22).
      out.sort(
          (a, b) -> {
            int c = b.listedAt().compareTo(a.listedAt());
            if (c == 0) {
              c = a.venue().compareTo(b.venue());
            }
            return c != 0 ? c : a.pairOrEmpty().compareTo(b.pairOrEmpty());
          });
      sortedListings = List.copyOf(out);
    }
    return sortedListings;
  }

  private List<ListingEvent> sortedListings;
}
