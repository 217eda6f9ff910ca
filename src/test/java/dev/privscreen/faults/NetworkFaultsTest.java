package dev.privscreen.faults;

import static org.assertj.core.api.Assertions.assertThat;

import dev.privscreen.CliDriver;
import dev.privscreen.CliDriver.Result;
import dev.privscreen.fetch.FakeApis;
import dev.privscreen.fetch.FakeApis.Reply;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The faults a month of cron meets on the network, played by servers on 127.0.0.1 (and 127.0.0.2 as
 * "another host"): every run ends within a stated bound, with SPEC §5's exit code and one line per
 * failed source, and never a stack trace, a log record, or the key.
 */
class NetworkFaultsTest {
  static final String KEY = "CG-s3cr3t-k3y-0123456789";

  @TempDir Path home;
  FakeApis apis;
  final Map<String, String> endpoints = new LinkedHashMap<>();

  @BeforeEach
  void start() throws IOException {
    apis = new FakeApis();
    for (String s : FakeApis.SOURCES) {
      endpoints.put(s, apis.base(s));
    }
  }

  @AfterEach
  void stop() {
    apis.close();
  }

  CliDriver cli() {
    return CliDriver.at(home);
  }

  /** A fetch with every source pointed at its server; returns the result and how long it took. */
  Timed fetch(CliDriver cli, String... extra) {
    List<String> args = new ArrayList<>(List.of("fetch"));
    endpoints.forEach((s, url) -> args.addAll(List.of("--endpoint", s + "=" + url)));
    for (String s : endpoints.keySet()) {
      args.addAll(List.of("--rate-limit", s + "=60000"));
    }
    args.addAll(List.of(extra));
    long t0 = System.nanoTime();
    Result r = cli.run(args.toArray(String[]::new));
    return new Timed(r, (System.nanoTime() - t0) / 1_000_000);
  }

  record Timed(Result r, long millis) {}

  // ---- bodies that trickle, servers that hang: every run ends ----

  @ParameterizedTest
  @ValueSource(strings = {"length", "chunked", "close"})
  void aBodyTricklingAByteASecondFailsAtTheTimeout(String framing) throws IOException {
    try (RawServer slow = new RawServer("127.0.0.1", RawServer.trickle(framing, 1000))) {
      endpoints.put("bitget", slow.base());

      Timed t = fetch(cli(), "--sources", "coingecko,bitget", "--timeout", "1s", "-q", "--strict");

      // bound: 4 tries of 1 s and three short backoffs
      assertThat(t.millis()).as(t.r().toString()).isLessThan(8_000);
      Quiet.fails(t.r(), 4, 1);
      assertThat(t.r().stderr())
          .startsWith(
              "privscreen: bitget: failed: bitget /api/v2/mix/market/contracts: no complete answer"
                  + " within 1 s (--timeout) (after 4 tries)");
      assertThat(snapshots()).hasSize(1); // coingecko's data was kept
    }
  }

  @Test
  void theWholeFetchIsBoundedByMaxTimeWhateverTheTimeout() throws IOException {
    try (RawServer slow = new RawServer("127.0.0.1", RawServer.trickle("chunked", 500))) {
      endpoints.put("bitget", slow.base());

      Timed t =
          fetch(cli(), "--sources", "coingecko,bitget", "--timeout", "10m", "--max-time", "2s");

      assertThat(t.millis()).as(t.r().toString()).isLessThan(6_000);
      assertThat(t.r().exitCode()).as(t.r().toString()).isZero();
      assertThat(t.r().stderr()).contains("bitget: failed: ").contains("--max-time 2s ran out");
      Quiet.noNoise(t.r().stderr());
    }
  }

  @Test
  void aServerThatNeverSendsItsHeadersIsBoundedToo() throws IOException {
    try (RawServer mute = new RawServer("127.0.0.1", RawServer.silent())) {
      endpoints.put("okx", mute.base());

      Timed t = fetch(cli(), "--sources", "coingecko,okx", "--timeout", "1s", "-q");

      assertThat(t.millis()).as(t.r().toString()).isLessThan(8_000);
      Quiet.fails(t.r(), 0, 1);
      assertThat(t.r().stderr()).contains("okx: failed: okx /api/v5/public/instruments");
    }
  }

  // ---- redirects: same origin only, and the key never leaves its host ----

  @Test
  void aRedirectToAnotherLoopbackHostIsRefusedAndTheKeyStaysHome() throws IOException {
    try (RawServer other = new RawServer("127.0.0.2", RawServer.silent())) {
      apis.fault(
          "/api/v3/coins/markets",
          new Reply(302, Map.of("Location", other.base() + "/steal"), "", 0));

      Timed t = fetch(cli().env("COINGECKO_API_KEY", KEY), "--sources", "coingecko");

      Quiet.fails(t.r(), 3, 1); // the only source failed: the run's one line
      assertThat(t.r().stderr())
          .contains("coingecko /coins/markets: redirected to another host (127.0.0.2:")
          .contains("): refused");
      assertThat(other.heads).as("nothing reached the other host").isEmpty();
      assertNoKeyAnywhere(t.r());
    }
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "http://example.invalid/fapi/v1/exchangeInfo | redirected to another host (example.invalid): refused",
        "https://127.0.0.1:1/fapi/v1/exchangeInfo    | redirected from http to https: refused",
        "//127.0.0.1:1/x                             | redirected to another host (127.0.0.1:1): refused",
      })
  void redirectsOffTheOriginAreFailedCalls(String location, String message) {
    apis.fault("/fapi/v1/exchangeInfo", new Reply(302, Map.of("Location", location), "", 0));

    Timed t = fetch(cli(), "--sources", "coingecko,binance", "--strict");

    assertThat(t.r().exitCode()).as(t.r().toString()).isEqualTo(4);
    assertThat(t.r().stderr())
        .contains("binance: failed: binance /fapi/v1/exchangeInfo: " + message);
    Quiet.noNoise(t.r().stderr());
  }

  @Test
  void aRedirectLoopEndsAfterFiveHops() {
    Reply loop = new Reply(302, Map.of("Location", "/coingecko/api/v3/coins/markets?x=1"), "", 0);
    for (int i = 0; i < 10; i++) {
      apis.fault("/api/v3/coins/markets", loop);
    }

    Timed t = fetch(cli(), "--sources", "coingecko");

    assertThat(t.r().stderr()).contains("coingecko /coins/markets: more than 5 redirects: refused");
    assertThat(apis.count("/coingecko/api/v3/coins/markets")).isEqualTo(6);
  }

  @Test
  void aRedirectWithinTheOriginIsFollowedWithTheKey() {
    apis.fault(
        "/api/v3/coins/markets",
        new Reply(
            301,
            Map.of(
                "Location",
                "/coingecko/api/v3/coins/markets?vs_currency=usd&category=privacy-coins"
                    + "&order=market_cap_desc&per_page=250&page=1"
                    + "&price_change_percentage=24h,7d,30d"),
            "",
            0));

    Timed t = fetch(cli().env("COINGECKO_API_KEY", KEY), "--sources", "coingecko");

    assertThat(t.r().exitCode()).as(t.r().toString()).isZero();
    assertThat(apis.requests)
        .filteredOn(r -> r.path().startsWith("/coingecko/api/v3/coins/markets"))
        .hasSizeGreaterThanOrEqualTo(2)
        .allSatisfy(r -> assertThat(r.headers().get("X-cg-demo-api-key")).containsExactly(KEY));
  }

  @Test
  void theKeyGoesToCoinGeckoOnlyAndAnEchoOfItIsRedacted() {
    apis.fault(
        "/api/v3/coins/markets",
        new Reply(
            400, Map.of("Content-Type", "application/json"), "{\"bad key\":\"" + KEY + "\"}", 0));

    Timed t = fetch(cli().env("COINGECKO_API_KEY", KEY));

    assertThat(t.r().stderr()).contains("***");
    assertNoKeyAnywhere(t.r());
    assertThat(apis.requests)
        .filteredOn(r -> !r.path().startsWith("/coingecko"))
        .isNotEmpty()
        .allSatisfy(r -> assertThat(r.headers()).doesNotContainKey("X-cg-demo-api-key"));
  }

  // ---- answers of the wrong shape are failed calls, not empty successes ----

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "binance | /fapi/v1/exchangeInfo           | {\"serverTime\":1}                        | binance /fapi/v1/exchangeInfo: not the API's answer: no `symbols` array",
        "okx     | /api/v5/public/instruments      | {\"code\":\"0\",\"msg\":\"\"}             | okx /api/v5/public/instruments: not the API's answer: no `data` array",
        "bybit   | /v5/market/instruments-info     | {\"retCode\":0,\"result\":{}}            | bybit /v5/market/instruments-info: not the API's answer: no `result.list` array",
        "bitget  | /api/v2/mix/market/contracts    | {\"code\":\"00000\",\"data\":[{\"s\":1}]} | bitget /api/v2/mix/market/contracts: not the API's answer: `data` elements have no `symbol`",
        "binance | /futures/data/openInterestHist  | {\"rows\":[]}                             | binance /futures/data/openInterestHist: not the API's answer: not a JSON array",
        "bybit   | /v5/market/open-interest        | {\"retCode\":0,\"result\":{\"list\":[{\"oi\":1}]}} | bybit /v5/market/open-interest: not the API's answer: `result.list` elements have no `openInterest`",
      })
  void anExchangeAnswerOfTheWrongShapeFailsTheSource(
      String source, String path, String body, String message) {
    apis.fault(path, new Reply(200, Map.of("Content-Type", "application/json"), body, 0));

    Timed t = fetch(cli(), "--sources", "coingecko," + source, "--strict", "-q");

    Quiet.fails(t.r(), 4, 1);
    assertThat(t.r().stderr()).isEqualTo("privscreen: " + source + ": failed: " + message + "\n");
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "/api/v3/coins/markets        | [{\"name\":\"x\"}] | coingecko /coins/markets: not the API's answer: the array's elements have no `id`",
        "/api/v3/coins/zcash/market_chart | {\"price\":[]} | coingecko /coins/zcash/market_chart: not the API's answer: no `prices` array",
      })
  void aCoinGeckoAnswerOfTheWrongShapeIsNamed(String path, String body, String message) {
    apis.fault(path, new Reply(200, Map.of("Content-Type", "application/json"), body, 0));

    Timed t = fetch(cli(), "--sources", "coingecko,binance", "--strict");

    assertThat(t.r().stderr()).contains("coingecko: failed: " + message);
    assertThat(t.r().exitCode()).as(t.r().toString()).isIn(3, 4);
    Quiet.noNoise(t.r().stderr());
  }

  // ---- no network at all: one line, at once ----

  @Test
  void withNoNetworkAtAllOneLineSaysSoQuickly() throws IOException {
    int closed;
    try (ServerSocket s = new ServerSocket(0)) {
      closed = s.getLocalPort(); // nothing listens there once closed
    }
    endpoints.replaceAll((s, url) -> "http://127.0.0.1:" + closed + "/" + s);

    Timed t = fetch(cli());

    assertThat(t.millis()).as(t.r().toString()).isLessThan(5_000);
    Quiet.fails(t.r(), 3, 1);
    assertThat(t.r().stderr())
        .startsWith("privscreen: no source could be reached (is the network down?): ")
        .contains("cannot connect to 127.0.0.1 (connection refused)")
        .contains("(and 6 more); nothing written");
  }

  @Test
  void oneSourceDownWithQuietIsExactlyOneLine() throws IOException {
    int closed;
    try (ServerSocket s = new ServerSocket(0)) {
      closed = s.getLocalPort();
    }
    endpoints.put("bybit", "http://127.0.0.1:" + closed);

    Timed t = fetch(cli(), "-q");

    Quiet.fails(t.r(), 0, 1);
    assertThat(t.r().stderr())
        .startsWith(
            "privscreen: bybit: failed: bybit /v5/market/instruments-info: cannot connect to 127.0.0.1");
  }

  // ---- helpers ----

  List<Path> snapshots() throws IOException {
    return CliDriver.storedSnapshots(home);
  }

  void assertNoKeyAnywhere(Result r) {
    assertThat(r.stdout()).doesNotContain(KEY);
    assertThat(r.stderr()).doesNotContain(KEY);
    try (Stream<Path> files = Files.walk(home)) {
      for (Path f : files.filter(Files::isRegularFile).toList()) {
        assertThat(Files.readString(f)).as(f.toString()).doesNotContain(KEY);
      }
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
