package dev.privscreen.source.http;

import com.fasterxml.jackson.databind.JsonNode;
import dev.privscreen.model.Asset;
import dev.privscreen.model.ListingEvent;
import dev.privscreen.model.ListingEvent.Action;
import dev.privscreen.model.ListingEvent.Market;
import dev.privscreen.model.OiPoint;
import dev.privscreen.model.PricePoint;
import dev.privscreen.universe.Universe;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The five APIs' response shapes (SPEC §6, shared/api-samples) turned into model rows. Pure
 * functions of parsed JSON: no I/O, tested on recorded shapes.
 */
public final class Venues {
  private Venues() {}

  // ---- CoinGecko ----

  /** {@code /coins/markets}: one asset per element. */
  static List<Asset> markets(JsonNode arr) {
    List<Asset> out = new ArrayList<>();
    if (arr == null || !arr.isArray()) {
      return out;
    }
    for (JsonNode c : arr) {
      String id = Api.text(c.get("id"));
      String symbol = Api.text(c.get("symbol"));
      if (id == null || symbol == null) {
        continue;
      }
      out.add(
          new Asset(
              id,
              symbol.toUpperCase(Locale.ROOT),
              Api.text(c.get("name")),
              nonNegative(c.get("current_price")),
              nonNegative(c.get("market_cap")),
              nonNegative(c.get("fully_diluted_valuation")),
              nonNegative(c.get("total_volume")),
              first(c, "price_change_percentage_24h_in_currency", "price_change_percentage_24h"),
              Api.num(c.get("price_change_percentage_7d_in_currency")),
              Api.num(c.get("price_change_percentage_30d_in_currency")),
              nonNegative(c.get("circulating_supply")),
              nonNegative(c.get("max_supply"))));
    }
    return out;
  }

  /**
   * {@code /coins/{id}/market_chart}: daily closes and volumes, each point placed on the day whose
   * 00:00 UTC it is nearest (CoinGecko stamps its daily points 00:00Z: the point of D is the price
   * at the start of D); the API's final point is "now", and counts for today, the day it is in.
   */
  static List<PricePoint> marketChart(String id, JsonNode chart) {
    Map<LocalDate, Double> close = series(chart.get("prices"));
    Map<LocalDate, Double> volume = series(chart.get("total_volumes"));
    List<PricePoint> out = new ArrayList<>();
    for (Map.Entry<LocalDate, Double> e : close.entrySet()) {
      out.add(new PricePoint(id, e.getKey(), e.getValue(), volume.get(e.getKey())));
    }
    return out;
  }

  private static Map<LocalDate, Double> series(JsonNode arr) {
    Map<LocalDate, Double> out = new TreeMap<>();
    if (arr == null || !arr.isArray()) {
      return out;
    }
    Instant latest = null;
    for (JsonNode p : arr) {
      Instant t = Api.millis(p.get(0));
      if (t != null && (latest == null || t.isAfter(latest))) {
        latest = t;
      }
    }
    for (JsonNode p : arr) {
      Instant t = Api.millis(p.get(0));
      Double v = Api.num(p.get(1));
      if (t != null && v != null && v >= 0 && !t.equals(latest)) {
        out.put(Api.nearestDay(t), v);
      }
    }
    for (JsonNode p : arr) { // "now" last, so that it wins today
      Instant t = Api.millis(p.get(0));
      Double v = Api.num(p.get(1));
      if (t != null && v != null && v >= 0 && t.equals(latest)) {
        out.put(Api.day(t), v);
      }
    }
    return out;
  }

  // ---- Binance USD-M futures ----

  /** {@code exchangeInfo}: listings (onboardDate) and the member → symbol of live perpetuals. */
  static Map<String, String> binancePerps(JsonNode info, Universe u, List<ListingEvent> listings) {
    Map<String, String> live = new LinkedHashMap<>();
    for (JsonNode s : info.path("symbols")) {
      String symbol = Api.text(s.get("symbol"));
      if (symbol == null
          || !"PERPETUAL".equals(Api.text(s.get("contractType")))
          || !"USDT".equals(Api.text(s.get("quoteAsset")))) {
        continue;
      }
      var m = u.forPair("binance", symbol);
      if (m.isEmpty()) {
        continue;
      }
      Instant onboard = Api.millis(s.get("onboardDate"));
      if (onboard != null) {
        listings.add(
            new ListingEvent(m.get().id(), "binance", Market.PERP, symbol, onboard, Action.LIST));
      }
      if ("TRADING".equals(Api.text(s.get("status")))) {
        live.put(m.get().id(), symbol);
      }
    }
    return live;
  }

  /** {@code openInterestHist?period=1d}: one-sided USD ({@code sumOpenInterestValue}) per day. */
  static List<OiPoint> binanceOi(String id, JsonNode rows) {
    Map<LocalDate, Double> byDay = new TreeMap<>();
    for (JsonNode r : rows) {
      Instant t = Api.millis(r.get("timestamp"));
      Double v = Api.num(r.get("sumOpenInterestValue"));
      if (t != null && v != null && v >= 0) {
        byDay.put(Api.nearestDay(t), v);
      }
    }
    return points(id, "binance", byDay);
  }

  /**
   * {@code openInterestHist?period=5m&limit=1}: the latest five-minute reading, for today, with its
   * instant; none when the answer has no usable row.
   */
  static List<OiPoint> binanceOiNow(String id, JsonNode rows, LocalDate today) {
    List<OiPoint> out = new ArrayList<>();
    Instant newest = null;
    Double value = null;
    for (JsonNode r : rows) {
      Instant t = Api.millis(r.get("timestamp"));
      Double v = Api.num(r.get("sumOpenInterestValue"));
      if (t != null && v != null && v >= 0 && (newest == null || t.isAfter(newest))) {
        newest = t;
        value = v;
      }
    }
    if (newest != null) {
      out.add(new OiPoint(id, "binance", today, value, newest));
    }
    return out;
  }

  // ---- OKX ----

  /** {@code public/instruments}: listings (listTime) and the member → instId of live swaps. */
  static Map<String, String> okxInstruments(
      JsonNode body, Market market, Universe u, List<ListingEvent> listings) {
    Map<String, String> live = new LinkedHashMap<>();
    for (JsonNode i : body.path("data")) {
      String instId = Api.text(i.get("instId"));
      if (instId == null || !instId.contains("-USDT")) {
        continue;
      }
      var m = u.forPair("okx", instId);
      if (m.isEmpty() || (market == Market.PERP && !instId.endsWith("-SWAP"))) {
        continue;
      }
      Instant listTime = Api.millis(i.get("listTime"));
      String state = Api.text(i.get("state"));
      if (listTime != null && !"preopen".equals(state)) {
        listings.add(new ListingEvent(m.get().id(), "okx", market, instId, listTime, Action.LIST));
      }
      if ("live".equals(state)) {
        live.put(m.get().id(), instId);
      }
    }
    return live;
  }

  /**
   * {@code rubik/stat/contracts/open-interest-history?period=1Dutc}: rows {@code [ts, oi, oiCcy,
   * oiUsd]}, one a UTC day (stamped 00:00Z), newest first.
   */
  static List<OiPoint> okxOi(String id, JsonNode body) {
    Map<LocalDate, Double> byDay = new TreeMap<>();
    for (JsonNode r : body.path("data")) {
      Instant t = Api.millis(r.get(0));
      Double v = Api.num(r.get(3));
      if (t != null && v != null && v >= 0) {
        byDay.put(Api.nearestDay(t), v);
      }
    }
    return points(id, "okx", byDay);
  }

  /** {@code public/open-interest}: the swap's current {@code oiUsd}, at {@code ts}. */
  static List<OiPoint> okxOiNow(String id, JsonNode body, LocalDate today) {
    List<OiPoint> out = new ArrayList<>();
    for (JsonNode r : body.path("data")) {
      Instant t = Api.millis(r.get("ts"));
      Double v = Api.num(r.get("oiUsd"));
      if (t != null && v != null && v >= 0) {
        out.add(new OiPoint(id, "okx", today, v, t));
        break;
      }
    }
    return out;
  }

  // ---- Bybit ----

  /** One page of {@code instruments-info}: listings (launchTime), live symbols. */
  static Map<String, String> bybitInstruments(
      JsonNode body, Universe u, List<ListingEvent> listings) {
    Map<String, String> live = new LinkedHashMap<>();
    for (JsonNode i : body.path("result").path("list")) {
      String symbol = Api.text(i.get("symbol"));
      if (symbol == null || !"USDT".equals(Api.text(i.get("quoteCoin")))) {
        continue;
      }
      var m = u.forPair("bybit", symbol);
      if (m.isEmpty()) {
        continue;
      }
      Instant launch = Api.millis(i.get("launchTime"));
      if (launch != null) {
        listings.add(
            new ListingEvent(m.get().id(), "bybit", Market.PERP, symbol, launch, Action.LIST));
      }
      if ("Trading".equals(Api.text(i.get("status")))) {
        live.put(m.get().id(), symbol);
      }
    }
    return live;
  }

  static String nextCursor(JsonNode body) {
    String c = Api.text(body.path("result").get("nextPageCursor"));
    return c == null || c.isEmpty() ? null : c;
  }

  /** {@code open-interest}: base coin per day, {@code singleOpenInterest} when present. */
  static List<Harvest.BaseOi> bybitOi(String id, JsonNode body) {
    Map<LocalDate, Double> byDay = new TreeMap<>();
    for (JsonNode r : body.path("result").path("list")) {
      Instant t = Api.millis(r.get("timestamp"));
      Double single = Api.num(r.get("singleOpenInterest"));
      Double v = single != null ? single : Api.num(r.get("openInterest"));
      if (t != null && v != null && v >= 0) {
        byDay.put(Api.nearestDay(t), v);
      }
    }
    List<Harvest.BaseOi> out = new ArrayList<>();
    byDay.forEach((d, v) -> out.add(new Harvest.BaseOi(id, "bybit", d, v, null)));
    return out;
  }

  /**
   * {@code tickers}: the current {@code openInterestValue} (USD, one-sided), at the answer's {@code
   * time}.
   */
  static List<OiPoint> bybitOiNow(String id, JsonNode body, LocalDate today) {
    List<OiPoint> out = new ArrayList<>();
    Instant t = Api.millis(body.get("time"));
    for (JsonNode r : body.path("result").path("list")) {
      Double v = Api.num(r.get("openInterestValue"));
      if (t != null && v != null && v >= 0) {
        out.add(new OiPoint(id, "bybit", today, v, t));
        break;
      }
    }
    return out;
  }

  // ---- Bitget ----

  static Map<String, String> bitgetContracts(
      JsonNode body, Universe u, List<ListingEvent> listings) {
    Map<String, String> live = new LinkedHashMap<>();
    for (JsonNode c : body.path("data")) {
      String symbol = Api.text(c.get("symbol"));
      if (symbol == null || !"USDT".equals(Api.text(c.get("quoteCoin")))) {
        continue;
      }
      var m = u.forPair("bitget", symbol);
      if (m.isEmpty()) {
        continue;
      }
      Instant launch = Api.millis(c.get("launchTime")); // may be ""
      if (launch != null) {
        listings.add(
            new ListingEvent(m.get().id(), "bitget", Market.PERP, symbol, launch, Action.LIST));
      }
      String status = Api.text(c.get("symbolStatus"));
      if (status == null || status.equals("normal")) {
        live.put(m.get().id(), symbol);
      }
    }
    return live;
  }

  /** {@code open-interest}: the current size in base coin at {@code ts}, for today. */
  static List<Harvest.BaseOi> bitgetOi(String id, JsonNode body, LocalDate today) {
    JsonNode data = body.path("data");
    Instant t = Api.millis(data.get("ts"));
    List<Harvest.BaseOi> out = new ArrayList<>();
    for (JsonNode r : data.path("openInterestList")) {
      Double size = Api.num(r.get("size"));
      if (t != null && size != null && size >= 0) {
        out.add(new Harvest.BaseOi(id, "bitget", today, size, t));
      }
    }
    return out;
  }

  // ---- positioning: the long/short account ratio, daily ----

  /**
   * Binance {@code globalLongShortAccountRatio?period=1d}: {@code longShortRatio} (accounts long /
   * accounts short) per day; a bad symbol answers {@code []}.
   */
  static List<Harvest.VenueRatio> binanceLongShort(String id, JsonNode rows) {
    Map<LocalDate, Double> byDay = new TreeMap<>();
    for (JsonNode r : rows) {
      Instant t = Api.millis(r.get("timestamp"));
      Double v = Api.num(r.get("longShortRatio"));
      if (t != null && v != null && v > 0) {
        byDay.put(Api.nearestDay(t), v);
      }
    }
    return ratios(id, "binance", byDay);
  }

  /** Bybit {@code account-ratio?period=1d}: {@code buyRatio / sellRatio} (shares of accounts). */
  static List<Harvest.VenueRatio> bybitLongShort(String id, JsonNode body) {
    Map<LocalDate, Double> byDay = new TreeMap<>();
    for (JsonNode r : body.path("result").path("list")) {
      Instant t = Api.millis(r.get("timestamp"));
      Double buy = Api.num(r.get("buyRatio"));
      Double sell = Api.num(r.get("sellRatio"));
      if (t != null && buy != null && sell != null && buy >= 0 && sell > 0) {
        byDay.put(Api.nearestDay(t), buy / sell);
      }
    }
    return ratios(id, "bybit", byDay);
  }

  /**
   * OKX {@code rubik/stat/contracts/long-short-account-ratio-contract}: rows {@code [ts, ratio]}.
   */
  static List<Harvest.VenueRatio> okxLongShort(String id, JsonNode body) {
    Map<LocalDate, Double> byDay = new TreeMap<>();
    for (JsonNode r : body.path("data")) {
      Instant t = Api.millis(r.get(0));
      Double v = Api.num(r.get(1));
      if (t != null && v != null && v > 0) {
        byDay.put(Api.nearestDay(t), v);
      }
    }
    return ratios(id, "okx", byDay);
  }

  private static List<Harvest.VenueRatio> ratios(
      String id, String venue, Map<LocalDate, Double> byDay) {
    List<Harvest.VenueRatio> out = new ArrayList<>();
    byDay.forEach((d, v) -> out.add(new Harvest.VenueRatio(id, venue, d, v)));
    return out;
  }

  private static List<OiPoint> points(String id, String venue, Map<LocalDate, Double> byDay) {
    List<OiPoint> out = new ArrayList<>();
    byDay.forEach((d, v) -> out.add(new OiPoint(id, venue, d, v)));
    return out;
  }

  private static Double nonNegative(JsonNode n) {
    Double v = Api.num(n);
    return v == null || v < 0 ? null : v;
  }

  private static Double first(JsonNode c, String a, String b) {
    Double v = Api.num(c.get(a));
    return v != null ? v : Api.num(c.get(b));
  }
}
