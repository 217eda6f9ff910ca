package dev.privscreen.source.http;

import com.fasterxml.jackson.databind.JsonNode;
import dev.privscreen.model.MetricPoint;
import dev.privscreen.universe.Member;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The fundamentals' answers turned into daily {@link MetricPoint}s: Coin Metrics' community asset
 * metrics and DefiLlama's chain TVL. Pure functions of parsed JSON.
 */
final class OnChainAnswers {
  private OnChainAnswers() {}

  /** Coin Metrics metrics fetched by default, in the order asked for, under privscreen's names. */
  static final Map<String, String> COIN_METRICS = defaults();

  private static Map<String, String> defaults() {
    Map<String, String> m = new LinkedHashMap<>();
    m.put("AdrActCnt", "active_addresses");
    m.put("TxCnt", "tx_count");
    m.put("FeeTotUSD", "fees_usd");
    return java.util.Collections.unmodifiableMap(m);
  }

  /** DefiLlama's chain TVL, under this name. */
  static final String TVL = "tvl_usd";

  /**
   * The name a Coin Metrics metric is kept under: a default's own ({@code AdrActCnt} →
   * active_addresses), any other's {@code cm_} and its words in snake case ({@code CapMrktCurUSD} →
   * cm_cap_mrkt_cur_usd).
   */
  static String metricName(String coinMetricsName) {
    String own = COIN_METRICS.get(coinMetricsName);
    if (own != null) {
      return own;
    }
    StringBuilder b = new StringBuilder("cm_");
    String s = coinMetricsName;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      boolean upper = Character.isUpperCase(c);
      boolean afterLower = i > 0 && !Character.isUpperCase(s.charAt(i - 1));
      boolean beforeLower = i > 0 && i + 1 < s.length() && Character.isLowerCase(s.charAt(i + 1));
      if (upper && i > 0 && (afterLower || beforeLower) && s.charAt(i - 1) != '_') {
        b.append('_');
      }
      b.append(Character.toLowerCase(c));
    }
    return b.toString();
  }

  /**
   * A member's asset id at Coin Metrics: its pin ({@code "coinmetrics": "…"} in the universe; null
   * for none), else its symbol in lower case, which is how Coin Metrics names assets (zec, xmr).
   */
  static String coinMetricsAsset(Member m) {
    if (m.pins().containsKey("coinmetrics")) {
      return m.pins().get("coinmetrics");
    }
    return m.symbol().toLowerCase(Locale.ROOT);
  }

  /**
   * One page of {@code /timeseries/asset-metrics}: {@code {"data":[{"asset","time",<Metric>:
   * "<decimal>"}]}}, a row a day stamped 00:00Z (the day it describes).
   *
   * @param idByAsset Coin Metrics asset id → member id
   */
  static List<MetricPoint> coinMetrics(
      JsonNode body, Map<String, String> idByAsset, List<String> metrics) {
    List<MetricPoint> out = new ArrayList<>();
    for (JsonNode r : body.path("data")) {
      String id = idByAsset.get(String.valueOf(Api.text(r.get("asset"))));
      LocalDate day = day(Api.text(r.get("time")));
      if (id == null || day == null) {
        continue;
      }
      for (String m : metrics) {
        Double v = Api.num(r.get(m));
        if (v != null) {
          out.add(new MetricPoint(id, day, metricName(m), v));
        }
      }
    }
    return out;
  }

  /** The token of the page after this one, or null on the last. */
  static String nextPageToken(JsonNode body) {
    String t = Api.text(body.get("next_page_token"));
    return t == null || t.isEmpty() ? null : t;
  }

  /**
   * {@code /v2/chains}: the members that are chains DefiLlama tracks, member id → chain name, by
   * the chain's {@code gecko_id} (members are CoinGecko ids) or a {@code "defillama"} pin.
   */
  static Map<String, String> defiLlamaChains(JsonNode arr, List<Member> members) {
    Map<String, String> byGecko = new LinkedHashMap<>();
    for (JsonNode c : arr) {
      String gecko = Api.text(c.get("gecko_id"));
      String name = Api.text(c.get("name"));
      if (gecko != null && name != null) {
        byGecko.putIfAbsent(gecko, name);
      }
    }
    Map<String, String> out = new LinkedHashMap<>();
    for (Member m : members) {
      String chain =
          m.pins().containsKey("defillama") ? m.pins().get("defillama") : byGecko.get(m.id());
      if (chain != null) {
        out.put(m.id(), chain);
      }
    }
    return out;
  }

  /**
   * {@code /v2/historicalChainTvl/{chain}}: {@code [{"date": unix seconds, "tvl": USD}]}, oldest
   * first, a row a day at 00:00Z; only the days from {@code from} on are kept.
   */
  static List<MetricPoint> chainTvl(String id, JsonNode arr, LocalDate from) {
    List<MetricPoint> out = new ArrayList<>();
    for (JsonNode r : arr) {
      Double secs = Api.num(r.get("date"));
      Double tvl = Api.num(r.get("tvl"));
      if (secs == null || tvl == null || tvl < 0) {
        continue;
      }
      LocalDate day = Api.nearestDay(Instant.ofEpochSecond(secs.longValue()));
      if (!day.isBefore(from)) {
        out.add(new MetricPoint(id, day, TVL, tvl));
      }
    }
    return out;
  }

  /** {@code 2026-02-17T00:00:00.000000000Z} → 2026-02-17; null when it is not such a time. */
  private static LocalDate day(String time) {
    if (time == null || time.length() < 10) {
      return null;
    }
    try {
      return LocalDate.parse(time.substring(0, 10));
    } catch (java.time.format.DateTimeParseException e) {
      return null;
    }
  }
}
