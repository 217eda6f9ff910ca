package dev.privscreen.source.http;

import com.fasterxml.jackson.databind.JsonNode;
import dev.privscreen.model.FundingPoint;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The four venues' funding answers turned into {@link FundingPoint}s. Pure functions of parsed
 * JSON.
 *
 * <p>How rates are normalised: each is kept as the venue publishes it (a fraction of the position
 * per settlement) with the venue's settlement interval in hours; {@link FundingPoint#per8hPct}
 * scales it to 8 hours. The interval of the current period is what the venue says (Binance {@code
 * fundingInfo}, absent meaning 8; OKX {@code nextFundingTime − fundingTime}; Bybit {@code
 * fundingIntervalHour}; Bitget {@code fundingRateInterval}). A settled rate's interval is the time
 * since the settlement before it, since venues change a perpetual's interval (8 → 4 → 1 h) when it
 * moves hard; the oldest row of an answer takes the spacing after it, and a lone row the current
 * interval ({@link #UNKNOWN}, resolved when the fetch is assembled). Settlement times are rounded
 * to the minute: Binance stamps them a few milliseconds late.
 */
final class FundingAnswers {
  private FundingAnswers() {}

  /** A settled rate whose interval its answer could not tell: the current one applies. */
  static final int UNKNOWN = 0;

  private static final int[] INTERVALS = {8, 4, 2, 1};

  // ---- Binance ----

  /** {@code /fapi/v1/fundingInfo}: symbol → hours, only for symbols whose interval is not 8. */
  static Map<String, Integer> binanceIntervals(JsonNode arr) {
    Map<String, Integer> out = new HashMap<>();
    for (JsonNode r : arr) {
      String symbol = Api.text(r.get("symbol"));
      Integer h = interval(Api.num(r.get("fundingIntervalHours")));
      if (symbol != null && h != null) {
        out.put(symbol, h);
      }
    }
    return out;
  }

  /**
   * {@code /fapi/v1/premiumIndex} without a symbol (every contract in one call): the current rate
   * ({@code lastFundingRate}, the period's) of each member's perpetual, settling at {@code
   * nextFundingTime} (0 for quarterly contracts, which are skipped).
   *
   * @param live member id → symbol
   */
  static List<FundingPoint> binanceNow(
      JsonNode arr, Map<String, String> live, Map<String, Integer> intervals) {
    Map<String, String> idBySymbol = new HashMap<>();
    live.forEach((id, symbol) -> idBySymbol.put(symbol, id));
    List<FundingPoint> out = new ArrayList<>();
    for (JsonNode r : arr) {
      String symbol = Api.text(r.get("symbol"));
      String id = symbol == null ? null : idBySymbol.get(symbol);
      Instant next = minute(Api.millis(r.get("nextFundingTime")));
      Double rate = Api.num(r.get("lastFundingRate"));
      if (id != null && next != null && rate != null) {
        out.add(new FundingPoint(id, "binance", next, rate, intervals.getOrDefault(symbol, 8)));
      }
    }
    return out;
  }

  /** {@code /fapi/v1/fundingRate}: settled rates, oldest first. */
  static List<FundingPoint> binanceHistory(String id, JsonNode arr) {
    return settled(id, "binance", arr, "fundingTime", "fundingRate", null);
  }

  // ---- OKX ----

  /** {@code public/funding-rate}: the period's rate, settling at {@code fundingTime}. */
  static List<FundingPoint> okxNow(String id, JsonNode body) {
    List<FundingPoint> out = new ArrayList<>();
    for (JsonNode r : body.path("data")) {
      Instant at = minute(Api.millis(r.get("fundingTime")));
      Instant next = minute(Api.millis(r.get("nextFundingTime")));
      Double rate = Api.num(r.get("fundingRate"));
      if (at != null && rate != null) {
        Integer h =
            next == null ? null : interval((next.toEpochMilli() - at.toEpochMilli()) / 3.6e6);
        out.add(new FundingPoint(id, "okx", at, rate, h == null ? 8 : h));
        break;
      }
    }
    return out;
  }

  /** {@code public/funding-rate-history}: {@code realizedRate} (what was paid), newest first. */
  static List<FundingPoint> okxHistory(String id, JsonNode body) {
    return settled(id, "okx", body.path("data"), "fundingTime", "realizedRate", "fundingRate");
  }

  // ---- Bybit ----

  /** {@code tickers}: the period's {@code fundingRate}, settling at {@code nextFundingTime}. */
  static List<FundingPoint> bybitNow(String id, JsonNode body) {
    List<FundingPoint> out = new ArrayList<>();
    for (JsonNode r : body.path("result").path("list")) {
      Instant next = minute(Api.millis(r.get("nextFundingTime")));
      Double rate = Api.num(r.get("fundingRate"));
      Integer h = interval(Api.num(r.get("fundingIntervalHour")));
      if (next != null && rate != null) {
        out.add(new FundingPoint(id, "bybit", next, rate, h == null ? 8 : h));
        break;
      }
    }
    return out;
  }

  /** {@code funding/history}: settled rates, newest first. */
  static List<FundingPoint> bybitHistory(String id, JsonNode body) {
    return settled(
        id, "bybit", body.path("result").path("list"), "fundingRateTimestamp", "fundingRate", null);
  }

  // ---- Bitget ----

  /** {@code current-fund-rate}: the period's rate, settling at {@code nextUpdate}. */
  static List<FundingPoint> bitgetNow(String id, JsonNode body) {
    List<FundingPoint> out = new ArrayList<>();
    for (JsonNode r : body.path("data")) {
      Instant next = minute(Api.millis(r.get("nextUpdate")));
      Double rate = Api.num(r.get("fundingRate"));
      Integer h = interval(Api.num(r.get("fundingRateInterval")));
      if (next != null && rate != null) {
        out.add(new FundingPoint(id, "bitget", next, rate, h == null ? 8 : h));
        break;
      }
    }
    return out;
  }

  /** {@code history-fund-rate}: settled rates, newest first. */
  static List<FundingPoint> bitgetHistory(String id, JsonNode body) {
    return settled(id, "bitget", body.path("data"), "fundingTime", "fundingRate", null);
  }

  // ---- shared ----

  /** The oldest settlement time in a history answer's rows, or null: where the next page starts. */
  static Instant oldest(List<FundingPoint> rows) {
    Instant min = null;
    for (FundingPoint p : rows) {
      if (min == null || p.fundingTime().isBefore(min)) {
        min = p.fundingTime();
      }
    }
    return min;
  }

  /**
   * Settled rates of one venue, in either order, each with the interval since the one before it.
   *
   * @param fallbackKey read when {@code rateKey} is absent or empty (OKX's {@code realizedRate})
   */
  private static List<FundingPoint> settled(
      String id, String venue, JsonNode rows, String timeKey, String rateKey, String fallbackKey) {
    TreeMap<Instant, Double> byTime = new TreeMap<>();
    for (JsonNode r : rows) {
      Instant t = minute(Api.millis(r.get(timeKey)));
      Double rate = Api.num(r.get(rateKey));
      if (rate == null && fallbackKey != null) {
        rate = Api.num(r.get(fallbackKey));
      }
      if (t != null && rate != null) {
        byTime.put(t, rate);
      }
    }
    List<FundingPoint> out = new ArrayList<>();
    for (Map.Entry<Instant, Double> e : byTime.entrySet()) {
      Instant t = e.getKey();
      Instant before = byTime.lowerKey(t);
      Instant after = byTime.higherKey(t);
      int h = before != null ? spacing(before, t) : after != null ? spacing(t, after) : UNKNOWN;
      out.add(new FundingPoint(id, venue, t, e.getValue(), h));
    }
    return out;
  }

  /** The interval two settlements apart suggest: the largest of 8, 4, 2, 1 h within the gap. */
  private static int spacing(Instant from, Instant to) {
    double hours = (to.toEpochMilli() - from.toEpochMilli()) / 3.6e6;
    for (int h : INTERVALS) {
      if (hours >= h - 0.1) {
        return h;
      }
    }
    return 1;
  }

  /** A venue's stated interval in hours, if it is one of 1, 2, 4, 8. */
  private static Integer interval(Double hours) {
    if (hours == null) {
      return null;
    }
    long h = Math.round(hours);
    return Math.abs(hours - h) < 0.01 && (h == 1 || h == 2 || h == 4 || h == 8) ? (int) h : null;
  }

  /** Rounded to the nearest minute: Binance's settlement stamps carry a few ms of jitter. */
  private static Instant minute(Instant t) {
    if (t == null) {
      return null;
    }
    long m = Math.round(t.toEpochMilli() / 60_000.0);
    return Instant.ofEpochMilli(m * 60_000);
  }
}
