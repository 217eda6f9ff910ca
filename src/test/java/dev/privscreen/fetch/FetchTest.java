package dev.privscreen.fetch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import dev.privscreen.CliDriver;
import dev.privscreen.CliDriver.Result;
import dev.privscreen.fetch.FakeApis.Reply;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code fetch} against the five APIs served on 127.0.0.1 in their real shapes, then {@code screen}
 * on what was stored: the figures must be those served.
 */
class FetchTest {
  @TempDir Path home;
  FakeApis apis;

  @BeforeEach
  void start() throws IOException {
    apis = new FakeApis();
  }

  @AfterEach
  void stop() {
    apis.close();
  }

  CliDriver cli() {
    return CliDriver.at(home);
  }

  Result fetch(CliDriver cli, String... extra) {
    return cli.run(apis.fetchArgs(extra));
  }

  Result fetch(String... extra) {
    return fetch(cli(), extra);
  }

  Path onlySnapshot() throws IOException {
    List<Path> files = CliDriver.storedSnapshots(home);
    assertThat(files).hasSize(1);
    return files.get(0);
  }

  /** Whether each of a history's pages asks for rows older than the last: all but the first. */
  static List<Boolean> olderPages(int pages) {
    List<Boolean> older = new java.util.ArrayList<>();
    for (int i = 0; i < pages; i++) {
      older.add(i > 0);
    }
    return older;
  }

  @Test
  void aFullFetchStoresWhatTheApisServedAndScreensIt() throws IOException {
    Result f = fetch();

    assertThat(f.exitCode()).as(f.toString()).isZero();
    // it prints the fetch's id, for --snapshot ID
    assertThat(home.resolve("exported/" + f.stdout().strip() + ".json")).isEqualTo(onlySnapshot());
    assertThat(f.stderr())
        .contains("coingecko: ok (5 calls; 3 assets, 93 daily prices)")
        // per perpetual a daily OI history, a current OI reading (Bitget's one call is both,
        // Bybit's tickers carry funding too), the current funding rate (Binance's premiumIndex
        // answers for every contract at once) and the funding history: OKX's DASH settles every
        // hour, so its 100-row pages take two or three to reach 8 days back, by the hour of the
        // day; Bitget's SCRT every 2 hours, one or two; and the long/short account ratio where it
        // is public (Binance, OKX, Bybit)
        .contains("binance: ok (11 calls; 2 perpetuals)")
        .contains("okx: ok (" + (11 + FakeApis.historyPages(1)) + " calls; 2 swaps)")
        .contains("bybit: ok (6 calls; 1 perpetuals)")
        .contains("bitget: ok (" + (6 + FakeApis.historyPages(2)) + " calls; 2 perpetuals)");

    Result s =
        cli().run("screen", "--json", "--oi-breakout", "--listed-within", "7d", "--match", "any");
    assertThat(s.exitCode()).as(s.toString()).isZero();
    Map<String, JsonNode> by = s.bySymbol();
    JsonNode zec = by.get("ZEC");
    assertThat(zec.get("price_usd").asDouble()).isEqualTo(532.06);
    assertThat(zec.get("market_cap_usd").asDouble()).isCloseTo(532.06 * 16.3e6, within(1.0));
    assertThat(zec.get("gain_7d_pct").asDouble())
        .isCloseTo((Math.pow(1.05, 7) - 1) * 100, within(1e-6));
    assertThat(zec.get("volume_ratio_30d").asDouble()).isCloseTo(2.0, within(1e-9));
    // Binance USD + OKX USD + Bybit one-sided coins x close + Bitget coins x current price
    double oi = 812e6 + 200e6 + 200_000 * 532.06 + 10_000 * 532.06;
    assertThat(zec.get("oi_usd").asDouble()).isCloseTo(oi, within(1e-3));
    assertThat(zec.get("signals").toString()).isEqualTo("[\"oi_breakout\"]");
    assertThat(by.get("DASH").get("gain_7d_pct").asDouble())
        .isCloseTo((Math.pow(1.1, 7) - 1) * 100, within(1e-6));
    assertThat(by.get("DASH").get("oi_usd").asDouble()).isCloseTo(70e6, within(1e-3));
    assertThat(by.get("DASH").get("signals").toString()).isEqualTo("[\"listing\"]");
    assertThat(by.get("SCRT").get("oi_usd").asDouble()).isCloseTo(310_000, within(1e-6));
    assertThat(by.get("SCRT").get("signals").toString()).isEqualTo("[\"listing\"]");
    // an announced (preopen) OKX listing is not an event yet; Bitget's empty launchTime neither
    Result events =
        cli()
            .run(
                "events",
                "--within",
                "10000d",
                "--format",
                "csv",
                "--fields",
                "symbol,venue,market,pair");
    assertThat(events.stdout())
        .contains(
            "SCRT,okx,spot,SCRT-USDT", "SCRT,bitget,perp,SCRTUSDT", "DASH,binance,perp,DASHUSDT")
        .contains("ZEC,bybit,perp,ZECUSDT")
        .doesNotContain("SCRT-USDT-SWAP")
        .doesNotContain("ZEC,bitget");
  }

  @Test
  void fundingIsNormalisedTo8HoursAndWeightedByEachVenuesOpenInterest() {
    Result f = fetch();
    assertThat(f.exitCode()).as(f.toString()).isZero();

    Result s =
        cli()
            .run(
                "screen",
                "--json",
                "--fields",
                "symbol,funding_rate_pct,funding_7d_pct,funding_by_venue");
    assertThat(s.exitCode()).as(s.toString()).isZero();
    Map<String, JsonNode> by = s.bySymbol();
    // ZEC: four venues settling every 8 hours, weighted by today's OI in USD
    double[] oi = {812e6, 200e6, 200_000 * 532.06, 10_000 * 532.06};
    double[] pct = {0.01, 0.02, 0.03, -0.01};
    double sum = 0;
    double weights = 0;
    for (int i = 0; i < oi.length; i++) {
      sum += oi[i] * pct[i];
      weights += oi[i];
    }
    JsonNode zec = by.get("ZEC");
    assertThat(zec.get("funding_rate_pct").asDouble()).isCloseTo(sum / weights, within(1e-9));
    // 21 settlements of 0.01% in any 7 days, on every venue
    assertThat(zec.get("funding_7d_pct").asDouble()).isCloseTo(0.21, within(1e-9));
    assertThat(zec.get("funding_by_venue").toString())
        .isEqualTo("{\"binance\":0.01,\"bitget\":-0.01,\"bybit\":0.03,\"okx\":0.02}");
    // DASH: Binance -0.02% every 4 h (-0.04% per 8 h, OI 50M), OKX 0.005% every hour (0.04% per
    // 8 h, OI 20M), OKX's hourly history read over three pages
    JsonNode dash = by.get("DASH");
    assertThat(dash.get("funding_rate_pct").asDouble())
        .isCloseTo((-0.04 * 50 + 0.04 * 20) / 70, within(1e-9));
    assertThat(dash.get("funding_7d_pct").asDouble())
        .isCloseTo((-42 * 0.02 * 50 + 168 * 0.005 * 20) / 70, within(1e-9));
    // SCRT: Bitget alone, 0.04% every 2 hours, its history over two pages
    assertThat(by.get("SCRT").get("funding_rate_pct").asDouble()).isCloseTo(0.16, within(1e-9));
    assertThat(by.get("SCRT").get("funding_7d_pct").asDouble()).isCloseTo(84 * 0.04, within(1e-9));
    // the chart's funding panel: the same figure on the last day, a line around zero
    Result chart = cli().run("chart", "zcash", "--days", "10", "--json");
    assertThat(chart.exitCode()).as(chart.toString()).isZero();
    JsonNode days = chart.json().get("assets").get(0).get("series");
    assertThat(days.get(days.size() - 1).get("funding_rate_pct").asDouble())
        .isCloseTo(sum / weights, within(1e-9));
    assertThat(chart.json().get("panels").toString()).contains("\"funding\"");
    Result drawn = cli().run("chart", "zcash", "--days", "10", "--panels", "price,funding");
    assertThat(drawn.stdout()).contains("+0.0").contains("funding 0: above it longs pay shorts");
    // the sector: each asset's rate weighted by its OI in USD
    Result sector = cli().run("sector", "--json");
    assertThat(sector.exitCode()).as(sector.toString()).isZero();
    double zecOi = weights;
    double[][] assets = { // oi, rate, 7d
      {zecOi, sum / weights, 0.21},
      {70e6, (-0.04 * 50 + 0.04 * 20) / 70, (-42 * 0.02 * 50 + 168 * 0.005 * 20) / 70},
      {310_000, 0.16, 84 * 0.04}
    };
    double rate = 0;
    double paid = 0;
    double all = 0;
    for (double[] a : assets) {
      rate += a[0] * a[1];
      paid += a[0] * a[2];
      all += a[0];
    }
    assertThat(sector.json().get("funding_rate_pct").asDouble())
        .isCloseTo(rate / all, within(1e-9));
    assertThat(sector.json().get("funding_7d_pct").asDouble()).isCloseTo(paid / all, within(1e-9));
    assertThat(apis.requests)
        .filteredOn(r -> r.path().endsWith("/funding-rate-history") && r.query().contains("DASH"))
        .extracting(r -> r.query().contains("after="))
        .containsExactlyElementsOf(olderPages(FakeApis.historyPages(1)));
  }

  @Test
  void theLongShortRatioIsTheVenuesWeightedByOpenInterestOfItsNewestDay() {
    Result f = fetch();
    assertThat(f.exitCode()).as(f.toString()).isZero();

    Result s = cli().run("screen", "--json", "--fields", "symbol,long_short_ratio,metrics_as_of");
    Map<String, JsonNode> by = s.bySymbol();
    java.time.LocalDate yesterday = FakeApis.LAST.minusDays(1);
    // yesterday's rows (the newest): Binance 2.0 (OI 680M), OKX 1.0 (200M), Bybit 0.6/0.4
    // (200,000 coins at yesterday's close)
    double bybitOi = 200_000 * 532.06 / 1.05;
    double expected = (680e6 * 2.0 + 200e6 * 1.0 + bybitOi * 1.5) / (680e6 + 200e6 + bybitOi);
    assertThat(by.get("ZEC").get("long_short_ratio").asDouble()).isCloseTo(expected, within(1e-9));
    assertThat(by.get("ZEC").get("metrics_as_of").get("long_short_ratio").asText())
        .isEqualTo(yesterday.toString());
    // DASH: Binance alone (OKX answered []), SCRT: no venue publishes it
    assertThat(by.get("DASH").get("long_short_ratio").asDouble()).isEqualTo(0.5);
    assertThat(by.get("SCRT").get("long_short_ratio").isNull()).isTrue();
    // usable in --where and --sort like any ratio
    Result w =
        cli()
            .run(
                "screen",
                "--where",
                "long_short_ratio > 1",
                "--format",
                "csv",
                "--fields",
                "symbol");
    assertThat(w.stdout().lines()).containsExactly("symbol", "ZEC");
  }

  @Test
  void fetchedFundamentalsAreTheNewestDayOnOrBeforeTodayAndSaySo() {
    Result f = fetch("--metric", "CapMrktCurUSD");
    assertThat(f.exitCode()).as(f.toString()).isZero();
    assertThat(f.stderr())
        .contains("coinmetrics: ok (2 calls; 2 assets)")
        .contains("defillama: ok (2 calls; 1 chains)");

    Result s = cli().run("screen", "--json");
    assertThat(s.exitCode()).as(s.toString()).isZero();
    Map<String, JsonNode> by = s.bySymbol();
    java.time.LocalDate yesterday = FakeApis.LAST.minusDays(1);
    JsonNode zec = by.get("ZEC");
    // Coin Metrics' newest day is yesterday: that is the value, and the JSON says so
    assertThat(zec.get("m_active_addresses").asDouble())
        .isEqualTo(FakeApis.activeAddresses("zec", yesterday));
    assertThat(zec.get("metrics_as_of").get("active_addresses").asText())
        .isEqualTo(yesterday.toString());
    assertThat(zec.get("m_active_addresses_chg_7d_pct").asDouble())
        .isCloseTo(
            (FakeApis.activeAddresses("zec", yesterday)
                        / FakeApis.activeAddresses("zec", yesterday.minusDays(7))
                    - 1)
                * 100,
            within(1e-9));
    // 30 days before yesterday is before the first day served: null, not a guess
    assertThat(zec.get("m_active_addresses_chg_30d_pct").isNull()).isTrue();
    assertThat(zec.get("m_tx_count").asDouble()).isEqualTo(5001);
    assertThat(zec.get("m_fees_usd").asDouble()).isEqualTo(1234.5);
    assertThat(zec.get("m_cm_cap_mrkt_cur_usd").asDouble()).isEqualTo(8600000000.5);
    assertThat(zec.get("m_tvl_usd").isNull()).isTrue(); // not a chain with DeFi
    // DASH came on the second page
    assertThat(by.get("DASH").get("m_active_addresses").asDouble())
        .isEqualTo(FakeApis.activeAddresses("dash", yesterday));
    // SCRT: not covered by Coin Metrics; DefiLlama's Secret chain, today's row
    JsonNode scrt = by.get("SCRT");
    assertThat(scrt.get("m_active_addresses").isNull()).isTrue();
    assertThat(scrt.get("m_tvl_usd").asDouble()).isEqualTo(2_040_000);
    assertThat(scrt.get("metrics_as_of").toString())
        .isEqualTo("{\"tvl_usd\":\"" + FakeApis.LAST + "\"}");

    // a day Coin Metrics has no row for (3 days ago): the day before it counts, and says so
    Result past = cli().run("screen", "--json", "--as-of", FakeApis.LAST.minusDays(3).toString());
    JsonNode then = past.bySymbol().get("ZEC");
    assertThat(then.get("m_active_addresses").asDouble())
        .isEqualTo(FakeApis.activeAddresses("zec", FakeApis.LAST.minusDays(4)));
    assertThat(then.get("metrics_as_of").get("active_addresses").asText())
        .isEqualTo(FakeApis.LAST.minusDays(4).toString());

    assertThat(apis.requests)
        .filteredOn(r -> r.path().startsWith("/coinmetrics/"))
        .extracting(r -> r.path() + "?" + r.query())
        .satisfiesExactly(
            first ->
                assertThat(first)
                    .startsWith("/coinmetrics/timeseries/asset-metrics?assets=xmr%2Czec%2Cdash")
                    .contains("&metrics=AdrActCnt%2CTxCnt%2CFeeTotUSD%2CCapMrktCurUSD&frequency=1d")
                    .contains("&page_size=10000&ignore_unsupported_errors=true")
                    .doesNotContain("next_page_token"),
            second ->
                assertThat(second).endsWith("&next_page_token=0.MjAyNi0wMS0zMFQwMDowMDowMFo"));
  }

  @Test
  void theRequestsUseTheRealPathsQueriesAndManners() {
    fetch();

    assertThat(apis.requests)
        .anySatisfy(
            r -> {
              assertThat(r.path()).isEqualTo("/coingecko/api/v3/coins/markets");
              assertThat(r.query())
                  .contains("vs_currency=usd", "category=privacy-coins", "per_page=250", "page=1")
                  .contains("price_change_percentage=24h,7d,30d");
            })
        .anySatisfy(
            r -> {
              assertThat(r.path()).isEqualTo("/coingecko/api/v3/coins/zcash/market_chart");
              assertThat(r.query()).isEqualTo("vs_currency=usd&days=30&interval=daily");
            })
        .anySatisfy(r -> assertThat(r.query()).isEqualTo("symbol=ZECUSDT&period=1d&limit=30"))
        .anySatisfy(r -> assertThat(r.query()).isEqualTo("symbol=ZECUSDT&period=5m&limit=1"))
        .anySatisfy(
            r -> {
              assertThat(r.path())
                  .isEqualTo("/okx/api/v5/rubik/stat/contracts/open-interest-history");
              assertThat(r.query()).isEqualTo("instId=ZEC-USDT-SWAP&period=1Dutc&limit=31");
            })
        .anySatisfy(
            r -> {
              assertThat(r.path()).isEqualTo("/okx/api/v5/public/open-interest");
              assertThat(r.query()).isEqualTo("instType=SWAP&instId=ZEC-USDT-SWAP");
            })
        .anySatisfy(
            r -> {
              assertThat(r.path()).isEqualTo("/bybit/v5/market/tickers");
              assertThat(r.query()).isEqualTo("category=linear&symbol=ZECUSDT");
            })
        .anySatisfy(
            r ->
                assertThat(r.query())
                    .isEqualTo("category=linear&symbol=ZECUSDT&intervalTime=1d&limit=200"))
        .anySatisfy(
            r -> assertThat(r.query()).isEqualTo("symbol=SCRTUSDT&productType=USDT-FUTURES"))
        .anySatisfy(r -> assertThat(r.query()).contains("cursor=page%253D2"));
    for (FakeApis.Request r : apis.requests) {
      assertThat(r.headers().get("User-agent").get(0)).startsWith("privscreen/");
      assertThat(r.headers().get("Accept-encoding").get(0)).isEqualTo("gzip");
    }
  }

  @Test
  void a429WithRetryAfterIsWaitedOutThenRetried() {
    apis.fault(
        "/api/v3/coins/markets",
        new Reply(
            429,
            Map.of("Retry-After", "1"),
            "{\"status\":{\"error_code\":429,\"error_message\":\"You've exceeded the Rate Limit.\"}}",
            0));
    long t0 = System.nanoTime();
    Result f = fetch("--sources", "coingecko");
    long ms = (System.nanoTime() - t0) / 1_000_000;

    assertThat(f.exitCode()).as(f.toString()).isZero();
    assertThat(ms).isGreaterThanOrEqualTo(1000);
    assertThat(apis.count("/coingecko/api/v3/coins/markets")).isEqualTo(3); // 429, category, ids
  }

  @Test
  void aRetryAfterLongerThanMaxWaitFailsTheSource() {
    apis.fault("/api/v3/coins/markets", new Reply(429, Map.of("Retry-After", "120"), "{}", 0));

    Result f = fetch("--sources", "coingecko", "--max-wait", "5s");

    assertThat(f.exitCode()).isEqualTo(3);
    assertThat(f.stderr()).contains("Retry-After 120 s is longer than --max-wait 5 s");
  }

  @Test
  void binance418StopsBinanceAndTheOthersStillLand() throws IOException {
    Reply ban =
        new Reply(
            418,
            Map.of("Retry-After", "7200"),
            "{\"code\":-1003,\"msg\":\"Way too much request weight used; IP banned until 1660090423228.\"}",
            0);
    apis.fault("/fapi/v1/exchangeInfo", ban, ban); // one for each run below

    Result f = fetch();
    Result strict = fetch("--strict");

    assertThat(f.exitCode()).as(f.toString()).isZero();
    assertThat(f.stderr())
        .contains("privscreen: binance: failed: binance /fapi/v1/exchangeInfo: HTTP 418")
        .contains("warning: 1 of 7 sources failed");
    assertThat(apis.count("/binance/fapi/v1/exchangeInfo"))
        .isEqualTo(2); // once per run, never retried
    assertThat(strict.exitCode()).isEqualTo(4);
    String file = Files.readString(onlySnapshotOrNewest());
    assertThat(file).contains("\"name\":\"binance\"", "\"status\":\"failed\"", "\"venue\":\"okx\"");
  }

  Path onlySnapshotOrNewest() throws IOException {
    List<Path> all = CliDriver.storedSnapshots(home);
    return all.get(all.size() - 1);
  }

  @Test
  void a5xxThenSuccessIsRetried() {
    apis.fault("/api/v2/mix/market/contracts", new Reply(503, Map.of(), "upstream busy", 0));

    Result f = fetch("--sources", "coingecko,bitget");

    assertThat(f.exitCode()).as(f.toString()).isZero();
    assertThat(f.stderr()).contains("bitget: ok");
    assertThat(apis.count("/bitget/api/v2/mix/market/contracts")).isEqualTo(2);
  }

  @Test
  void okxRateLimitUnderHttp200IsRetried() {
    apis.fault(
        "/api/v5/public/instruments",
        Reply.json(
            "{\"code\":\"50011\",\"msg\":\"Rate limit reached. Please refer to API documentation and throttle requests accordingly.\",\"data\":[]}"));

    Result f = fetch("--sources", "coingecko,okx");

    assertThat(f.exitCode()).as(f.toString()).isZero();
    assertThat(f.stderr()).contains("okx: ok");
    assertThat(apis.count("/okx/api/v5/public/instruments")).isEqualTo(3);
  }

  @Test
  void anOkxErrorCodeThatIsNotARateLimitFailsAtOnce() {
    apis.fault(
        "/api/v5/rubik",
        Reply.json("{\"code\":\"51000\",\"msg\":\"Parameter ccy error\",\"data\":[]}"));

    Result f = fetch("--sources", "coingecko,okx");

    assertThat(f.stderr())
        .contains(
            "okx: failed: okx /api/v5/rubik/stat/contracts/open-interest-history: error 51000:"
                + " Parameter ccy error");
  }

  @Test
  void aFailingFundingCallFailsItsSourceOnlyAndTheOtherVenuesFundingStays() {
    Reply http500 = new Reply(500, Map.of(), "{}", 0);
    String[][] cases = {
      // source, path, answer, the failure's words
      {"binance", "/fapi/v1/premiumIndex", "{\"symbol\":\"ZECUSDT\"}", "not a JSON array"},
      {
        "binance",
        "/fapi/v1/fundingRate",
        "{\"status\":\"ERROR\",\"type\":\"GENERAL\",\"code\":\"99099990\","
            + "\"errorData\":\"illegal params.\",\"data\":null}",
        "error 99099990: illegal params."
      },
      {
        "okx",
        "/api/v5/public/funding-rate-history",
        "{\"code\":\"0\",\"msg\":\"\",\"data\":{}}",
        "no `data` array"
      },
      {
        "bybit",
        "/v5/market/funding/history",
        "{\"retCode\":10001,\"retMsg\":\"params error\",\"result\":{}}",
        "error 10001: params error"
      },
      {
        "bitget",
        "/api/v2/mix/market/current-fund-rate",
        "{\"code\":\"00000\",\"msg\":\"success\",\"data\":[{\"symbol\":\"ZECUSDT\"}]}",
        "`data` elements have no `fundingRate`"
      },
      {"bitget", "/api/v2/mix/market/history-fund-rate", null, "HTTP 500 (after 4 tries)"},
      {
        "coinmetrics",
        "/timeseries/asset-metrics",
        "{\"error\":{\"type\":\"bad_parameter\",\"message\":\"Bad parameter 'metrics'.\"}}",
        "error bad_parameter: Bad parameter 'metrics'."
      },
      {"defillama", "/v2/chains", "{\"chains\":[]}", "not a JSON array"},
    };
    for (String[] c : cases) {
      if (c[2] == null) { // every try of both perpetuals' calls
        for (int i = 0; i < 8; i++) {
          apis.fault(c[1], http500);
        }
      } else {
        apis.fault(c[1], Reply.json(c[2]));
      }

      Result f = fetch("--refresh");

      assertThat(f.exitCode()).as(f.toString()).isZero();
      assertThat(f.stderr())
          .as(c[1])
          .contains(c[0] + ": failed: " + c[0] + " " + c[1])
          .contains(c[3])
          .contains("1 of 7 sources failed");
      Result s =
          cli().run("screen", "--json", "--fields", "symbol,funding_rate_pct,m_active_addresses");
      JsonNode zec = s.bySymbol().get("ZEC");
      assertThat(zec.get("funding_rate_pct").isNumber()).as(c[1]).isTrue();
      // the fundamentals stay from this fetch, or the last one that had them
      assertThat(zec.get("m_active_addresses").isNumber()).as(c[1]).isTrue();
    }
  }

  @Test
  void anHtmlErrorPageIsNamedAsSuch() {
    String page = "<html><head><title>502 Bad Gateway</title></head><body>cloudflare</body></html>";
    Reply html = new Reply(502, Map.of("Content-Type", "text/html"), page, 0);
    apis.fault("/fapi/v1/exchangeInfo", html, html, html, html);

    Result f = fetch("--sources", "coingecko,binance");

    assertThat(f.exitCode()).isZero();
    assertThat(f.stderr())
        .contains(
            "binance: failed: binance /fapi/v1/exchangeInfo: HTTP 502 (an HTML error page) (after 4 tries)");
  }

  @Test
  void truncatedJsonFailsWithItsReason() {
    Reply cut =
        Reply.json("{\"retCode\":0,\"retMsg\":\"OK\",\"result\":{\"list\":[{\"symbol\":\"ZEC");
    apis.fault("/v5/market/instruments-info", cut, cut, cut, cut);

    Result f = fetch("--sources", "coingecko,bybit");

    assertThat(f.stderr())
        .contains(
            "bybit: failed: bybit /v5/market/instruments-info: invalid JSON: Unexpected end-of-input");
  }

  @Test
  void aServerThatNeverAnswersTimesOut() {
    Reply slow = new Reply(200, Map.of(), "{}", 5_000);
    apis.fault("/api/v2/mix/market/contracts", slow, slow, slow, slow);

    Result f = fetch("--sources", "coingecko,bitget", "--timeout", "1s");

    assertThat(f.stderr())
        .contains(
            "bitget: failed: bitget /api/v2/mix/market/contracts: no complete answer within 1 s (--timeout) (after 4 tries)");
  }

  @Test
  void anOversizedBodyIsRefused() {
    Result f = fetch(cli().env("PRIVSCREEN_MAX_BODY_BYTES", "1500"), "--sources", "coingecko");

    assertThat(f.exitCode()).isEqualTo(3);
    assertThat(f.stderr()).contains("/market_chart: the body is larger than the 1 KiB allowed");
  }

  @Test
  void theApiKeyIsSentButNeverShown() throws IOException {
    String key = "CG-s3cr3t-k3y-123456";
    apis.fault(
        "/api/v3/coins/zcash",
        new Reply(
            401,
            Map.of(),
            "{\"status\":{\"error_code\":10002,\"error_message\":\"bad key " + key + "\"}}",
            0));

    Result f = fetch(cli().env("COINGECKO_API_KEY", key), "--sources", "coingecko", "-v");

    assertThat(apis.requests)
        .allSatisfy(r -> assertThat(r.headers().get("X-cg-demo-api-key")).containsExactly(key));
    assertThat(f.stderr()).contains("***").doesNotContain(key);
    assertThat(f.stdout()).doesNotContain(key);
    try (Stream<Path> files = Files.walk(home)) {
      for (Path p : files.filter(Files::isRegularFile).toList()) {
        assertThat(Files.readString(p)).as(p.toString()).doesNotContain(key);
      }
    }
  }

  @Test
  void proPlanUsesTheProHeader() {
    fetch(
        cli().env("COINGECKO_API_KEY", "pro-key-0001").env("COINGECKO_API_PLAN", "pro"),
        "--sources",
        "coingecko");

    assertThat(apis.requests)
        .allSatisfy(
            r -> assertThat(r.headers().get("X-cg-pro-api-key")).containsExactly("pro-key-0001"));
  }

  @Test
  void plainHttpIsRefusedForARemoteHost() {
    Result f = cli().run("fetch", "--endpoint", "binance=http://api.example.com");
    Result env = cli().env("PRIVSCREEN_OKX_URL", "http://10.1.2.3:8080").run("fetch");

    assertThat(f.exitCode()).isEqualTo(2);
    assertThat(f.stderr()).contains("plain http is only allowed to a loopback host");
    assertThat(env.exitCode()).isEqualTo(2);
    assertThat(apis.requests).isEmpty();
  }

  @Test
  void allSourcesFailingWritesNothingAndExitsThree() {
    Reply down = new Reply(500, Map.of(), "", 0);
    for (String p :
        List.of(
            "/api/v3/coins/markets",
            "/fapi/v1/exchangeInfo",
            "/api/v5/public/instruments",
            "/v5/market/instruments-info",
            "/api/v2/mix/market/contracts",
            "/timeseries/asset-metrics",
            "/v2/chains")) {
      apis.fault(p, down, down, down, down, down, down, down, down);
    }

    Result f = fetch();

    assertThat(f.exitCode()).as(f.toString()).isEqualTo(3);
    assertThat(f.stderr().lines().toList())
        .singleElement()
        .satisfies(
            l ->
                assertThat(l)
                    .startsWith("privscreen: all sources failed: ")
                    .endsWith("(and 6 more); nothing written"));
    assertThat(CliDriver.storedSnapshots(home)).isEmpty();
  }

  @Test
  void historyAlreadyInTheStoreIsKeptAndGrows() throws IOException {
    Path store = Files.createDirectories(home.resolve("snapshots"));
    // an older fetch knew ZEC's open interest 40 days ago, beyond Binance's 30-day history
    String old = FakeApis.LAST.minusDays(40).toString();
    Files.writeString(
        store.resolve("20000101T000000Z.json"),
        "{\"schema\":\"privscreen.snapshot/1\",\"as_of\":\""
            + old
            + "T00:00:00Z\",\"assets\":[{\"id\":\"zcash\",\"symbol\":\"ZEC\"}],"
            + "\"open_interest\":[{\"id\":\"zcash\",\"venue\":\"binance\",\"date\":\""
            + old
            + "\",\"oi_usd\":123}]}");

    Result f = fetch("--sources", "coingecko,binance");

    assertThat(f.exitCode()).as(f.toString()).isZero();
    // the old store was converted, and the new fetch carries its history forward
    assertThat(f.stderr()).contains("converted the store to keep each fact once: 1 fetches");
    String written = Files.readString(onlySnapshotOrNewest());
    assertThat(written).contains("\"date\":\"" + old + "\",\"oi_usd\":123");
    assertThat(CliDriver.storedSnapshots(home)).hasSize(2);
  }

  @Test
  void offlineReadsOnlyTheCacheAndRefreshIgnoresIt() {
    assertThat(fetch("--sources", "coingecko").exitCode()).isZero();
    int before = apis.requests.size();

    Result offline = fetch("--sources", "coingecko", "--offline");
    assertThat(offline.exitCode()).as(offline.toString()).isZero();
    assertThat(apis.requests).hasSize(before);

    Result refresh = fetch("--sources", "coingecko", "--refresh");
    assertThat(refresh.exitCode()).isZero();
    assertThat(apis.requests.size()).isGreaterThan(before);

    Result missing = fetch("--sources", "binance", "--offline");
    assertThat(missing.stderr())
        .contains("binance /fapi/v1/exchangeInfo: not in the cache (--offline)");
  }

  @Test
  void aSecondConcurrentFetchWaitsForTheLockOrSaysWhoHoldsIt() throws Exception {
    apis.latencyMillis = 300; // the first fetch takes a while
    Thread first = new Thread(() -> fetch("--sources", "coingecko"));
    first.start();
    Thread.sleep(200);
    Result impatient = fetch("--sources", "coingecko", "--lock-wait", "0s");
    first.join();
    apis.latencyMillis = 0;

    assertThat(impatient.exitCode()).isEqualTo(3);
    assertThat(impatient.stderr()).contains("another privscreen fetch holds the lock");
  }

  @Test
  void screenLiveFetchesThenScreensAndStoresOnlyWithSave() throws IOException {
    List<String> args =
        new ArrayList<>(List.of("screen", "--live", "--json", "--listed-within", "7d"));
    args.addAll(apis.endpointFlags());
    args.addAll(List.of("--rate-limit", "coingecko=60000"));
    Result r = cli().run(args.toArray(String[]::new));

    assertThat(r.exitCode()).as(r.toString()).isZero();
    assertThat(r.symbols()).containsExactlyInAnyOrder("DASH", "SCRT");
    // the store only read, not written: no lock taken (issue 23)
    assertThat(Files.exists(home.resolve("snapshots/.lock"))).isFalse();
    assertThat(CliDriver.storedSnapshots(home)).isEmpty();

    args.add("--save");
    Result saved = cli().run(args.toArray(String[]::new));
    assertThat(saved.exitCode()).isZero();
    onlySnapshot();
  }

  @Test
  void watchLiveFetchesEachRefreshAtMostOnceAMinute() throws Exception {
    List<String> args =
        new ArrayList<>(List.of("screen", "--live", "--listed-within", "7d", "--watch", "1m"));
    args.addAll(apis.endpointFlags());
    args.addAll(List.of("--rate-limit", "coingecko=60000"));

    Result r = cli().env("PRIVSCREEN_WATCH_ROUNDS", "1").run(args.toArray(String[]::new));

    assertThat(r.exitCode()).as(r.toString()).isZero();
    List<String> entered = new ArrayList<>();
    for (String line : r.stdout().lines().toList()) {
      JsonNode e = new com.fasterxml.jackson.databind.ObjectMapper().readTree(line);
      assertThat(e.get("event").asText()).isEqualTo("entered");
      entered.add(e.get("symbol").asText());
    }
    assertThat(entered).containsExactlyInAnyOrder("DASH", "SCRT");

    args.set(args.indexOf("1m"), "30s");
    Result tooOften = cli().run(args.toArray(String[]::new));
    assertThat(tooOften.exitCode()).isEqualTo(2);
    assertThat(tooOften.stderr()).contains("--watch with --live: 30s is under the least, 1m");
  }

  @Test
  void aStoreThatCannotBeLockedSaysWhyAndFetchToStdoutNeedsNoLock() throws IOException {
    // a lock file that cannot be opened for writing (here a directory: root may write anywhere)
    Files.createDirectories(home.resolve("snapshots/.lock"));

    Result store = fetch("--sources", "coingecko");
    Result stdout = fetch("--sources", "coingecko", "--out", "-");

    assertThat(store.exitCode()).isEqualTo(3);
    assertThat(store.stderr().lines().filter(l -> l.contains("cannot lock")))
        .singleElement()
        .satisfies(l -> assertThat(l).endsWith(": cannot lock: Is a directory"));
    assertThat(stdout.exitCode()).as(stdout.stderr()).isZero();
    assertThat(stdout.stdout()).startsWith("{\"schema\":\"privscreen.snapshot/1\"");
  }

  @Test
  void liveAndFromContradictEachOther() {
    Result r = cli().run("screen", "--live", "--from", "examples/privacy-2025-11-07");

    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.stderr()).contains("--live and --from contradict each other");
  }

  @Test
  void outWritesTheSnapshotThereAndNotInTheStore() throws IOException {
    Path out = home.resolve("exports/today.json");

    Result f = fetch("--sources", "coingecko", "--out", out.toString());

    assertThat(f.exitCode()).as(f.toString()).isZero();
    assertThat(f.stdout().strip()).isEqualTo(out.toAbsolutePath().toString());
    Result s = cli().run("screen", "--from", out.toString(), "--json", "--fields", "symbol");
    assertThat(s.symbols()).containsExactlyInAnyOrder("ZEC", "DASH", "SCRT");
    assertThat(CliDriver.storedSnapshots(home)).isEmpty();
  }
}
