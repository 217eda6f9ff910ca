package dev.privscreen.chart;

import static org.assertj.core.api.Assertions.assertThat;

import dev.privscreen.CliDriver;
import dev.privscreen.CliDriver.Result;
import dev.privscreen.fetch.FakeApis;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code chart --live}: fetched from the APIs (here on loopback), drawn, nothing stored. */
class ChartLiveTest {
  @TempDir Path home;

  @Test
  void aLiveChartDrawsWhatTheApisServedAndStoresNothing() throws Exception {
    try (FakeApis apis = new FakeApis()) {
      // the fake has no rate limit to respect: the default config file says so
      java.nio.file.Files.writeString(
          home.resolve("config.json"),
          "{\"rate_limits\": {\"coingecko\": 60000, \"binance\": 60000, \"okx\": 60000,"
              + " \"bybit\": 60000, \"bitget\": 60000}}");
      CliDriver cli = CliDriver.at(home);
      for (String s : new String[] {"coingecko", "binance", "okx", "bybit", "bitget"}) {
        cli.env("PRIVSCREEN_" + s.toUpperCase(java.util.Locale.ROOT) + "_URL", apis.base(s));
      }
      Result r = cli.run("chart", "ZEC", "--live", "--days", "30", "--json", "-q");

      assertThat(r.exitCode()).as(r.toString()).isZero();
      var series = r.json().get("assets").get(0).get("series");
      assertThat(series).hasSize(30);
      assertThat(series.get(29).get("close_usd").asDouble()).isEqualTo(532.06);
      assertThat(home.resolve("snapshots"))
          .satisfiesAnyOf(
              p -> assertThat(p).doesNotExist(),
              p -> assertThat(p.toFile().list((d, n) -> n.endsWith("Z.json"))).isEmpty());
    }
  }
}
