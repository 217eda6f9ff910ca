package dev.privscreen.fetch;

import dev.privscreen.fetch.FakeApis.Coin;
import dev.privscreen.fetch.FakeApis.Reply;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

/** The fake APIs' answers for a whole universe: every coin listed on every venue. */
final class Whole {
  private Whole() {}

  static Reply answer(List<Coin> coins, String src, String path, String query) {
    LocalDate last = FakeApis.LAST;
    StringBuilder b = new StringBuilder();
    switch (src + path) {
      case "coingecko/api/v3/coins/markets" -> {
        b.append('[');
        for (int k = 0; k < coins.size(); k++) {
          Coin c = coins.get(k);
          boolean inCategory = k < coins.size() - 1; // the last comes through ids=
          if (query.contains("category=") != inCategory
              || (!inCategory && !query.contains(c.id()))) {
            continue;
          }
          b.append(b.length() > 1 ? "," : "")
              .append(
                  String.format(
                      Locale.ROOT,
                      "{\"id\":\"%s\",\"symbol\":\"%s\",\"name\":\"%s\",\"current_price\":%s,\"market_cap\":%s,\"total_volume\":%s}",
                      c.id(),
                      c.sym().toLowerCase(Locale.ROOT),
                      c.name(),
                      c.last(),
                      c.last() * c.supply(),
                      c.vol()));
        }
        return Reply.json(b.append(']').toString());
      }
      case "binance/fapi/v1/exchangeInfo" -> {
        b.append("{\"symbols\":[");
        for (Coin c : coins) {
          b.append(b.length() > 12 ? "," : "")
              .append("{\"symbol\":\"")
              .append(c.sym())
              .append(
                  "USDT\",\"contractType\":\"PERPETUAL\",\"onboardDate\":1580889600000,\"status\":\"TRADING\",\"quoteAsset\":\"USDT\"}");
        }
        return Reply.json(b.append("]}").toString());
      }
      case "binance/futures/data/openInterestHist" -> {
        long ts = query.contains("period=5m") ? FakeApis.NOW_MS : FakeApis.ms(last);
        return Reply.json("[{\"sumOpenInterestValue\":\"1000000\",\"timestamp\":" + ts + "}]");
      }
      case "okx/api/v5/public/instruments" -> {
        b.append("{\"code\":\"0\",\"data\":[");
        if (query.contains("SWAP")) {
          for (Coin c : coins) {
            b.append(b.length() > 20 ? "," : "")
                .append("{\"instId\":\"")
                .append(c.sym())
                .append("-USDT-SWAP\",\"listTime\":\"1583827200000\",\"state\":\"live\"}");
          }
        }
        return Reply.json(b.append("]}").toString());
      }
      case "okx/api/v5/rubik/stat/contracts/open-interest-history" -> {
        return Reply.json(
            "{\"code\":\"0\",\"data\":[[\"" + FakeApis.ms(last) + "\",\"1\",\"1\",\"1000000\"]]}");
      }
      case "okx/api/v5/public/open-interest" -> {
        return Reply.json(
            "{\"code\":\"0\",\"data\":[{\"oiUsd\":\"1000000\",\"ts\":\""
                + FakeApis.NOW_MS
                + "\"}]}");
      }
      case "bybit/v5/market/tickers" -> {
        return Reply.json(
            "{\"retCode\":0,\"result\":{\"list\":[{\"symbol\":\"X\",\"openInterestValue\":\"5000\"}]},\"time\":"
                + FakeApis.NOW_MS
                + "}");
      }
      case "bybit/v5/market/instruments-info" -> {
        boolean second = query.contains("cursor=");
        b.append("{\"retCode\":0,\"result\":{\"list\":[");
        int half = coins.size() / 2;
        List<Coin> page = second ? coins.subList(half, coins.size()) : coins.subList(0, half);
        for (Coin c : page) {
          b.append(b.toString().endsWith("[") ? "" : ",")
              .append("{\"symbol\":\"")
              .append(c.sym())
              .append(
                  "USDT\",\"status\":\"Trading\",\"quoteCoin\":\"USDT\",\"launchTime\":\"1585526400000\"}");
        }
        return Reply.json(
            b.append("],\"nextPageCursor\":\"")
                .append(second ? "" : "p2")
                .append("\"}}")
                .toString());
      }
      case "bybit/v5/market/open-interest" -> {
        return Reply.json(
            "{\"retCode\":0,\"result\":{\"list\":[{\"openInterest\":\"100\",\"timestamp\":\""
                + FakeApis.ms(last)
                + "\"}]}}");
      }
      case "bitget/api/v2/mix/market/contracts" -> {
        b.append("{\"code\":\"00000\",\"data\":[");
        for (Coin c : coins) {
          b.append(b.toString().endsWith("[") ? "" : ",")
              .append("{\"symbol\":\"")
              .append(c.sym())
              .append(
                  "USDT\",\"quoteCoin\":\"USDT\",\"symbolStatus\":\"normal\",\"launchTime\":\"\"}");
        }
        return Reply.json(b.append("]}").toString());
      }
      case "bitget/api/v2/mix/market/open-interest" -> {
        return Reply.json(
            "{\"code\":\"00000\",\"data\":{\"openInterestList\":[{\"size\":\"10\"}],\"ts\":\""
                + FakeApis.NOW_MS
                + "\"}}");
      }
      case "binance/fapi/v1/premiumIndex" -> {
        b.append('[');
        for (Coin c : coins) {
          b.append(b.length() > 1 ? "," : "")
              .append("{\"symbol\":\"")
              .append(c.sym())
              .append("USDT\",\"lastFundingRate\":\"0.0001\",\"nextFundingTime\":")
              .append(FakeApis.nextSettlement(8))
              .append('}');
        }
        return Reply.json(b.append(']').toString());
      }
      case "binance/fapi/v1/fundingInfo" -> {
        return Reply.json("[]");
      }
      case "binance/fapi/v1/fundingRate" -> {
        return Reply.json(
            "[{\"fundingTime\":"
                + FakeApis.settlements(8, Long.MAX_VALUE, 1).get(0)
                + ",\"fundingRate\":\"0.0001\"}]");
      }
      case "okx/api/v5/public/funding-rate" -> {
        long next = FakeApis.nextSettlement(8);
        return Reply.json(
            "{\"code\":\"0\",\"data\":[{\"fundingRate\":\"0.0001\",\"fundingTime\":\""
                + next
                + "\",\"nextFundingTime\":\""
                + (next + 8 * 3_600_000L)
                + "\"}]}");
      }
      case "okx/api/v5/public/funding-rate-history" -> {
        return Reply.json(
            "{\"code\":\"0\",\"data\":["
                + FakeApis.settledRows(8, Long.MAX_VALUE, 21, 0.0001, "fundingTime", "")
                + "]}");
      }
      case "bybit/v5/market/funding/history" -> {
        return Reply.json(
            "{\"retCode\":0,\"result\":{\"list\":["
                + FakeApis.settledRows(8, Long.MAX_VALUE, 21, 0.0001, "fundingRateTimestamp", "")
                + "]}}");
      }
      case "bitget/api/v2/mix/market/current-fund-rate" -> {
        return Reply.json(
            "{\"code\":\"00000\",\"data\":[{\"fundingRate\":\"0.0001\",\"fundingRateInterval\":\"8\",\"nextUpdate\":\""
                + FakeApis.nextSettlement(8)
                + "\"}]}");
      }
      case "binance/futures/data/globalLongShortAccountRatio" -> {
        return Reply.json(
            "[{\"longShortRatio\":\"1.5\",\"timestamp\":" + FakeApis.ms(last.minusDays(1)) + "}]");
      }
      case "okx/api/v5/rubik/stat/contracts/long-short-account-ratio-contract" -> {
        return Reply.json("{\"code\":\"0\",\"data\":[]}");
      }
      case "bybit/v5/market/account-ratio" -> {
        return Reply.json("{\"retCode\":0,\"result\":{\"list\":[]}}");
      }
      case "coinmetrics/timeseries/asset-metrics" -> {
        return Reply.json(
            "{\"data\":[{\"asset\":\"zec\",\"time\":\""
                + last.minusDays(1)
                + "T00:00:00.000000000Z\",\"AdrActCnt\":\"1000\"}]}");
      }
      case "defillama/v2/chains" -> {
        return Reply.json("[]");
      }
      case "bitget/api/v2/mix/market/history-fund-rate" -> {
        return Reply.json(
            "{\"code\":\"00000\",\"data\":["
                + FakeApis.settledRows(8, Long.MAX_VALUE, 21, 0.0001, "fundingTime", "")
                + "]}");
      }
      default -> {
        for (Coin c : coins) {
          if (path.equals("/api/v3/coins/" + c.id() + "/market_chart")) {
            StringBuilder p = new StringBuilder();
            for (int i = 30; i >= 0; i--) {
              p.append(i == 30 ? "" : ",")
                  .append('[')
                  .append(FakeApis.ms(last.minusDays(i)))
                  .append(',')
                  .append(c.close(last.minusDays(i)))
                  .append(']');
            }
            return Reply.json("{\"prices\":[" + p + "],\"total_volumes\":[" + p + "]}");
          }
        }
        return new Reply(404, java.util.Map.of(), "{}", 0);
      }
    }
  }
}
