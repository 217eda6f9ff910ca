package dev.privscreen.rule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.privscreen.fields.ResultRow;
import dev.privscreen.metrics.SnapshotIndex;
import dev.privscreen.model.Asset;
import dev.privscreen.model.ListingEvent;
import dev.privscreen.model.ListingEvent.Action;
import dev.privscreen.model.ListingEvent.Market;
import dev.privscreen.model.MetricPoint;
import dev.privscreen.model.OiPoint;
import dev.privscreen.model.PricePoint;
import dev.privscreen.model.Snapshot;
import dev.privscreen.model.Window;
import dev.privscreen.rule.where.WhereRule;
import dev.privscreen.screen.Explain;
import dev.privscreen.screen.Match;
import dev.privscreen.screen.ScreenRequest;
import dev.privscreen.screen.ScreenResult;
import dev.privscreen.screen.Screener;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Each rule on a small snapshot built in memory: rules in, symbols and reasons out. */
class RulesTest {
  static final LocalDate TODAY = LocalDate.parse("2025-11-07");
  static final Window D30 = new Window(30);
  static final Window D7 = new Window(7);

  final List<Asset> assets = new ArrayList<>();
  final List<PricePoint> prices = new ArrayList<>();
  final List<OiPoint> oi = new ArrayList<>();
  final List<ListingEvent> listings = new ArrayList<>();
  final List<MetricPoint> metrics = new ArrayList<>();

  void asset(String sym) {
    assets.add(
        new Asset(sym.toLowerCase(), sym, sym, 1.0, 1e9, null, 1e6, null, null, null, null, null));
  }

  /** OI of one venue on the days before today given, newest first: value(today−1), ... */
  void oiBefore(String sym, String venue, double... values) {
    for (int i = 0; i < values.length; i++) {
      oi.add(new OiPoint(sym.toLowerCase(), venue, TODAY.minusDays(i + 1), values[i]));
    }
  }

  void oiToday(String sym, String venue, double v) {
    oi.add(new OiPoint(sym.toLowerCase(), venue, TODAY, v));
  }

  void listing(String sym, String venue, Market m, String at, Action a) {
    listings.add(new ListingEvent(sym.toLowerCase(), venue, m, sym + "USDT", Instant.parse(at), a));
  }

  ScreenResult screen(Explain explain, Rule... rules) {
    return screen(D30, explain, rules);
  }

  /** The rules screened over the rows added so far, with an OI look-back of {@code lookback}. */
  ScreenResult screen(Window lookback, Explain explain, Rule... rules) {
    Snapshot s =
        new Snapshot(
            Instant.parse("2025-11-07T00:00:00Z"),
            "t",
            assets,
            prices,
            oi,
            listings,
            metrics,
            List.of());
    return Screener.screen(
        SnapshotIndex.of(s),
        new ScreenRequest(null, List.of(rules), Match.all, lookback, List.of(), null, explain));
  }

  List<String> symbols(Rule... rules) {
    List<String> out = new ArrayList<>();
    for (ResultRow r : screen(Explain.none, rules).results()) {
      out.add(r.metrics().asset().symbol());
    }
    out.sort(null);
    return out;
  }

  String reason(String sym, Rule rule) {
    ScreenResult r = screen(Explain.all, rule);
    for (ResultRow row : r.allRows()) {
      if (row.metrics().asset().symbol().equals(sym)) {
        return row.reasons().get(rule.id());
      }
    }
    throw new AssertionError(sym);
  }

  @Test
  void oiBreakoutNeedsTodayAboveThePreviousHighAndSevenDaysOfHistory() {
    asset("UP");
    oiBefore("UP", "binance", 100, 90, 80, 70, 60, 50, 40);
    oiToday("UP", "binance", 101);
    asset("TIE"); // equal to the previous high is not above it
    oiBefore("TIE", "binance", 100, 90, 80, 70, 60, 50, 40);
    oiToday("TIE", "binance", 100);
    asset("SHORT"); // six days before today: too short a history
    oiBefore("SHORT", "binance", 10, 10, 10, 10, 10, 10);
    oiToday("SHORT", "binance", 500);
    asset("NEWVENUE"); // a venue appearing today adds to today's sum: a breakout of the total
    oiBefore("NEWVENUE", "binance", 100, 100, 100, 100, 100, 100, 100, 100);
    oiToday("NEWVENUE", "binance", 90);
    oiToday("NEWVENUE", "okx", 20);
    asset("NOOI");

    OiBreakoutRule rule = new OiBreakoutRule(D30, 0);

    assertThat(symbols(rule)).containsExactly("NEWVENUE", "UP");
    assertThat(reason("UP", rule)).isEqualTo("$101.00 > 30-day high $100.00");
    assertThat(reason("TIE", rule)).isEqualTo("$100.00 <= 30-day high $100.00");
    assertThat(reason("SHORT", rule))
        .isEqualTo("only 6 of the 30 days before have open interest (7 needed)");
    assertThat(reason("NOOI", rule)).isEqualTo("no open interest today");
  }

  @Test
  void oiBreakoutMarginRaisesTheBar() {
    asset("UP");
    oiBefore("UP", "binance", 100, 90, 80, 70, 60, 50, 40);
    oiToday("UP", "binance", 109);

    assertThat(symbols(new OiBreakoutRule(D30, 5))).containsExactly("UP");
    assertThat(symbols(new OiBreakoutRule(D30, 10))).isEmpty();
    assertThat(reason("UP", new OiBreakoutRule(D30, 10)))
        .isEqualTo("$109.00 <= 30-day high $100.00 +10%");
  }

  @Test
  void theLookbackBoundsThePreviousHigh() {
    asset("OLDHIGH");
    double[] before = new double[40];
    java.util.Arrays.fill(before, 100);
    before[35] = 1000; // 36 days ago: outside a 30-day look-back, inside a 40-day one
    oiBefore("OLDHIGH", "binance", before);
    oiToday("OLDHIGH", "binance", 200);
    Window d40 = new Window(40);

    ScreenResult r30 = screen(D30, Explain.none, new OiBreakoutRule(D30, 0));
    ScreenResult r40 = screen(d40, Explain.none, new OiBreakoutRule(d40, 0));

    assertThat(r30.results()).hasSize(1);
    assertThat(r40.results()).isEmpty();
  }

  @Test
  void oiAboveFiresOnlyOnTheFirstBreakOfTheLevel() {
    asset("FIRST");
    oiBefore("FIRST", "binance", 700, 650, 600, 600, 600, 600, 600);
    oiToday("FIRST", "binance", 770); // exactly the level counts
    asset("AGAIN");
    oiBefore("AGAIN", "binance", 700, 800, 600, 600, 600, 600, 600);
    oiToday("AGAIN", "binance", 900);
    asset("BELOW");
    oiBefore("BELOW", "binance", 700, 650, 600, 600, 600, 600, 600);
    oiToday("BELOW", "binance", 769);

    OiAboveRule rule = new OiAboveRule(770, D30);

    assertThat(symbols(rule)).containsExactly("FIRST");
    assertThat(reason("FIRST", rule))
        .isEqualTo("$770.00 >= $770.00, first break (30-day high $700.00)");
    assertThat(reason("AGAIN", rule))
        .isEqualTo("not a first break: 30-day high $800.00 >= $770.00");
    assertThat(reason("BELOW", rule)).isEqualTo("$769.00 < $770.00");
  }

  @Test
  void oiChangeComparesTodayWithNDaysAgo() {
    asset("UP");
    oiBefore("UP", "binance", 0, 0, 0, 0, 0, 0, 100);
    oiToday("UP", "binance", 150);
    asset("GAP"); // no OI 7 days ago: unknown, never fires
    oiBefore("GAP", "binance", 100, 100);
    oiToday("GAP", "binance", 1000);

    MinOiChangeRule rule = new MinOiChangeRule(D7, 50);

    assertThat(symbols(rule)).containsExactly("UP");
    assertThat(reason("UP", rule)).isEqualTo("7d OI change +50.0% >= 50%");
    assertThat(reason("GAP", rule))
        .isEqualTo("OI change unknown (no open interest on 2025-10-31 or today)");
  }

  @Test
  void listingWindowIncludesItsEndAndExcludesItsStart() {
    asset("END"); // end of today, 2025-11-08T00:00:00Z: inside
    listing("END", "binance", Market.PERP, "2025-11-08T00:00:00Z", Action.LIST);
    asset("START"); // exactly end − 7d: outside
    listing("START", "binance", Market.PERP, "2025-11-01T00:00:00Z", Action.LIST);
    asset("JUSTIN"); // one second later: inside
    listing("JUSTIN", "okx", Market.SPOT, "2025-11-01T00:00:01Z", Action.LIST);
    asset("FUTURE"); // after the end of today: not yet
    listing("FUTURE", "binance", Market.PERP, "2025-11-08T00:00:01Z", Action.LIST);
    asset("DELIST"); // delistings never fire
    listing("DELIST", "binance", Market.SPOT, "2025-11-05T00:00:00Z", Action.DELIST);

    ListingRule any = new ListingRule(D7, Set.of(), Set.of());

    assertThat(symbols(any)).containsExactly("END", "JUSTIN");
    assertThat(symbols(new ListingRule(D7, Set.of("OKX"), Set.of()))).containsExactly("JUSTIN");
    assertThat(symbols(new ListingRule(D7, Set.of(), Set.of(Market.PERP)))).containsExactly("END");
    assertThat(reason("START", any)).isEqualTo("none within 7d (last: binance perp 2025-11-01)");
    assertThat(reason("JUSTIN", any))
        .isEqualTo("okx spot JUSTINUSDT 2025-11-01T00:00:01Z within 7d");
    assertThat(reason("DELIST", any)).isEqualTo("none within 7d (no listing events)");
  }

  @Test
  void whereFiltersOnResultFieldsIncludingMetrics() {
    asset("A");
    asset("B");
    metrics.add(new MetricPoint("a", TODAY, "shielded_supply", 4.9e6));

    Rule where = new WhereRule(List.of("m_shielded_supply > 1M", "symbol != 'B'"));

    assertThat(symbols(where)).containsExactly("A");
    assertThat(reason("B", where)).isEqualTo("false (m_shielded_supply = null, symbol = \"B\")");
    assertThatThrownBy(() -> symbols(new WhereRule(List.of("score > 1"))))
        .hasMessageContaining("unknown field 'score'");
  }

  @Test
  void signalsFollowTheOrderOfTheSpecTable() {
    asset("ALL");
    oiBefore("ALL", "binance", 100, 90, 80, 70, 60, 50, 40);
    oiToday("ALL", "binance", 800);
    listing("ALL", "binance", Market.PERP, "2025-11-06T00:00:00Z", Action.LIST);
    prices.add(new PricePoint("all", TODAY.minusDays(7), 0.5, null));
    prices.add(new PricePoint("all", TODAY, 1.0, null));

    ScreenResult r =
        screen(
            Explain.none,
            new WhereRule(List.of("price_usd > 0")),
            new ListingRule(D7, Set.of(), Set.of()),
            new MinOiChangeRule(D7, 10),
            new OiAboveRule(770, D30),
            new OiBreakoutRule(D30, 0),
            new MinGainRule(D7, 50));

    assertThat(r.results().get(0).signals())
        .containsExactly("gain_7d", "oi_breakout", "oi_above", "oi_change_7d", "listing", "where");
  }

  @Test
  void badParametersNameTheirFlag() {
    assertThatThrownBy(() -> new OiBreakoutRule(D30, -1)).hasMessageStartingWith("--oi-margin:");
    assertThatThrownBy(() -> new OiBreakoutRule(new Window(5), 0))
        .hasMessageStartingWith("--oi-lookback:");
    assertThatThrownBy(() -> new OiAboveRule(0, D30)).hasMessageStartingWith("--oi-above:");
    assertThatThrownBy(() -> new MinOiChangeRule(D7, -101))
        .hasMessageStartingWith("--min-oi-change:");
    assertThatThrownBy(() -> new ListingRule(D7, Set.of("bin ance"), Set.of()))
        .hasMessageStartingWith("--venue:");
    assertThatThrownBy(() -> new WhereRule(List.of("x >")))
        .hasMessageStartingWith("--where: at 3:");
  }
}
