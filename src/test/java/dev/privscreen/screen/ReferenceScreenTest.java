package dev.privscreen.screen;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.privscreen.CliDriver;
import dev.privscreen.CliDriver.Result;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Screens random, unseen data sets full of SPEC §3's edge cases and compares every field with a
 * second implementation written here from the SPEC text alone: plain lists, linear scans, no shared
 * code with the product. Numbers must agree to 1e-9 relative (output keeps 12 significant digits);
 * order, rank, signals and score exactly.
 */
class ReferenceScreenTest {
  static final LocalDate FIRST = LocalDate.parse("2025-08-01");
  static final LocalDate LAST = LocalDate.parse("2025-11-07");

  @TempDir static Path tmp;

  static Stream<Arguments> cases() {
    List<List<String>> flagSets =
        List.of(
            List.of(),
            List.of("--min-gain", "7d=10"),
            List.of("--min-gain", "7d=10", "--volume-spike", "1.3", "--match", "any"),
            List.of("--min-gain", "24h=0", "--min-gain", "30d=20"),
            List.of("--min-gain", "2w=5", "--volume-spike", "0.8", "--as-of", "2025-10-20"),
            List.of("--volume-spike", "1.1", "--sort", "volume_ratio_30d", "--top", "7"),
            List.of("--min-gain", "7d=-50", "--sort", "symbol:desc", "--sort", "gain_30d_pct"),
            List.of("--sort", "market_cap_usd:asc", "--as-of", "2025-11-01"),
            List.of("--oi-breakout"),
            List.of("--oi-breakout", "--oi-lookback", "10d", "--oi-margin", "5"),
            List.of("--oi-above", "2M", "--as-of", "2025-11-03"),
            List.of("--oi-above", "3.5M", "--oi-lookback", "2w", "--match", "any", "--oi-breakout"),
            List.of("--min-oi-change", "7d=0", "--min-oi-change", "3d=-20", "--match", "any"),
            List.of("--listed-within", "7d"),
            List.of("--listed-within", "1d", "--as-of", "2025-10-31"),
            List.of("--listed-within", "30d", "--venue", "okx,bitget", "--market", "perp"),
            List.of("--where", "gain_7d_pct > 0 && market_cap_usd > 100M"),
            List.of(
                "--where",
                "oi_usd / market_cap_usd > 0.001 || symbol in ['TIE0', 'TIE1']",
                "--listed-within",
                "14d",
                "--match",
                "any"),
            List.of(
                "--where",
                "m_txs >= 5000 || !(volume_ratio_30d < 2)",
                "--min-gain",
                "7d=0",
                "--oi-breakout",
                "--listed-within",
                "10d",
                "--volume-spike",
                "1.2",
                "--match",
                "any",
                "--sort",
                "score",
                "--sort",
                "oi_usd:asc",
                "--top",
                "15"));
    List<Arguments> out = new ArrayList<>();
    for (long seed : new long[] {1, 2, 3}) {
      for (List<String> flags : flagSets) {
        out.add(Arguments.of(seed, flags));
      }
    }
    return out.stream();
  }

  @ParameterizedTest(name = "seed {0}: {1}")
  @MethodSource("cases")
  void privscreenAgreesWithTheReference(long seed, List<String> flags) throws IOException {
    Path dir = data(seed);
    List<String> args = new ArrayList<>(List.of("screen", "--from", dir.toString(), "--json"));
    args.addAll(flags);
    Result r = CliDriver.privscreen(args.toArray(String[]::new));
    assertThat(r.exitCode()).as(r.toString()).isZero();

    List<Map<String, Object>> expected = Reference.screen(Reference.load(dir), flags);
    JsonNode actual = r.json().get("results");

    assertMatches(expected, actual, r.toString());
  }

  /** Every field of every expected result, in order: numbers to 1e-9, the rest exactly. */
  static void assertMatches(List<Map<String, Object>> expected, JsonNode actual, String context) {
    assertThat(actual.size()).as("result count\n" + context).isEqualTo(expected.size());
    for (int i = 0; i < expected.size(); i++) {
      Map<String, Object> e = expected.get(i);
      JsonNode a = actual.get(i);
      for (Map.Entry<String, Object> f : e.entrySet()) {
        String where = context.length() > 200 ? "" : context + ": ";
        where += "result " + i + " (" + e.get("symbol") + ") field " + f.getKey();
        JsonNode v = a.get(f.getKey());
        assertThat(v).as(where + " is present").isNotNull();
        Object want = f.getValue();
        if (want == null) {
          assertThat(v.isNull()).as(where + " = " + v + ", want null").isTrue();
        } else if (want instanceof Double d) {
          assertThat(v.isNumber()).as(where + " = " + v + ", want " + d).isTrue();
          assertThat(relErr(v.asDouble(), d))
              .as(where + " = " + v + ", want " + d)
              .isLessThan(1e-9);
        } else if (want instanceof List<?> list) {
          List<String> got = new ArrayList<>();
          v.forEach(
              x ->
                  got.add(
                      x.isObject()
                          ? x.get("venue").asText()
                              + "|"
                              + x.get("market").asText()
                              + "|"
                              + x.get("listed_at").asText()
                              + "|"
                              + x.get("action").asText()
                          : x.asText()));
          assertThat(got).as(where).isEqualTo(list);
        } else if (want instanceof Integer n) {
          assertThat(v.asInt()).as(where).isEqualTo(n);
        } else {
          assertThat(v.asText()).as(where).isEqualTo(want);
        }
      }
    }
  }

  @ParameterizedTest(name = "seed {0}: sector {1}")
  @CsvSource({"1,", "2,", "3,", "1,2025-10-25", "2,2025-11-01"})
  void sectorAgreesWithTheReference(long seed, String asOf) throws IOException {
    Path dir = data(seed);
    List<String> args = new ArrayList<>(List.of("sector", "--from", dir.toString(), "--json"));
    if (asOf != null) {
      args.addAll(List.of("--as-of", asOf));
    }
    Result r = CliDriver.privscreen(args.toArray(String[]::new));
    assertThat(r.exitCode()).as(r.toString()).isZero();
    JsonNode got = r.json();

    Reference.Data data = Reference.load(dir);
    List<String> flags = asOf == null ? List.of() : List.of("--as-of", asOf);
    List<Map<String, Object>> all = Reference.screen(data, flags);
    double cap = 0;
    double vol = 0;
    double oi = 0;
    double now = 0;
    double before = 0;
    List<Double> gains = new ArrayList<>();
    int up = 0;
    int over = 0;
    for (Map<String, Object> a : all) {
      cap += a.get("market_cap_usd") == null ? 0 : (Double) a.get("market_cap_usd");
      vol += a.get("volume_24h_usd") == null ? 0 : (Double) a.get("volume_24h_usd");
      oi += a.get("oi_usd") == null ? 0 : (Double) a.get("oi_usd");
      Double g = (Double) a.get("gain_7d_pct");
      if (g != null) {
        gains.add(g);
        up += g > 0 ? 1 : 0;
        over += g >= 100 ? 1 : 0;
        if (a.get("market_cap_usd") != null) {
          now += (Double) a.get("market_cap_usd");
          before += (Double) a.get("market_cap_usd") / (1 + g / 100);
        }
      }
    }
    gains.sort(null);
    double median =
        gains.size() % 2 == 1
            ? gains.get(gains.size() / 2)
            : (gains.get(gains.size() / 2 - 1) + gains.get(gains.size() / 2)) / 2;
    LocalDate today = asOf == null ? LAST : LocalDate.parse(asOf);
    Instant end = today.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
    int listings = 0;
    for (Reference.L l : data.listings()) {
      if (l.action().equals("list")
          && l.at().isAfter(end.minusSeconds(7 * 86_400L))
          && !l.at().isAfter(end)) {
        listings++;
      }
    }
    List<Map<String, Object>> byGain = new ArrayList<>(all);
    byGain.removeIf(a -> a.get("gain_7d_pct") == null);
    byGain.sort(
        Comparator.comparing((Map<String, Object> a) -> -(Double) a.get("gain_7d_pct"))
            .thenComparing(a -> (String) a.get("symbol"))
            .thenComparing(a -> (String) a.get("id")));

    assertThat(got.get("count").asInt()).isEqualTo(all.size());
    assertThat(relErr(got.get("market_cap_usd").asDouble(), cap)).isLessThan(1e-9);
    assertThat(relErr(got.get("volume_24h_usd").asDouble(), vol)).isLessThan(1e-9);
    assertThat(relErr(got.get("oi_usd").asDouble(), oi)).isLessThan(1e-9);
    assertThat(relErr(got.get("gain_7d_pct_cap_weighted").asDouble(), (now / before - 1) * 100))
        .isLessThan(1e-9);
    assertThat(relErr(got.get("gain_7d_pct_median").asDouble(), median)).isLessThan(1e-9);
    assertThat(got.get("up_7d").asInt()).isEqualTo(up);
    assertThat(got.get("over_100_7d").asInt()).isEqualTo(over);
    assertThat(got.get("listings_7d").asInt()).isEqualTo(listings);
    List<String> leaders = new ArrayList<>();
    got.get("leaders").forEach(x -> leaders.add(x.asText()));
    assertThat(leaders)
        .containsExactly(
            byGain.subList(0, 3).stream()
                .map(a -> (String) a.get("symbol"))
                .toArray(String[]::new));
  }

  @ParameterizedTest(name = "seed {0}: events {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "1|--within 10d",
        "2|--within 30d --venue okx,kraken --action delist",
        "3|--within 7d --market spot --as-of 2025-10-30",
        "1|--within 1d",
        "2|--within 2w --action list --market perp",
      })
  void eventsAgreeWithTheReference(long seed, String flags) throws IOException {
    Path dir = data(seed);
    List<String> args = new ArrayList<>(List.of("events", "--from", dir.toString(), "--json"));
    args.addAll(List.of(flags.split(" ")));
    Result r = CliDriver.privscreen(args.toArray(String[]::new));
    assertThat(r.exitCode()).as(r.toString()).isZero();

    List<String> f = List.of(flags.split(" "));
    int within = Reference.days(f.get(f.indexOf("--within") + 1));
    List<String> venues =
        f.contains("--venue") ? List.of(f.get(f.indexOf("--venue") + 1).split(",")) : List.of();
    String market = f.contains("--market") ? f.get(f.indexOf("--market") + 1) : null;
    String action = f.contains("--action") ? f.get(f.indexOf("--action") + 1) : null;
    LocalDate today =
        f.contains("--as-of") ? LocalDate.parse(f.get(f.indexOf("--as-of") + 1)) : LAST;
    Instant end = today.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
    Reference.Data data = Reference.load(dir);
    Map<String, String> symbols = new HashMap<>();
    data.assets().forEach(a -> symbols.put(a.id(), a.sym()));
    List<Reference.L> want = new ArrayList<>();
    for (Reference.L l : data.listings()) {
      if (l.at().isAfter(end.minusSeconds(within * 86_400L))
          && !l.at().isAfter(end)
          && (venues.isEmpty() || venues.contains(l.venue()))
          && (market == null || market.equals(l.market()))
          && (action == null || action.equals(l.action()))) {
        want.add(l);
      }
    }
    want.sort(
        Comparator.comparing((Reference.L l) -> l.at())
            .reversed()
            .thenComparing(l -> symbols.get(l.id()))
            .thenComparing(Reference.L::venue)
            .thenComparing(Reference.L::market));
    List<String> expected = new ArrayList<>();
    for (Reference.L l : want) {
      expected.add(
          symbols.get(l.id())
              + " "
              + l.venue()
              + " "
              + l.market()
              + " "
              + l.at().toString().replace(".000", "")
              + " "
              + l.action());
    }
    List<String> got = new ArrayList<>();
    for (JsonNode e : r.json().get("events")) {
      got.add(
          e.get("symbol").asText()
              + " "
              + e.get("venue").asText()
              + " "
              + e.get("market").asText()
              + " "
              + e.get("listed_at").asText()
              + " "
              + e.get("action").asText());
    }
    assertThat(got).isEqualTo(expected);
    assertThat(expected).as("a window that shows something").isNotEmpty();
  }

  static synchronized Path data(long seed) throws IOException {
    if (tmp == null) { // used by another test class, before this one ran
      tmp = Files.createTempDirectory("privscreen-reference");
    }
    Path dir = tmp.resolve("data-" + seed);
    if (!Files.exists(dir)) {
      new DataSet(seed).write(dir);
    }
    return dir;
  }

  static double relErr(double a, double b) {
    return a == b ? 0 : Math.abs(a - b) / Math.max(Math.abs(a), Math.abs(b));
  }

  /** A random market with the edge cases of SPEC §3 sprinkled in. */
  static final class DataSet {
    final Random rnd;

    DataSet(long seed) {
      rnd = new Random(seed);
    }

    void write(Path dir) throws IOException {
      Files.createDirectories(dir);
      List<String> assets = new ArrayList<>();
      List<String> prices = new ArrayList<>();
      List<String> oi = new ArrayList<>();
      List<String> listings = new ArrayList<>();
      List<String> metrics = new ArrayList<>();
      int n = 40;
      for (int k = 0; k < n; k++) {
        String id = "coin-" + k;
        // two symbols share a prefix, some share a gain: ties go to symbol, then id
        String sym = k % 13 == 5 ? "TIE" + (k % 2) : "C" + (char) ('A' + k % 26) + k;
        double price = Math.exp(rnd.nextGaussian() * 3);
        double vol24 = Math.exp(15 + rnd.nextGaussian() * 2);
        String cap = rnd.nextInt(8) == 0 ? "" : num(price * (1e6 + rnd.nextInt(1_000_000_000)));
        String vol24s = rnd.nextInt(6) == 0 ? "" : num(vol24);
        String c24 = rnd.nextInt(5) == 0 ? "" : num(rnd.nextGaussian() * 5);
        String c7 = rnd.nextInt(5) == 0 ? "" : num(rnd.nextGaussian() * 20);
        String c30 = rnd.nextInt(5) == 0 ? "" : num(rnd.nextGaussian() * 40);
        assets.add(
            String.join(",", id, sym, "Coin " + k, num(price), cap, "", vol24s, c24, c7, c30));
        double p = price;
        // 0: no history; 1: short, 3 to 9 days before today (around the 7-day minimum); else
        // the whole range with holes
        int historyKind = rnd.nextInt(5);
        int shortDays = 3 + rnd.nextInt(7);
        for (LocalDate d = LAST; !d.isBefore(FIRST); d = d.minusDays(1)) {
          if (historyKind == 0 || (historyKind == 1 && d.isBefore(LAST.minusDays(shortDays)))) {
            break;
          }
          if (historyKind > 1 && rnd.nextInt(12) == 0) {
            p = p / (1 + rnd.nextGaussian() * 0.05);
            continue; // a missing day
          }
          String date =
              rnd.nextBoolean() ? d.toString() : d + "T" + (10 + rnd.nextInt(13)) + ":00:00Z";
          String close = rnd.nextInt(30) == 0 ? "" : num(p);
          String vol = rnd.nextInt(10) == 0 ? "" : num(Math.exp(15 + rnd.nextGaussian() * 2));
          prices.add(String.join(",", id, date, close, vol));
          p = p / (1 + rnd.nextGaussian() * 0.05);
        }
        if (rnd.nextInt(2) == 0) {
          boolean ties = rnd.nextBoolean(); // whole millions from a small set: equal highs
          for (String venue : new String[] {"binance", "okx", "bybit"}) {
            if (rnd.nextBoolean()) {
              // some venues appear mid-window; some histories are too short (< 7 days)
              int first = rnd.nextInt(4) == 0 ? 3 + rnd.nextInt(12) : 45;
              for (LocalDate d = LAST.minusDays(first); !d.isAfter(LAST); d = d.plusDays(1)) {
                if (rnd.nextInt(6) > 0) {
                  double v = ties ? 1e6 * (1 + rnd.nextInt(4)) : 1e6 * Math.exp(rnd.nextGaussian());
                  oi.add(String.join(",", id, venue, d.toString(), num(v)));
                }
              }
            }
          }
        }
        int events = rnd.nextInt(4);
        for (int e = 0; e < events; e++) {
          String venue =
              new String[] {"binance", "okx", "bybit", "bitget", "kraken"}[rnd.nextInt(5)];
          String market = rnd.nextBoolean() ? "spot" : "perp";
          String action = rnd.nextInt(4) == 0 ? "delist" : "list";
          // often exactly on a window boundary (end of a day), or a second either side of one
          Instant at =
              LAST.plusDays(1).minusDays(rnd.nextInt(35)).atStartOfDay(ZoneOffset.UTC).toInstant();
          int jitter = rnd.nextInt(4);
          at =
              jitter == 0
                  ? at
                  : jitter == 1
                      ? at.plusSeconds(1)
                      : jitter == 2 ? at.minusSeconds(1) : at.plusSeconds(rnd.nextInt(86_400));
          listings.add(String.join(",", id, venue, market, sym + "USDT", at.toString(), action));
        }
        if (rnd.nextInt(3) == 0) {
          for (LocalDate d = LAST.minusDays(30); !d.isAfter(LAST); d = d.plusDays(1)) {
            if (rnd.nextInt(4) > 0) {
              metrics.add(String.join(",", id, d.toString(), "txs", num(rnd.nextInt(10_000))));
            }
          }
        }
      }
      // rows for ids that are not assets: ignored
      prices.add("ghost," + LAST + ",1,1");
      oi.add("ghost,binance," + LAST + ",5");
      Collections.shuffle(prices, rnd); // files need not be sorted
      Collections.shuffle(oi, rnd);
      write(
          dir.resolve("assets.csv"),
          "id,symbol,name,price_usd,market_cap_usd,fdv_usd,volume_24h_usd,change_24h_pct,change_7d_pct,change_30d_pct",
          assets);
      write(dir.resolve("prices.csv"), "id,date,close_usd,volume_usd", prices);
      write(dir.resolve("open_interest.csv"), "id,venue,date,oi_usd", oi);
      write(dir.resolve("listings.csv"), "id,venue,market,pair,listed_at,action", listings);
      write(dir.resolve("metrics.csv"), "id,date,name,value", metrics);
      Files.writeString(
          dir.resolve("snapshot.json"),
          "{\"as_of\":\"" + LAST + "T06:00:00Z\",\"category\":\"test\"}");
    }

    static String num(double v) {
      return String.format(Locale.ROOT, "%.8g", v);
    }

    static void write(Path f, String header, List<String> rows) throws IOException {
      Files.writeString(f, header + "\n" + String.join("\n", rows) + "\n");
    }
  }

  /** SPEC §3 and §1 again, as plainly as possible. */
  static final class Reference {
    record A(
        String id,
        String sym,
        Double price,
        Double cap,
        Double vol24,
        Double c24,
        Double c7,
        Double c30) {}

    record P(String id, LocalDate day, Double close, Double vol) {}

    record O(String id, LocalDate day, double oi) {}

    record L(String id, String venue, String market, Instant at, String action) {}

    record M(String id, LocalDate day, double value) {}

    record Data(
        LocalDate asOf,
        List<A> assets,
        List<P> prices,
        List<O> oi,
        List<L> listings,
        List<M> metrics) {}

    static Double d(String s) {
      return s.isEmpty() ? null : Double.parseDouble(s);
    }

    static List<String[]> rows(Path f) throws IOException {
      List<String> lines = Files.readAllLines(f);
      List<String[]> out = new ArrayList<>();
      for (String l : lines.subList(1, lines.size())) {
        out.add(l.split(",", -1));
      }
      return out;
    }

    static Data load(Path dir) throws IOException {
      List<A> assets = new ArrayList<>();
      for (String[] r : rows(dir.resolve("assets.csv"))) {
        assets.add(new A(r[0], r[1], d(r[3]), d(r[4]), d(r[6]), d(r[7]), d(r[8]), d(r[9])));
      }
      List<P> prices = new ArrayList<>();
      for (String[] r : rows(dir.resolve("prices.csv"))) {
        prices.add(new P(r[0], LocalDate.parse(r[1].substring(0, 10)), d(r[2]), d(r[3])));
      }
      List<O> oi = new ArrayList<>();
      for (String[] r : rows(dir.resolve("open_interest.csv"))) {
        oi.add(new O(r[0], LocalDate.parse(r[2]), Double.parseDouble(r[3])));
      }
      List<L> listings = new ArrayList<>();
      for (String[] r : rows(dir.resolve("listings.csv"))) {
        listings.add(new L(r[0], r[1], r[2], Instant.parse(r[4]), r[5]));
      }
      List<M> metrics = new ArrayList<>();
      for (String[] r : rows(dir.resolve("metrics.csv"))) {
        metrics.add(new M(r[0], LocalDate.parse(r[1]), Double.parseDouble(r[3])));
      }
      return new Data(LAST, assets, prices, oi, listings, metrics);
    }

    static P row(Data data, String id, LocalDate day) {
      for (P p : data.prices) {
        if (p.id.equals(id) && p.day.equals(day)) {
          return p;
        }
      }
      return null;
    }

    static Double close(Data data, String id, LocalDate day) {
      P p = row(data, id, day);
      return p == null ? null : p.close;
    }

    static Double vol(Data data, String id, LocalDate day) {
      P p = row(data, id, day);
      return p == null ? null : p.vol;
    }

    static Double oi(Data data, String id, LocalDate day) {
      Double sum = null;
      for (O o : data.oi) {
        if (o.id.equals(id) && o.day.equals(day)) {
          sum = (sum == null ? 0 : sum) + o.oi;
        }
      }
      return sum;
    }

    static Double pct(Double now, Double then) {
      return now == null || then == null || then == 0 ? null : (now / then - 1) * 100;
    }

    static double amount(String v) {
      double scale = v.endsWith("M") ? 1e6 : v.endsWith("B") ? 1e9 : v.endsWith("k") ? 1e3 : 1;
      return Double.parseDouble(scale == 1 ? v : v.substring(0, v.length() - 1)) * scale;
    }

    static int days(String w) {
      return w.endsWith("h")
          ? Integer.parseInt(w.replace("h", "")) / 24
          : w.endsWith("w")
              ? Integer.parseInt(w.replace("w", "")) * 7
              : Integer.parseInt(w.replace("d", ""));
    }

    /** The --where expressions the tests use, written out by hand. */
    static final Map<String, java.util.function.Predicate<Map<String, Object>>> WHERE =
        Map.of(
            "gain_7d_pct > 0 && market_cap_usd > 100M",
            r -> gt(r.get("gain_7d_pct"), 0) && gt(r.get("market_cap_usd"), 1e8),
            "oi_usd / market_cap_usd > 0.001 || symbol in ['TIE0', 'TIE1']",
            r ->
                (r.get("oi_usd") != null
                        && r.get("market_cap_usd") != null
                        && (Double) r.get("market_cap_usd") != 0
                        && (Double) r.get("oi_usd") / (Double) r.get("market_cap_usd") > 0.001)
                    || List.of("TIE0", "TIE1").contains(r.get("symbol")),
            "m_txs >= 5000 || !(volume_ratio_30d < 2)",
            r ->
                gt(r.get("m_txs"), 4999.999999)
                    || !(r.get("volume_ratio_30d") != null
                        && (Double) r.get("volume_ratio_30d") < 2));

    static boolean gt(Object v, double x) {
      return v != null && (Double) v > x;
    }

    static List<Map<String, Object>> screen(Data data, List<String> flags) {
      LocalDate today = data.asOf;
      List<int[]> gains = new ArrayList<>(); // {days}
      List<Double> gainMin = new ArrayList<>();
      Double spike = null;
      String match = "all";
      List<String[]> sort = new ArrayList<>();
      Integer top = null;
      boolean breakout = false;
      int lookback = 30;
      double margin = 0;
      Double above = null;
      List<int[]> oiChanges = new ArrayList<>();
      List<Double> oiChangeMin = new ArrayList<>();
      Integer listedWithin = null;
      List<String> venues = new ArrayList<>();
      List<String> markets = new ArrayList<>();
      String where = null;
      for (int i = 0; i < flags.size(); i++) {
        String f = flags.get(i);
        if (f.equals("--oi-breakout")) {
          breakout = true;
          continue;
        }
        String v = flags.get(++i);
        switch (f) {
          case "--min-gain" -> {
            gains.add(new int[] {days(v.substring(0, v.indexOf('=')))});
            gainMin.add(Double.parseDouble(v.substring(v.indexOf('=') + 1)));
          }
          case "--min-oi-change" -> {
            oiChanges.add(new int[] {days(v.substring(0, v.indexOf('=')))});
            oiChangeMin.add(Double.parseDouble(v.substring(v.indexOf('=') + 1)));
          }
          case "--volume-spike" -> spike = Double.parseDouble(v);
          case "--oi-lookback" -> lookback = days(v);
          case "--oi-margin" -> margin = Double.parseDouble(v);
          case "--oi-above" -> above = amount(v);
          case "--listed-within" -> listedWithin = days(v);
          case "--venue" -> venues = List.of(v.split(","));
          case "--market" -> markets = List.of(v.split(","));
          case "--where" -> where = v;
          case "--match" -> match = v;
          case "--as-of" -> today = LocalDate.parse(v);
          case "--sort" -> sort.add(v.split(":"));
          case "--top" -> top = Integer.parseInt(v);
          default -> throw new IllegalArgumentException(f);
        }
      }
      int ruleCount =
          gains.size()
              + (breakout ? 1 : 0)
              + (above == null ? 0 : 1)
              + oiChanges.size()
              + (listedWithin == null ? 0 : 1)
              + (spike == null ? 0 : 1)
              + (where == null ? 0 : 1);
      Instant end = today.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
      boolean current = today.equals(data.asOf);
      List<Map<String, Object>> passed = new ArrayList<>();
      for (A a : data.assets) {
        Map<String, Object> r = new HashMap<>();
        r.put("id", a.id);
        r.put("symbol", a.sym);
        Double ct = close(data, a.id, today);
        Double price = current ? a.price : ct;
        Double cap =
            current
                ? a.cap
                : (a.cap == null || ct == null || a.price == null || a.price == 0
                    ? null
                    : a.cap * ct / a.price);
        Double v24 = current ? a.vol24 : vol(data, a.id, today);
        r.put("price_usd", price);
        r.put("market_cap_usd", cap);
        r.put("volume_24h_usd", v24);
        Map<Integer, Double> g = new HashMap<>();
        List<Integer> windows = new ArrayList<>(List.of(1, 7, 30));
        for (int[] w : gains) {
          windows.add(w[0]);
        }
        for (int days : windows) {
          Double x = pct(ct, close(data, a.id, today.minusDays(days)));
          if (x == null && current) {
            x = days == 1 ? a.c24 : days == 7 ? a.c7 : days == 30 ? a.c30 : null;
          }
          g.put(days, x);
          r.put("gain_" + (days == 1 ? "24h" : days + "d") + "_pct", x);
        }
        double sum = 0;
        int cnt = 0;
        for (int i = 1; i <= 30; i++) {
          Double v = vol(data, a.id, today.minusDays(i));
          if (v != null) {
            sum += v;
            cnt++;
          }
        }
        Double vv = v24 != null ? v24 : vol(data, a.id, today);
        Double ratio = vv == null || cnt < 7 || sum == 0 ? null : vv / (sum / cnt);
        r.put("volume_ratio_30d", ratio);
        Double oiToday = oi(data, a.id, today);
        Double high = null;
        int oiDays = 0;
        for (int i = 1; i <= lookback; i++) {
          Double o = oi(data, a.id, today.minusDays(i));
          if (o != null) {
            oiDays++;
          }
          if (o != null && (high == null || o > high)) {
            high = o;
          }
        }
        r.put("oi_usd", oiToday);
        r.put("oi_prev_high_usd", high);
        Map<Integer, Double> oiChange = new HashMap<>();
        List<Integer> oiWindows = new ArrayList<>(List.of(7));
        oiChanges.forEach(w -> oiWindows.add(w[0]));
        for (int d : oiWindows) {
          Double c = pct(oiToday, oi(data, a.id, today.minusDays(d)));
          oiChange.put(d, c);
          r.put("oi_change_" + (d == 1 ? "24h" : d + "d") + "_pct", c);
        }
        Double txs = null;
        for (M m : data.metrics) {
          if (m.id.equals(a.id) && m.day.equals(today)) {
            txs = m.value;
          }
        }
        if (!data.metrics.isEmpty()) {
          r.put("m_txs", txs);
        }
        List<String> listings = new ArrayList<>();
        int inWindow = 0;
        List<L> mine = new ArrayList<>();
        for (L l : data.listings) {
          if (l.id.equals(a.id) && !l.at.isAfter(end)) {
            mine.add(l);
            if (listedWithin != null
                && l.action.equals("list")
                && l.at.isAfter(end.minusSeconds(listedWithin * 86_400L))
                && (venues.isEmpty() || venues.contains(l.venue))
                && (markets.isEmpty() || markets.contains(l.market))) {
              inWindow++;
            }
          }
        }
        mine.sort(Comparator.comparing((L l) -> l.at).reversed().thenComparing(l -> l.venue));
        for (L l : mine) {
          listings.add(l.venue + "|" + l.market + "|" + l.at + "|" + l.action);
        }
        r.put("listings", listings);
        List<String> signals = new ArrayList<>();
        for (int i = 0; i < gains.size(); i++) {
          Double x = g.get(gains.get(i)[0]);
          if (x != null && x >= gainMin.get(i)) {
            signals.add("gain_" + (gains.get(i)[0] == 1 ? "24h" : gains.get(i)[0] + "d"));
          }
        }
        boolean enough = oiDays >= 7 && high != null;
        if (breakout && enough && oiToday != null && oiToday > high * (1 + margin / 100)) {
          signals.add("oi_breakout");
        }
        if (above != null && enough && oiToday != null && oiToday >= above && high < above) {
          signals.add("oi_above");
        }
        for (int i = 0; i < oiChanges.size(); i++) {
          Double c = oiChange.get(oiChanges.get(i)[0]);
          if (c != null && c >= oiChangeMin.get(i)) {
            signals.add("oi_change_" + oiChanges.get(i)[0] + "d");
          }
        }
        if (listedWithin != null && inWindow > 0) {
          signals.add("listing");
        }
        if (spike != null && ratio != null && ratio >= spike) {
          signals.add("volume_spike");
        }
        if (where != null && WHERE.get(where).test(r)) {
          signals.add("where");
        }
        r.put("signals", signals);
        r.put("score", signals.size());
        boolean keep =
            ruleCount == 0
                || (match.equals("all") ? signals.size() == ruleCount : !signals.isEmpty());
        if (keep) {
          passed.add(r);
        }
      }
      if (sort.isEmpty()) {
        sort =
            List.of(
                new String[] {"score", "desc"},
                new String[] {"gain_7d_pct", "desc"},
                new String[] {"symbol", "asc"});
      }
      Comparator<Map<String, Object>> c = (x, y) -> 0;
      for (String[] k : sort) {
        String f = k[0];
        boolean text = f.equals("symbol") || f.equals("id") || f.equals("name");
        boolean desc = k.length > 1 ? k[1].equals("desc") : !text;
        c =
            c.thenComparing(
                (x, y) -> {
                  Object p = x.get(f);
                  Object q = y.get(f);
                  if (p == null || q == null) {
                    return p == null ? (q == null ? 0 : 1) : -1;
                  }
                  int cmp =
                      text
                          ? ((String) p).compareTo((String) q)
                          : Double.compare(((Number) p).doubleValue(), ((Number) q).doubleValue());
                  return desc ? -cmp : cmp;
                });
      }
      c = c.thenComparing(x -> (String) x.get("symbol")).thenComparing(x -> (String) x.get("id"));
      passed.sort(c);
      List<Map<String, Object>> out = new ArrayList<>();
      for (int i = 0; i < passed.size() && (top == null || i < top); i++) {
        passed.get(i).put("rank", i + 1);
        out.add(passed.get(i));
      }
      return out;
    }
  }
}
