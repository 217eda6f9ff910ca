package dev.privscreen.fetch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.privscreen.CliDriver;
import dev.privscreen.CliDriver.Result;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every venue on the same clock (SPEC §3): ZEC on four venues over 40 days, fetched at 14:00 UTC.
 * The daily rows describe 00:00 UTC (OKX is asked for its UTC days, not its UTC+8 ones, which start
 * at 16:00Z); today's open interest is the sum of the current readings, so an OI breakout that
 * happened at 13:00 fires at 14:00, and {@code oi_as_of} says the oldest of those readings.
 */
class OneClockTest {
  static final Instant NOW = Instant.parse("2025-11-01T14:00:00Z");
  static final LocalDate TODAY = LocalDate.parse("2025-11-01");
  static final double PRICE = 500;

  // the current readings, taken minutes before now; the daily rows are 100M, 80M and 60M a venue
  static final Instant BINANCE_AT = Instant.parse("2025-11-01T13:55:00Z");
  static final Instant OKX_AT = Instant.parse("2025-11-01T13:58:00Z");
  static final Instant BYBIT_AT = Instant.parse("2025-11-01T13:59:30Z");
  static final Instant BITGET_AT = Instant.parse("2025-11-01T13:59:00Z");
  static final double BINANCE_NOW = 300e6;
  static final double OKX_NOW = 200e6;
  static final double BYBIT_NOW = 150e6;
  static final double BITGET_COINS = 100_000; // x $500 = 50M

  @TempDir Path home;
  HttpServer server;
  final Set<String> failing = ConcurrentHashMap.newKeySet();
  final List<String> asked = new java.util.concurrent.CopyOnWriteArrayList<>();

  @BeforeEach
  void start() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 16);
    server.createContext("/", this::handle);
    server.start();
  }

  @AfterEach
  void stop() {
    server.stop(0);
  }

  String base() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  static long ms(LocalDate d) {
    return d.atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli();
  }

  private void handle(HttpExchange ex) throws IOException {
    String path = ex.getRequestURI().getRawPath();
    String query = ex.getRequestURI().getRawQuery() == null ? "" : ex.getRequestURI().getRawQuery();
    asked.add(path + "?" + query);
    String body;
    int status = 200;
    if (failing.stream().anyMatch(path::endsWith)) {
      status = 503;
      body = "{}";
    } else {
      body = answer(path, query);
    }
    byte[] b = body.getBytes(StandardCharsets.UTF_8);
    ex.getResponseHeaders().add("Content-Type", "application/json");
    ex.sendResponseHeaders(status, b.length);
    try (OutputStream os = ex.getResponseBody()) {
      os.write(b);
    }
  }

  /** The 40 days before today and today, oldest first. */
  static List<LocalDate> days() {
    List<LocalDate> d = new ArrayList<>();
    for (int i = 40; i >= 0; i--) {
      d.add(TODAY.minusDays(i));
    }
    return d;
  }

  private String answer(String path, String query) {
    StringBuilder b = new StringBuilder();
    switch (path) {
      case "/cg/coins/markets" -> {
        return "[{\"id\":\"zcash\",\"symbol\":\"zec\",\"name\":\"Zcash\",\"current_price\":"
            + PRICE
            + ",\"market_cap\":8e9,\"total_volume\":1e9}]";
      }
      case "/cg/coins/zcash/market_chart" -> {
        for (LocalDate d : days()) {
          b.append(b.length() == 0 ? "" : ",").append('[').append(ms(d)).append(",480]");
        }
        b.append(",[").append(NOW.toEpochMilli()).append(',').append(PRICE).append(']'); // "now"
        return "{\"prices\":[" + b + "],\"total_volumes\":[" + b + "]}";
      }
      case "/binance/fapi/v1/exchangeInfo" -> {
        return "{\"symbols\":[{\"symbol\":\"ZECUSDT\",\"contractType\":\"PERPETUAL\",\"status\":"
            + "\"TRADING\",\"quoteAsset\":\"USDT\",\"onboardDate\":1580889600000}]}";
      }
      case "/binance/futures/data/openInterestHist" -> {
        if (query.contains("period=5m")) {
          return "[{\"sumOpenInterestValue\":\""
              + BINANCE_NOW
              + "\",\"timestamp\":"
              + BINANCE_AT.toEpochMilli()
              + "}]";
        }
        for (LocalDate d : days().subList(11, 41)) { // the last 30 days, today's 00:00Z included
          b.append(b.length() == 0 ? "" : ",")
              .append("{\"sumOpenInterestValue\":\"100000000\",\"timestamp\":")
              .append(ms(d))
              .append('}');
        }
        return "[" + b + "]";
      }
      case "/okx/api/v5/public/instruments" -> {
        String swap =
            "{\"instId\":\"ZEC-USDT-SWAP\",\"listTime\":\"1583827200000\",\"state\":\"live\"}";
        return "{\"code\":\"0\",\"data\":[" + (query.contains("SWAP") ? swap : "") + "]}";
      }
      case "/okx/api/v5/rubik/stat/contracts/open-interest-history" -> {
        // UTC+8 days (period=1D) are stamped 16:00Z and hold other values: asking for them
        // would show up as a sum of readings 8 hours apart
        boolean utc = query.contains("period=1Dutc");
        List<LocalDate> ds = new ArrayList<>(days());
        java.util.Collections.reverse(ds); // newest first
        for (LocalDate d : ds) {
          long ts = utc ? ms(d) : ms(d) - 8 * 3600_000L;
          b.append(b.length() == 0 ? "" : ",")
              .append("[\"")
              .append(ts)
              .append("\",\"1\",\"1\",\"")
              .append(utc ? "80000000" : "99999999")
              .append("\"]");
        }
        return "{\"code\":\"0\",\"data\":[" + b + "]}";
      }
      case "/okx/api/v5/public/open-interest" -> {
        return "{\"code\":\"0\",\"data\":[{\"instId\":\"ZEC-USDT-SWAP\",\"oiUsd\":\""
            + OKX_NOW
            + "\",\"ts\":\""
            + OKX_AT.toEpochMilli()
            + "\"}]}";
      }
      case "/bybit/v5/market/instruments-info" -> {
        return "{\"retCode\":0,\"result\":{\"list\":[{\"symbol\":\"ZECUSDT\",\"status\":\"Trading\","
            + "\"quoteCoin\":\"USDT\",\"launchTime\":\"1585526400000\"}],\"nextPageCursor\":\"\"}}";
      }
      case "/bybit/v5/market/open-interest" -> {
        for (LocalDate d : days().subList(1, 41)) {
          b.append(b.length() == 0 ? "" : ",")
              .append("{\"openInterest\":\"125000\",\"timestamp\":\"") // x $480 = 60M
              .append(ms(d))
              .append("\"}");
        }
        return "{\"retCode\":0,\"result\":{\"list\":[" + b + "]}}";
      }
      case "/bybit/v5/market/tickers" -> {
        return "{\"retCode\":0,\"result\":{\"list\":[{\"symbol\":\"ZECUSDT\",\"openInterestValue\":\""
            + BYBIT_NOW
            + "\"}]},\"time\":"
            + BYBIT_AT.toEpochMilli()
            + "}";
      }
      case "/bitget/api/v2/mix/market/contracts" -> {
        return "{\"code\":\"00000\",\"data\":[{\"symbol\":\"ZECUSDT\",\"quoteCoin\":\"USDT\","
            + "\"symbolStatus\":\"normal\",\"launchTime\":\"\"}]}";
      }
      case "/bitget/api/v2/mix/market/open-interest" -> {
        return "{\"code\":\"00000\",\"data\":{\"openInterestList\":[{\"size\":\""
            + BITGET_COINS
            + "\"}],\"ts\":\""
            + BITGET_AT.toEpochMilli()
            + "\"}}";
      }
      default -> {
        return "[]";
      }
    }
  }

  CliDriver cli() {
    return CliDriver.at(home).env("PRIVSCREEN_NOW", NOW.toString());
  }

  Result fetch(String... extra) {
    List<String> args =
        new ArrayList<>(
            List.of(
                "fetch",
                "--days",
                "40",
                "--endpoint",
                "coingecko=" + base() + "/cg",
                "--endpoint",
                "binance=" + base() + "/binance",
                "--endpoint",
                "okx=" + base() + "/okx",
                "--endpoint",
                "bybit=" + base() + "/bybit",
                "--endpoint",
                "bitget=" + base() + "/bitget"));
    for (String s : FakeApis.SOURCES) {
      args.addAll(List.of("--rate-limit", s + "=60000"));
    }
    args.addAll(List.of(extra));
    return cli().run(args.toArray(String[]::new));
  }

  JsonNode storedSnapshot() throws IOException {
    Path f = CliDriver.storedSnapshots(home).get(0);
    return new ObjectMapper().readTree(f.toFile());
  }

  @Test
  void everyDayIsOneInstantAndTodayIsTheCurrentReadings() throws IOException {
    Result f = fetch();
    assertThat(f.exitCode()).as(f.toString()).isZero();
    assertThat(asked)
        .anyMatch(q -> q.contains("open-interest-history?instId=ZEC-USDT-SWAP&period=1Dutc"));

    JsonNode oi = storedSnapshot().get("open_interest");
    for (JsonNode row : oi) {
      LocalDate d = LocalDate.parse(row.get("date").asText());
      if (d.isBefore(TODAY)) {
        // a past day: the venues' readings of its 00:00 UTC, one instant
        assertThat(row.has("at")).as(row.toString()).isFalse();
        double want =
            switch (row.get("venue").asText()) {
              case "binance" -> 100e6;
              case "okx" -> 80e6;
              case "bybit" -> 125_000 * 480.0;
              default -> throw new AssertionError("no history expected from " + row);
            };
        assertThat(row.get("oi_usd").asDouble()).as(row.toString()).isCloseTo(want, within(1e-3));
      } else {
        assertThat(row.get("at").asText()).as(row.toString()).startsWith("2025-11-01T13:5");
      }
    }

    Result s = cli().run("screen", "--json", "--oi-breakout", "--oi-above", "600M");
    assertThat(s.exitCode()).as(s.toString()).isZero();
    JsonNode zec = s.bySymbol().get("ZEC");
    assertThat(zec.get("oi_usd").asDouble())
        .isCloseTo(BINANCE_NOW + OKX_NOW + BYBIT_NOW + BITGET_COINS * PRICE, within(1e-3));
    assertThat(zec.get("oi_prev_high_usd").asDouble()).isCloseTo(100e6 + 80e6 + 60e6, within(1e-3));
    assertThat(zec.get("signals").toString()).isEqualTo("[\"oi_breakout\",\"oi_above\"]");
    assertThat(zec.get("oi_as_of").asText()).isEqualTo("2025-11-01T13:55:00Z");
    assertThat(s.json().get("oi_as_of").asText()).isEqualTo("2025-11-01T13:55:00Z");
    assertThat(zec.get("price_usd").asDouble()).isEqualTo(PRICE);

    Result table = cli().run("screen", "--oi-breakout");
    assertThat(table.stderr()).contains("as of 2025-11-01; OI as of 13:55Z");
  }

  @Test
  void aVenueWhoseCurrentReadingFailedIsNamedAndItsDailyRowStandsIn() throws IOException {
    failing.add("/okx/api/v5/public/open-interest");

    Result f = fetch("--strict");

    assertThat(f.exitCode()).as(f.toString()).isEqualTo(4);
    assertThat(f.stderr())
        .contains(
            "privscreen: okx: failed: okx /api/v5/public/open-interest: HTTP 503 (after 4 tries)");
    Result s = cli().run("screen", "--json");
    JsonNode zec = s.bySymbol().get("ZEC");
    // OKX's part of today is its 00:00Z reading, and oi_as_of says so
    assertThat(zec.get("oi_usd").asDouble())
        .isCloseTo(BINANCE_NOW + 80e6 + BYBIT_NOW + BITGET_COINS * PRICE, within(1e-3));
    assertThat(zec.get("oi_as_of").asText()).isEqualTo("2025-11-01T00:00:00Z");
    assertThat(s.json().get("results")).hasSize(1);
  }
}
