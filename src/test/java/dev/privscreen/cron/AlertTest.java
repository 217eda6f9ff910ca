package dev.privscreen.cron;

import static org.assertj.core.api.Assertions.assertThat;

import dev.privscreen.CliDriver;
import dev.privscreen.CliDriver.Result;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code screen --alert NAME}: only what is new since the last run with that name. */
class AlertTest {
  @TempDir Path home;

  /** A snapshot where each symbol has the given 7-day change. */
  Path snapshot(String name, Object... symbolAndGain) throws IOException {
    StringBuilder assets = new StringBuilder();
    for (int i = 0; i < symbolAndGain.length; i += 2) {
      String sym = (String) symbolAndGain[i];
      assets
          .append(assets.length() == 0 ? "" : ",")
          .append("{\"id\":\"")
          .append(sym.toLowerCase())
          .append("\",\"symbol\":\"")
          .append(sym)
          .append("\",\"change_7d_pct\":")
          .append(symbolAndGain[i + 1])
          .append('}');
    }
    Path f = home.resolve(name + ".json");
    Files.writeString(
        f,
        "{\"schema\":\"privscreen.snapshot/1\",\"as_of\":\"2025-11-07T00:00:00Z\",\"assets\":["
            + assets
            + "]}");
    return f;
  }

  Result alert(Path data, String... extra) {
    List<String> args =
        new ArrayList<>(
            List.of(
                "screen",
                "--from",
                data.toString(),
                "--min-gain",
                "7d=100",
                "--alert",
                "movers",
                "--format",
                "csv",
                "--fields",
                "symbol"));
    args.addAll(List.of(extra));
    return new CliDriver().env("PRIVSCREEN_HOME", home.toString()).run(args.toArray(String[]::new));
  }

  static List<String> symbols(Result r) {
    return r.stdout().lines().skip(1).toList();
  }

  @Test
  void twiceOnTheSameDataPrintsEverythingThenNothing() throws IOException {
    Path d = snapshot("a", "ZEC", 150, "DASH", 120, "XMR", 10);

    Result first = alert(d);
    Result second = alert(d, "--fail-if-empty");

    assertThat(symbols(first)).containsExactly("ZEC", "DASH");
    assertThat(symbols(second)).isEmpty();
    assertThat(second.exitCode()).isEqualTo(1);
  }

  @Test
  void aNewBreakoutIsTheOnlyThingPrinted() throws IOException {
    alert(snapshot("a", "ZEC", 150, "DASH", 50));

    Result r = alert(snapshot("b", "ZEC", 160, "DASH", 101));

    assertThat(symbols(r)).containsExactly("DASH");
    assertThat(r.exitCode()).isZero();
  }

  @Test
  void theCooldownSuppressesAQuickReentryButNotWithoutIt() throws IOException {
    Path in = snapshot("in", "ZEC", 150);
    Path out = snapshot("out", "ZEC", 50);

    assertThat(symbols(alert(in, "--cooldown", "24h"))).containsExactly("ZEC");
    assertThat(symbols(alert(out, "--cooldown", "24h"))).isEmpty();
    assertThat(symbols(alert(in, "--cooldown", "24h"))).as("re-entered within 24h").isEmpty();
    assertThat(symbols(alert(out))).isEmpty();
    assertThat(symbols(alert(in))).as("no cool-down: a re-entry is news").containsExactly("ZEC");
  }

  @Test
  void namesAreKeptApart() throws IOException {
    Path d = snapshot("a", "ZEC", 150);
    alert(d);

    Result other =
        new CliDriver()
            .env("PRIVSCREEN_HOME", home.toString())
            .run(
                "screen",
                "--from",
                d.toString(),
                "--min-gain",
                "7d=100",
                "--alert",
                "other",
                "--json");

    assertThat(other.symbols()).containsExactly("ZEC");
  }

  @Test
  void aBadNameIsAUsageError() throws IOException {
    Result r =
        new CliDriver()
            .env("PRIVSCREEN_HOME", home.toString())
            .run("screen", "--from", snapshot("a", "ZEC", 1).toString(), "--alert", "../x");
    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.stderr()).contains("--alert: '../x' must be");
  }

  @Test
  void concurrentRunsWithOneNameNeverLoseOrRepeatAnAsset() throws Exception {
    Path d = snapshot("a", "ZEC", 150, "DASH", 120, "ZEN", 110, "DCR", 105, "ZK", 130);
    ExecutorService pool = Executors.newFixedThreadPool(4);
    List<Future<Result>> runs = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      runs.add(pool.submit(() -> alert(d)));
    }
    List<String> printed = Collections.synchronizedList(new ArrayList<>());
    for (Future<Result> f : runs) {
      Result r = f.get();
      assertThat(r.exitCode()).as(r.toString()).isZero();
      printed.addAll(symbols(r));
    }
    pool.shutdown();

    assertThat(printed).containsExactlyInAnyOrder("ZEC", "DASH", "ZEN", "DCR", "ZK");
    assertThat(Files.readString(home.resolve("alerts/movers.json")))
        .contains("\"members\":[\"dash\",\"dcr\",\"zec\",\"zen\",\"zk\"]");
  }
}
