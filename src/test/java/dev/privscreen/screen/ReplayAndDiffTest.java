package dev.privscreen.screen;

import static dev.privscreen.CliDriver.EXAMPLE_JSON;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.privscreen.CliDriver;
import dev.privscreen.CliDriver.Result;
import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@code replay} and {@code diff}: on the example, and against the independent reference. */
class ReplayAndDiffTest {

  static Map<String, List<String>> firedDays(Result r) {
    Map<String, List<String>> out = new LinkedHashMap<>();
    for (JsonNode day : r.json().get("days")) {
      List<String> syms = new ArrayList<>();
      day.get("results").forEach(x -> syms.add(x.get("symbol").asText()));
      if (!syms.isEmpty()) {
        syms.sort(null);
        out.put(day.get("date").asText(), syms);
      }
    }
    return out;
  }

  @Test
  void theFirstBreakOf770MillionFiresForZecOnNov1Only() {
    Result r =
        CliDriver.privscreen(
            "replay",
            "--from",
            EXAMPLE_JSON,
            "--start",
            "2025-10-20",
            "--end",
            "2025-11-07",
            "--oi-above",
            "770M",
            "--json");

    assertThat(r.exitCode()).as(r.toString()).isZero();
    assertThat(r.json().get("schema").asText()).isEqualTo("privscreen.replay/1");
    assertThat(r.json().get("days")).hasSize(19);
    assertThat(firedDays(r)).containsExactly(Map.entry("2025-11-01", List.of("ZEC")));
    // assets without open interest are reported, not silently failed
    assertThat(r.json().get("days").get(0).get("unknown").get("oi_above").asInt()).isEqualTo(4);
  }

  @Test
  void listedWithinOneDayFiresOnTheListingDays() {
    Result r =
        CliDriver.privscreen(
            "replay",
            "--from",
            EXAMPLE_JSON,
            "--start",
            "2025-10-25",
            "--listed-within",
            "1d",
            "--json");

    assertThat(firedDays(r))
        .containsExactly(
            Map.entry("2025-11-02", List.of("ZEN")),
            Map.entry("2025-11-03", List.of("DASH")),
            Map.entry("2025-11-04", List.of("DASH", "SCRT")),
            Map.entry("2025-11-05", List.of("ZEN")),
            Map.entry("2025-11-06", List.of("SCRT")));
  }

  @Test
  void theTableIsOneLinePerDayAndNdjsonCarriesTheDate() {
    Result table =
        CliDriver.privscreen(
            "replay",
            "--from",
            EXAMPLE_JSON,
            "--start",
            "2025-10-31",
            "--end",
            "2025-11-02",
            "--oi-above",
            "770M");
    Result nd =
        CliDriver.privscreen(
            "replay",
            "--from",
            EXAMPLE_JSON,
            "--start",
            "2025-10-31",
            "--end",
            "2025-11-02",
            "--oi-above",
            "770M",
            "--format",
            "ndjson",
            "--fields",
            "symbol,oi_usd");

    assertThat(table.stdout().lines())
        .containsExactly(
            "DATE        SYMBOLS  NO_DATA",
            "2025-10-31  -        oi_above: no data for 4 assets",
            "2025-11-01  ZEC      oi_above: no data for 4 assets",
            "2025-11-02  -        oi_above: no data for 4 assets");
    assertThat(nd.stdout())
        .isEqualTo("{\"date\":\"2025-11-01\",\"symbol\":\"ZEC\",\"oi_usd\":812000000}\n");
  }

  @ParameterizedTest(name = "seed {0}: {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "1|--min-gain 7d=0 --volume-spike 1.2 --match any",
        "2|--oi-breakout --listed-within 3d --match any",
        "3|--min-oi-change 7d=0 --where gain_7d_pct > 0 && market_cap_usd > 100M",
      })
  void anUnseenHistoryReplaysDayByDayLikeTheReference(long seed, String flags) throws IOException {
    Path dir = ReferenceScreenTest.data(seed);
    List<String> rules = splitFlags(flags);
    List<String> args =
        new ArrayList<>(
            List.of("replay", "--from", dir.toString(), "--start", "2025-10-28", "--json"));
    args.addAll(rules);
    Result r = CliDriver.privscreen(args.toArray(String[]::new));
    assertThat(r.exitCode()).as(r.toString()).isZero();

    ReferenceScreenTest.Reference.Data data = ReferenceScreenTest.Reference.load(dir);
    JsonNode days = r.json().get("days");
    assertThat(days).hasSize(11);
    int fired = 0;
    for (int i = 0; i < days.size(); i++) {
      LocalDate d = LocalDate.parse("2025-10-28").plusDays(i);
      List<String> f = new ArrayList<>(rules);
      f.addAll(List.of("--as-of", d.toString()));
      List<Map<String, Object>> expected = ReferenceScreenTest.Reference.screen(data, f);
      ReferenceScreenTest.assertMatches(expected, days.get(i).get("results"), d.toString());
      fired += expected.size();
    }
    assertThat(fired).as("the rules fire on some days").isPositive();
  }

  /** Flags as the shell would split them, keeping a --where expression whole. */
  static List<String> splitFlags(String flags) {
    int w = flags.indexOf("--where ");
    List<String> out = new ArrayList<>();
    String head = w < 0 ? flags : flags.substring(0, w);
    for (String x : head.trim().split(" +")) {
      if (!x.isEmpty()) {
        out.add(x);
      }
    }
    if (w >= 0) {
      out.add("--where");
      out.add(flags.substring(w + 8).trim());
    }
    return out;
  }

  @ParameterizedTest(name = "{0} -> {1}: {2}")
  @CsvSource(
      delimiter = '|',
      value = {
        "1|2|--min-gain 7d=0",
        "2|3|--volume-spike 1.1 --listed-within 14d --match any",
        "3|1|--oi-breakout",
      })
  void diffOfTwoUnseenSnapshotsIsExactlyTheSetDifference(long oldSeed, long newSeed, String flags)
      throws IOException {
    Path old = ReferenceScreenTest.data(oldSeed);
    Path now = ReferenceScreenTest.data(newSeed);
    List<String> rules = splitFlags(flags);
    List<String> args = new ArrayList<>(List.of("diff", old.toString(), now.toString(), "--json"));
    args.addAll(rules);
    Result r = CliDriver.privscreen(args.toArray(String[]::new));
    assertThat(r.exitCode()).as(r.toString()).isZero();

    List<Map<String, Object>> a =
        ReferenceScreenTest.Reference.screen(ReferenceScreenTest.Reference.load(old), rules);
    List<Map<String, Object>> b =
        ReferenceScreenTest.Reference.screen(ReferenceScreenTest.Reference.load(now), rules);
    List<String> before = a.stream().map(x -> (String) x.get("id")).toList();
    List<String> after = b.stream().map(x -> (String) x.get("id")).toList();
    List<Map<String, Object>> entered =
        b.stream().filter(x -> !before.contains(x.get("id"))).toList();
    List<Map<String, Object>> left = a.stream().filter(x -> !after.contains(x.get("id"))).toList();
    List<Map<String, Object>> stayed =
        b.stream().filter(x -> before.contains(x.get("id"))).toList();

    JsonNode j = r.json();
    assertThat(j.get("schema").asText()).isEqualTo("privscreen.diff/1");
    ReferenceScreenTest.assertMatches(entered, j.get("entered"), "entered");
    ReferenceScreenTest.assertMatches(left, j.get("left"), "left");
    ReferenceScreenTest.assertMatches(stayed, j.get("stayed"), "stayed");
    assertThat(entered.size() + left.size()).as("the snapshots differ").isPositive();
  }

  @Test
  void diffFailIfEmptyWhenNothingEntered() {
    Result r =
        CliDriver.privscreen(
            "diff", EXAMPLE_JSON, EXAMPLE_JSON, "--min-gain", "7d=100", "--fail-if-empty");

    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.stdout()).contains("stayed  1  ZK");
  }
}
