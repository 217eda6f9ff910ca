package dev.privscreen.model;

import java.time.LocalDate;
import java.util.Set;

/** A named per-asset daily figure (e.g. shielded_supply), shown as {@code m_<name>}. */
public record MetricPoint(String id, LocalDate date, String name, double value) {

  /** The metrics {@code fetch} brings by default (Coin Metrics, DefiLlama). */
  public static final Set<String> FETCHED =
      Set.of("active_addresses", "tx_count", "fees_usd", "tvl_usd", "long_short_ratio");

  /**
   * The venues' long/short account ratio of a day, kept as a metric so that the store keeps it day
   * by day beyond the APIs' 30 days; shown as the field {@code long_short_ratio}.
   */
  public static final String LONG_SHORT_RATIO = "long_short_ratio";

  /** The prefix of any further Coin Metrics metric a user fetches ({@code --metric}). */
  public static final String COIN_METRICS_PREFIX = "cm_";

  /**
   * Whether a metric arrives late, as fetched fundamentals do (Coin Metrics' newest day is usually
   * yesterday): its value is the newest on or before a day, not that day's only.
   */
  public static boolean lagging(String name) {
    return FETCHED.contains(name) || name.startsWith(COIN_METRICS_PREFIX);
  }
}
