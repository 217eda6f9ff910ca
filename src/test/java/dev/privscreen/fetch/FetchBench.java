package dev.privscreen.fetch;

import static org.assertj.core.api.Assertions.assertThat;

import dev.privscreen.CliDriver;
import dev.privscreen.CliDriver.Result;
import dev.privscreen.fetch.FakeApis.Coin;
import dev.privscreen.universe.Member;
import dev.privscreen.universe.Universe;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

/**
 * The fetch benchmark (run by src/bench/fetch.sh, never by the test suite): a full fetch of the
 * built-in universe from loopback APIs that add 100 ms to every answer, against the ideal time the
 * rate limits and the call graph allow, computed for the same settings.
 */
@EnabledIfSystemProperty(named = "bench", matches = "true")
class FetchBench {
  @TempDir Path home;

  static final long LATENCY_MS = 100;

  /** Pro-plan CoinGecko and the exchanges' documented defaults, calls a minute. */
  static final Map<String, Double> RATES =
      Map.of(
          "coingecko",
          500.0,
          "binance",
          200.0,
          "okx",
          300.0,
          "bybit",
          600.0,
          "bitget",
          600.0,
          "coinmetrics",
          90.0,
          "defillama",
          120.0);

  /**
   * The earliest a source can finish: stages run one after the other (a stage needs the one before
   * it), calls within a stage are spaced by the rate limit, each answer takes the latency.
   */
  static double ideal(double perMinute, int... stages) {
    double interval = 60.0 / perMinute;
    double ready = 0;
    double lastSlot = -interval;
    for (int k : stages) {
      double first = Math.max(ready, lastSlot + interval);
      lastSlot = first + (k - 1) * interval;
      ready = lastSlot + LATENCY_MS / 1000.0;
    }
    return ready;
  }

  @Test
  void fullFetchAgainstTheIdeal() throws Exception {
    List<Coin> coins = new ArrayList<>();
    for (Member m : Universe.builtin().members()) {
      if (m.pins().isEmpty()) { // members pinned off the exchanges are not listed there
        coins.add(new Coin(m.id(), m.symbol(), m.name(), 10, 0.01, 1e6, 1e6));
      }
    }
    int n = coins.size();
    Map<String, Double> ideal = new LinkedHashMap<>();
    ideal.put("coingecko", ideal(RATES.get("coingecko"), 1, 1, n));
    // per member: binance, okx and bybit a daily OI history, a current reading and the long/short
    // account ratio, bitget one OI call; every venue a funding history and, but for Binance
    // (premiumIndex answers for every contract, beside exchangeInfo and fundingInfo) and Bybit
    // (its tickers carry it), the current funding rate; Coin Metrics one call, DefiLlama two
    ideal.put("binance", ideal(RATES.get("binance"), 3, 4 * n));
    ideal.put("okx", ideal(RATES.get("okx"), 2, 5 * n));
    ideal.put("bybit", ideal(RATES.get("bybit"), 1, 1, 4 * n));
    ideal.put("bitget", ideal(RATES.get("bitget"), 1, 3 * n));
    ideal.put("coinmetrics", ideal(RATES.get("coinmetrics"), 1));
    ideal.put("defillama", ideal(RATES.get("defillama"), 1));
    double idealAll = ideal.values().stream().mapToDouble(Double::doubleValue).max().orElseThrow();

    try (FakeApis apis = new FakeApis(coins)) {
      apis.latencyMillis = LATENCY_MS;
      List<String> args = new ArrayList<>(List.of("fetch", "--refresh"));
      args.addAll(apis.endpointFlags());
      RATES.forEach((s, r) -> args.addAll(List.of("--rate-limit", s + "=" + r)));
      long t0 = System.nanoTime();
      Result r =
          new CliDriver().env("PRIVSCREEN_HOME", home.toString()).run(args.toArray(String[]::new));
      double wall = (System.nanoTime() - t0) / 1e9;
      assertThat(r.exitCode()).as(r.toString()).isZero();

      System.out.printf(
          Locale.ROOT,
          "fetch benchmark: %d assets, %d calls, latency %d ms, rates %s%n",
          n,
          apis.requests.size(),
          LATENCY_MS,
          RATES);
      ideal.forEach((s, t) -> System.out.printf(Locale.ROOT, "  ideal %-9s %6.2f s%n", s, t));
      System.out.printf(Locale.ROOT, "ideal (the slowest source): %.2f s%n", idealAll);
      System.out.printf(Locale.ROOT, "measured wall time:         %.2f s%n", wall);
      System.out.printf(
          Locale.ROOT,
          "ratio:                      %.2fx ideal (goal <= 1.25x)%n",
          wall / idealAll);
      System.out.print(r.stderr());
    }
  }
}
