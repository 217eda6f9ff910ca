package dev.privscreen.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.privscreen.CliDriver;
import dev.privscreen.CliDriver.Result;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * funding_rate_pct and funding_7d_pct: each venue's rate per 8 hours (venues settle every 8, 4 or 1
 * hours), the venues weighted by their open interest that day; and the funding rules.
 */
class FundingTest {
  @TempDir Path dir;

  /** As of 06:00 UTC: Binance settles every 8 h, Bybit every 4 h, OKX (XMR's only) every hour. */
  Path snapshot() throws IOException {
    Files.writeString(
        dir.resolve("assets.csv"), "id,symbol,name\nzcash,ZEC,Zcash\nmonero,XMR,Monero\n");
    Files.writeString(dir.resolve("snapshot.json"), "{\"as_of\":\"2025-11-07T06:00:00Z\"}");
    Files.writeString(
        dir.resolve("open_interest.csv"),
        String.join(
            "\n",
            "id,venue,date,oi_usd",
            "zcash,binance,2025-11-07,300000000",
            "zcash,bybit,2025-11-07,100000000",
            "zcash,okx,2025-11-07,1000000000", // OI but no funding rate: weighs nothing
            ""));
    Files.writeString(
        dir.resolve("funding.csv"),
        String.join(
            "\n",
            "id,venue,funding_time,rate,interval_h",
            "zcash,binance,2025-11-07T00:00:00Z,0.0001,8",
            "zcash,binance,2025-11-07T08:00:00Z,0.0003,8", // the current period: 0.03% per 8 h
            "zcash,bybit,2025-11-07T00:00:00Z,0.0002,4",
            "zcash,bybit,2025-11-07T04:00:00Z,0.0002,4",
            "zcash,bybit,2025-11-07T08:00:00Z,0.0001,4", // 0.01% per 4 h: 0.02% per 8 h
            "zcash,binance,2025-10-31T00:00:00Z,0.5,8", // more than 7 days before: not counted
            "monero,okx,2025-11-07T07:00:00Z,-0.00005,1", // -0.005% an hour: -0.04% per 8 h
            ""));
    return dir;
  }

  JsonNode bySymbol(Result r, String symbol) {
    for (String key : new String[] {"results", "rejected"}) {
      for (JsonNode n : r.json().path(key)) {
        if (n.get("symbol").asText().equals(symbol)) {
          return n;
        }
      }
    }
    throw new AssertionError(symbol + " not in " + r.stdout());
  }

  @Test
  void ratesArePer8HoursAndTheVenuesWeighByTheirOpenInterest() throws IOException {
    Result r =
        new CliDriver()
            .run(
                "screen",
                "--from",
                snapshot().toString(),
                "--json",
                "--fields",
                "symbol,funding_rate_pct,funding_7d_pct");

    assertThat(r.exitCode()).as(r.toString()).isZero();
    JsonNode zec = bySymbol(r, "ZEC");
    // (300M x 0.03 + 100M x 0.02) / 400M; OKX's OI has no rate and weighs nothing
    assertThat(zec.get("funding_rate_pct").asDouble()).isEqualTo(0.0275);
    // paid in the 7 days to 06:00: Binance 0.01%, Bybit 0.02% + 0.02%, weighted alike
    assertThat(zec.get("funding_7d_pct").asDouble()).isEqualTo(0.0175);
    JsonNode xmr = bySymbol(r, "XMR");
    assertThat(xmr.get("funding_rate_pct").asDouble())
        .as("no OI: the venues count alike")
        .isEqualTo(-0.04);
    assertThat(xmr.get("funding_7d_pct").isNull()).as("nothing settled yet").isTrue();
  }

  @Test
  void theFundingRulesKeepWhoPaysWhom() throws IOException {
    String from = snapshot().toString();
    Result shortsPay =
        new CliDriver()
            .run(
                "screen",
                "--from",
                from,
                "--funding-below",
                "0",
                "--format",
                "csv",
                "--fields",
                "symbol,signals");
    assertThat(shortsPay.stdout().lines()).containsExactly("symbol,signals", "XMR,funding");

    Result crowdedLongs =
        new CliDriver()
            .run(
                "screen",
                "--from",
                from,
                "--funding-above",
                "0.02",
                "--format",
                "csv",
                "--fields",
                "symbol");
    assertThat(crowdedLongs.stdout().lines()).containsExactly("symbol", "ZEC");

    Result table =
        new CliDriver()
            .run(
                "screen",
                "--from",
                from,
                "--fields",
                "symbol,funding_rate_pct",
                "--sort",
                "funding_rate_pct");
    assertThat(table.stdout()).contains("-0.0400%").contains("+0.0275%");

    Result explain =
        new CliDriver()
            .run("screen", "--from", from, "--funding-above", "0.05", "--explain", "all", "--json");
    assertThat(bySymbol(explain, "ZEC").get("reasons").get("funding").asText())
        .isEqualTo("funding rate +0.0275% per 8h, not > 0.05%");

    Result none =
        new CliDriver()
            .run("screen", "--from", from, "--funding-above", "1", "--funding-below", "0");
    assertThat(none.exitCode()).isEqualTo(2);
    assertThat(none.stderr()).contains("leave no rate between them");
  }

  @Test
  void aBadIntervalIsAnErrorNamingItsPlace() throws IOException {
    Path from = snapshot();
    Files.writeString(
        from.resolve("funding.csv"),
        "id,venue,funding_time,rate,interval_h\nzcash,binance,2025-11-07T08:00:00Z,0.0001,3\n");
    Result r = new CliDriver().run("screen", "--from", from.toString());
    assertThat(r.exitCode()).isEqualTo(3);
    assertThat(r.stderr()).contains("funding.csv:2").contains("must be 1, 2, 4 or 8");
  }
}
