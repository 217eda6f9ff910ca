package dev.privscreen.model;

import java.time.Instant;
import java.time.LocalDate;

/**
 * Open interest of one asset on one venue and UTC day, one-sided, in USD (SPEC §3): the reading
 * that describes 00:00 UTC of that day, or for the day of a fetch the latest reading.
 *
 * @param at the instant of the reading when it is not the day's 00:00 UTC (a current reading); null
 *     for a reading of 00:00 UTC
 */
public record OiPoint(String id, String venue, LocalDate date, Double oiUsd, Instant at) {
  /** A reading of the day's 00:00 UTC. */
  public OiPoint(String id, String venue, LocalDate date, Double oiUsd) {
    this(id, venue, date, oiUsd, null);
  }

  /** The instant the value describes: {@link #at}, else the day's 00:00 UTC. */
  public Instant instant() {
    return at != null ? at : date.atStartOfDay(java.time.ZoneOffset.UTC).toInstant();
  }
}
