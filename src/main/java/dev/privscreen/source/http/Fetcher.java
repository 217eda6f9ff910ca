package dev.privscreen.source.http;

import com.fasterxml.jackson.databind.JsonNode;
import dev.privscreen.model.Asset;
import dev.privscreen.model.FundingPoint;
import dev.privscreen.model.ListingEvent;
import dev.privscreen.model.ListingEvent.Market;
import dev.privscreen.model.MetricPoint;
import dev.privscreen.model.OiPoint;
import dev.privscreen.model.PricePoint;
import dev.privscreen.model.Snapshot;
import dev.privscreen.model.SourceStatus;
import dev.privscreen.universe.Member;
import dev.privscreen.universe.Universe;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * One fetch: every source's calls, concurrently across sources and within each source's rate limit,
 * into one {@link Snapshot}. The call graph: CoinGecko markets → a market chart per asset; each
 * exchange's instrument list → open interest per listed member. A failing source is recorded in
 * {@code sources} and never loses the others' data.
 */
public final class Fetcher {
  /** How long a cached answer stays fresh, per kind of call. */
  static final Duration MARKETS_AGE = Duration.ofMinutes(2);

  static final Duration CHART_AGE = Duration.ofMinutes(30);
  static final Duration INSTRUMENTS_AGE = Duration.ofHours(6);

  /** Daily history changes once a day, at 00:00 UTC. */
  static final Duration OI_HISTORY_AGE = Duration.ofHours(1);

  /** A current reading is what today's OI is: minutes at most. */
  static final Duration OI_NOW_AGE = Duration.ofMinutes(2);

  /**
   * A settled rate appears at its settlement (every 1 to 8 hours); the period's own rate comes from
   * a current call, so a history a quarter of an hour old misses nothing for long.
   */
  static final Duration FUNDING_HISTORY_AGE = Duration.ofMinutes(15);

  /** How far back funding history is read: the 7 days of funding_7d_pct, from 00:00 UTC. */
  static final int FUNDING_DAYS = 8;

  /** Pages of funding history read at most, for a perpetual settling every hour. */
  static final int FUNDING_PAGES = 4;

  /** The shapes of the answers read (SPEC §6, shared/api-samples). */
  static final Shape MARKETS = Shape.arrayOf("id");

  static final Shape CHART = Shape.arrayAt("prices", null);
  static final Shape BINANCE_INFO = Shape.arrayAt("symbols", "symbol");
  static final Shape BINANCE_OI = Shape.arrayOf("sumOpenInterestValue");
  static final Shape OKX_INSTRUMENTS = Shape.arrayAt("data", "instId");
  static final Shape OKX_OI = Shape.arrayAt("data", null);
  static final Shape OKX_OI_NOW = Shape.arrayAt("data", "oiUsd");
  static final Shape BYBIT_TICKERS = Shape.arrayAt("result.list", "symbol");
  static final Shape BYBIT_INSTRUMENTS = Shape.arrayAt("result.list", "symbol");
  static final Shape BYBIT_OI = Shape.arrayAt("result.list", "openInterest");
  static final Shape BITGET_CONTRACTS = Shape.arrayAt("data", "symbol");
  static final Shape BITGET_OI = Shape.arrayAt("data.openInterestList", "size");
  static final Shape BINANCE_LONG_SHORT = Shape.arrayOf("longShortRatio");
  static final Shape BYBIT_LONG_SHORT = Shape.arrayAt("result.list", "buyRatio");
  static final Shape OKX_LONG_SHORT = Shape.arrayAt("data", null);
  static final Shape COIN_METRICS = Shape.arrayAt("data", "asset");
  static final Shape LLAMA_CHAINS = Shape.arrayOf("name");
  static final Shape LLAMA_TVL = Shape.arrayOf("tvl");
  static final Shape BINANCE_PREMIUM = Shape.arrayOf("lastFundingRate");
  static final Shape BINANCE_FUNDING_INFO = Shape.arrayOf("symbol");
  static final Shape BINANCE_FUNDING = Shape.arrayOf("fundingRate");
  static final Shape OKX_FUNDING_NOW = Shape.arrayAt("data", "fundingRate");
  static final Shape OKX_FUNDING = Shape.arrayAt("data", "fundingTime");
  static final Shape BYBIT_FUNDING = Shape.arrayAt("result.list", "fundingRateTimestamp");
  static final Shape BITGET_FUNDING_NOW = Shape.arrayAt("data", "fundingRate");
  static final Shape BITGET_FUNDING = Shape.arrayAt("data", "fundingTime");

  /** Daily fundamentals change once a day; their newest day is usually yesterday. */
  static final Duration FUNDAMENTALS_AGE = Duration.ofHours(1);

  /** Pages of Coin Metrics read at most (10,000 rows each). */
  static final int COIN_METRICS_PAGES = 20;

  /** How long past the deadline a source's run may take to notice it. */
  private static final Duration GRACE = Duration.ofSeconds(2);

  private final Caller caller;
  private final Universe universe;
  private final String category;
  private final int days;
  private final Clock clock;
  private final Deadline deadline;
  private final Consumer<String> progress;
  private final List<String> coinMetrics;

  /**
   * @param coinMetrics the Coin Metrics metrics to fetch: the defaults and those the user named
   */
  public Fetcher(
      Caller caller,
      Universe universe,
      String category,
      int days,
      Clock clock,
      Deadline deadline,
      Consumer<String> progress,
      List<String> coinMetrics) {
    this.coinMetrics = List.copyOf(coinMetrics);
    this.caller = caller;
    this.universe = universe;
    this.category = category;
    this.days = days;
    this.clock = clock;
    this.deadline = deadline;
    this.progress = progress;
  }

  /**
   * The outcome: the snapshot (null when CoinGecko gave no assets), each source's status, and the
   * sources that failed because their host could not be reached at all.
   */
  public record Result(
      Snapshot snapshot,
      List<SourceStatus> statuses,
      Map<String, Integer> calls,
      Set<String> unreachable) {}

  /**
   * @param fallbackAssets the previous snapshot's assets, used (stale) when CoinGecko brings none,
   *     so that the exchanges' data is not lost
   */
  public Result fetch(List<String> sources, List<Asset> fallbackAssets) {
    Harvest h = new Harvest();
    Map<String, CompletableFuture<String>> runs = new LinkedHashMap<>();
    for (String s : sources) {
      CompletableFuture<String> run =
          switch (s) {
            case "coingecko" -> coingecko(h);
            case "binance" -> binance(h);
            case "okx" -> okx(h);
            case "bybit" -> bybit(h);
            case "bitget" -> bitget(h);
            case "coinmetrics" -> coinMetrics(h);
            case "defillama" -> defiLlama(h);
            default -> throw new IllegalArgumentException("unknown source " + s);
          };
      runs.put(
          s,
          run.whenComplete((ok, err) -> progress.accept(s + (err == null ? " done" : " failed"))));
    }
    Instant fetchedAt = clock.instant();
    List<SourceStatus> statuses = new ArrayList<>();
    Map<String, Integer> calls = new LinkedHashMap<>();
    Set<String> unreachable = new TreeSet<>();
    runs.forEach(
        (name, run) -> {
          try {
            // every wait inside is cut to the deadline; the grace only covers a stuck thread
            long left = Math.max(0, deadline.remainingNanos()) + GRACE.toNanos();
            String detail = run.get(left, TimeUnit.NANOSECONDS);
            statuses.add(new SourceStatus(name, fetchedAt, "ok", detail));
          } catch (TimeoutException e) {
            run.cancel(true);
            statuses.add(
                new SourceStatus(
                    name,
                    fetchedAt,
                    "failed",
                    name + ": did not finish within the fetch's " + deadline.describe()));
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            statuses.add(new SourceStatus(name, fetchedAt, "failed", name + ": interrupted"));
          } catch (ExecutionException | RuntimeException e) {
            SourceFailure f = Caller.unwrap(e, name);
            if (f.kind() == SourceFailure.Kind.UNREACHABLE) {
              unreachable.add(name);
            }
            statuses.add(new SourceStatus(name, fetchedAt, "failed", f.getMessage()));
          }
          calls.put(name, caller.calls(name));
        });
    if (h.assets.isEmpty()) {
      fallbackAssets.forEach(a -> h.assets.put(a.id(), a));
    }
    return new Result(assemble(h, fetchedAt, category, statuses), statuses, calls, unreachable);
  }

  // ---- CoinGecko: markets (category pages, then universe members outside it), then charts ----

  private CompletableFuture<String> coingecko(Harvest h) {
    return categoryPages(h, 1)
        .thenCompose(
            v -> {
              List<String> missing = new ArrayList<>();
              for (Member m : universe.members()) {
                if (!h.assets.containsKey(m.id())) {
                  missing.add(m.id());
                }
              }
              if (missing.isEmpty()) {
                return CompletableFuture.completedFuture(null);
              }
              return caller
                  .get(
                      "coingecko",
                      marketsQuery("ids=" + enc(String.join(",", missing)), 1),
                      MARKETS_AGE,
                      MARKETS)
                  .thenAccept(
                      arr -> Venues.markets(arr).forEach(a -> h.assets.putIfAbsent(a.id(), a)));
            })
        .thenCompose(
            v -> {
              List<CompletableFuture<Void>> charts = new ArrayList<>();
              for (String id : h.assets.keySet()) {
                charts.add(
                    caller
                        .get(
                            "coingecko",
                            "/coins/"
                                + enc(id)
                                + "/market_chart?vs_currency=usd&days="
                                + days
                                + "&interval=daily",
                            CHART_AGE,
                            CHART)
                        .thenAccept(c -> addPrices(h, id, Venues.marketChart(id, c))));
              }
              return allOf(charts);
            })
        .thenApply(v -> h.assets.size() + " assets, " + countPrices(h) + " daily prices");
  }

  private CompletableFuture<Void> categoryPages(Harvest h, int page) {
    return caller
        .get("coingecko", marketsQuery("category=" + enc(category), page), MARKETS_AGE, MARKETS)
        .thenCompose(
            arr -> {
              List<Asset> got = Venues.markets(arr);
              got.forEach(a -> h.assets.putIfAbsent(a.id(), a));
              return got.size() >= 250 && page < 20
                  ? categoryPages(h, page + 1)
                  : CompletableFuture.completedFuture(null);
            });
  }

  private static String marketsQuery(String filter, int page) {
    return "/coins/markets?vs_currency=usd&"
        + filter
        + "&order=market_cap_desc&per_page=250&page="
        + page
        + "&price_change_percentage=24h,7d,30d";
  }

  private static void addPrices(Harvest h, String id, List<PricePoint> points) {
    Map<LocalDate, PricePoint> m =
        h.prices.computeIfAbsent(id, k -> new java.util.concurrent.ConcurrentHashMap<>());
    points.forEach(p -> m.put(p.date(), p));
  }

  private static int countPrices(Harvest h) {
    int n = 0;
    for (Map<LocalDate, PricePoint> m : h.prices.values()) {
      n += m.size();
    }
    return n;
  }

  // ---- exchanges: instruments, then open interest per listed member ----

  /**
   * A call made for each listed member: its path, answer shape and reader, and for a paged history
   * the path of the page after an answer (null when that answer is the last needed).
   */
  private record MemberCall(
      Function<String, String> path,
      Duration maxAge,
      Shape shape,
      BiConsumer<String, JsonNode> keep,
      NextPage next) {
    MemberCall(
        Function<String, String> path,
        Duration maxAge,
        Shape shape,
        BiConsumer<String, JsonNode> keep) {
      this(path, maxAge, shape, keep, null);
    }
  }

  /** The path of the page after {@code body} (page {@code n}, from 1), or null. */
  private interface NextPage {
    String after(String name, JsonNode body, int n);
  }

  /**
   * The second stage every exchange shares: for each listed member, each of {@code calls} (the
   * daily open interest, the current reading where it is a call of its own, funding), every answer
   * handed to its reader; completes with a summary such as "23 perpetuals".
   *
   * @param live member id → the venue's name for it (pair or instrument)
   */
  private CompletableFuture<String> perMember(
      String source, Map<String, String> live, List<MemberCall> calls, String noun) {
    List<CompletableFuture<Void>> pending = new ArrayList<>();
    live.forEach(
        (id, name) -> {
          for (MemberCall c : calls) {
            pending.add(page(source, id, enc(name), c, c.path().apply(enc(name)), 1));
          }
        });
    return allOf(pending).thenApply(v -> live.size() + " " + noun);
  }

  private CompletableFuture<Void> page(
      String source, String id, String name, MemberCall c, String path, int n) {
    return caller
        .get(source, path, c.maxAge(), c.shape())
        .thenCompose(
            b -> {
              c.keep().accept(id, b);
              String next =
                  c.next() == null || n >= FUNDING_PAGES ? null : c.next().after(name, b, n);
              return next == null
                  ? CompletableFuture.completedFuture(null)
                  : page(source, id, name, c, next, n + 1);
            });
  }

  /**
   * A funding history read page by page: each answer's settled rates kept, and while a page is full
   * and does not yet reach back {@link #FUNDING_DAYS}, the rows before its oldest, by {@code
   * older}.
   */
  private MemberCall fundingHistory(
      Harvest h,
      Function<String, String> path,
      Shape shape,
      java.util.function.BiFunction<String, JsonNode, List<FundingPoint>> read,
      int pageSize,
      Older older) {
    NextPage next =
        (name, body, n) -> {
          List<FundingPoint> rows = read.apply("", body);
          Instant oldest = FundingAnswers.oldest(rows);
          if (rows.size() < pageSize || oldest == null || !oldest.isAfter(fundingFrom())) {
            return null;
          }
          return older.path(name, oldest, n);
        };
    return new MemberCall(
        path, FUNDING_HISTORY_AGE, shape, (id, b) -> h.funding.addAll(read.apply(id, b)), next);
  }

  private interface Older {
    String path(String name, Instant oldest, int n);
  }

  /** 00:00 UTC {@link #FUNDING_DAYS} days ago: where funding history is read from. */
  private Instant fundingFrom() {
    return today().minusDays(FUNDING_DAYS).atStartOfDay(java.time.ZoneOffset.UTC).toInstant();
  }

  /** The UTC day of this fetch: the day current readings count for. */
  private LocalDate today() {
    return Api.day(clock.instant());
  }

  private CompletableFuture<String> binance(Harvest h) {
    // every contract's current funding in one call each, beside the instrument list
    CompletableFuture<JsonNode> premium =
        caller.get("binance", "/fapi/v1/premiumIndex", OI_NOW_AGE, BINANCE_PREMIUM);
    CompletableFuture<Map<String, Integer>> intervals =
        caller
            .get("binance", "/fapi/v1/fundingInfo", INSTRUMENTS_AGE, BINANCE_FUNDING_INFO)
            .thenApply(FundingAnswers::binanceIntervals);
    CompletableFuture<Map<String, String>> live =
        caller
            .get("binance", "/fapi/v1/exchangeInfo", INSTRUMENTS_AGE, BINANCE_INFO)
            .thenApply(info -> Venues.binancePerps(info, universe, h.listings));
    CompletableFuture<Void> current =
        live.thenCompose(
            l ->
                premium.thenAcceptBoth(
                    intervals, (p, i) -> h.funding.addAll(FundingAnswers.binanceNow(p, l, i))));
    return live.thenCompose(
            perps ->
                perMember(
                    "binance",
                    perps,
                    List.of(
                        new MemberCall(
                            s ->
                                "/futures/data/openInterestHist?symbol="
                                    + s
                                    + "&period=1d&limit=30",
                            OI_HISTORY_AGE,
                            BINANCE_OI,
                            (id, rows) -> h.oiUsd.addAll(Venues.binanceOi(id, rows))),
                        new MemberCall(
                            s ->
                                "/futures/data/openInterestHist?symbol=" + s + "&period=5m&limit=1",
                            OI_NOW_AGE,
                            BINANCE_OI,
                            (id, rows) -> h.oiNow.addAll(Venues.binanceOiNow(id, rows, today()))),
                        new MemberCall(
                            s ->
                                "/fapi/v1/fundingRate?symbol="
                                    + s
                                    + "&startTime="
                                    + fundingFrom().toEpochMilli()
                                    + "&limit=1000",
                            FUNDING_HISTORY_AGE,
                            BINANCE_FUNDING,
                            (id, rows) ->
                                h.funding.addAll(FundingAnswers.binanceHistory(id, rows))),
                        new MemberCall(
                            s ->
                                "/futures/data/globalLongShortAccountRatio?symbol="
                                    + s
                                    + "&period=1d&limit=30",
                            OI_HISTORY_AGE,
                            BINANCE_LONG_SHORT,
                            (id, rows) -> h.longShort.addAll(Venues.binanceLongShort(id, rows)))),
                    "perpetuals"))
        .thenCombine(current, (summary, v) -> summary);
  }

  private CompletableFuture<String> okx(Harvest h) {
    CompletableFuture<Map<String, String>> swaps =
        caller
            .get(
                "okx", "/api/v5/public/instruments?instType=SWAP", INSTRUMENTS_AGE, OKX_INSTRUMENTS)
            .thenApply(b -> Venues.okxInstruments(b, Market.PERP, universe, h.listings));
    CompletableFuture<Map<String, String>> spots =
        caller
            .get(
                "okx", "/api/v5/public/instruments?instType=SPOT", INSTRUMENTS_AGE, OKX_INSTRUMENTS)
            .thenApply(b -> Venues.okxInstruments(b, Market.SPOT, universe, h.listings));
    return swaps
        .thenCombine(spots, (sw, sp) -> sw)
        .thenCompose(
            live ->
                perMember(
                    "okx",
                    live,
                    List.of(
                        new MemberCall(
                            inst ->
                                "/api/v5/rubik/stat/contracts/open-interest-history?instId="
                                    + inst
                                    + "&period=1Dutc&limit="
                                    + Math.min(days + 1, 100),
                            OI_HISTORY_AGE,
                            OKX_OI,
                            (id, b) -> h.oiUsd.addAll(Venues.okxOi(id, b))),
                        new MemberCall(
                            inst -> "/api/v5/public/open-interest?instType=SWAP&instId=" + inst,
                            OI_NOW_AGE,
                            OKX_OI_NOW,
                            (id, b) -> h.oiNow.addAll(Venues.okxOiNow(id, b, today()))),
                        new MemberCall(
                            inst -> "/api/v5/public/funding-rate?instId=" + inst,
                            OI_NOW_AGE,
                            OKX_FUNDING_NOW,
                            (id, b) -> h.funding.addAll(FundingAnswers.okxNow(id, b))),
                        new MemberCall(
                            inst ->
                                "/api/v5/rubik/stat/contracts/long-short-account-ratio-contract?instId="
                                    + inst
                                    + "&period=1Dutc&limit=30",
                            OI_HISTORY_AGE,
                            OKX_LONG_SHORT,
                            (id, b) -> h.longShort.addAll(Venues.okxLongShort(id, b))),
                        fundingHistory(
                            h,
                            inst ->
                                "/api/v5/public/funding-rate-history?instId=" + inst + "&limit=100",
                            OKX_FUNDING,
                            FundingAnswers::okxHistory,
                            100,
                            (inst, oldest, n) ->
                                "/api/v5/public/funding-rate-history?instId="
                                    + inst
                                    + "&limit=100&after="
                                    + oldest.toEpochMilli())),
                    "swaps"));
  }

  private CompletableFuture<String> bybit(Harvest h) {
    Map<String, String> live = new java.util.concurrent.ConcurrentHashMap<>();
    return bybitPages(h, null, live, 0)
        .thenCompose(
            v ->
                perMember(
                    "bybit",
                    live,
                    List.of(
                        new MemberCall(
                            sym ->
                                "/v5/market/open-interest?category=linear&symbol="
                                    + sym
                                    + "&intervalTime=1d&limit=200",
                            OI_HISTORY_AGE,
                            BYBIT_OI,
                            (id, b) -> h.oiBase.addAll(Venues.bybitOi(id, b))),
                        new MemberCall(
                            sym -> "/v5/market/tickers?category=linear&symbol=" + sym,
                            OI_NOW_AGE,
                            BYBIT_TICKERS,
                            (id, b) -> {
                              h.oiNow.addAll(Venues.bybitOiNow(id, b, today()));
                              h.funding.addAll(FundingAnswers.bybitNow(id, b));
                            }),
                        new MemberCall(
                            sym ->
                                "/v5/market/account-ratio?category=linear&symbol="
                                    + sym
                                    + "&period=1d&limit=30",
                            OI_HISTORY_AGE,
                            BYBIT_LONG_SHORT,
                            (id, b) -> h.longShort.addAll(Venues.bybitLongShort(id, b))),
                        fundingHistory(
                            h,
                            sym ->
                                "/v5/market/funding/history?category=linear&symbol="
                                    + sym
                                    + "&limit=200",
                            BYBIT_FUNDING,
                            FundingAnswers::bybitHistory,
                            200,
                            (sym, oldest, n) ->
                                "/v5/market/funding/history?category=linear&symbol="
                                    + sym
                                    + "&limit=200&endTime="
                                    + (oldest.toEpochMilli() - 1))),
                    "perpetuals"));
  }

  private CompletableFuture<Void> bybitPages(
      Harvest h, String cursor, Map<String, String> live, int page) {
    String q =
        "/v5/market/instruments-info?category=linear&limit=1000"
            + (cursor == null ? "" : "&cursor=" + enc(cursor));
    return caller
        .get("bybit", q, INSTRUMENTS_AGE, BYBIT_INSTRUMENTS)
        .thenCompose(
            b -> {
              live.putAll(Venues.bybitInstruments(b, universe, h.listings));
              String next = Venues.nextCursor(b);
              return next != null && page < 50
                  ? bybitPages(h, next, live, page + 1)
                  : CompletableFuture.completedFuture(null);
            });
  }

  private CompletableFuture<String> bitget(Harvest h) {
    return caller
        .get(
            "bitget",
            "/api/v2/mix/market/contracts?productType=USDT-FUTURES",
            INSTRUMENTS_AGE,
            BITGET_CONTRACTS)
        .thenCompose(
            b ->
                perMember(
                    "bitget",
                    Venues.bitgetContracts(b, universe, h.listings),
                    List.of(
                        new MemberCall(
                            sym ->
                                "/api/v2/mix/market/open-interest?symbol="
                                    + sym
                                    + "&productType=USDT-FUTURES",
                            OI_NOW_AGE,
                            BITGET_OI,
                            (id, x) -> h.oiBase.addAll(Venues.bitgetOi(id, x, today()))),
                        new MemberCall(
                            sym ->
                                "/api/v2/mix/market/current-fund-rate?symbol="
                                    + sym
                                    + "&productType=USDT-FUTURES",
                            OI_NOW_AGE,
                            BITGET_FUNDING_NOW,
                            (id, x) -> h.funding.addAll(FundingAnswers.bitgetNow(id, x))),
                        fundingHistory(
                            h,
                            sym -> bitgetHistory(sym, 1),
                            BITGET_FUNDING,
                            FundingAnswers::bitgetHistory,
                            100,
                            (sym, oldest, n) -> bitgetHistory(sym, n + 1))),
                    "perpetuals"));
  }

  private static String bitgetHistory(String symbol, int page) {
    return "/api/v2/mix/market/history-fund-rate?symbol="
        + symbol
        + "&productType=USDT-FUTURES&pageSize=100&pageNo="
        + page;
  }

  // ---- fundamentals: Coin Metrics (community API), DefiLlama ----

  /** The Coin Metrics metrics every fetch asks for, then those the user named. */
  public static List<String> coinMetricsWith(List<String> named) {
    java.util.LinkedHashSet<String> all = new java.util.LinkedHashSet<>();
    all.addAll(OnChainAnswers.COIN_METRICS.keySet());
    all.addAll(named);
    return List.copyOf(all);
  }

  /** The name a Coin Metrics metric is kept under ({@code m_<name>}). */
  public static String metricName(String coinMetricsName) {
    return OnChainAnswers.metricName(coinMetricsName);
  }

  /**
   * Every member's asset metrics of the last {@code days} days in one paged call: assets Coin
   * Metrics does not cover are left out by {@code ignore_unsupported_errors}, not failed.
   */
  private CompletableFuture<String> coinMetrics(Harvest h) {
    Map<String, String> idByAsset = new LinkedHashMap<>();
    for (Member m : universe.members()) {
      String asset = OnChainAnswers.coinMetricsAsset(m);
      if (asset != null) {
        idByAsset.putIfAbsent(asset, m.id());
      }
    }
    if (idByAsset.isEmpty()) {
      return CompletableFuture.completedFuture("0 assets");
    }
    String first =
        "/timeseries/asset-metrics?assets="
            + enc(String.join(",", idByAsset.keySet()))
            + "&metrics="
            + enc(String.join(",", coinMetrics))
            + "&frequency=1d&start_time="
            + today().minusDays(days)
            + "&page_size=10000&ignore_unsupported_errors=true";
    java.util.Set<String> covered = java.util.concurrent.ConcurrentHashMap.newKeySet();
    return coinMetricsPage(h, first, first, idByAsset, covered, 1)
        .thenApply(v -> covered.size() + " assets");
  }

  private CompletableFuture<Void> coinMetricsPage(
      Harvest h,
      String first,
      String path,
      Map<String, String> idByAsset,
      java.util.Set<String> covered,
      int page) {
    return caller
        .get("coinmetrics", path, FUNDAMENTALS_AGE, COIN_METRICS)
        .thenCompose(
            b -> {
              List<MetricPoint> rows = OnChainAnswers.coinMetrics(b, idByAsset, coinMetrics);
              rows.forEach(r -> covered.add(r.id()));
              h.metrics.addAll(rows);
              String token = OnChainAnswers.nextPageToken(b);
              return token == null || page >= COIN_METRICS_PAGES
                  ? CompletableFuture.completedFuture(null)
                  : coinMetricsPage(
                      h,
                      first,
                      first + "&next_page_token=" + enc(token),
                      idByAsset,
                      covered,
                      page + 1);
            });
  }

  /** The chains DefiLlama tracks among the members, then each one's TVL history. */
  private CompletableFuture<String> defiLlama(Harvest h) {
    return caller
        .get("defillama", "/v2/chains", INSTRUMENTS_AGE, LLAMA_CHAINS)
        .thenCompose(
            arr -> {
              Map<String, String> chains = OnChainAnswers.defiLlamaChains(arr, universe.members());
              List<CompletableFuture<Void>> pending = new ArrayList<>();
              chains.forEach(
                  (id, chain) ->
                      pending.add(
                          caller
                              .get(
                                  "defillama",
                                  "/v2/historicalChainTvl/" + enc(chain).replace("+", "%20"),
                                  FUNDAMENTALS_AGE,
                                  LLAMA_TVL)
                              .thenAccept(
                                  b ->
                                      h.metrics.addAll(
                                          OnChainAnswers.chainTvl(
                                              id, b, today().minusDays(days))))));
              return allOf(pending).thenApply(v -> chains.size() + " chains");
            });
  }

  // ---- assembly ----

  /**
   * The snapshot of what came in: CoinGecko's assets (every other table is kept only for them),
   * base-coin open interest priced in USD, listings de-duplicated. Null without assets.
   */
  static Snapshot assemble(Harvest h, Instant asOf, String category, List<SourceStatus> statuses) {
    if (h.assets.isEmpty()) {
      return null;
    }
    List<Asset> assets = new ArrayList<>(h.assets.values());
    assets.sort(
        java.util.Comparator.comparing(
                (Asset a) -> a.marketCapUsd() == null ? -1 : a.marketCapUsd())
            .reversed()
            .thenComparing(Asset::id));
    List<PricePoint> prices = new ArrayList<>();
    for (Asset a : assets) {
      Map<LocalDate, PricePoint> m = h.prices.get(a.id());
      if (m != null) {
        m.values().stream()
            .sorted(java.util.Comparator.comparing(PricePoint::date))
            .forEach(prices::add);
      }
    }
    // the daily history first, then the current readings, which win today (SPEC §3)
    Map<String, OiPoint> oi = new LinkedHashMap<>();
    for (OiPoint p : h.oiUsd) {
      if (h.assets.containsKey(p.id())) {
        oi.put(p.id() + " " + p.venue() + " " + p.date(), p);
      }
    }
    for (Harvest.BaseOi b : h.oiBase) {
      Asset a = h.assets.get(b.id());
      if (a == null || b.at() != null) {
        continue;
      }
      Double price = closeOn(h, b.id(), b.date());
      if (price != null) {
        oi.put(
            b.id() + " " + b.venue() + " " + b.date(),
            new OiPoint(b.id(), b.venue(), b.date(), b.coins() * price));
      }
    }
    for (OiPoint p : h.oiNow) {
      if (h.assets.containsKey(p.id())) {
        oi.put(p.id() + " " + p.venue() + " " + p.date(), p);
      }
    }
    for (Harvest.BaseOi b : h.oiBase) {
      Asset a = h.assets.get(b.id());
      if (a == null || b.at() == null || a.priceUsd() == null) {
        continue;
      }
      oi.put(
          b.id() + " " + b.venue() + " " + b.date(),
          new OiPoint(b.id(), b.venue(), b.date(), b.coins() * a.priceUsd(), b.at()));
    }
    List<OiPoint> oiRows = new ArrayList<>(oi.values());
    oiRows.sort(
        java.util.Comparator.comparing(OiPoint::id)
            .thenComparing(OiPoint::venue)
            .thenComparing(OiPoint::date));
    List<ListingEvent> listings = new ArrayList<>(new java.util.LinkedHashSet<>(h.listings));
    listings.removeIf(e -> !h.assets.containsKey(e.id()));
    listings.sort(
        java.util.Comparator.comparing(ListingEvent::id)
            .thenComparing(ListingEvent::venue)
            .thenComparing(ListingEvent::listedAt));
    List<MetricPoint> metrics = new ArrayList<>();
    for (MetricPoint m : h.metrics) {
      if (h.assets.containsKey(m.id())) {
        metrics.add(m);
      }
    }
    metrics.addAll(longShort(h, oi));
    metrics.sort(
        java.util.Comparator.comparing(MetricPoint::id)
            .thenComparing(MetricPoint::date)
            .thenComparing(MetricPoint::name));
    return new Snapshot(
        asOf, category, assets, prices, oiRows, listings, metrics, statuses, funding(h));
  }

  /**
   * {@code long_short_ratio} per asset and day: the venues' account ratios, each weighted by the
   * venue's open interest in USD that day (with no OI that day, the venues count alike).
   *
   * @param oi the snapshot's OI rows by "id venue date"
   */
  private static List<MetricPoint> longShort(Harvest h, Map<String, OiPoint> oi) {
    Map<String, List<Harvest.VenueRatio>> byDay = new java.util.TreeMap<>();
    for (Harvest.VenueRatio r : h.longShort) {
      if (h.assets.containsKey(r.id())) {
        byDay.computeIfAbsent(r.id() + " " + r.date(), k -> new ArrayList<>()).add(r);
      }
    }
    List<MetricPoint> out = new ArrayList<>();
    byDay.forEach(
        (k, rows) -> {
          double sum = 0;
          double weights = 0;
          double plain = 0;
          for (Harvest.VenueRatio r : rows) {
            OiPoint p = oi.get(r.id() + " " + r.venue() + " " + r.date());
            double w = p == null ? 0 : p.oiUsd();
            sum += w * r.ratio();
            weights += w;
            plain += r.ratio();
          }
          Harvest.VenueRatio first = rows.get(0);
          out.add(
              new MetricPoint(
                  first.id(),
                  first.date(),
                  MetricPoint.LONG_SHORT_RATIO,
                  weights > 0 ? sum / weights : plain / rows.size()));
        });
    return out;
  }

  /**
   * The assets' funding rates, one per venue and settlement, sorted; a settled rate whose answer
   * could not tell its interval takes the venue's current one (8 hours when there is none).
   */
  private static List<FundingPoint> funding(Harvest h) {
    Map<String, Integer> current = new java.util.HashMap<>();
    for (FundingPoint p : h.funding) {
      if (p.intervalHours() != FundingAnswers.UNKNOWN) {
        current.merge(p.id() + " " + p.venue(), p.intervalHours(), (a, b) -> b);
      }
    }
    Map<String, FundingPoint> byKey = new LinkedHashMap<>();
    for (FundingPoint p : h.funding) {
      if (!h.assets.containsKey(p.id())) {
        continue;
      }
      FundingPoint q =
          p.intervalHours() != FundingAnswers.UNKNOWN
              ? p
              : new FundingPoint(
                  p.id(),
                  p.venue(),
                  p.fundingTime(),
                  p.rate(),
                  current.getOrDefault(p.id() + " " + p.venue(), 8));
      byKey.put(p.id() + " " + p.venue() + " " + p.fundingTime(), q);
    }
    List<FundingPoint> out = new ArrayList<>(byKey.values());
    out.sort(
        java.util.Comparator.comparing(FundingPoint::id)
            .thenComparing(FundingPoint::venue)
            .thenComparing(FundingPoint::fundingTime));
    return out;
  }

  private static Double closeOn(Harvest h, String id, LocalDate d) {
    Map<LocalDate, PricePoint> m = h.prices.get(id);
    PricePoint p = m == null ? null : m.get(d);
    return p == null ? null : p.closeUsd();
  }

  private static CompletableFuture<Void> allOf(List<CompletableFuture<Void>> fs) {
    return CompletableFuture.allOf(fs.toArray(CompletableFuture[]::new));
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }
}
