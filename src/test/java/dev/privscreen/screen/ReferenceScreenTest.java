package dev.privscreen.screen;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.privscreen.CliDriver;
import dev.privscreen.CliDriver.Result;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
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
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Screens random, unseen data sets full of SPEC §3's edge cases and compares every field with a
 * second implementation written here from the SPEC text alone: plain lists, linear scans, no shared
 * code with the product. Numbers must agree to 1e-6 relative; order, rank, signals and score
 * exactly.
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
            List.of("--sort", "market_cap_usd:asc", "--as-of", "2025-11-01"));
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
    Path dir = tmp.resolve("data-" + seed);
    if (!Files.exists(dir)) {
      new DataSet(seed).write(dir);
    }
    List<String> args = new ArrayList<>(List.of("screen", "--from", dir.toString(), "--json"));
    args.addAll(flags);
    Result r = CliDriver.privscreen(args.toArray(String[]::new));
    assertThat(r.exitCode()).as(r.toString()).isZero();

    List<Map<String, Object>> expected = Reference.screen(Reference.load(dir), flags);
    JsonNode actual = r.json().get("results");

    assertThat(actual.size()).as("result count\n" + r).isEqualTo(expected.size());
    for (int i = 0; i < expected.size(); i++) {
      Map<String, Object> e = expected.get(i);
      JsonNode a = actual.get(i);
      for (Map.Entry<String, Object> f : e.entrySet()) {
        String where = "result " + i + " (" + e.get("symbol") + ") field " + f.getKey();
        JsonNode v = a.get(f.getKey());
        assertThat(v).as(where + " is present").isNotNull();
        Object want = f.getValue();
        if (want == null) {
          assertThat(v.isNull()).as(where + " = " + v + ", want null").isTrue();
        } else if (want instanceof Double d) {
          assertThat(v.isNumber()).as(where + " = " + v + ", want " + d).isTrue();
          assertThat(relErr(v.asDouble(), d))
              .as(where + " = " + v + ", want " + d)
              .isLessThan(1e-6);
        } else if (want instanceof List<?> list) {
          List<String> got = new ArrayList<>();
          v.forEach(x -> got.add(x.asText()));
          assertThat(got).as(where).isEqualTo(list);
        } else if (want instanceof Integer n) {
          assertThat(v.asInt()).as(where).isEqualTo(n);
        } else {
          assertThat(v.asText()).as(where).isEqualTo(want);
        }
      }
    }
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
        if (rnd.nextInt(3) == 0) {
          for (String venue : new String[] {"binance", "okx", "bybit"}) {
            if (rnd.nextBoolean()) {
              for (LocalDate d = LAST.minusDays(40); !d.isAfter(LAST); d = d.plusDays(1)) {
                if (rnd.nextInt(5) > 0) {
                  oi.add(
                      String.join(
                          ",", id, venue, d.toString(), num(1e6 * Math.exp(rnd.nextGaussian()))));
                }
              }
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

    record Data(LocalDate asOf, List<A> assets, List<P> prices, List<O> oi) {}

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
      return new Data(LAST, assets, prices, oi);
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

    static List<Map<String, Object>> screen(Data data, List<String> flags) {
      LocalDate today = data.asOf;
      List<int[]> gains = new ArrayList<>(); // {days, minPct}
      List<Double> gainMin = new ArrayList<>();
      Double spike = null;
      String match = "all";
      List<String[]> sort = new ArrayList<>();
      Integer top = null;
      for (int i = 0; i < flags.size(); i += 2) {
        String v = flags.get(i + 1);
        switch (flags.get(i)) {
          case "--min-gain" -> {
            String w = v.substring(0, v.indexOf('='));
            int days =
                w.endsWith("h")
                    ? Integer.parseInt(w.replace("h", "")) / 24
                    : w.endsWith("w")
                        ? Integer.parseInt(w.replace("w", "")) * 7
                        : Integer.parseInt(w.replace("d", ""));
            gains.add(new int[] {days});
            gainMin.add(Double.parseDouble(v.substring(v.indexOf('=') + 1)));
          }
          case "--volume-spike" -> spike = Double.parseDouble(v);
          case "--match" -> match = v;
          case "--as-of" -> today = LocalDate.parse(v);
          case "--sort" -> sort.add(v.split(":"));
          case "--top" -> top = Integer.parseInt(v);
          default -> throw new IllegalArgumentException(flags.get(i));
        }
      }
      boolean current = today.equals(data.asOf);
      int ruleCount = gains.size() + (spike == null ? 0 : 1);
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
        for (int i = 1; i <= 30; i++) {
          Double o = oi(data, a.id, today.minusDays(i));
          if (o != null && (high == null || o > high)) {
            high = o;
          }
        }
        r.put("oi_usd", oiToday);
        r.put("oi_prev_high_usd", high);
        r.put("oi_change_7d_pct", pct(oiToday, oi(data, a.id, today.minusDays(7))));
        List<String> signals = new ArrayList<>();
        for (int i = 0; i < gains.size(); i++) {
          Double x = g.get(gains.get(i)[0]);
          if (x != null && x >= gainMin.get(i)) {
            signals.add("gain_" + (gains.get(i)[0] == 1 ? "24h" : gains.get(i)[0] + "d"));
          }
        }
        if (spike != null && ratio != null && ratio >= spike) {
          signals.add("volume_spike");
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
