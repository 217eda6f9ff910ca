package dev.privscreen.faults;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.privscreen.CliDriver;
import dev.privscreen.CliDriver.Result;
import dev.privscreen.fetch.FakeApis;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@code --config} is honoured or refused, never ignored; bad option values are usage errors. */
class ConfigAndOptionsTest {
  static final String KEY = "CG-from-the-config-42";

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

  @Test
  void theConfigFileGivesKeyEndpointsRatesAndUniverse() throws IOException {
    Path dir = Files.createDirectories(home.resolve("elsewhere"));
    Files.writeString(
        dir.resolve("my-universe.json"),
        "{\"remove\": [\"secret\"]}"); // SCRT leaves the universe: no exchange calls for it
    StringBuilder ends = new StringBuilder();
    StringBuilder rates = new StringBuilder();
    for (String s : FakeApis.SOURCES) {
      ends.append(ends.length() == 0 ? "" : ",")
          .append('"')
          .append(s)
          .append("\":\"")
          .append(apis.base(s))
          .append('"');
      rates.append(rates.length() == 0 ? "" : ",").append('"').append(s).append("\":60000");
    }
    Path config = dir.resolve("privscreen.json");
    Files.writeString(
        config,
        "{\"coingecko_api_key\": \""
            + KEY
            + "\", \"endpoints\": {"
            + ends
            + "}, \"rate_limits\": {"
            + rates
            + "}, \"universe\": \"my-universe.json\"}");

    Result f = cli().run("fetch", "--config", config.toString());

    assertThat(f.exitCode()).as(f.toString()).isZero();
    assertThat(apis.requests).isNotEmpty();
    assertThat(apis.requests)
        .filteredOn(r -> r.path().startsWith("/coingecko"))
        .allSatisfy(r -> assertThat(r.headers().get("X-cg-demo-api-key")).containsExactly(KEY));
    assertThat(apis.requests).noneSatisfy(r -> assertThat(r.query()).contains("SCRT"));
    Result u = cli().run("universe", "--config", config.toString(), "--json", "--fields", "id");
    assertThat(u.stdout()).doesNotContain("\"secret\"").contains("\"zcash\"");
    assertThat(f.stderr() + f.stdout()).doesNotContain(KEY);
  }

  @Test
  void theEnvironmentWinsOverTheConfigAndTheCommandLineOverBoth() throws IOException {
    Path config = home.resolve("c.json");
    Files.writeString(config, "{\"endpoints\": {\"okx\": \"http://127.0.0.1:1/nowhere\"}}");

    Result f =
        cli()
            .env("PRIVSCREEN_OKX_URL", apis.base("okx"))
            .run(
                "fetch",
                "--config",
                config.toString(),
                "--sources",
                "okx,coingecko",
                "--endpoint",
                "coingecko=" + apis.base("coingecko"),
                "--rate-limit",
                "coingecko=60000",
                "--rate-limit",
                "okx=60000");

    assertThat(f.exitCode()).as(f.toString()).isZero();
    assertThat(f.stderr()).contains("okx: ok");
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "                                   | --config: CONFIG: no such file",
        "{\"coingecko_api_key\": 1,        | CONFIG:1:25: not valid JSON",
        "[1]                                | CONFIG: the config must be a JSON object",
        "{\"rate_limit\": {}}               | CONFIG: unknown key 'rate_limit' (valid: coingecko_api_key, coingecko_api_plan, rate_limits, endpoints, universe, notify)",
        "{\"rate_limits\": {\"okx\": \"9\"}} | CONFIG: 'rate_limits.okx' must be a number",
      })
  void aMissingOrBrokenConfigIsAUsageErrorForEveryCommand(String content, String message)
      throws IOException {
    Path config = home.resolve("config.json");
    if (content != null) {
      Files.writeString(config, content);
    }

    Result r = cli().run("screen", "--from", CliDriver.EXAMPLE_DIR, "--config", config.toString());

    Quiet.fails(r, 2, 2);
    assertThat(r.stderr()).contains(message.replace("CONFIG", config.toString()));
  }

  @Test
  void theDefaultConfigIsReadWhenItExists() throws IOException {
    Files.writeString(home.resolve("config.json"), "{\"endpoints\": {\"okx\": \"ftp://x\"}}");

    Result r = cli().run("fetch", "--sources", "okx");

    Quiet.fails(r, 2, 2);
    assertThat(r.stderr()).contains("--endpoint okx: 'ftp://x' must be an http(s) URL with a host");
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "--timeout    | 0s            | --timeout: must be longer than 0",
        "--max-time   | 0s            | --max-time: must be longer than 0",
        "--rate-limit | coingecko=0   | --rate-limit: 'coingecko=0': calls a minute must be a number above 0",
        "--rate-limit | coingecko=-1  | --rate-limit: 'coingecko=-1': calls a minute must be a number above 0",
        "--rate-limit | okx=NaN       | --rate-limit: 'okx=NaN': calls a minute must be a number above 0",
        "--rate-limit | kraken=5      | --rate-limit: 'kraken=5': 'kraken' is not one of",
      })
  void badFetchValuesAreUsageErrors(String flag, String value, String message) {
    Result r = cli().run("fetch", flag, value);

    Quiet.fails(r, 2, 2);
    assertThat(r.stderr()).contains(message);
    assertThat(apis.requests).isEmpty();
  }

  @Test
  void fetchOutDashWritesTheSnapshotToStdout() throws IOException {
    Result r = cli().run(apis.fetchArgs("--out", "-", "-q"));

    assertThat(r.exitCode()).as(r.toString()).isZero();
    JsonNode snap = new ObjectMapper().readTree(r.stdout());
    assertThat(snap.get("schema").asText()).isEqualTo("privscreen.snapshot/1");
    assertThat(snap.get("assets")).hasSize(3);
    assertThat(Path.of("-")).doesNotExist();
    assertThat(home.resolve("snapshots"))
        .satisfiesAnyOf(
            p -> assertThat(p).doesNotExist(),
            p -> assertThat(p.toFile().list((d, n) -> n.endsWith("Z.json"))).isEmpty());
  }

  @Test
  void aFetchOptionOnAScreenWithoutLiveSaysItGoesWithLive() {
    Result r = cli().run("screen", "--from", CliDriver.EXAMPLE_DIR, "--timeout", "5s");

    Quiet.fails(r, 2, 2);
    assertThat(r.stderr()).startsWith("privscreen: --timeout goes with --live (it is fetch's)");
    assertThat(cli().run("screen", "--help").stdout()).contains("--max-time", "--live");
  }

  @Test
  void aRuleOptionWithoutItsRuleIsAUsageErrorInReplayAsInScreen() {
    Result screen = cli().run("screen", "--from", CliDriver.EXAMPLE_DIR, "--oi-margin", "5");
    Result replay =
        cli()
            .run(
                "replay",
                "--from",
                CliDriver.EXAMPLE_DIR,
                "--start",
                "2025-11-01",
                "--oi-margin",
                "5");

    for (Result r : List.of(screen, replay)) {
      Quiet.fails(r, 2, 2);
      assertThat(r.stderr()).startsWith("privscreen: --oi-margin goes with --oi-breakout");
    }
  }
}
