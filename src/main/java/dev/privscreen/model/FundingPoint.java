package dev.privscreen.model;

import java.time.Instant;

/**
 * A perpetual's funding rate on one venue: the rate that settles at {@code fundingTime}, as a
 * fraction of the position (0.0001 is 0.01%), paid by longs when positive. A settled rate has its
 * time in the past; the current period's, in the future.
 *
 * @param intervalHours how often the venue settles this perpetual (8, 4 or 1)
 */
public record FundingPoint(
    String id, String venue, Instant fundingTime, double rate, int intervalHours) {

  /** The rate per 8 hours, as a percent: venues that settle every 4 or 1 hours are scaled up. */
  public double per8hPct() {
    return rate * (8.0 / intervalHours) * 100;
  }
}
