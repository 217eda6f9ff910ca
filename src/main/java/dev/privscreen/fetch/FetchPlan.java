package dev.privscreen.fetch;

import dev.privscreen.source.http.Endpoints;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Everything one live fetch needs, checked and resolved (command line over environment over config
 * file over defaults) before anything is called.
 *
 * @param rates calls a minute per source
 * @param apiKey the CoinGecko key, or null; sent only to CoinGecko, redacted everywhere
 * @param proPlan whether the key is a pro key (its header and base URL)
 * @param timeout one whole exchange, connect to last byte
 * @param maxTime the whole fetch, lock wait excluded
 * @param universe the user's universe file (may not exist)
 * @param backoff the first retry's wait
 * @param coinMetrics the Coin Metrics metrics to fetch (the defaults, then {@code --metric}'s)
 * @param clock what "now" is: the system's, or a fixed instant for tests
 */
public record FetchPlan(
    List<String> sources,
    int days,
    String category,
    Endpoints endpoints,
    Map<String, Double> rates,
    String apiKey,
    boolean proPlan,
    Duration timeout,
    Duration maxTime,
    Duration maxWait,
    Duration lockWait,
    boolean offline,
    boolean refresh,
    Path universe,
    List<String> coinMetrics,
    long maxBodyBytes,
    Duration backoff,
    java.time.Clock clock) {

  /** Documented public limits, in calls a minute, kept below the published figures. */
  public static final Map<String, Double> DEFAULT_RATES =
      Map.of(
          "coingecko", 10.0, // keyless; a demo key allows 30, pro 500
          "binance", 200.0, // openInterestHist: 1000 per 5 minutes
          "okx",
              300.0, // open-interest-history 10 per 2 s, open-interest 20 per 2 s (per instrument)
          "bybit", 600.0,
          "bitget", 600.0,
          "coinmetrics", 90.0, // community: 10 per 6 s per IP
          "defillama", 120.0); // no published figure for the free API: kept polite

  /** Never prints the key. */
  @Override
  public String toString() {
    return "FetchPlan["
        + sources
        + ", "
        + days
        + " days"
        + (apiKey == null ? "" : ", key ***")
        + "]";
  }
}
