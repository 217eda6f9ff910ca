package dev.privscreen.metrics;

import dev.privscreen.model.FundingPoint;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The funding figures of one asset at an instant, each venue's weighted by its open interest in USD
 * that day (a venue with no OI that day weighs nothing; with no OI on any venue, the venues count
 * alike):
 *
 * <ul>
 *   <li>{@code funding_rate_pct}: the rate of the period the instant is in (the first settlement
 *       after it, within the venue's interval), per 8 hours, as a percent;
 *   <li>{@code funding_7d_pct}: what a long paid over the 7 days up to the instant, the rates
 *       settled in them summed (as paid, not scaled), as a percent.
 * </ul>
 */
final class Funding {
  private Funding() {}

  static final Duration WEEK = Duration.ofDays(7);

  /**
   * @param byVenue each venue's rates, sorted by funding time
   * @param oiUsd each venue's open interest that day (null where none)
   */
  static Double ratePct(
      Map<String, List<FundingPoint>> byVenue, Map<String, Double> oiUsd, Instant t) {
    return weighted(venueRates(byVenue, t), oiUsd);
  }

  /**
   * Each venue's rate of the period {@code t} is in, per 8 hours, as a percent, by venue name;
   * venues without one are absent.
   *
   * @param byVenue each venue's rates, sorted by funding time
   */
  static Map<String, Double> venueRates(Map<String, List<FundingPoint>> byVenue, Instant t) {
    Map<String, Double> rates = new TreeMap<>();
    byVenue.forEach(
        (venue, rows) -> {
          FundingPoint p = firstAfter(rows, t);
          if (p != null && !p.fundingTime().isAfter(t.plus(Duration.ofHours(p.intervalHours())))) {
            rates.put(venue, p.per8hPct());
          }
        });
    return rates;
  }

  static Double paid7dPct(
      Map<String, List<FundingPoint>> byVenue, Map<String, Double> oiUsd, Instant t) {
    Instant from = t.minus(WEEK);
    Map<String, Double> paid = new HashMap<>();
    byVenue.forEach(
        (venue, rows) -> {
          double sum = 0;
          boolean any = false;
          // from the first settlement in the week: a year of rows is not walked for each day
          for (int i = firstAfterIndex(rows, from); i < rows.size(); i++) {
            FundingPoint p = rows.get(i);
            if (p.fundingTime().isAfter(t)) {
              break;
            }
            sum += p.rate() * 100;
            any = true;
          }
          if (any) {
            paid.put(venue, sum);
          }
        });
    return weighted(paid, oiUsd);
  }

  /** The first rate settling after {@code t}: the one of the period {@code t} is in. */
  private static FundingPoint firstAfter(List<FundingPoint> rows, Instant t) {
    int i = firstAfterIndex(rows, t);
    return i < rows.size() ? rows.get(i) : null;
  }

  /** The index of the first rate settling after {@code t}; the size when there is none. */
  private static int firstAfterIndex(List<FundingPoint> rows, Instant t) {
    int lo = 0;
    int hi = rows.size();
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (rows.get(mid).fundingTime().isAfter(t)) {
        hi = mid;
      } else {
        lo = mid + 1;
      }
    }
    return lo;
  }

  static Double weighted(Map<String, Double> byVenue, Map<String, Double> oiUsd) {
    if (byVenue.isEmpty()) {
      return null;
    }
    double sum = 0;
    double weights = 0;
    for (Map.Entry<String, Double> e : byVenue.entrySet()) {
      Double w = oiUsd.get(e.getKey());
      if (w != null && w > 0) {
        sum += w * e.getValue();
        weights += w;
      }
    }
    if (weights > 0) {
      return sum / weights;
    }
    double plain = 0;
    for (double v : byVenue.values()) {
      plain += v;
    }
    return plain / byVenue.size();
  }
}
