package dev.privscreen.cli;

import static dev.privscreen.CliDriver.EXAMPLE_DIR;
import static dev.privscreen.CliDriver.EXAMPLE_JSON;
import static dev.privscreen.CliDriver.privscreen;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import dev.privscreen.CliDriver.Result;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The article's signals, from the example: OI breaks, listings, the sector's week. */
class SignalsStoryTest {

  @ParameterizedTest
  @ValueSource(strings = {EXAMPLE_DIR, EXAMPLE_JSON})
  void zecFirstBrokeAbove770MillionOfOpenInterestOnNov1(String from) {
    Result r =
        privscreen(
            "screen", "--from", from, "--as-of", "2025-11-01", "--oi-above", "770M", "--json");

    assertThat(r.symbols()).as(r.toString()).containsExactly("ZEC");
    assertThat(r.bySymbol().get("ZEC").get("signals").get(0).asText()).isEqualTo("oi_above");
  }

  @Test
  void theFirstBreakFiresOnNov1AndOnNoOtherDayOfLateOctoberOrNovember() {
    List<String> days = new ArrayList<>();
    for (int d = 20; d <= 38; d++) {
      String day = d <= 31 ? "2025-10-" + d : "2025-11-" + String.format("%02d", d - 31);
      Result r =
          privscreen(
              "screen", "--from", EXAMPLE_JSON, "--as-of", day, "--oi-above", "770M", "--json");
      if (!r.symbols().isEmpty()) {
        days.add(day + " " + r.symbols());
      }
    }
    assertThat(days).containsExactly("2025-11-01 [ZEC]");
  }

  @ParameterizedTest
  @ValueSource(strings = {EXAMPLE_DIR, EXAMPLE_JSON})
  void dashZenAndScrtWereListedWithinTheSevenDaysToNov7(String from) {
    Result r = privscreen("screen", "--from", from, "--listed-within", "7d", "--json");

    assertThat(r.symbols()).as(r.toString()).containsExactlyInAnyOrder("DASH", "ZEN", "SCRT");
  }

  @Test
  void venueAndMarketNarrowTheListingRule() {
    Result perpOnOkx =
        privscreen(
            "screen",
            "--from",
            EXAMPLE_DIR,
            "--listed-within",
            "7d",
            "--venue",
            "okx",
            "--market",
            "perp",
            "--json");
    Result spot =
        privscreen(
            "screen", "--from", EXAMPLE_DIR, "--listed-within", "7d", "--market", "spot", "--json");

    assertThat(perpOnOkx.symbols()).containsExactly("DASH");
    assertThat(spot.symbols()).containsExactly("SCRT");
  }

  @ParameterizedTest
  @ValueSource(strings = {EXAMPLE_DIR, EXAMPLE_JSON})
  void theSectorRoseAbout80PercentInAWeekWithFourTokensAboveDoubling(String from) {
    Result r = privscreen("sector", "--from", from, "--json");
    JsonNode s = r.json();

    assertThat(r.exitCode()).as(r.toString()).isZero();
    assertThat(s.get("schema").asText()).isEqualTo("privscreen.sector/1");
    assertThat(s.get("gain_7d_pct_cap_weighted").asDouble()).isCloseTo(80, within(1.0));
    assertThat(s.get("over_100_7d").asInt()).isGreaterThanOrEqualTo(4);
    assertThat(s.get("count").asInt()).isEqualTo(11);
    assertThat(s.get("listings_7d").asInt()).isEqualTo(6);
    assertThat(s.get("leaders").toString()).isEqualTo("[\"ZK\",\"DASH\",\"ZEN\"]");
  }

  @Test
  void eventsListTheNovemberListingsNewestFirst() {
    Result r = privscreen("events", "--from", EXAMPLE_DIR, "--within", "7d", "--json");
    JsonNode events = r.json().get("events");

    assertThat(r.json().get("schema").asText()).isEqualTo("privscreen.events/1");
    assertThat(events).hasSize(6);
    assertThat(events.get(0).get("symbol").asText()).isEqualTo("SCRT");
    assertThat(events.get(0).get("listed_at").asText()).isEqualTo("2025-11-06T08:00:00Z");
    assertThat(events.get(5).get("symbol").asText()).isEqualTo("ZEN");
  }

  @Test
  void eventsShowDelistingsToo() {
    Result r =
        privscreen(
            "events",
            "--from",
            EXAMPLE_DIR,
            "--within",
            "1000d",
            "--action",
            "delist",
            "--format",
            "ndjson");

    assertThat(r.stdout().lines())
        .containsExactly(
            "{\"id\":\"monero\",\"symbol\":\"XMR\",\"venue\":\"kraken\",\"market\":\"spot\",\"pair\":\"XMR/EUR\",\"listed_at\":\"2024-10-31T12:00:00Z\",\"action\":\"delist\"}",
            "{\"id\":\"monero\",\"symbol\":\"XMR\",\"venue\":\"binance\",\"market\":\"spot\",\"pair\":\"XMRUSDT\",\"listed_at\":\"2024-02-20T03:00:00Z\",\"action\":\"delist\"}");
  }

  @Test
  void explainGivesOneSentencePerRuleInJsonAndUnderTheTableRow() {
    Result json =
        privscreen(
            "screen",
            "--from",
            EXAMPLE_DIR,
            "--as-of",
            "2025-11-01",
            "--oi-above",
            "770M",
            "--oi-breakout",
            "--match",
            "any",
            "--explain",
            "--json");
    Result table =
        privscreen(
            "screen",
            "--from",
            EXAMPLE_DIR,
            "--as-of",
            "2025-11-01",
            "--oi-above",
            "770M",
            "--explain");

    JsonNode reasons = json.bySymbol().get("ZEC").get("reasons");
    assertThat(reasons.get("oi_above").asText()).startsWith("$812.0M >= $770.0M, first break");
    assertThat(reasons.get("oi_breakout").asText()).startsWith("$812.0M > 30-day high $");
    assertThat(json.bySymbol().get("ZEC").get("passed").asBoolean()).isTrue();
    assertThat(table.stdout()).contains("\n    oi_above: $812.0M >= $770.0M, first break");
  }

  @Test
  void explainAllAlsoSaysWhyTheOthersFailed() {
    Result r =
        privscreen(
            "screen", "--from", EXAMPLE_DIR, "--listed-within", "7d", "--explain", "all", "--json");

    JsonNode rejected = r.json().get("rejected");
    assertThat(r.symbols()).containsExactlyInAnyOrder("DASH", "ZEN", "SCRT");
    assertThat(rejected).hasSize(8);
    JsonNode zec = null;
    for (JsonNode x : rejected) {
      if (x.get("symbol").asText().equals("ZEC")) {
        zec = x;
      }
    }
    assertThat(zec.get("rank").isNull()).isTrue();
    assertThat(zec.get("passed").asBoolean()).isFalse();
    assertThat(zec.get("reasons").get("listing").asText())
        .isEqualTo("none within 7d (last: bitget perp 2025-10-20)");
  }

  @Test
  void whereFiltersLikeTheArticlesQuestions() {
    Result r =
        privscreen(
            "screen",
            "--from",
            EXAMPLE_DIR,
            "--json",
            "--where",
            "gain_7d_pct >= 100 && market_cap_usd > 500M && symbol != \"ZK\"");
    Result twenty =
        privscreen("screen", "--from", EXAMPLE_DIR, "--json", "--where", "fdv_usd * 20 < 5B");

    assertThat(r.symbols()).containsExactly("DASH", "DCR");
    assertThat(twenty.symbols()).containsExactly("FIRO", "ARRR", "RAIL");
  }

  @Test
  void aBadWhereIsAUsageErrorNamingTheColumn() {
    Result syntax = privscreen("screen", "--from", EXAMPLE_DIR, "--where", "gain_7d_pct >");
    Result field = privscreen("screen", "--from", EXAMPLE_DIR, "--where", "gain7d > 1");

    assertThat(syntax.exitCode()).isEqualTo(2);
    assertThat(syntax.stderr()).contains("privscreen: --where: at 13: expected a value after '>'");
    assertThat(field.exitCode()).isEqualTo(2);
    assertThat(field.stderr())
        .contains("--where: at 1: unknown field 'gain7d' (valid: id, symbol, name, price_usd")
        .contains("m_shielded_supply");
  }

  @Test
  void universeListsTheArticlesTokensWithTheirPairs() {
    Result r = privscreen("universe", "--json");
    List<String> ids = new ArrayList<>();
    for (JsonNode m : r.json().get("members")) {
      ids.add(m.get("id").asText());
    }
    assertThat(ids)
        .contains(
            "zcash",
            "monero",
            "dash",
            "decred",
            "zencash",
            "secret",
            "oasis-network",
            "railgun",
            "zksync",
            "pirate-chain",
            "zcoin");
    JsonNode zec = r.json().get("members").get(ids.indexOf("zcash"));
    assertThat(zec.get("okx").asText()).isEqualTo("ZEC-USDT-SWAP");
    assertThat(zec.get("binance").asText()).isEqualTo("ZECUSDT");
  }
}
