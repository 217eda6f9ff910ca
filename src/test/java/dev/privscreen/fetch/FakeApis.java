package dev.privscreen.fetch;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;

/**
 * The five public APIs on 127.0.0.1, in their real paths and response shapes (see
 * shared/api-samples), serving a small privacy market: ZEC, DASH and SCRT. Faults can be queued per
 * path; every request is recorded.
 */
public final class FakeApis implements AutoCloseable {
  /** Today for the fake: the snapshot's as-of day is whatever the clock says; data ends here. */
  public static final LocalDate LAST = LocalDate.now(ZoneOffset.UTC);

  /** When the fake's current readings were taken: a minute ago, inside today. */
  static final long NOW_MS = Math.max(ms(LAST), Instant.now().minusSeconds(60).toEpochMilli());

  public record Request(String path, String query, Map<String, List<String>> headers) {}

  /** A canned answer: status, headers, body, and a delay before answering. */
  public record Reply(int status, Map<String, String> headers, String body, long delayMillis) {
    static Reply json(String body) {
      return new Reply(200, Map.of("Content-Type", "application/json"), body, 0);
    }
  }

  private final HttpServer server;
  private final List<Coin> full;
  private final Map<String, Deque<Reply>> faults = new ConcurrentHashMap<>();
  public final List<Request> requests = new CopyOnWriteArrayList<>();

  /** Added to every answer, to measure how calls overlap. */
  public volatile long latencyMillis;

  public FakeApis() throws IOException {
    this(null);
  }

  /**
   * @param full null for the small market; else these coins, each listed on all four venues (the
   *     benchmark's whole universe)
   */
  public FakeApis(List<Coin> full) throws IOException {
    this.full = full;
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 64);
    server.setExecutor(Executors.newCachedThreadPool());
    server.createContext("/", this::handle);
    server.start();
  }

  /** Every source the fake serves. */
  public static final List<String> SOURCES =
      List.of("coingecko", "binance", "okx", "bybit", "bitget", "coinmetrics", "defillama");

  public String base(String source) {
    String root = "http://127.0.0.1:" + server.getAddress().getPort() + "/" + source;
    return source.equals("coingecko") ? root + "/api/v3" : root;
  }

  /** The --endpoint flags pointing every source here. */
  public List<String> endpointFlags() {
    List<String> f = new ArrayList<>();
    for (String s : SOURCES) {
      f.add("--endpoint");
      f.add(s + "=" + base(s));
    }
    return f;
  }

  /**
   * {@code fetch} with every source pointed here and unthrottled (the fake has no limits), then
   * {@code extra}.
   */
  public String[] fetchArgs(String... extra) {
    List<String> args = new ArrayList<>(List.of("fetch"));
    args.addAll(endpointFlags());
    for (String s : SOURCES) {
      args.addAll(List.of("--rate-limit", s + "=60000"));
    }
    args.addAll(List.of(extra));
    return args.toArray(String[]::new);
  }

  /** Queues answers for the next calls whose path (after the source prefix) starts with this. */
  public void fault(String pathPrefix, Reply... replies) {
    faults
        .computeIfAbsent(pathPrefix, k -> new java.util.concurrent.ConcurrentLinkedDeque<>())
        .addAll(List.of(replies));
  }

  public long count(String pathPrefix) {
    return requests.stream().filter(r -> r.path.startsWith(pathPrefix)).count();
  }

  @Override
  public void close() {
    server.stop(0);
  }

  private void handle(HttpExchange ex) throws IOException {
    String full = ex.getRequestURI().getRawPath();
    String query = ex.getRequestURI().getRawQuery();
    String path = full.replaceFirst("^/[a-z]+", "");
    requests.add(new Request(full, query == null ? "" : query, Map.copyOf(ex.getRequestHeaders())));
    Reply r = null;
    for (Map.Entry<String, Deque<Reply>> f : faults.entrySet()) {
      if (full.startsWith(f.getKey()) || path.startsWith(f.getKey())) {
        r = f.getValue().poll();
        if (r != null) {
          break;
        }
      }
    }
    if (r == null) {
      r = answer(full, path, query == null ? "" : query);
    }
    try {
      Thread.sleep(r.delayMillis() + latencyMillis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    byte[] body = r.body().getBytes(StandardCharsets.UTF_8);
    r.headers().forEach((k, v) -> ex.getResponseHeaders().add(k, v));
    try {
      ex.sendResponseHeaders(r.status(), body.length == 0 ? -1 : body.length);
      try (OutputStream os = ex.getResponseBody()) {
        os.write(body);
      }
    } catch (IOException e) {
      // the client gave up (a timeout test): nothing to do
    }
  }

  // ---- the market ----

  /** id, symbol, name, close on LAST, daily growth, 24h volume, circulating supply. */
  public record Coin(
      String id, String sym, String name, double last, double growth, double vol, double supply) {
    double close(LocalDate d) {
      long back = d.until(LAST).getDays();
      return last / Math.pow(1 + growth, back);
    }
  }

  static final List<Coin> COINS =
      List.of(
          new Coin("zcash", "ZEC", "Zcash", 532.06, 0.05, 1.75e10, 16.3e6),
          new Coin("dash", "DASH", "Dash", 118.8, 0.1, 1.2e9, 12.5e6),
          new Coin("secret", "SCRT", "Secret", 0.31, 0.02, 6e6, 320e6));

  static long ms(LocalDate d) {
    return d.atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli();
  }

  static String num(double v) {
    return String.format(Locale.ROOT, "%.8f", v);
  }

  private Reply answer(String fullPath, String path, String query) {
    String src = fullPath.split("/")[1];
    if (full != null) {
      return Whole.answer(full, src, path, query);
    }
    return switch (src) {
      case "coingecko" -> coingecko(path, query);
      case "binance" -> binance(path, query);
      case "okx" -> okx(path, query);
      case "bybit" -> bybit(path, query);
      case "bitget" -> bitget(path, query);
      case "coinmetrics" -> coinMetrics(path, query);
      case "defillama" -> defiLlama(path);
      default -> new Reply(404, Map.of(), "not found", 0);
    };
  }

  private Reply coingecko(String path, String query) {
    if (path.equals("/api/v3/coins/markets")) {
      StringBuilder b = new StringBuilder("[");
      boolean category = query.contains("category=");
      for (Coin c : COINS) {
        // SCRT is not in the fake category: it comes through ids= (a universe member)
        if (category == c.sym.equals("SCRT")) {
          continue;
        }
        if (b.length() > 1) {
          b.append(',');
        }
        double p7 = (c.last / c.close(LAST.minusDays(7)) - 1) * 100;
        b.append(
            String.format(
                Locale.ROOT,
                "{\"id\":\"%s\",\"symbol\":\"%s\",\"name\":\"%s\",\"current_price\":%s,"
                    + "\"market_cap\":%s,\"fully_diluted_valuation\":null,\"total_volume\":%s,"
                    + "\"price_change_percentage_24h\":1.5,"
                    + "\"price_change_percentage_7d_in_currency\":%s,"
                    + "\"circulating_supply\":%s,\"max_supply\":null,\"roi\":null}",
                c.id,
                c.sym.toLowerCase(Locale.ROOT),
                c.name,
                c.last,
                c.last * c.supply,
                c.vol,
                p7,
                c.supply));
      }
      return Reply.json(b.append(']').toString());
    }
    for (Coin c : COINS) {
      if (path.equals("/api/v3/coins/" + c.id + "/market_chart")) {
        StringBuilder prices = new StringBuilder();
        StringBuilder vols = new StringBuilder();
        for (int i = 30; i >= 0; i--) {
          LocalDate d = LAST.minusDays(i);
          String sep = i == 30 ? "" : ",";
          prices.append(sep).append('[').append(ms(d)).append(',').append(c.close(d)).append(']');
          vols.append(sep).append('[').append(ms(d)).append(',').append(c.vol / 2).append(']');
        }
        return Reply.json(
            "{\"prices\":[" + prices + "],\"market_caps\":[],\"total_volumes\":[" + vols + "]}");
      }
    }
    return new Reply(404, Map.of(), "{\"error\":\"coin not found\"}", 0);
  }

  private Reply binance(String path, String query) {
    if (path.equals("/fapi/v1/exchangeInfo")) {
      return Reply.json(
          "{\"rateLimits\":[],\"symbols\":["
              + "{\"symbol\":\"ZECUSDT\",\"pair\":\"ZECUSDT\",\"contractType\":\"PERPETUAL\",\"onboardDate\":1580889600000,\"status\":\"TRADING\",\"baseAsset\":\"ZEC\",\"quoteAsset\":\"USDT\"},"
              + "{\"symbol\":\"DASHUSDT\",\"pair\":\"DASHUSDT\",\"contractType\":\"PERPETUAL\",\"onboardDate\":"
              + (ms(LAST.minusDays(4)) + 8 * 3600_000)
              + ",\"status\":\"TRADING\",\"baseAsset\":\"DASH\",\"quoteAsset\":\"USDT\"},"
              + "{\"symbol\":\"BTCUSDT\",\"pair\":\"BTCUSDT\",\"contractType\":\"PERPETUAL\",\"onboardDate\":1569398400000,\"status\":\"TRADING\",\"baseAsset\":\"BTC\",\"quoteAsset\":\"USDT\"}]}");
    }
    if (path.equals("/futures/data/openInterestHist") && query.contains("period=5m")) {
      String symbol = query.replaceAll(".*symbol=([A-Z]+).*", "$1");
      double v = symbol.equals("ZECUSDT") ? 812e6 : 50e6; // the current reading, a number ts
      return Reply.json(
          "[{\"symbol\":\""
              + symbol
              + "\",\"sumOpenInterest\":\"1.0\",\"sumOpenInterestValue\":\""
              + num(v)
              + "\",\"timestamp\":"
              + NOW_MS
              + "}]");
    }
    if (path.equals("/futures/data/openInterestHist")) {
      String symbol = query.replaceAll(".*symbol=([A-Z]+).*", "$1");
      StringBuilder b = new StringBuilder("[");
      for (int i = 29; i >= 0; i--) {
        LocalDate d = LAST.minusDays(i);
        double v = symbol.equals("ZECUSDT") ? (i == 0 ? 812e6 : 400e6 + (29 - i) * 10e6) : 50e6;
        if (i < 29) {
          b.append(',');
        }
        // timestamp as a string on even days, a number on odd ones: both are seen
        String ts = i % 2 == 0 ? "\"" + ms(d) + "\"" : Long.toString(ms(d));
        b.append("{\"symbol\":\"")
            .append(symbol)
            .append("\",\"sumOpenInterest\":\"1.0\",")
            .append("\"sumOpenInterestValue\":\"")
            .append(num(v))
            .append("\",\"timestamp\":")
            .append(ts)
            .append('}');
      }
      return Reply.json(b.append(']').toString());
    }
    if (path.equals("/futures/data/globalLongShortAccountRatio")) { // daily, up to yesterday
      String symbol = query.replaceAll(".*symbol=([A-Z]+).*", "$1");
      double ratio = symbol.equals("ZECUSDT") ? 2.0 : 0.5;
      List<String> rows = new ArrayList<>();
      for (int i = 30; i >= 1; i--) {
        rows.add(
            String.format(
                Locale.ROOT,
                "{\"symbol\":\"%s\",\"longAccount\":\"%.4f\",\"longShortRatio\":\"%.4f\","
                    + "\"shortAccount\":\"%.4f\",\"timestamp\":%d}",
                symbol,
                ratio / (1 + ratio),
                ratio,
                1 / (1 + ratio),
                ms(LAST.minusDays(i))));
      }
      return Reply.json("[" + String.join(",", rows) + "]");
    }
    if (path.equals("/fapi/v1/premiumIndex")) { // every contract: a bare array
      return Reply.json(
          "[{\"symbol\":\"ZECUSDT\",\"markPrice\":\"532.06\",\"lastFundingRate\":\""
              + num(ZEC_RATES.get("binance"))
              + "\",\"interestRate\":\"0.00010000\",\"nextFundingTime\":"
              + nextSettlement(8)
              + ",\"time\":"
              + NOW_MS
              + "},{\"symbol\":\"DASHUSDT\",\"lastFundingRate\":\"-0.00020000\",\"nextFundingTime\":"
              + nextSettlement(4)
              + ",\"time\":"
              + NOW_MS
              + "},{\"symbol\":\"ZECUSDT_260327\",\"lastFundingRate\":\"\",\"nextFundingTime\":0,\"time\":"
              + NOW_MS
              + "}]");
    }
    if (path.equals("/fapi/v1/fundingInfo")) { // only symbols whose interval is not 8 hours
      return Reply.json(
          "[{\"symbol\":\"DASHUSDT\",\"adjustedFundingRateCap\":\"0.02000000\","
              + "\"adjustedFundingRateFloor\":\"-0.02000000\",\"fundingIntervalHours\":4,\"disclaimer\":false}]");
    }
    if (path.equals("/fapi/v1/fundingRate")) { // oldest first, times a few ms late
      String symbol = query.replaceAll(".*symbol=([A-Z]+).*", "$1");
      long start = Long.parseLong(query.replaceAll(".*startTime=([0-9]+).*", "$1"));
      boolean zec = symbol.equals("ZECUSDT");
      List<String> rows = new ArrayList<>();
      for (long t : settlements(zec ? 8 : 4, Long.MAX_VALUE, 1000)) {
        if (t >= start) {
          rows.add(
              0,
              "{\"symbol\":\""
                  + symbol
                  + "\",\"fundingTime\":"
                  + (t + 3)
                  + ",\"fundingRate\":\""
                  + num(zec ? SETTLED_RATE : -0.0002)
                  + "\",\"markPrice\":\"532.06\"}");
        }
      }
      return Reply.json("[" + String.join(",", rows) + "]");
    }
    return new Reply(404, Map.of(), "{\"code\":-1121,\"msg\":\"Invalid symbol.\"}", 0);
  }

  // ---- funding ----

  /** ZEC's current rate per venue (each settling every 8 hours). */
  public static final Map<String, Double> ZEC_RATES =
      Map.of("binance", 0.0001, "okx", 0.0002, "bybit", 0.0003, "bitget", -0.0001);

  /** What ZEC paid at every settlement on every venue. */
  public static final double SETTLED_RATE = 0.0001;

  /**
   * The first settlement of an {@code hours} schedule after the moment of answering, epoch ms, as a
   * venue answers. Not after {@link #NOW_MS}, which is a minute back: in the first minute after a
   * settlement that put the "coming" one before the fetch's as-of, and the test failed.
   */
  static long nextSettlement(int hours) {
    long h = hours * 3_600_000L;
    return (System.currentTimeMillis() / h + 1) * h;
  }

  /**
   * Settlement times of an {@code hours} schedule at or before the moment of answering and before
   * {@code beforeMs}, newest first, at most {@code limit}.
   */
  static List<Long> settlements(int hours, long beforeMs, int limit) {
    long h = hours * 3_600_000L;
    List<Long> out = new ArrayList<>();
    for (long t = Math.min(System.currentTimeMillis(), beforeMs - 1) / h * h;
        out.size() < limit;
        t -= h) {
      out.add(t);
    }
    return out;
  }

  /**
   * The pages of 100 a funding history of an {@code hours} schedule takes, read as the fetch reads
   * it: until a page is not full or its oldest row is at or before 00:00 UTC eight days back. So it
   * depends on the hour: an hourly history takes two pages before 08:00 UTC and three after.
   */
  public static int historyPages(int hours) {
    long h = hours * 3_600_000L;
    long newest = settlements(hours, Long.MAX_VALUE, 1).get(0);
    long from = ms(LocalDate.now(ZoneOffset.UTC).minusDays(8));
    int pages = 1;
    while (newest - (100L * pages - 1) * h > from) {
      pages++;
    }
    return pages;
  }

  /** A history page of settled rates in a venue's JSON row form, newest first. */
  static String settledRows(
      int hours, long beforeMs, int limit, double rate, String timeKey, String extra) {
    StringBuilder b = new StringBuilder();
    for (long t : settlements(hours, beforeMs, limit)) {
      b.append(b.length() == 0 ? "" : ",")
          .append("{")
          .append(extra)
          .append("\"fundingRate\":\"")
          .append(num(rate))
          .append("\",\"")
          .append(timeKey)
          .append("\":\"")
          .append(t)
          .append("\"}");
    }
    return b.toString();
  }

  private Reply okx(String path, String query) {
    if (path.equals("/api/v5/public/instruments")) {
      if (query.contains("instType=SWAP")) {
        return Reply.json(
            "{\"code\":\"0\",\"msg\":\"\",\"data\":["
                + "{\"instType\":\"SWAP\",\"instId\":\"ZEC-USDT-SWAP\",\"listTime\":\"1583827200000\",\"state\":\"live\"},"
                + "{\"instType\":\"SWAP\",\"instId\":\"DASH-USDT-SWAP\",\"listTime\":\""
                + (ms(LAST.minusDays(3)) + 6 * 3600_000)
                + "\",\"state\":\"live\"},"
                + "{\"instType\":\"SWAP\",\"instId\":\"SCRT-USDT-SWAP\",\"listTime\":\""
                + ms(LAST.plusDays(2))
                + "\",\"state\":\"preopen\"}]}");
      }
      return Reply.json(
          "{\"code\":\"0\",\"msg\":\"\",\"data\":["
              + "{\"instType\":\"SPOT\",\"instId\":\"SCRT-USDT\",\"listTime\":\""
              + (ms(LAST.minusDays(1)) + 8 * 3600_000)
              + "\",\"state\":\"live\"}]}");
    }
    if (path.equals("/api/v5/rubik/stat/contracts/open-interest-history")) {
      String ccy = query.replaceAll(".*instId=([A-Z]+)-.*", "$1");
      StringBuilder b = new StringBuilder("{\"code\":\"0\",\"msg\":\"\",\"data\":[");
      int days = ccy.equals("DASH") ? 3 : 30;
      for (int i = 0; i < days; i++) { // newest first, as OKX returns them; 1Dutc: 00:00Z
        if (i > 0) {
          b.append(',');
        }
        double v = ccy.equals("ZEC") ? 200e6 : 20e6;
        b.append("[\"")
            .append(ms(LAST.minusDays(i)))
            .append("\",\"1000\",\"10\",\"")
            .append(num(v))
            .append("\"]");
      }
      return Reply.json(b.append("]}").toString());
    }
    if (path.equals("/api/v5/public/open-interest")) {
      String inst = query.replaceAll(".*instId=([A-Z-]+).*", "$1");
      double v = inst.startsWith("ZEC-") ? 200e6 : 20e6;
      return Reply.json(
          "{\"code\":\"0\",\"msg\":\"\",\"data\":[{\"instType\":\"SWAP\",\"instId\":\""
              + inst
              + "\",\"oi\":\"1000\",\"oiCcy\":\"10\",\"oiUsd\":\""
              + num(v)
              + "\",\"ts\":\""
              + NOW_MS
              + "\"}]}");
    }
    if (path.equals("/api/v5/rubik/stat/contracts/long-short-account-ratio-contract")) {
      if (!query.contains("instId=ZEC-")) { // no positioning data for this swap: 200, empty
        return Reply.json("{\"code\":\"0\",\"data\":[],\"msg\":\"\"}");
      }
      StringBuilder b = new StringBuilder("{\"code\":\"0\",\"data\":[");
      for (int i = 1; i <= 30; i++) { // newest first, [ts, ratio]
        b.append(i == 1 ? "" : ",")
            .append("[\"")
            .append(ms(LAST.minusDays(i)))
            .append("\",\"1.0\"]");
      }
      return Reply.json(b.append("],\"msg\":\"\"}").toString());
    }
    if (path.equals("/api/v5/public/funding-rate")) {
      String inst = query.replaceAll(".*instId=([A-Z-]+).*", "$1");
      boolean zec = inst.startsWith("ZEC-");
      int hours = zec ? 8 : 1; // DASH settles every hour on OKX
      long next = nextSettlement(hours);
      return Reply.json(
          "{\"code\":\"0\",\"data\":[{\"formulaType\":\"withRate\",\"fundingRate\":\""
              + num(zec ? ZEC_RATES.get("okx") : 0.00005)
              + "\",\"fundingTime\":\""
              + next
              + "\",\"instId\":\""
              + inst
              + "\",\"instType\":\"SWAP\",\"method\":\"current_period\",\"nextFundingRate\":\"\","
              + "\"nextFundingTime\":\""
              + (next + hours * 3_600_000L)
              + "\",\"settState\":\"settled\",\"ts\":\""
              + NOW_MS
              + "\"}],\"msg\":\"\"}");
    }
    if (path.equals("/api/v5/public/funding-rate-history")) { // newest first, 100 a page
      String inst = query.replaceAll(".*instId=([A-Z-]+).*", "$1");
      boolean zec = inst.startsWith("ZEC-");
      long before =
          query.contains("after=")
              ? Long.parseLong(query.replaceAll(".*after=([0-9]+).*", "$1"))
              : Long.MAX_VALUE;
      String extra = "\"instId\":\"" + inst + "\",\"method\":\"current_period\",";
      return Reply.json(
          "{\"code\":\"0\",\"data\":["
              + settledRows(
                      zec ? 8 : 1, before, 100, zec ? SETTLED_RATE : 0.00005, "fundingTime", extra)
                  .replace("\"fundingRate\"", "\"realizedRate\"")
              + "],\"msg\":\"\"}");
    }
    return Reply.json("{\"code\":\"51001\",\"msg\":\"Instrument ID does not exist\",\"data\":[]}");
  }

  private Reply bybit(String path, String query) {
    if (path.equals("/v5/market/instruments-info")) {
      // two pages: the cursor must be followed
      if (!query.contains("cursor=")) {
        return Reply.json(
            "{\"retCode\":0,\"retMsg\":\"OK\",\"result\":{\"category\":\"linear\",\"list\":["
                + "{\"symbol\":\"BTCUSDT\",\"contractType\":\"LinearPerpetual\",\"status\":\"Trading\",\"baseCoin\":\"BTC\",\"quoteCoin\":\"USDT\",\"launchTime\":\"1585526400000\"}],"
                + "\"nextPageCursor\":\"page%3D2\"},\"retExtInfo\":{},\"time\":1735809771618}");
      }
      return Reply.json(
          "{\"retCode\":0,\"retMsg\":\"OK\",\"result\":{\"category\":\"linear\",\"list\":["
              + "{\"symbol\":\"ZECUSDT\",\"contractType\":\"LinearPerpetual\",\"status\":\"Trading\",\"baseCoin\":\"ZEC\",\"quoteCoin\":\"USDT\",\"launchTime\":\"1585526400000\"}],"
              + "\"nextPageCursor\":\"\"},\"retExtInfo\":{},\"time\":1735809771618}");
    }
    if (path.equals("/v5/market/tickers")) {
      // the current one-sided value in USD: 200,000 coins at today's price
      return Reply.json(
          "{\"retCode\":0,\"retMsg\":\"OK\",\"result\":{\"category\":\"linear\",\"list\":["
              + "{\"symbol\":\"ZECUSDT\",\"lastPrice\":\"532.06\",\"openInterest\":\"200000\","
              + "\"openInterestValue\":\""
              + num(200_000 * 532.06)
              + "\",\"fundingRate\":\""
              + num(ZEC_RATES.get("bybit"))
              + "\",\"nextFundingTime\":\""
              + nextSettlement(8)
              + "\",\"fundingIntervalHour\":\"8\",\"fundingCap\":\"0.02\""
              + "}]},\"retExtInfo\":{},\"time\":"
              + NOW_MS
              + "}");
    }
    if (path.equals("/v5/market/open-interest")) {
      StringBuilder b =
          new StringBuilder(
              "{\"retCode\":0,\"retMsg\":\"OK\",\"result\":{\"symbol\":\"ZECUSDT\",\"category\":\"linear\",\"list\":[");
      for (int i = 0; i < 30; i++) {
        if (i > 0) {
          b.append(',');
        }
        // 200,000 coins one-sided; the both-sided figure is twice that
        b.append("{\"openInterest\":\"400000\",\"singleOpenInterest\":\"200000\",\"timestamp\":\"")
            .append(ms(LAST.minusDays(i)))
            .append("\"}");
      }
      return Reply.json(b.append("],\"nextPageCursor\":\"\"},\"retExtInfo\":{}}").toString());
    }
    if (path.equals("/v5/market/account-ratio")) { // shares of accounts, newest first
      StringBuilder b =
          new StringBuilder("{\"retCode\":0,\"retMsg\":\"OK\",\"result\":{\"list\":[");
      for (int i = 1; i <= 30; i++) {
        b.append(i == 1 ? "" : ",")
            .append("{\"symbol\":\"ZECUSDT\",\"buyRatio\":\"0.6\",\"sellRatio\":\"0.4\",")
            .append("\"timestamp\":\"")
            .append(ms(LAST.minusDays(i)))
            .append("\"}");
      }
      return Reply.json(
          b.append("],\"nextPageCursor\":\"\"},\"retExtInfo\":{},\"time\":")
              .append(NOW_MS)
              .append('}')
              .toString());
    }
    if (path.equals("/v5/market/funding/history")) { // newest first, pages back by endTime
      long before =
          query.contains("endTime=")
              ? Long.parseLong(query.replaceAll(".*endTime=([0-9]+).*", "$1")) + 1
              : Long.MAX_VALUE;
      return Reply.json(
          "{\"retCode\":0,\"retMsg\":\"OK\",\"result\":{\"category\":\"linear\",\"list\":["
              + settledRows(
                  8, before, 200, SETTLED_RATE, "fundingRateTimestamp", "\"symbol\":\"ZECUSDT\",")
              + "]},\"retExtInfo\":{},\"time\":"
              + NOW_MS
              + "}");
    }
    return Reply.json("{\"retCode\":10001,\"retMsg\":\"params error\",\"result\":{}}");
  }

  // ---- fundamentals ----

  /**
   * ZEC's and DASH's active addresses on day d: the newest day is yesterday, as at Coin Metrics.
   */
  static double activeAddresses(String asset, LocalDate d) {
    return (asset.equals("zec") ? 10_000 : 50_000) + 100.0 * d.toEpochDay() % 1000;
  }

  /**
   * {@code /timeseries/asset-metrics}: ZEC and DASH (SCRT is not covered, and is left out as {@code
   * ignore_unsupported_errors=true} asks), the days up to yesterday, two pages: the first ends with
   * ZEC, the second (asked for by {@code next_page_token}) is DASH's.
   */
  private Reply coinMetrics(String path, String query) {
    if (!path.equals("/timeseries/asset-metrics")) {
      return new Reply(
          404,
          Map.of("Content-Type", "application/json"),
          "{\"error\":{\"type\":\"not_found\",\"message\":\"Requested resource was not found.\"}}",
          0);
    }
    boolean second = query.contains("next_page_token=");
    String asset = second ? "dash" : "zec";
    StringBuilder b = new StringBuilder("{\"data\":[");
    for (int i = 30; i >= 1; i--) {
      LocalDate d = LAST.minusDays(i);
      if (asset.equals("zec") && i == 3) {
        continue; // a day Coin Metrics has no row for
      }
      b.append(b.length() > 9 ? "," : "")
          .append("{\"asset\":\"")
          .append(asset)
          .append("\",\"time\":\"")
          .append(d)
          .append("T00:00:00.000000000Z\",\"AdrActCnt\":\"")
          .append(num(activeAddresses(asset, d)))
          .append("\",\"TxCnt\":\"")
          .append(asset.equals("zec") ? 5000 + i : 20000)
          .append("\",\"FeeTotUSD\":\"")
          .append(asset.equals("zec") ? "1234.5" : "99.25")
          .append(query.contains("CapMrktCurUSD") ? "\",\"CapMrktCurUSD\":\"8600000000.5" : "")
          .append("\"}");
    }
    b.append(']');
    if (!second) {
      b.append(",\"next_page_token\":\"0.MjAyNi0wMS0zMFQwMDowMDowMFo\",")
          .append(
              "\"next_page_url\":\"https://community-api.coinmetrics.io/v4/timeseries/asset-metrics?next_page_token=0.MjAyNi0wMS0zMFQwMDowMDowMFo\"");
    }
    return Reply.json(b.append('}').toString());
  }

  /** {@code /v2/chains} (Secret is a chain with DeFi; Zcash is not) and Secret's TVL history. */
  private Reply defiLlama(String path) {
    if (path.equals("/v2/chains")) {
      return Reply.json(
          "[{\"gecko_id\":\"ethereum\",\"tvl\":41655886906,\"tokenSymbol\":\"ETH\",\"cmcId\":\"1027\",\"name\":\"Ethereum\",\"chainId\":1},"
              + "{\"gecko_id\":\"secret\",\"tvl\":2170000,\"tokenSymbol\":\"SCRT\",\"cmcId\":\"5604\",\"name\":\"Secret\",\"chainId\":null}]");
    }
    if (path.equals("/v2/historicalChainTvl/Secret")) {
      StringBuilder b = new StringBuilder("[");
      for (int i = 40; i >= 0; i--) { // oldest first, whole numbers, today's row too
        b.append(i == 40 ? "" : ",")
            .append("{\"date\":")
            .append(ms(LAST.minusDays(i)) / 1000)
            .append(",\"tvl\":")
            .append(2_000_000 + 1000 * (40 - i))
            .append('}');
      }
      return Reply.json(b.append(']').toString());
    }
    return new Reply(404, Map.of(), "Not Found", 0);
  }

  private Reply bitget(String path, String query) {
    if (path.equals("/api/v2/mix/market/contracts")) {
      return Reply.json(
          "{\"code\":\"00000\",\"msg\":\"success\",\"requestTime\":1695793701269,\"data\":["
              + "{\"symbol\":\"SCRTUSDT\",\"baseCoin\":\"SCRT\",\"quoteCoin\":\"USDT\",\"symbolType\":\"perpetual\",\"symbolStatus\":\"normal\",\"launchTime\":\""
              + (ms(LAST.minusDays(2)) + 12 * 3600_000)
              + "\"},"
              + "{\"symbol\":\"ZECUSDT\",\"baseCoin\":\"ZEC\",\"quoteCoin\":\"USDT\",\"symbolType\":\"perpetual\",\"symbolStatus\":\"normal\",\"launchTime\":\"\"}]}");
    }
    if (path.equals("/api/v2/mix/market/open-interest")) {
      String symbol = query.replaceAll(".*symbol=([A-Z]+).*", "$1");
      String size = symbol.equals("ZECUSDT") ? "10000" : "1000000";
      return Reply.json(
          "{\"code\":\"00000\",\"msg\":\"success\",\"requestTime\":1,\"data\":{\"openInterestList\":[{\"symbol\":\""
              + symbol
              + "\",\"size\":\""
              + size
              + "\"}],\"ts\":\""
              + NOW_MS
              + "\"}}");
    }
    if (path.equals("/api/v2/mix/market/current-fund-rate")) {
      String symbol = query.replaceAll(".*symbol=([A-Z]+).*", "$1");
      boolean zec = symbol.equals("ZECUSDT");
      return Reply.json(
          "{\"code\":\"00000\",\"msg\":\"success\",\"requestTime\":1,\"data\":[{\"symbol\":\""
              + symbol
              + "\",\"fundingRate\":\""
              + num(zec ? ZEC_RATES.get("bitget") : 0.0004)
              + "\",\"fundingRateInterval\":\""
              + (zec ? 8 : 2)
              + "\",\"nextUpdate\":\""
              + nextSettlement(zec ? 8 : 2)
              + "\",\"minFundingRate\":\"-0.003\",\"maxFundingRate\":\"0.003\"}]}");
    }
    if (path.equals("/api/v2/mix/market/history-fund-rate")) { // newest first, by pageNo
      String symbol = query.replaceAll(".*symbol=([A-Z]+).*", "$1");
      boolean zec = symbol.equals("ZECUSDT");
      int pageNo = Integer.parseInt(query.replaceAll(".*pageNo=([0-9]+).*", "$1"));
      int hours = zec ? 8 : 2;
      List<Long> all = settlements(hours, Long.MAX_VALUE, pageNo * 100);
      long from = all.get((pageNo - 1) * 100);
      return Reply.json(
          "{\"code\":\"00000\",\"msg\":\"success\",\"requestTime\":1,\"data\":["
              + settledRows(
                  hours,
                  from + 1,
                  100,
                  zec ? SETTLED_RATE : 0.0004,
                  "fundingTime",
                  "\"symbol\":\"" + symbol + "\",")
              + "]}");
    }
    return Reply.json("{\"code\":\"40034\",\"msg\":\"Parameter does not exist\",\"data\":null}");
  }
}
